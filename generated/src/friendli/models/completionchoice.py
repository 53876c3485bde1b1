"""CompletionChoice"""

from __future__ import annotations

from typing import List
from typing_extensions import TypedDict

from ._base import BaseModel


class CompletionChoiceTypedDict(TypedDict):
    index: int
    "The index of the choice in the list of generated choices."
    seed: int
    "Random seed used for the generation."
    text: str
    "Generated text output."
    tokens: List[int]
    "Generated output tokens."


class CompletionChoice(BaseModel):
    index: int
    "The index of the choice in the list of generated choices."
    seed: int
    "Random seed used for the generation."
    text: str
    "Generated text output."
    tokens: List[int]
    "Generated output tokens."

    # region custom CompletionChoice
    # endregion
