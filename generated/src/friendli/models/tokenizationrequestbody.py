"""TokenizationRequestBody"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class TokenizationRequestBodyTypedDict(TypedDict):
    model: str
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    prompt: str
    "Input text prompt to tokenize."


class TokenizationRequestBody(BaseModel):
    model: str
    "Code of the model to use. See [available model list](https://docs.friendli.ai/guides/serverless_endpoints/pricing#text-generation-models)."
    prompt: str
    "Input text prompt to tokenize."

    # region custom TokenizationRequestBody
    # endregion
