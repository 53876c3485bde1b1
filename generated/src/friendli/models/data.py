"""Data"""

from __future__ import annotations

from typing import List, Union

from .b64imageitem import B64ImageItem, B64ImageItemTypedDict
from .urlimageitem import URLImageItem, URLImageItemTypedDict

Data = Union[List[URLImageItem], List[B64ImageItem]]

DataTypedDict = Union[List[URLImageItemTypedDict], List[B64ImageItemTypedDict]]
