"""AssistantMessageToolCallsFunction: The function specification"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class AssistantMessageToolCallsFunctionTypedDict(TypedDict):
    name: str
    "The name of function"
    arguments: str
    "The arguments of function in JSON schema format to call the function."


class AssistantMessageToolCallsFunction(BaseModel):
    """The function specification"""

    name: str
    "The name of function"
    arguments: str
    "The arguments of function in JSON schema format to call the function."

    # region custom AssistantMessageToolCallsFunction
    # endregion
