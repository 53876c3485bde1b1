"""Plain JSON data checked against a shape, each mismatch with its JSON pointer.

For data sdkgen wrote and reads back (the API record of `versioning: automatic`): a record
edited by hand or by another tool must be an error at the entry that is wrong, not a
KeyError or TypeError deep in the code that trusted it. A shape is a function from a value
and its pointer to the mismatches found there; the functions below build them.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator

from .errors import join_pointer

Mismatch = tuple[str, str]
"""(JSON pointer, what is wrong there)."""

Shape = Callable[[Any, str], Iterator[Mismatch]]


def mismatches(data: Any, shape: Shape) -> list[Mismatch]:
    """Everything wrong with `data`, in document order."""
    return list(shape(data, ""))


def leaf(test: Callable[[Any], bool], expected: str) -> Shape:
    """A value that passes `test`; `expected` says what that is ("a string")."""

    def check(value: Any, pointer: str) -> Iterator[Mismatch]:
        if not test(value):
            yield pointer, f"expected {expected}, found {_shown(value)}"

    return check


def object_of(**members: Shape) -> Shape:
    """An object with these members (others are ignored)."""

    def check(value: Any, pointer: str) -> Iterator[Mismatch]:
        if type(value) is not dict:
            yield pointer, f"expected an object, found {_shown(value)}"
            return
        for name, shape in members.items():
            if name in value:
                yield from shape(value[name], join_pointer(pointer, name))
            else:
                yield pointer, f"member {name!r} missing"

    return check


def mapping_of(values: Shape) -> Shape:
    """An object of any member names, each member's value of shape `values`."""

    def check(value: Any, pointer: str) -> Iterator[Mismatch]:
        if type(value) is not dict:
            yield pointer, f"expected an object, found {_shown(value)}"
            return
        for name, member in value.items():
            yield from values(member, join_pointer(pointer, name))

    return check


def list_of(items: Shape) -> Shape:
    """A list, each item of shape `items`."""

    def check(value: Any, pointer: str) -> Iterator[Mismatch]:
        if type(value) is not list:
            yield pointer, f"expected a list, found {_shown(value)}"
            return
        for index, item in enumerate(value):
            yield from items(item, join_pointer(pointer, index))

    return check


def tagged(tag: str, variants: dict[str, Shape]) -> Shape:
    """An object whose member `tag` names its shape among `variants`."""
    names = ", ".join(repr(name) for name in variants)
    kind = object_of(**{tag: leaf(lambda v: type(v) is str and v in variants, f"one of {names}")})

    def check(value: Any, pointer: str) -> Iterator[Mismatch]:
        wrong = list(kind(value, pointer))
        yield from wrong
        if not wrong:
            yield from variants[value[tag]](value, pointer)

    return check


def _shown(value: Any) -> str:
    """A value as JSON, cut short: enough to recognise it."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


STRING = leaf(lambda v: type(v) is str, "a string")
FLAG = leaf(lambda v: type(v) is bool, "true or false")
