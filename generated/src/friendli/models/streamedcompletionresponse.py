"""StreamedCompletionResponse"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class StreamedCompletionResponseTypedDict(TypedDict):
    data: _streamedcompletionresponsedata.StreamedCompletionResponseDataTypedDict


class StreamedCompletionResponse(BaseModel):
    data: _streamedcompletionresponsedata.StreamedCompletionResponseData


from . import streamedcompletionresponsedata as _streamedcompletionresponsedata
