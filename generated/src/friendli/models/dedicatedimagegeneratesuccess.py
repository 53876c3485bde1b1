"""DedicatedImageGenerateSuccess"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class DedicatedImageGenerateSuccessTypedDict(TypedDict):
    data: _data.DataTypedDict


class DedicatedImageGenerateSuccess(BaseModel):
    data: _data.Data


from . import data as _data
