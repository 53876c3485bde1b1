"""FunctionToolType: The type of the tool."""

from typing import Literal

FunctionToolType = Literal["function"]
"The type of the tool."
