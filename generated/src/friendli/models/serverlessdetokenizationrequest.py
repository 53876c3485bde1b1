"""ServerlessDetokenizationRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .detokenizationrequestbody import (
    DetokenizationRequestBody,
    DetokenizationRequestBodyTypedDict,
)


class ServerlessDetokenizationRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    detokenization_request_body: DetokenizationRequestBodyTypedDict


class ServerlessDetokenizationRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    detokenization_request_body: DetokenizationRequestBody

    # region custom ServerlessDetokenizationRequest
    # endregion
