"""StreamedCompletionTokenSampled"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class StreamedCompletionTokenSampledTypedDict(TypedDict):
    event: _streamedcompletiontokensampledevent.StreamedCompletionTokenSampledEvent
    "Type of server-sent event."
    index: int
    "The index of the choice in the list of generated choices."
    text: str
    "Generated text output."
    token: int
    "Generated output token."


class StreamedCompletionTokenSampled(BaseModel):
    event: Union[
        _streamedcompletiontokensampledevent.StreamedCompletionTokenSampledEvent,
        UnrecognizedStr,
    ]
    "Type of server-sent event."
    index: int
    "The index of the choice in the list of generated choices."
    text: str
    "Generated text output."
    token: int
    "Generated output token."


from . import (
    streamedcompletiontokensampledevent as _streamedcompletiontokensampledevent,
)
