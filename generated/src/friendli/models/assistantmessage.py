"""AssistantMessage"""

from __future__ import annotations

from typing import List, Optional, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .assistantmessagerole import AssistantMessageRole
from .assistantmessagetoolcalls import (
    AssistantMessageToolCalls,
    AssistantMessageToolCallsTypedDict,
)


class AssistantMessageTypedDict(TypedDict):
    role: AssistantMessageRole
    "The role of the messages author."
    content: NotRequired[str]
    "The content of assistant message. Required unless `tool_calls` is specified."
    name: NotRequired[str]
    "The name for the participant to distinguish between participants with the same role."
    tool_calls: NotRequired[List[AssistantMessageToolCallsTypedDict]]


class AssistantMessage(BaseModel):
    role: Union[AssistantMessageRole, UnrecognizedStr]
    "The role of the messages author."
    content: Optional[str] = None
    "The content of assistant message. Required unless `tool_calls` is specified."
    name: Optional[str] = None
    "The name for the participant to distinguish between participants with the same role."
    tool_calls: Optional[List[AssistantMessageToolCalls]] = None

    # region custom AssistantMessage
    # endregion
