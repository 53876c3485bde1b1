"""DedicatedImagesGenerateRequest"""

from __future__ import annotations

from typing_extensions import Annotated, NotRequired, TypedDict

import pydantic

from ._base import BaseModel
from ..types import UNSET, Nullable, OptionalNullable
from .dedicatedimagegenerationbody import (
    DedicatedImageGenerationBody,
    DedicatedImageGenerationBodyTypedDict,
)


class DedicatedImagesGenerateRequestTypedDict(TypedDict):
    x_friendli_team: NotRequired[Nullable[str]]
    "ID of team to run requests as (optional parameter)."
    dedicated_image_generation_body: DedicatedImageGenerationBodyTypedDict


class DedicatedImagesGenerateRequest(BaseModel):
    x_friendli_team: Annotated[
        OptionalNullable[str], pydantic.Field(alias="X-Friendli-Team")
    ] = UNSET
    "ID of team to run requests as (optional parameter)."
    dedicated_image_generation_body: DedicatedImageGenerationBody

    # region custom DedicatedImagesGenerateRequest
    # endregion
