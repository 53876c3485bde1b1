"""ChatCompletionResponse"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class ChatCompletionResponseTypedDict(TypedDict):
    choices: List[_chatcompletionchoice.ChatCompletionChoiceTypedDict]
    usage: _usage.UsageTypedDict
    created: NotRequired[int]
    "The Unix timestamp (in seconds) for when the generation completed."


class ChatCompletionResponse(BaseModel):
    choices: List[_chatcompletionchoice.ChatCompletionChoice]
    usage: _usage.Usage
    created: Optional[int] = None
    "The Unix timestamp (in seconds) for when the generation completed."


from . import chatcompletionchoice as _chatcompletionchoice
from . import usage as _usage
