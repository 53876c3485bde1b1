"""B64ImageItem"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .b64imageitemresponseformat import B64ImageItemResponseFormat


class B64ImageItemTypedDict(TypedDict):
    seed: int
    "The seed used during image generation."
    response_format: B64ImageItemResponseFormat
    "The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    b64_json: bytes
    "The base64-encoded JSON of the generated image."


class B64ImageItem(BaseModel):
    seed: int
    "The seed used during image generation."
    response_format: Union[B64ImageItemResponseFormat, UnrecognizedStr]
    "The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    b64_json: bytes
    "The base64-encoded JSON of the generated image."

    # region custom B64ImageItem
    # endregion
