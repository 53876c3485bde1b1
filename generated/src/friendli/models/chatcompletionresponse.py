"""ChatCompletionResponse"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .chatcompletionchoice import ChatCompletionChoice, ChatCompletionChoiceTypedDict
from .usage import Usage, UsageTypedDict


class ChatCompletionResponseTypedDict(TypedDict):
    choices: List[ChatCompletionChoiceTypedDict]
    usage: UsageTypedDict
    created: NotRequired[int]
    "The Unix timestamp (in seconds) for when the generation completed."


class ChatCompletionResponse(BaseModel):
    choices: List[ChatCompletionChoice]
    usage: Usage
    created: Optional[int] = None
    "The Unix timestamp (in seconds) for when the generation completed."

    # region custom ChatCompletionResponse
    # endregion
