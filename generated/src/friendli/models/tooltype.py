"""ToolType: The type of the tool. Currently, only `function` is supported."""

from typing import Literal

ToolType = Literal["function"]
"The type of the tool. Currently, only `function` is supported."
