"""StreamedToolAssistedChatCompletionToken"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel


class StreamedToolAssistedChatCompletionTokenTypedDict(TypedDict):
    choices: List[_streamedchatcompletionchoice.StreamedChatCompletionChoiceTypedDict]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


class StreamedToolAssistedChatCompletionToken(BaseModel):
    choices: List[_streamedchatcompletionchoice.StreamedChatCompletionChoice]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


from . import streamedchatcompletionchoice as _streamedchatcompletionchoice
