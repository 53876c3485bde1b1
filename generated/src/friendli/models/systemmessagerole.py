"""SystemMessageRole: The role of the messages author."""

from typing import Literal

SystemMessageRole = Literal["system"]
"The role of the messages author."
