"""DetokenizationResponse"""

from __future__ import annotations

from typing import Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class DetokenizationResponseTypedDict(TypedDict):
    text: NotRequired[str]
    "Detokenized text output."


class DetokenizationResponse(BaseModel):
    text: Optional[str] = None
    "Detokenized text output."

    # region custom DetokenizationResponse
    # endregion
