"""A short string that matches a regular expression, for usage examples of `pattern` strings.

Documents constrain ids and codes by pattern (Discord's snowflakes: `^(0|[1-9][0-9]*)$`); an
example value that ignores the pattern is a request every server rejects. The walk over
Python's own parse of the pattern takes the first alternative and the fewest repeats, then the
result is checked against the pattern, so a pattern this cannot satisfy gives None, never a
wrong value. Nor does a pattern whose shortest match is longer than `MAX_LENGTH` characters
(`((a{1000}){1000}){1000}` wants a billion): the walk stops before it builds such a string.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, Optional

try:  # Python's own regex parser: `re._parser` since 3.11, `sre_parse` before
    sre_parse = importlib.import_module("re._parser")
    sre = importlib.import_module("re._constants")
except ImportError:
    sre_parse = importlib.import_module("sre_parse")
    sre = importlib.import_module("sre_constants")

_CANDIDATES = "a0_xA- Z9"
"""Characters tried, in order, where the pattern allows any of several."""

MAX_LENGTH = 4096
"""The longest sample made: far beyond any id or code in a real document, small enough that
building and checking it costs nothing."""


def sample_matching(pattern: str, min_length: int = 0, max_length: Optional[int] = None) -> Optional[str]:
    """A string matching `pattern` (searched, as JSON Schema does) within the length bounds, or None."""
    if min_length > MAX_LENGTH:
        return None
    try:
        compiled = re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    for extra in (0, max(min_length, 1)):
        try:
            text = _walk(list(parsed), extra)
        except (_Unsupported, RecursionError):
            return None
        if compiled.search(text) and len(text) >= min_length and (max_length is None or len(text) <= max_length):
            return text
    return None


class _Unsupported(Exception):
    pass


def _walk(items: list[Any], extra: int) -> str:
    return "".join(_item(op, value, extra) for op, value in items)


def _item(op: Any, value: Any, extra: int) -> str:
    if op is sre.LITERAL:
        return chr(value)
    if op is sre.NOT_LITERAL:
        return next(c for c in _CANDIDATES if ord(c) != value)
    if op is sre.ANY:
        return "a"
    if op is sre.IN:
        return _in_set(value)
    if op is sre.CATEGORY:
        return _category(value)
    if op is sre.BRANCH:
        return _walk(list(value[1][0]), extra)
    if op is sre.SUBPATTERN:
        return _walk(list(value[-1]), extra)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, inner = value
        count = low if not extra else min(max(low, extra), high if high is not sre.MAXREPEAT else low + extra)
        text = _walk(list(inner), extra)
        if len(text) * count > MAX_LENGTH:
            raise _Unsupported("longer than MAX_LENGTH")
        return text * int(count)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return ""
    raise _Unsupported(op)


def _category(category: Any) -> str:
    return {
        sre.CATEGORY_DIGIT: "0",
        sre.CATEGORY_NOT_DIGIT: "a",
        sre.CATEGORY_SPACE: " ",
        sre.CATEGORY_NOT_SPACE: "a",
        sre.CATEGORY_WORD: "a",
        sre.CATEGORY_NOT_WORD: "-",
    }.get(category, "a")


def _in_set(items: list[tuple[Any, Any]]) -> str:
    """A character of a `[...]` set: its first member, or for `[^...]` a candidate it leaves out."""
    if items and items[0][0] is sre.NEGATE:
        excluded = items[1:]
        for candidate in _CANDIDATES:
            if not any(_member(candidate, op, value) for op, value in excluded):
                return candidate
        raise _Unsupported("negated set")
    op, value = items[0]
    if op is sre.LITERAL:
        return chr(value)
    if op is sre.RANGE:
        return chr(value[0])
    if op is sre.CATEGORY:
        return _category(value)
    raise _Unsupported(op)


_CLASSES: dict[Any, str] = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


def _member(char: str, op: Any, value: Any) -> bool:
    if op is sre.LITERAL:
        return bool(ord(char) == value)
    if op is sre.RANGE:
        low, high = value
        return bool(low <= ord(char) <= high)
    if op is sre.CATEGORY:
        return _category(value) == char or bool(re.fullmatch(_CLASSES.get(value, "."), char))
    return True
