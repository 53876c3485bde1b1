"""StreamedChatCompletionResponseData"""

from __future__ import annotations

from typing import List
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable


class StreamedChatCompletionResponseDataTypedDict(TypedDict):
    choices: List[_streamedchatcompletionchoice.StreamedChatCompletionChoiceTypedDict]
    usage: NotRequired[Nullable[_usage.UsageTypedDict]]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


class StreamedChatCompletionResponseData(BaseModel):
    choices: List[_streamedchatcompletionchoice.StreamedChatCompletionChoice]
    usage: OptionalNullable[_usage.Usage] = UNSET
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


from . import streamedchatcompletionchoice as _streamedchatcompletionchoice
from . import usage as _usage
