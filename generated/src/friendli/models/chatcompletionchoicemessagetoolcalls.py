"""ChatCompletionChoiceMessageToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .chatcompletionchoicemessagetoolcallsfunction import (
    ChatCompletionChoiceMessageToolCallsFunction,
    ChatCompletionChoiceMessageToolCallsFunctionTypedDict,
)
from .chatcompletionchoicemessagetoolcallstype import (
    ChatCompletionChoiceMessageToolCallsType,
)


class ChatCompletionChoiceMessageToolCallsTypedDict(TypedDict):
    id: str
    "The ID of the tool call."
    type: ChatCompletionChoiceMessageToolCallsType
    "The type of the tool."
    function: ChatCompletionChoiceMessageToolCallsFunctionTypedDict


class ChatCompletionChoiceMessageToolCalls(BaseModel):
    id: str
    "The ID of the tool call."
    type: Union[ChatCompletionChoiceMessageToolCallsType, UnrecognizedStr]
    "The type of the tool."
    function: ChatCompletionChoiceMessageToolCallsFunction

    # region custom ChatCompletionChoiceMessageToolCalls
    # endregion
