"""AssistantMessageToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class AssistantMessageToolCallsTypedDict(TypedDict):
    id: str
    "The ID of tool call."
    type: _assistantmessagetoolcallstype.AssistantMessageToolCallsType
    "The type of tool call."
    function: (
        _assistantmessagetoolcallsfunction.AssistantMessageToolCallsFunctionTypedDict
    )
    "The function specification"


class AssistantMessageToolCalls(BaseModel):
    id: str
    "The ID of tool call."
    type: Union[
        _assistantmessagetoolcallstype.AssistantMessageToolCallsType, UnrecognizedStr
    ]
    "The type of tool call."
    function: _assistantmessagetoolcallsfunction.AssistantMessageToolCallsFunction
    "The function specification"


from . import assistantmessagetoolcallsfunction as _assistantmessagetoolcallsfunction
from . import assistantmessagetoolcallstype as _assistantmessagetoolcallstype
