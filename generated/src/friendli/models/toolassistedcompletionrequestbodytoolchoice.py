"""ToolAssistedCompletionRequestBodyToolChoice: Determines the tool calling behavior of the model.
When set to `none`, the model will bypass tool execution and generate a response directly.
In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.
Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.
You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
"""

from __future__ import annotations

from typing import Union

from .toolassistedcompletionrequestbodytoolchoice2 import (
    ToolAssistedCompletionRequestBodyToolChoice2,
    ToolAssistedCompletionRequestBodyToolChoice2TypedDict,
)

ToolAssistedCompletionRequestBodyToolChoice = Union[
    str, ToolAssistedCompletionRequestBodyToolChoice2
]
'Determines the tool calling behavior of the model.\nWhen set to `none`, the model will bypass tool execution and generate a response directly.\nIn `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.\nAlternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.\nYou can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.'

ToolAssistedCompletionRequestBodyToolChoiceTypedDict = Union[
    str, ToolAssistedCompletionRequestBodyToolChoice2TypedDict
]
