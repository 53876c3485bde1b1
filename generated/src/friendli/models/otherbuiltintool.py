"""OtherBuiltInTool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .otherbuiltintooltype import OtherBuiltInToolType


class OtherBuiltInToolTypedDict(TypedDict):
    type: OtherBuiltInToolType
    "The type of the built-in tool."


class OtherBuiltInTool(BaseModel):
    type: Union[OtherBuiltInToolType, UnrecognizedStr]
    "The type of the built-in tool."

    # region custom OtherBuiltInTool
    # endregion
