"""StreamedCompletionTokenComplete"""

from __future__ import annotations

from typing import List, Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .completionchoice import CompletionChoice, CompletionChoiceTypedDict
from .streamedcompletiontokencompleteevent import StreamedCompletionTokenCompleteEvent
from .usage import Usage, UsageTypedDict


class StreamedCompletionTokenCompleteTypedDict(TypedDict):
    event: StreamedCompletionTokenCompleteEvent
    "Type of server-sent event."
    choices: List[CompletionChoiceTypedDict]
    usage: UsageTypedDict


class StreamedCompletionTokenComplete(BaseModel):
    event: Union[StreamedCompletionTokenCompleteEvent, UnrecognizedStr]
    "Type of server-sent event."
    choices: List[CompletionChoice]
    usage: Usage

    # region custom StreamedCompletionTokenComplete
    # endregion
