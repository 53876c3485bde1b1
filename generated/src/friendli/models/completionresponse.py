"""CompletionResponse"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel
from .completionchoice import CompletionChoice, CompletionChoiceTypedDict
from .usage import Usage, UsageTypedDict


class CompletionResponseTypedDict(TypedDict):
    choices: List[CompletionChoiceTypedDict]
    usage: UsageTypedDict


class CompletionResponse(BaseModel):
    choices: List[CompletionChoice]
    usage: Usage

    # region custom CompletionResponse
    # endregion
