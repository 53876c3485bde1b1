"""ChatCompletionChoiceMessage"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from .chatcompletionchoicemessagetoolcalls import (
    ChatCompletionChoiceMessageToolCalls,
    ChatCompletionChoiceMessageToolCallsTypedDict,
)


class ChatCompletionChoiceMessageTypedDict(TypedDict):
    role: str
    "Role of the generated message author, in this case `assistant`."
    content: NotRequired[str]
    "The contents of the assistant message."
    tool_calls: NotRequired[List[ChatCompletionChoiceMessageToolCallsTypedDict]]


class ChatCompletionChoiceMessage(BaseModel):
    role: str
    "Role of the generated message author, in this case `assistant`."
    content: Optional[str] = None
    "The contents of the assistant message."
    tool_calls: Optional[List[ChatCompletionChoiceMessageToolCalls]] = None

    # region custom ChatCompletionChoiceMessage
    # endregion
