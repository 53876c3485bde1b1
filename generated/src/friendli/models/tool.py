"""Tool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .function import Function, FunctionTypedDict
from .tooltype import ToolType


class ToolTypedDict(TypedDict):
    type: ToolType
    "The type of the tool. Currently, only `function` is supported."
    function: FunctionTypedDict


class Tool(BaseModel):
    type: Union[ToolType, UnrecognizedStr]
    "The type of the tool. Currently, only `function` is supported."
    function: Function

    # region custom Tool
    # endregion
