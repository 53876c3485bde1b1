"""CompletionResponse"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel


class CompletionResponseTypedDict(TypedDict):
    choices: List[_completionchoice.CompletionChoiceTypedDict]
    usage: _usage.UsageTypedDict


class CompletionResponse(BaseModel):
    choices: List[_completionchoice.CompletionChoice]
    usage: _usage.Usage


from . import completionchoice as _completionchoice
from . import usage as _usage
