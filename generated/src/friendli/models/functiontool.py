"""FunctionTool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class FunctionToolTypedDict(TypedDict):
    type: _functiontooltype.FunctionToolType
    "The type of the tool."
    function: _function.FunctionTypedDict


class FunctionTool(BaseModel):
    type: Union[_functiontooltype.FunctionToolType, UnrecognizedStr]
    "The type of the tool."
    function: _function.Function


from . import function as _function
from . import functiontooltype as _functiontooltype
