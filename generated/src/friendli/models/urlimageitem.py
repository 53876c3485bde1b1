"""URLImageItem"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .urlimageitemresponseformat import URLImageItemResponseFormat


class URLImageItemTypedDict(TypedDict):
    seed: int
    "The seed used during image generation."
    response_format: URLImageItemResponseFormat
    "The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    url: str
    "The URL of the generated image."


class URLImageItem(BaseModel):
    seed: int
    "The seed used during image generation."
    response_format: Union[URLImageItemResponseFormat, UnrecognizedStr]
    "The format of the generated image. One of `url(default)`, `raw`, `png`, `jpeg`, and `jpg`."
    url: str
    "The URL of the generated image."

    # region custom URLImageItem
    # endregion
