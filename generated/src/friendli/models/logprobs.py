"""Logprobs: Log probability information for the choice."""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class LogprobsTypedDict(TypedDict):
    content: NotRequired[List[_content.ContentTypedDict]]
    "A list of message content tokens with log probability information."


class Logprobs(BaseModel):
    """Log probability information for the choice."""

    content: Optional[List[_content.Content]] = None
    "A list of message content tokens with log probability information."


from . import content as _content
