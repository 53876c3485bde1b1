"""StreamedToolAssistedChatCompletionResponseData"""

from __future__ import annotations

from typing import Union

from .streamedtoolassistedchatcompletiontoken import (
    StreamedToolAssistedChatCompletionToken,
    StreamedToolAssistedChatCompletionTokenTypedDict,
)
from .toolassistedchattoolstatusevent import (
    ToolAssistedChatToolStatusEvent,
    ToolAssistedChatToolStatusEventTypedDict,
)

StreamedToolAssistedChatCompletionResponseData = Union[
    StreamedToolAssistedChatCompletionToken, ToolAssistedChatToolStatusEvent
]

StreamedToolAssistedChatCompletionResponseDataTypedDict = Union[
    StreamedToolAssistedChatCompletionTokenTypedDict,
    ToolAssistedChatToolStatusEventTypedDict,
]
