"""StreamedToolAssistedChatCompletionToken"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel
from .streamedchatcompletionchoice import (
    StreamedChatCompletionChoice,
    StreamedChatCompletionChoiceTypedDict,
)


class StreamedToolAssistedChatCompletionTokenTypedDict(TypedDict):
    choices: List[StreamedChatCompletionChoiceTypedDict]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."


class StreamedToolAssistedChatCompletionToken(BaseModel):
    choices: List[StreamedChatCompletionChoice]
    created: int
    "The Unix timestamp (in seconds) for when the token sampled."

    # region custom StreamedToolAssistedChatCompletionToken
    # endregion
