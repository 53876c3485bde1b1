"""ToolMessage"""

from __future__ import annotations

from typing import Optional, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .toolmessagerole import ToolMessageRole


class ToolMessageTypedDict(TypedDict):
    role: ToolMessageRole
    "The role of the messages author."
    content: str
    "The content of tool message that contains the result of tool calling."
    tool_call_id: str
    "The ID of tool call corresponding to this message."
    name: NotRequired[str]
    "An optional name of the tool call corresponding to this message."


class ToolMessage(BaseModel):
    role: Union[ToolMessageRole, UnrecognizedStr]
    "The role of the messages author."
    content: str
    "The content of tool message that contains the result of tool calling."
    tool_call_id: str
    "The ID of tool call corresponding to this message."
    name: Optional[str] = None
    "An optional name of the tool call corresponding to this message."

    # region custom ToolMessage
    # endregion
