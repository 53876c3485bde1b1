"""Tool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class ToolTypedDict(TypedDict):
    type: _tooltype.ToolType
    "The type of the tool. Currently, only `function` is supported."
    function: _function.FunctionTypedDict


class Tool(BaseModel):
    type: Union[_tooltype.ToolType, UnrecognizedStr]
    "The type of the tool. Currently, only `function` is supported."
    function: _function.Function


from . import function as _function
from . import tooltype as _tooltype
