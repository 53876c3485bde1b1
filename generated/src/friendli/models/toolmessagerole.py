"""ToolMessageRole: The role of the messages author."""

from typing import Literal

ToolMessageRole = Literal["tool"]
"The role of the messages author."
