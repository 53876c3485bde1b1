"""ToolForToolAssistedChat"""

from __future__ import annotations

from typing import Union
from typing_extensions import Annotated

import pydantic

from ._base import discriminate
from .filebuiltintool import FileBuiltInTool, FileBuiltInToolTypedDict
from .functiontool import FunctionTool, FunctionToolTypedDict
from .otherbuiltintool import OtherBuiltInTool, OtherBuiltInToolTypedDict

ToolForToolAssistedChat = Annotated[
    Union[
        Annotated[FunctionTool, pydantic.Tag("FunctionTool")],
        Annotated[FileBuiltInTool, pydantic.Tag("FileBuiltInTool")],
        Annotated[OtherBuiltInTool, pydantic.Tag("OtherBuiltInTool")],
    ],
    pydantic.Discriminator(
        discriminate(
            "type",
            {
                "code:python-interpreter": "OtherBuiltInTool",
                "file:text": "FileBuiltInTool",
                "function": "FunctionTool",
                "math:calculator": "OtherBuiltInTool",
                "math:calendar": "OtherBuiltInTool",
                "math:statistics": "OtherBuiltInTool",
                "web:search": "OtherBuiltInTool",
                "web:url": "OtherBuiltInTool",
            },
            (FunctionTool, FileBuiltInTool, OtherBuiltInTool),
        )
    ),
]

ToolForToolAssistedChatTypedDict = Union[
    FunctionToolTypedDict, FileBuiltInToolTypedDict, OtherBuiltInToolTypedDict
]
