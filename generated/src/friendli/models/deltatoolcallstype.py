"""DeltaToolCallsType: The type of the tool."""

from typing import Literal

DeltaToolCallsType = Literal["function"]
"The type of the tool."
