"""AssistantMessageToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .assistantmessagetoolcallsfunction import (
    AssistantMessageToolCallsFunction,
    AssistantMessageToolCallsFunctionTypedDict,
)
from .assistantmessagetoolcallstype import AssistantMessageToolCallsType


class AssistantMessageToolCallsTypedDict(TypedDict):
    id: str
    "The ID of tool call."
    type: AssistantMessageToolCallsType
    "The type of tool call."
    function: AssistantMessageToolCallsFunctionTypedDict
    "The function specification"


class AssistantMessageToolCalls(BaseModel):
    id: str
    "The ID of tool call."
    type: Union[AssistantMessageToolCallsType, UnrecognizedStr]
    "The type of tool call."
    function: AssistantMessageToolCallsFunction
    "The function specification"

    # region custom AssistantMessageToolCalls
    # endregion
