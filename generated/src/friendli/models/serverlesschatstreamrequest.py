"""ServerlessChatStreamRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .chatcompletionrequestbody import (
    ChatCompletionRequestBody,
    ChatCompletionRequestBodyTypedDict,
)


class ServerlessChatStreamRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    chat_completion_request_body: ChatCompletionRequestBodyTypedDict


class ServerlessChatStreamRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    chat_completion_request_body: ChatCompletionRequestBody

    # region custom ServerlessChatStreamRequest
    # endregion
