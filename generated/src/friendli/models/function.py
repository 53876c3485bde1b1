"""Function"""

from __future__ import annotations

from typing import Any, Dict
from typing_extensions import NotRequired, TypedDict

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable


class FunctionTypedDict(TypedDict):
    description: NotRequired[Nullable[str]]
    "A description of what the function does, used by the model to choose when and how to call the function."
    name: str
    "The name of the function to be called. Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64."
    parameters: Dict[str, Any]
    'The parameters the functions accepts, described as a JSON Schema object.\nTo represent a function with no parameters, use the value `{"type": "object", "properties": {}}`.'


class Function(BaseModel):
    description: OptionalNullable[str] = UNSET
    "A description of what the function does, used by the model to choose when and how to call the function."
    name: str
    "The name of the function to be called. Must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64."
    parameters: Dict[str, Any]
    'The parameters the functions accepts, described as a JSON Schema object.\nTo represent a function with no parameters, use the value `{"type": "object", "properties": {}}`.'

    # region custom Function
    # endregion
