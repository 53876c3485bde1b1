"""Logprobs: Log probability information for the choice."""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .content import Content, ContentTypedDict


class LogprobsTypedDict(TypedDict):
    content: NotRequired[List[ContentTypedDict]]
    "A list of message content tokens with log probability information."


class Logprobs(BaseModel):
    """Log probability information for the choice."""

    content: Optional[List[Content]] = None
    "A list of message content tokens with log probability information."

    # region custom Logprobs
    # endregion
