"""AssistantMessageRole: The role of the messages author."""

from typing import Literal

AssistantMessageRole = Literal["assistant"]
"The role of the messages author."
