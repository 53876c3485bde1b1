"""StreamedChatCompletionResponseData"""

from __future__ import annotations

from typing import List
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .streamedchatcompletionchoice import (
    StreamedChatCompletionChoice,
    StreamedChatCompletionChoiceTypedDict,
)
from .usage import Usage, UsageTypedDict


class StreamedChatCompletionResponseDataTypedDict(TypedDict):
    choices: List[StreamedChatCompletionChoiceTypedDict]
    usage: NotRequired[Nullable[UsageTypedDict]]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


class StreamedChatCompletionResponseData(BaseModel):
    choices: List[StreamedChatCompletionChoice]
    usage: OptionalNullable[Usage] = UNSET
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."

    # region custom StreamedChatCompletionResponseData
    # endregion
