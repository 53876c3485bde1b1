"""ToolAssistedCompletionRequestBodyToolChoice2"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr


class ToolAssistedCompletionRequestBodyToolChoice2TypedDict(TypedDict):
    type: (
        _toolassistedcompletionrequestbodytoolchoice2type.ToolAssistedCompletionRequestBodyToolChoice2Type
    )
    "The type of the tool. Currently, only `function` is supported."
    function: (
        _toolassistedcompletionrequestbodytoolchoice2function.ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict
    )


class ToolAssistedCompletionRequestBodyToolChoice2(BaseModel):
    type: Union[
        _toolassistedcompletionrequestbodytoolchoice2type.ToolAssistedCompletionRequestBodyToolChoice2Type,
        UnrecognizedStr,
    ]
    "The type of the tool. Currently, only `function` is supported."
    function: (
        _toolassistedcompletionrequestbodytoolchoice2function.ToolAssistedCompletionRequestBodyToolChoice2Function
    )


from . import (
    toolassistedcompletionrequestbodytoolchoice2function as _toolassistedcompletionrequestbodytoolchoice2function,
)
from . import (
    toolassistedcompletionrequestbodytoolchoice2type as _toolassistedcompletionrequestbodytoolchoice2type,
)
