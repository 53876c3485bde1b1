"""UserMessageRole: The role of the messages author."""

from typing import Literal

UserMessageRole = Literal["user"]
"The role of the messages author."
