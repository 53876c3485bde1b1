"""Parameters"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class ParametersTypedDict(TypedDict):
    name: str
    "The name of the tool’s function parameter."
    value: str
    "The value of the tool’s function parameter."


class Parameters(BaseModel):
    name: str
    "The name of the tool’s function parameter."
    value: str
    "The value of the tool’s function parameter."

    # region custom Parameters
    # endregion
