"""TokenSequence"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class TokenSequenceTypedDict(TypedDict):
    tokens: NotRequired[List[int]]
    "A List of token IDs."


class TokenSequence(BaseModel):
    tokens: Optional[List[int]] = None
    "A List of token IDs."

    # region custom TokenSequence
    # endregion
