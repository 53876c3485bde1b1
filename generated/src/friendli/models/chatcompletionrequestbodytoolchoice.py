"""ChatCompletionRequestBodyToolChoice: Determines the tool calling behavior of the model.
When set to `none`, the model will bypass tool execution and generate a response directly.
In `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.
Alternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.
You can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.
"""

from __future__ import annotations

from typing import Union

from .chatcompletionrequestbodytoolchoice2 import (
    ChatCompletionRequestBodyToolChoice2,
    ChatCompletionRequestBodyToolChoice2TypedDict,
)

ChatCompletionRequestBodyToolChoice = Union[str, ChatCompletionRequestBodyToolChoice2]
'Determines the tool calling behavior of the model.\nWhen set to `none`, the model will bypass tool execution and generate a response directly.\nIn `auto` mode (the default), the model dynamically decides whether to call a tool or respond with a message.\nAlternatively, setting `required` ensures that the model invokes at least one tool before responding to the user.\nYou can also specify a particular tool by `{"type": "function", "function": {"name": "my_function"}}`.'

ChatCompletionRequestBodyToolChoiceTypedDict = Union[
    str, ChatCompletionRequestBodyToolChoice2TypedDict
]
