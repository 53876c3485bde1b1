"""ChatCompletionRequestBodyToolChoice2"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class ChatCompletionRequestBodyToolChoice2TypedDict(TypedDict):
    type: (
        _chatcompletionrequestbodytoolchoice2type.ChatCompletionRequestBodyToolChoice2Type
    )
    "The type of the tool. Currently, only `function` is supported."
    function: (
        _chatcompletionrequestbodytoolchoice2function.ChatCompletionRequestBodyToolChoice2FunctionTypedDict
    )


class ChatCompletionRequestBodyToolChoice2(BaseModel):
    type: Union[
        _chatcompletionrequestbodytoolchoice2type.ChatCompletionRequestBodyToolChoice2Type,
        UnrecognizedStr,
    ]
    "The type of the tool. Currently, only `function` is supported."
    function: (
        _chatcompletionrequestbodytoolchoice2function.ChatCompletionRequestBodyToolChoice2Function
    )


from . import (
    chatcompletionrequestbodytoolchoice2function as _chatcompletionrequestbodytoolchoice2function,
)
from . import (
    chatcompletionrequestbodytoolchoice2type as _chatcompletionrequestbodytoolchoice2type,
)
