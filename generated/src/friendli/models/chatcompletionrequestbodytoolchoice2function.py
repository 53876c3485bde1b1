"""ChatCompletionRequestBodyToolChoice2Function"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class ChatCompletionRequestBodyToolChoice2FunctionTypedDict(TypedDict):
    name: str
    "The name of the function to be called. Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64."


class ChatCompletionRequestBodyToolChoice2Function(BaseModel):
    name: str
    "The name of the function to be called. Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64."

    # region custom ChatCompletionRequestBodyToolChoice2Function
    # endregion
