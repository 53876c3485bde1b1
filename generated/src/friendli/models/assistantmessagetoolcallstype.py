"""AssistantMessageToolCallsType: The type of tool call."""

from typing import Literal

AssistantMessageToolCallsType = Literal["function"]
"The type of tool call."
