"""DetokenizationRequestBody"""

from __future__ import annotations

from typing import List, Optional
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel


class DetokenizationRequestBodyTypedDict(TypedDict):
    model: NotRequired[str]
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    tokens: NotRequired[List[int]]
    "A token sequence to detokenize."


class DetokenizationRequestBody(BaseModel):
    model: Optional[str] = None
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    tokens: Optional[List[int]] = None
    "A token sequence to detokenize."

    # region custom DetokenizationRequestBody
    # endregion
