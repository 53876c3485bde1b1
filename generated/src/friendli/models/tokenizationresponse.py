"""TokenizationResponse"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class TokenizationResponseTypedDict(TypedDict):
    tokens: NotRequired[List[int]]
    "A list of token IDs."


class TokenizationResponse(BaseModel):
    tokens: Optional[List[int]] = None
    "A list of token IDs."

    # region custom TokenizationResponse
    # endregion
