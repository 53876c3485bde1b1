"""FileBuiltInTool"""

from __future__ import annotations

from typing import List, Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class FileBuiltInToolTypedDict(TypedDict):
    type: _filebuiltintooltype.FileBuiltInToolType
    "The type of the file parser tool. Only .txt and .pdf files are supported."
    files: List[str]
    "A List of file IDs."


class FileBuiltInTool(BaseModel):
    type: Union[_filebuiltintooltype.FileBuiltInToolType, UnrecognizedStr]
    "The type of the file parser tool. Only .txt and .pdf files are supported."
    files: List[str]
    "A List of file IDs."


from . import filebuiltintooltype as _filebuiltintooltype
