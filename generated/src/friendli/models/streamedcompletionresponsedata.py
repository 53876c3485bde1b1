"""StreamedCompletionResponseData"""

from __future__ import annotations

from typing import Union

from .streamedcompletiontokencomplete import (
    StreamedCompletionTokenComplete,
    StreamedCompletionTokenCompleteTypedDict,
)
from .streamedcompletiontokensampled import (
    StreamedCompletionTokenSampled,
    StreamedCompletionTokenSampledTypedDict,
)

StreamedCompletionResponseData = Union[
    StreamedCompletionTokenSampled, StreamedCompletionTokenComplete
]

StreamedCompletionResponseDataTypedDict = Union[
    StreamedCompletionTokenSampledTypedDict, StreamedCompletionTokenCompleteTypedDict
]
