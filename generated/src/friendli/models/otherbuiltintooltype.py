"""OtherBuiltInToolType: The type of the built-in tool."""

from typing import Literal

OtherBuiltInToolType = Literal[
    "math:calculator",
    "math:statistics",
    "math:calendar",
    "web:search",
    "web:url",
    "code:python-interpreter",
]
"The type of the built-in tool."
