"""DedicatedImageGenerateSuccess"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel
from .data import Data, DataTypedDict


class DedicatedImageGenerateSuccessTypedDict(TypedDict):
    data: DataTypedDict


class DedicatedImageGenerateSuccess(BaseModel):
    data: Data

    # region custom DedicatedImageGenerateSuccess
    # endregion
