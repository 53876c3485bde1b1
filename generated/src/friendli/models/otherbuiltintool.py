"""OtherBuiltInTool"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class OtherBuiltInToolTypedDict(TypedDict):
    type: _otherbuiltintooltype.OtherBuiltInToolType
    "The type of the built-in tool."


class OtherBuiltInTool(BaseModel):
    type: Union[_otherbuiltintooltype.OtherBuiltInToolType, UnrecognizedStr]
    "The type of the built-in tool."


from . import otherbuiltintooltype as _otherbuiltintooltype
