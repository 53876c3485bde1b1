"""FileBuiltInTool"""

from __future__ import annotations

from typing import List, Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .filebuiltintooltype import FileBuiltInToolType


class FileBuiltInToolTypedDict(TypedDict):
    type: FileBuiltInToolType
    "The type of the file parser tool. Only .txt and .pdf files are supported."
    files: List[str]
    "A List of file IDs."


class FileBuiltInTool(BaseModel):
    type: Union[FileBuiltInToolType, UnrecognizedStr]
    "The type of the file parser tool. Only .txt and .pdf files are supported."
    files: List[str]
    "A List of file IDs."

    # region custom FileBuiltInTool
    # endregion
