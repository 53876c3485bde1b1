"""Content"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .toplogprobs import TopLogprobs, TopLogprobsTypedDict


class ContentTypedDict(TypedDict):
    token: NotRequired[str]
    "The token."
    logprob: NotRequired[float]
    "The log probability of this token."
    top_logprobs: NotRequired[List[TopLogprobsTypedDict]]
    "List of the most likely tokens and their log probability, at this token position."


class Content(BaseModel):
    token: Optional[str] = None
    "The token."
    logprob: Optional[float] = None
    "The log probability of this token."
    top_logprobs: Optional[List[TopLogprobs]] = None
    "List of the most likely tokens and their log probability, at this token position."

    # region custom Content
    # endregion
