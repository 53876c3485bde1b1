"""TopLogprobs"""

from __future__ import annotations

from typing import Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class TopLogprobsTypedDict(TypedDict):
    token: NotRequired[str]
    "The token."
    logprob: NotRequired[float]
    "The log probability of this token."


class TopLogprobs(BaseModel):
    token: Optional[str] = None
    "The token."
    logprob: Optional[float] = None
    "The log probability of this token."

    # region custom TopLogprobs
    # endregion
