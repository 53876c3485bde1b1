"""Error"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class ErrorTypedDict(TypedDict):
    type: str
    "The type of error encountered during the tool’s execution."
    msg: str
    "The message of error."


class Error(BaseModel):
    type: str
    "The type of error encountered during the tool’s execution."
    msg: str
    "The message of error."

    # region custom Error
    # endregion
