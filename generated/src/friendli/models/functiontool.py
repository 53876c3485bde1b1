"""FunctionTool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .function import Function, FunctionTypedDict
from .functiontooltype import FunctionToolType


class FunctionToolTypedDict(TypedDict):
    type: FunctionToolType
    "The type of the tool."
    function: FunctionTypedDict


class FunctionTool(BaseModel):
    type: Union[FunctionToolType, UnrecognizedStr]
    "The type of the tool."
    function: Function

    # region custom FunctionTool
    # endregion
