"""SystemMessage"""

from __future__ import annotations

from typing import Optional, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .systemmessagerole import SystemMessageRole


class SystemMessageTypedDict(TypedDict):
    role: SystemMessageRole
    "The role of the messages author."
    content: str
    "The content of system message."
    name: NotRequired[str]
    "The name for the participant to distinguish between participants with the same role."


class SystemMessage(BaseModel):
    role: Union[SystemMessageRole, UnrecognizedStr]
    "The role of the messages author."
    content: str
    "The content of system message."
    name: Optional[str] = None
    "The name for the participant to distinguish between participants with the same role."

    # region custom SystemMessage
    # endregion
