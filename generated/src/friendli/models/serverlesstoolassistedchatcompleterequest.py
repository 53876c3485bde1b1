"""ServerlessToolAssistedChatCompleteRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .toolassistedcompletionrequestbody import (
    ToolAssistedCompletionRequestBody,
    ToolAssistedCompletionRequestBodyTypedDict,
)


class ServerlessToolAssistedChatCompleteRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    tool_assisted_completion_request_body: ToolAssistedCompletionRequestBodyTypedDict


class ServerlessToolAssistedChatCompleteRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    tool_assisted_completion_request_body: ToolAssistedCompletionRequestBody

    # region custom ServerlessToolAssistedChatCompleteRequest
    # endregion
