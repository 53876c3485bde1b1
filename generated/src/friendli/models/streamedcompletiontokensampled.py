"""StreamedCompletionTokenSampled"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .streamedcompletiontokensampledevent import StreamedCompletionTokenSampledEvent


class StreamedCompletionTokenSampledTypedDict(TypedDict):
    event: StreamedCompletionTokenSampledEvent
    "Type of server-sent event."
    index: int
    "The index of the choice in the list of generated choices."
    text: str
    "Generated text output."
    token: int
    "Generated output token."


class StreamedCompletionTokenSampled(BaseModel):
    event: Union[StreamedCompletionTokenSampledEvent, UnrecognizedStr]
    "Type of server-sent event."
    index: int
    "The index of the choice in the list of generated choices."
    text: str
    "Generated text output."
    token: int
    "Generated output token."

    # region custom StreamedCompletionTokenSampled
    # endregion
