"""Message"""

from __future__ import annotations

from typing import Union
from typing_extensions import Annotated

import pydantic

from ._base import discriminate
from .assistantmessage import AssistantMessage, AssistantMessageTypedDict
from .systemmessage import SystemMessage, SystemMessageTypedDict
from .toolmessage import ToolMessage, ToolMessageTypedDict
from .usermessage import UserMessage, UserMessageTypedDict

Message = Annotated[
    Union[
        Annotated[SystemMessage, pydantic.Tag("SystemMessage")],
        Annotated[UserMessage, pydantic.Tag("UserMessage")],
        Annotated[AssistantMessage, pydantic.Tag("AssistantMessage")],
        Annotated[ToolMessage, pydantic.Tag("ToolMessage")],
    ],
    pydantic.Discriminator(
        discriminate(
            "role",
            {
                "assistant": "AssistantMessage",
                "system": "SystemMessage",
                "tool": "ToolMessage",
                "user": "UserMessage",
            },
            (SystemMessage, UserMessage, AssistantMessage, ToolMessage),
        )
    ),
]

MessageTypedDict = Union[
    SystemMessageTypedDict,
    UserMessageTypedDict,
    AssistantMessageTypedDict,
    ToolMessageTypedDict,
]
