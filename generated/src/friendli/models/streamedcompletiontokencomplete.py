"""StreamedCompletionTokenComplete"""

from __future__ import annotations

from typing import List, Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class StreamedCompletionTokenCompleteTypedDict(TypedDict):
    event: _streamedcompletiontokencompleteevent.StreamedCompletionTokenCompleteEvent
    "Type of server-sent event."
    choices: List[_completionchoice.CompletionChoiceTypedDict]
    usage: _usage.UsageTypedDict


class StreamedCompletionTokenComplete(BaseModel):
    event: Union[
        _streamedcompletiontokencompleteevent.StreamedCompletionTokenCompleteEvent,
        UnrecognizedStr,
    ]
    "Type of server-sent event."
    choices: List[_completionchoice.CompletionChoice]
    usage: _usage.Usage


from . import completionchoice as _completionchoice
from . import (
    streamedcompletiontokencompleteevent as _streamedcompletiontokencompleteevent,
)
from . import usage as _usage
