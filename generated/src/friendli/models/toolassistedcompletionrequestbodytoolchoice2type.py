"""ToolAssistedCompletionRequestBodyToolChoice2Type: The type of the tool. Currently, only `function` is supported."""

from typing import Literal

ToolAssistedCompletionRequestBodyToolChoice2Type = Literal["function"]
"The type of the tool. Currently, only `function` is supported."
