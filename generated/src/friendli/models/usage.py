"""Usage"""

from __future__ import annotations

from typing_extensions import TypedDict

from ._base import BaseModel


class UsageTypedDict(TypedDict):
    prompt_tokens: int
    "Number of tokens in the prompt."
    completion_tokens: int
    "Number of tokens in the generated completion."
    total_tokens: int
    "Total number of tokens used in the request (`prompt_tokens` + `completion_tokens`)."


class Usage(BaseModel):
    prompt_tokens: int
    "Number of tokens in the prompt."
    completion_tokens: int
    "Number of tokens in the generated completion."
    total_tokens: int
    "Total number of tokens used in the request (`prompt_tokens` + `completion_tokens`)."

    # region custom Usage
    # endregion
