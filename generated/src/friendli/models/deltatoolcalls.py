"""DeltaToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .deltatoolcallsfunction import (
    DeltaToolCallsFunction,
    DeltaToolCallsFunctionTypedDict,
)
from .deltatoolcallstype import DeltaToolCallsType


class DeltaToolCallsTypedDict(TypedDict):
    index: int
    "The index of tool call being generated."
    id: str
    "The ID of the tool call."
    type: DeltaToolCallsType
    "The type of the tool."
    function: DeltaToolCallsFunctionTypedDict


class DeltaToolCalls(BaseModel):
    index: int
    "The index of tool call being generated."
    id: str
    "The ID of the tool call."
    type: Union[DeltaToolCallsType, UnrecognizedStr]
    "The type of the tool."
    function: DeltaToolCallsFunction

    # region custom DeltaToolCalls
    # endregion
