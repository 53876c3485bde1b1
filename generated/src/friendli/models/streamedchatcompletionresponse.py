"""StreamedChatCompletionResponse: A server-sent event containing chat completion content."""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel
from .streamedchatcompletionresponsedata import (
    StreamedChatCompletionResponseData,
    StreamedChatCompletionResponseDataTypedDict,
)


class StreamedChatCompletionResponseTypedDict(TypedDict):
    data: StreamedChatCompletionResponseDataTypedDict


class StreamedChatCompletionResponse(BaseModel):
    """A server-sent event containing chat completion content."""

    data: StreamedChatCompletionResponseData

    # region custom StreamedChatCompletionResponse
    # endregion
