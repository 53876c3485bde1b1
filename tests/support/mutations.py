"""Seeded mutations of OpenAPI documents, for the tests that feed sdkgen broken input.

Two kinds, as broken documents come: `mutate_data` changes the loaded data (a value of another
type, a key deleted, a keyword where it makes no sense, a copy of another node), mostly in the places generation reads
closely (schemas, parameters, security, servers); `mutate_text` damages the text (cut short,
stray bytes, tabs, a BOM, invalid UTF-8, lines repeated, deleted or indented, YAML syntax
dropped in). Each returns what it did, so a failing case can be told and replayed.
"""

from __future__ import annotations

import copy
import random
from typing import Any, Iterator

Path_ = tuple[Any, ...]
"""Keys and indexes from the document's root to a node."""

_READ_CLOSELY = frozenset(
    {
        "schema",
        "schemas",
        "properties",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "parameters",
        "responses",
        "discriminator",
        "mapping",
        "requestBody",
        "content",
        "enum",
        "const",
        "additionalProperties",
        "security",
        "securitySchemes",
        "flows",
        "servers",
        "variables",
        "required",
        "type",
        "nullable",
        "x-speakeasy-pagination",
        "x-speakeasy-sse-sentinel",
        "headers",
        "style",
        "explode",
        "in",
        "name",
    }
)

_VALUES: tuple[Any, ...] = (
    5,
    -1,
    0,
    1.5,
    True,
    None,
    "",
    "x",
    "#/components/schemas",
    [],
    [1],
    ["a", "a"],
    {},
    {"a": 1},
    {"$ref": "#/nowhere"},
    {"$ref": "missing.yaml#/x"},
    {"$ref": "#"},
    {"type": "object"},
    {"type": ["string", "null"]},
    {"allOf": [{"$ref": "#"}]},
    "x" * 300,
)

_KEYWORDS: tuple[str, ...] = (
    "$ref",
    "allOf",
    "oneOf",
    "discriminator",
    "nullable",
    "readOnly",
    "deprecated",
    "additionalProperties",
    "x-speakeasy-pagination",
    "x-speakeasy-sse-sentinel",
    "style",
    "default",
    "in",
)

_TOKENS: tuple[bytes, ...] = (
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"{",
    b"[",
    b"'",
    b'"',
    b": ",
    b"- ",
    b"|",
    b"\x00",
    b"\r",
    b"? ",
    b"<<: *a\n",
)


def _nodes(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, (*path, index))


def _parent(data: Any, path: Path_) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def mutate_data(data: Any, rng: random.Random) -> tuple[Any, list[str]]:
    """A changed deep copy of `data` (one to three changes) and what each change was."""
    changed = copy.deepcopy(data)
    nodes = [path for path, _ in _nodes(changed) if path]
    if not nodes:
        return [], ["the document replaced by an empty list"]
    close = [path for path in nodes if any(str(step) in _READ_CLOSELY for step in path)] or nodes
    done: list[str] = []
    wanted = rng.randint(1, 3)
    for _ in range(20):  # a change may find nothing to do (a keyword for a list): try another
        if len(done) == wanted or not close:
            break
        path = rng.choice(close)
        parent = _parent(changed, path)
        kind = rng.randrange(4)
        if kind == 3:  # another node of the document grafted here: plausible, and wrong
            graft = copy.deepcopy(_at(changed, rng.choice(nodes)))
            if parent[path[-1]] == graft:
                continue
            parent[path[-1]] = graft
            done.append(f"{_spelled(path)} = a copy of another node ({type(graft).__name__})")
        elif kind == 0:
            value = copy.deepcopy(rng.choice(_VALUES))
            if parent[path[-1]] == value:
                continue
            parent[path[-1]] = value
            done.append(f"{_spelled(path)} = {value!r:.60}")
        elif kind == 1:
            del parent[path[-1]]
            done.append(f"del {_spelled(path)}")
        else:
            target = parent[path[-1]]
            if not isinstance(target, dict):
                continue
            key, value = rng.choice(_KEYWORDS), copy.deepcopy(rng.choice(_VALUES))
            if target.get(key, not value) == value:
                continue
            target[key] = value
            done.append(f"{_spelled((*path, key))} = {value!r:.60}")
        close = [p for p in close if _reachable(changed, p)]
    return changed, done


def _at(data: Any, path: Path_) -> Any:
    return _parent(data, path)[path[-1]] if _reachable(data, path) else None  # None: gone with an earlier change


def _reachable(data: Any, path: Path_) -> bool:
    """Whether `path` still leads through mappings and lists (a graft may have put text where
    a list was: text can be indexed, not changed)."""
    node = data
    for step in path:
        in_mapping = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if not (in_mapping or in_list):
            return False
        node = node[step]
    return True


def _spelled(path: Path_) -> str:
    return "/" + "/".join(str(step) for step in path)


def mutate_text(raw: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """`raw` damaged once or twice, and what each damage was."""
    done = []
    for _ in range(rng.randint(1, 2)):
        raw, what = _damaged(raw, rng)
        done.append(what)
    return raw, done


def _damaged(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    at = rng.randrange(len(raw) or 1)
    lines = raw.split(b"\n")
    line = rng.randrange(len(lines))
    kind = rng.randrange(9)
    if kind == 0:
        return raw[:at], f"cut at byte {at}"
    if kind == 1:
        byte = bytes([rng.randrange(256)])
        return raw[:at] + byte + raw[at:], f"byte {byte!r} at {at}"
    if kind == 2:
        return raw[:at] + b"\t" + raw[at:], f"tab at {at}"
    if kind == 3:
        return b"\xef\xbb\xbf" + raw, "a BOM"
    if kind == 4:
        return raw[:at] + b"\xff\xfe" + raw[at:], f"invalid UTF-8 at {at}"
    if kind == 5:
        lines.insert(line, lines[line])
        return b"\n".join(lines), f"line {line + 1} repeated"
    if kind == 6:
        del lines[line]
        return b"\n".join(lines), f"line {line + 1} deleted"
    if kind == 7:
        lines[line] = b" " + lines[line]
        return b"\n".join(lines), f"line {line + 1} indented"
    token = rng.choice(_TOKENS)
    return raw[:at] + token + raw[at:], f"{token!r} at {at}"
