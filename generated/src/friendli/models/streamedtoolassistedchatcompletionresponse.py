"""StreamedToolAssistedChatCompletionResponse: A server-sent event containing chat completion content."""

from __future__ import annotations

from typing import Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .streamedtoolassistedchatcompletionresponsedata import (
    StreamedToolAssistedChatCompletionResponseData,
    StreamedToolAssistedChatCompletionResponseDataTypedDict,
)


class StreamedToolAssistedChatCompletionResponseTypedDict(TypedDict):
    event: NotRequired[str]
    "Type of server-sent event. `tool_status` for a status update of a built-in tool call; absent for generated tokens."
    data: StreamedToolAssistedChatCompletionResponseDataTypedDict


class StreamedToolAssistedChatCompletionResponse(BaseModel):
    """A server-sent event containing chat completion content."""

    event: Optional[str] = None
    "Type of server-sent event. `tool_status` for a status update of a built-in tool call; absent for generated tokens."
    data: StreamedToolAssistedChatCompletionResponseData

    # region custom StreamedToolAssistedChatCompletionResponse
    # endregion
