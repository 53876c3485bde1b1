"""ToolForToolAssistedChat"""

from __future__ import annotations

from typing import Union

from .filebuiltintool import FileBuiltInTool, FileBuiltInToolTypedDict
from .functiontool import FunctionTool, FunctionToolTypedDict
from .otherbuiltintool import OtherBuiltInTool, OtherBuiltInToolTypedDict

ToolForToolAssistedChat = Union[FunctionTool, FileBuiltInTool, OtherBuiltInTool]

ToolForToolAssistedChatTypedDict = Union[
    FunctionToolTypedDict, FileBuiltInToolTypedDict, OtherBuiltInToolTypedDict
]
