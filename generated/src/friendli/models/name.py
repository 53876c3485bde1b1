"""Name: The name of the built-in tool."""

from typing import Literal

Name = Literal[
    "math:calculator",
    "math:statistics",
    "math:calendar",
    "web:search",
    "web:url",
    "code:python-interpreter",
    "file:text",
]
"The name of the built-in tool."
