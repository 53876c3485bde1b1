"""StreamedCompletionTokenComplete"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel


class StreamedCompletionTokenCompleteTypedDict(TypedDict):
    event: _streamedcompletiontokencompleteevent.StreamedCompletionTokenCompleteEvent
    "Type of server-sent event."
    choices: List[_completionchoice.CompletionChoiceTypedDict]
    usage: _usage.UsageTypedDict


class StreamedCompletionTokenComplete(BaseModel):
    event: _streamedcompletiontokencompleteevent.StreamedCompletionTokenCompleteEvent
    "Type of server-sent event."
    choices: List[_completionchoice.CompletionChoice]
    usage: _usage.Usage


from . import completionchoice as _completionchoice
from . import (
    streamedcompletiontokencompleteevent as _streamedcompletiontokencompleteevent,
)
from . import usage as _usage
