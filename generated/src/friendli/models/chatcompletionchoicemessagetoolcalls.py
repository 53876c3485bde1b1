"""ChatCompletionChoiceMessageToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class ChatCompletionChoiceMessageToolCallsTypedDict(TypedDict):
    id: str
    "The ID of the tool call."
    type: (
        _chatcompletionchoicemessagetoolcallstype.ChatCompletionChoiceMessageToolCallsType
    )
    "The type of the tool."
    function: (
        _chatcompletionchoicemessagetoolcallsfunction.ChatCompletionChoiceMessageToolCallsFunctionTypedDict
    )


class ChatCompletionChoiceMessageToolCalls(BaseModel):
    id: str
    "The ID of the tool call."
    type: Union[
        _chatcompletionchoicemessagetoolcallstype.ChatCompletionChoiceMessageToolCallsType,
        UnrecognizedStr,
    ]
    "The type of the tool."
    function: (
        _chatcompletionchoicemessagetoolcallsfunction.ChatCompletionChoiceMessageToolCallsFunction
    )


from . import (
    chatcompletionchoicemessagetoolcallsfunction as _chatcompletionchoicemessagetoolcallsfunction,
)
from . import (
    chatcompletionchoicemessagetoolcallstype as _chatcompletionchoicemessagetoolcallstype,
)
