"""Located problems: every error the generator reports points at file, line and JSON pointer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Location:
    """Where a node of the document came from."""

    file: str
    pointer: str = ""
    line: Optional[int] = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{shown(where)}: {shown(self.pointer) or '/'}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, and where."""

    location: Location
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.location}: {prefix}{shown(self.message)}"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown(text: str) -> str:
    """`text` as a problem shows it: on one line whatever it holds (a key with a newline
    in it, a path with an escape sequence), each control character written as Python writes
    it in a string (`\\n`, `\\t`, `\\x1b`). Backslashes stay as they are, so the regexes of
    `patternProperties` read as written; the JSON output (`--json`) keeps the text itself."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text) if _CONTROL.search(text) else text


class SdkgenError(Exception):
    """Raised by any stage for input it cannot accept; the CLI prints it and exits 1."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def escape_pointer_token(token: str) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    if "~" not in token and "/" not in token:
        return token  # most tokens: no copy
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    """Undo `escape_pointer_token`."""
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: object) -> str:
    """Append tokens to a JSON pointer."""
    if len(tokens) == 1:  # the common case, called hundreds of thousands of times on big APIs
        return pointer + "/" + escape_pointer_token(str(tokens[0]))
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)
