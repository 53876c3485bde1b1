"""ChatCompletionRequestBodyToolChoice2"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .chatcompletionrequestbodytoolchoice2function import (
    ChatCompletionRequestBodyToolChoice2Function,
    ChatCompletionRequestBodyToolChoice2FunctionTypedDict,
)
from .chatcompletionrequestbodytoolchoice2type import (
    ChatCompletionRequestBodyToolChoice2Type,
)


class ChatCompletionRequestBodyToolChoice2TypedDict(TypedDict):
    type: ChatCompletionRequestBodyToolChoice2Type
    "The type of the tool. Currently, only `function` is supported."
    function: ChatCompletionRequestBodyToolChoice2FunctionTypedDict


class ChatCompletionRequestBodyToolChoice2(BaseModel):
    type: Union[ChatCompletionRequestBodyToolChoice2Type, UnrecognizedStr]
    "The type of the tool. Currently, only `function` is supported."
    function: ChatCompletionRequestBodyToolChoice2Function

    # region custom ChatCompletionRequestBodyToolChoice2
    # endregion
