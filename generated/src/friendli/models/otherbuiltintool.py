"""OtherBuiltInTool"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class OtherBuiltInToolTypedDict(TypedDict):
    type: _otherbuiltintooltype.OtherBuiltInToolType
    "The type of the built-in tool."


class OtherBuiltInTool(BaseModel):
    type: _otherbuiltintooltype.OtherBuiltInToolType
    "The type of the built-in tool."


from . import otherbuiltintooltype as _otherbuiltintooltype
