"""StreamedCompletionResponseData"""

from __future__ import annotations

from typing import Union
from typing_extensions import Annotated

import pydantic

from ._base import discriminate
from .streamedcompletiontokencomplete import (
    StreamedCompletionTokenComplete,
    StreamedCompletionTokenCompleteTypedDict,
)
from .streamedcompletiontokensampled import (
    StreamedCompletionTokenSampled,
    StreamedCompletionTokenSampledTypedDict,
)

StreamedCompletionResponseData = Annotated[
    Union[
        Annotated[
            StreamedCompletionTokenSampled,
            pydantic.Tag("StreamedCompletionTokenSampled"),
        ],
        Annotated[
            StreamedCompletionTokenComplete,
            pydantic.Tag("StreamedCompletionTokenComplete"),
        ],
    ],
    pydantic.Discriminator(
        discriminate(
            "event",
            {
                "complete": "StreamedCompletionTokenComplete",
                "token_sampled": "StreamedCompletionTokenSampled",
            },
            (StreamedCompletionTokenSampled, StreamedCompletionTokenComplete),
        )
    ),
]

StreamedCompletionResponseDataTypedDict = Union[
    StreamedCompletionTokenSampledTypedDict, StreamedCompletionTokenCompleteTypedDict
]
