"""StreamedCompletionTokenCompleteEvent: Type of server-sent event."""

from typing import Literal

StreamedCompletionTokenCompleteEvent = Literal["complete"]
"Type of server-sent event."
