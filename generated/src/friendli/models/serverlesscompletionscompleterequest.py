"""ServerlessCompletionsCompleteRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .completionrequestbody import CompletionRequestBody, CompletionRequestBodyTypedDict


class ServerlessCompletionsCompleteRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    completion_request_body: CompletionRequestBodyTypedDict


class ServerlessCompletionsCompleteRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    completion_request_body: CompletionRequestBody

    # region custom ServerlessCompletionsCompleteRequest
    # endregion
