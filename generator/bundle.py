"""A multi-file document as one mapping, for the validator.

openapi-spec-validator retrieves the files a `$ref` names itself, and its reference library
crawls each retrieved file as if it were one JSON Schema: DigitalOcean's files (parameters,
responses, `properties` maps) make that crawl fail, and no rule was checked at all. sdkgen has
loaded every file already, so the validator is given one mapping instead:

- an operation or path item that is a `$ref` to another file is written in place (OpenAPI
  allows no `$ref` for an operation; sdkgen follows it, so the validator checks what sdkgen
  reads);
- a `properties` map written as one `$ref` (DigitalOcean's `properties: {$ref: ...}`) is
  written in place too, as sdkgen reads it, with a warning;
- any other `$ref` into another file points to a copy of its target, kept under
  `components/x-sdkgen-bundled/N` (an extension: the OpenAPI schema leaves it alone, and the
  validator checks each copy where a `$ref` uses it, as it would the file).

`Origins` maps a pointer of the bundle back to the file and pointer it came from, so every
problem is still reported where it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import join_pointer
from .loader import HTTP_METHODS, Document, get_pointer, split_ref

BUNDLED = "x-sdkgen-bundled"

Origins = list[tuple[str, Path, str]]
"""(pointer prefix in the bundle, file, pointer in that file); the longest matching prefix wins."""


def bundled(document: Document) -> tuple[Any, Origins, list[tuple[Path, str, str]]]:
    """The document as one mapping (the root file's data itself when it is one file already),
    and what it reads the way sdkgen does rather than as written: (file, pointer, message)."""
    if len(document.files) == 1 or not isinstance(document.data, dict):
        return document.data, [], []
    root = document.root
    copies: dict[tuple[Path, str], str] = {}  # (file, pointer) -> where its copy is in the bundle
    slots: list[Any] = []
    origins: Origins = []
    notes: list[tuple[Path, str, str]] = []

    def target(ref: str, base: Path) -> tuple[Path, str, Any]:
        file, pointer = split_ref(ref, base)
        return file, pointer, get_pointer(document.files[file].data, pointer)

    pending: list[tuple[int, Path, str, Any]] = []  # copies to write: a chain of refs is not a chain of calls

    def copy_of(file: Path, pointer: str, value: Any) -> str:
        where = copies.get((file, pointer))
        if where is None:
            index = len(slots)
            where = copies[(file, pointer)] = f"/components/{BUNDLED}/{index}"
            origins.append((where, file, pointer))
            slots.append(None)
            pending.append((index, file, pointer, value))
        return where

    def rewrite(node: Any, base: Path, here: str, at: str) -> Any:
        """`node` (at `at` in file `base`, at `here` in the bundle) with each `$ref` written for the bundle."""
        if isinstance(node, list):
            return [rewrite(item, base, f"{here}/{i}", f"{at}/{i}") for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        result: dict[str, Any] = {}
        for key, value in node.items():
            inner, inner_at = join_pointer(here, key), join_pointer(at, key)
            if key == "$ref" and isinstance(value, str):
                try:
                    file, pointer, found = target(value, base)
                except (KeyError, TypeError):
                    result[key] = value  # dangling: reported by sdkgen's own check
                    continue
                if file == root:
                    result[key] = "#" + pointer
                elif isinstance(found, (dict, list)):
                    result[key] = "#" + copy_of(file, pointer, found)
                else:  # text (a tag's description): nothing the validator reads through a `$ref`
                    result[key] = value
            elif key == "properties" and _whole_map_ref(value):
                mapped, map_file, map_at = inline(value, base, inner)
                if mapped is not value:
                    notes.append((base, join_pointer(inner_at, "$ref"), _MAP_REF))
                result[key] = rewrite(mapped, map_file, inner, map_at if mapped is not value else inner_at)
            else:
                result[key] = rewrite(value, base, inner, inner_at)
        return result

    def inline(node: Any, base: Path, here: str) -> tuple[Any, Path, str]:
        """A node that is a `$ref` sdkgen follows where OpenAPI allows none, written in place."""
        ref = node.get("$ref") if isinstance(node, dict) else None
        if not isinstance(ref, str):
            return node, base, ""
        try:
            file, pointer, value = target(ref, base)
        except (KeyError, TypeError):
            return node, base, ""
        origins.append((here, file, pointer))
        return value, file, pointer

    data = dict(document.data)
    paths = data.get("paths")
    if isinstance(paths, dict):
        new_paths: dict[str, Any] = {}
        for name, item in paths.items():
            here = join_pointer("/paths", name)
            item, base, at = inline(item, root, here) if _external(item) else (item, root, here)
            if not isinstance(item, dict):
                new_paths[name] = item
                continue
            operations: dict[str, Any] = {}
            for key, value in item.items():
                inner, inner_at = join_pointer(here, key), join_pointer(at, key)
                if key in HTTP_METHODS and _external(value):
                    value, value_base, value_at = inline(value, base, inner)
                    operations[key] = rewrite(value, value_base, inner, value_at)
                else:
                    operations[key] = rewrite(value, base, inner, inner_at)
            new_paths[name] = operations
        data["paths"] = new_paths
    data = {key: value if key == "paths" else rewrite(value, root, f"/{key}", f"/{key}") for key, value in data.items()}
    while pending:
        index, file, pointer, value = pending.pop()
        slots[index] = rewrite(value, file, f"/components/{BUNDLED}/{index}", pointer)
    if slots:
        components = dict(data.get("components") or {})
        components[BUNDLED] = {str(index): value for index, value in enumerate(slots)}
        data["components"] = components
    return data, origins, notes


_MAP_REF = (
    "a `$ref` as the whole `properties` map is not OpenAPI (it names a property `$ref`); read as the map it points to"
)


def _whole_map_ref(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and isinstance(value.get("$ref"), str)


def _external(node: Any) -> bool:
    """Whether `node` is a `$ref` naming a file (a `$ref` into the same file starts with `#`)."""
    ref = node.get("$ref") if isinstance(node, dict) else None
    return isinstance(ref, str) and not ref.startswith("#")


def origin(origins: Origins, pointer: str, root: Path) -> tuple[Path, str]:
    """The file and pointer a pointer of the bundle came from."""
    best: tuple[str, Path, str] = ("", root, "")
    for prefix, file, there in origins:
        if (pointer == prefix or pointer.startswith(prefix + "/")) and len(prefix) >= len(best[0]):
            best = (prefix, file, there)
    prefix, file, there = best
    return file, there + pointer[len(prefix) :] if prefix else pointer
