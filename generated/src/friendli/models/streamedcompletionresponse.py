"""StreamedCompletionResponse"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel
from .streamedcompletionresponsedata import (
    StreamedCompletionResponseData,
    StreamedCompletionResponseDataTypedDict,
)


class StreamedCompletionResponseTypedDict(TypedDict):
    data: StreamedCompletionResponseDataTypedDict


class StreamedCompletionResponse(BaseModel):
    data: StreamedCompletionResponseData

    # region custom StreamedCompletionResponse
    # endregion
