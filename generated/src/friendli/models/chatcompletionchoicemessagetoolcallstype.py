"""ChatCompletionChoiceMessageToolCallsType: The type of the tool."""

from typing import Literal

ChatCompletionChoiceMessageToolCallsType = Literal["function"]
"The type of the tool."
