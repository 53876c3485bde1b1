"""ServerlessTokenizationRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .tokenizationrequestbody import (
    TokenizationRequestBody,
    TokenizationRequestBodyTypedDict,
)


class ServerlessTokenizationRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    tokenization_request_body: TokenizationRequestBodyTypedDict


class ServerlessTokenizationRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    tokenization_request_body: TokenizationRequestBody

    # region custom ServerlessTokenizationRequest
    # endregion
