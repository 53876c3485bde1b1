"""ToolAssistedCompletionRequestBodyToolChoice2"""

from __future__ import annotations

from typing import Union
from typing_extensions import TypedDict

from ._base import BaseModel
from ..types import UnrecognizedStr
from .toolassistedcompletionrequestbodytoolchoice2function import (
    ToolAssistedCompletionRequestBodyToolChoice2Function,
    ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict,
)
from .toolassistedcompletionrequestbodytoolchoice2type import (
    ToolAssistedCompletionRequestBodyToolChoice2Type,
)


class ToolAssistedCompletionRequestBodyToolChoice2TypedDict(TypedDict):
    type: ToolAssistedCompletionRequestBodyToolChoice2Type
    "The type of the tool. Currently, only `function` is supported."
    function: ToolAssistedCompletionRequestBodyToolChoice2FunctionTypedDict


class ToolAssistedCompletionRequestBodyToolChoice2(BaseModel):
    type: Union[ToolAssistedCompletionRequestBodyToolChoice2Type, UnrecognizedStr]
    "The type of the tool. Currently, only `function` is supported."
    function: ToolAssistedCompletionRequestBodyToolChoice2Function

    # region custom ToolAssistedCompletionRequestBodyToolChoice2
    # endregion
