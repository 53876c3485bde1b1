"""StreamedChatCompletionResponse: A server-sent event containing chat completion content."""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class StreamedChatCompletionResponseTypedDict(TypedDict):
    data: (
        _streamedchatcompletionresponsedata.StreamedChatCompletionResponseDataTypedDict
    )


class StreamedChatCompletionResponse(BaseModel):
    """A server-sent event containing chat completion content."""

    data: _streamedchatcompletionresponsedata.StreamedChatCompletionResponseData


from . import streamedchatcompletionresponsedata as _streamedchatcompletionresponsedata
