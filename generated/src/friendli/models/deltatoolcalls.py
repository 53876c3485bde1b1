"""DeltaToolCalls"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class DeltaToolCallsTypedDict(TypedDict):
    index: int
    "The index of tool call being generated."
    id: str
    "The ID of the tool call."
    type: _deltatoolcallstype.DeltaToolCallsType
    "The type of the tool."
    function: _deltatoolcallsfunction.DeltaToolCallsFunctionTypedDict


class DeltaToolCalls(BaseModel):
    index: int
    "The index of tool call being generated."
    id: str
    "The ID of the tool call."
    type: Union[_deltatoolcallstype.DeltaToolCallsType, UnrecognizedStr]
    "The type of the tool."
    function: _deltatoolcallsfunction.DeltaToolCallsFunction


from . import deltatoolcallsfunction as _deltatoolcallsfunction
from . import deltatoolcallstype as _deltatoolcallstype
