"""StreamOptions: Options related to stream.
It can only be used when `stream: true`."""

from __future__ import annotations

from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable


class StreamOptionsTypedDict(TypedDict):
    include_usage: NotRequired[Nullable[bool]]
    'When set to `true`,\nthe number of tokens used will be included at the end of the stream result in the form of\n`"usage": {"completion_tokens": number, "prompt_tokens": number, "total_tokens": number}`.'


class StreamOptions(BaseModel):
    """Options related to stream.
    It can only be used when `stream: true`."""

    include_usage: OptionalNullable[bool] = UNSET
    'When set to `true`,\nthe number of tokens used will be included at the end of the stream result in the form of\n`"usage": {"completion_tokens": number, "prompt_tokens": number, "total_tokens": number}`.'

    # region custom StreamOptions
    # endregion
