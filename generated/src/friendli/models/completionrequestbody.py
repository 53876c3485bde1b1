"""CompletionRequestBody"""

from __future__ import annotations

from typing import Union

from .completionrequestbodywithprompt import (
    CompletionRequestBodyWithPrompt,
    CompletionRequestBodyWithPromptTypedDict,
)
from .completionrequestbodywithtokens import (
    CompletionRequestBodyWithTokens,
    CompletionRequestBodyWithTokensTypedDict,
)

CompletionRequestBody = Union[
    CompletionRequestBodyWithPrompt, CompletionRequestBodyWithTokens
]

CompletionRequestBodyTypedDict = Union[
    CompletionRequestBodyWithPromptTypedDict, CompletionRequestBodyWithTokensTypedDict
]
