"""AssistantMessage"""

from __future__ import annotations

from typing import List, Optional, Union
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class AssistantMessageTypedDict(TypedDict):
    role: _assistantmessagerole.AssistantMessageRole
    "The role of the messages author."
    content: NotRequired[str]
    "The content of assistant message. Required unless `tool_calls` is specified."
    name: NotRequired[str]
    "The name for the participant to distinguish between participants with the same role."
    tool_calls: NotRequired[
        List[_assistantmessagetoolcalls.AssistantMessageToolCallsTypedDict]
    ]


class AssistantMessage(BaseModel):
    role: Union[_assistantmessagerole.AssistantMessageRole, UnrecognizedStr]
    "The role of the messages author."
    content: Optional[str] = None
    "The content of assistant message. Required unless `tool_calls` is specified."
    name: Optional[str] = None
    "The name for the participant to distinguish between participants with the same role."
    tool_calls: Optional[List[_assistantmessagetoolcalls.AssistantMessageToolCalls]] = (
        None
    )


from . import assistantmessagerole as _assistantmessagerole
from . import assistantmessagetoolcalls as _assistantmessagetoolcalls
