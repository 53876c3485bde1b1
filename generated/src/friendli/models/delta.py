"""Delta"""

from __future__ import annotations

from typing import Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .deltatoolcalls import DeltaToolCalls, DeltaToolCallsTypedDict


class DeltaTypedDict(TypedDict):
    role: NotRequired[str]
    "Role of the generated message author, in this case `assistant`."
    content: NotRequired[str]
    "The contents of the assistant message."
    tool_calls: NotRequired[DeltaToolCallsTypedDict]


class Delta(BaseModel):
    role: Optional[str] = None
    "Role of the generated message author, in this case `assistant`."
    content: Optional[str] = None
    "The contents of the assistant message."
    tool_calls: Optional[DeltaToolCalls] = None

    # region custom Delta
    # endregion
