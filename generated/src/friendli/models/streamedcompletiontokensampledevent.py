"""StreamedCompletionTokenSampledEvent: Type of server-sent event."""

from typing import Literal

StreamedCompletionTokenSampledEvent = Literal["token_sampled"]
"Type of server-sent event."
