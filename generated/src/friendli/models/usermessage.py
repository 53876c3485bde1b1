"""UserMessage"""

from __future__ import annotations

from typing import Optional, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .usermessagerole import UserMessageRole


class UserMessageTypedDict(TypedDict):
    role: UserMessageRole
    "The role of the messages author."
    content: str
    "The content of user message."
    name: NotRequired[str]
    "The name for the participant to distinguish between participants with the same role."


class UserMessage(BaseModel):
    role: Union[UserMessageRole, UnrecognizedStr]
    "The role of the messages author."
    content: str
    "The content of user message."
    name: Optional[str] = None
    "The name for the participant to distinguish between participants with the same role."

    # region custom UserMessage
    # endregion
