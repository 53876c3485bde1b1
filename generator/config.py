"""gen.yaml: the SDK settings that are not part of the API description."""

from __future__ import annotations

import keyword
import re
import sys
from pathlib import Path
from typing import Any, Optional

from .errors import Location, Problem, SdkgenError, join_pointer
from .ir import Settings
from .loader import SourceFile, display_path, read_file
from .naming import CLIENT_RESERVED
from .versioning import parse_version

DEFAULTS: dict[str, str] = {
    "package_name": "sdk",
    "version": "0.1.0",
    "description": "",
    "author": "sdkgen",
    "sync_class": "",
    "async_class": "",
    "sdk_title": "",
    "python_requires": ">=3.9",
    "versioning": "manual",
    "json_bytes": "base64",
}
VERSIONING = ("manual", "automatic")
JSON_BYTES = ("base64", "text")
GENERATION_KEYS = ("templates",)
"""Settings of how to generate rather than of the SDK: known to gen.yaml, kept out of the IR."""

_PACKAGE_NAME = re.compile(r"[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?")
"""A module name that is also a distribution name (PEP 508: ASCII, no `_` at either end), so
that `pip install NAME` and `import NAME` are spelt the same."""
_DEPENDENCIES = frozenset({"httpx", "pydantic", "typing_extensions"})  # those of pyproject.toml.jinja
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))  # Python 3.10+; 3.9 checks the dependencies only
_PEP440 = re.compile(
    r"([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?"
    r"(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?(\+[a-z0-9]+(\.[a-z0-9]+)*)?"
)
"""A PEP 440 version in its normalized form (PEP 440's appendix, with a local part): one that
setuptools would respell would make `__version__` differ from the installed metadata."""


def default_config_path(spec: Path) -> Optional[Path]:
    """`gen.yaml` beside the spec, when there is one."""
    candidate = spec.parent / "gen.yaml"
    return candidate if candidate.is_file() else None


def load_settings(path: Optional[Path]) -> Settings:
    """Read gen.yaml (or use defaults). Unknown keys, wrong types and values that would make a
    broken SDK (see `_value_problems`) are errors located in gen.yaml, all at once, before
    anything is generated."""
    values: dict[str, Any] = dict(DEFAULTS)
    if path is not None:
        source = read_file(path)
        data = source.data or {}
        if not isinstance(data, dict):
            raise SdkgenError([Problem(_locate(source, ""), "gen.yaml must be a mapping")])
        problems = list(source.notes)  # a key given twice: which value was meant is a guess
        for key, value in data.items():
            if key in GENERATION_KEYS:
                if not isinstance(value, str):
                    problems.append((f"/{key}", f"setting {key!r} must be a path"))
            elif key not in DEFAULTS:
                problems.append((join_pointer("", key), f"unknown setting {key!r}"))
            elif isinstance(value, (bool, float)):  # YAML's reading of yes, 1.10: not what was written
                spelled = f"{key}: '{_written_value(source, key)}'"
                message = f"setting {key!r} must be a string: YAML reads it as {value!r}; quote it ({spelled})"
                problems.append((f"/{key}", message))
            elif not isinstance(value, (str, int)):
                problems.append((f"/{key}", f"setting {key!r} must be a string"))
            else:
                values[key] = str(value)
        problems.extend(_versioning_problems(values))
        problems.extend(_value_problems(values))
        if problems:
            located = [Problem(_locate(source, pointer), message) for pointer, message in problems]
            raise SdkgenError(sorted(located, key=lambda problem: problem.location.line or 0))
    return Settings(**_filled(values))


def _written_value(source: SourceFile, key: str) -> str:
    """The text of a top-level setting's value as gen.yaml has it (for the message that asks to quote it)."""
    line = source.line_of(f"/{key}")
    text = source.text.splitlines()[line - 1] if line else ""
    return text.partition(":")[2].split("#")[0].strip() or "..."


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    """The settings with the ones gen.yaml leaves empty made from the others: sdk_title from
    package_name, the client classes from sdk_title."""
    title = values["sdk_title"] or values["package_name"].replace("_", " ").title().replace(" ", "")
    sync_class = values["sync_class"] or f"Sync{title}"
    async_class = values["async_class"] or f"Async{title}"
    return {**values, "sdk_title": title, "sync_class": sync_class, "async_class": async_class}


def _locate(source: SourceFile, pointer: str) -> Location:
    """Where a setting is in gen.yaml: its line is looked up only for a problem."""
    return Location(display_path(source.path), pointer, source.line_of(pointer))


def _versioning_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """Automatic versioning needs a version it can bump; any version goes into the package's
    metadata, which PEP 440 spells. (pointer, message) of each problem."""
    if values["versioning"] not in VERSIONING:
        return [("/versioning", "versioning must be 'manual' or 'automatic'")]
    if values["versioning"] == "automatic" and parse_version(values["version"]) is None:
        message = f"with automatic versioning, version must be MAJOR.MINOR.PATCH, not {values['version']!r}"
        return [("/version", message)]
    if not _PEP440.fullmatch(values["version"]):
        allowed = "1.2.0, 2.0rc1, 1.0.post1.dev2, 1.0+local.1"
        message = f"version must be a PEP 440 version in its normalized form ({allowed}), not {values['version']!r}"
        return [("/version", message)]
    return []


def _value_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """What a setting of the right type can still get wrong: each is spelt into a path, Python
    code or pyproject.toml's metadata. At most one problem a setting."""
    found = []
    if values["json_bytes"] not in JSON_BYTES:
        found.append(("/json_bytes", "json_bytes must be 'base64' or 'text'"))
    package = _package_name_problem(values["package_name"])
    if package:
        found.append(("/package_name", package))
    for key in ("description", "author"):
        if "\n" in values[key] or "\r" in values[key]:
            message = f"{key} must be one line: it is a header of the package's metadata (write a YAML block as `>-`)"
            found.append((f"/{key}", message))
    for pointer, message in _client_problems(values):
        if all(pointer != taken for taken, _ in found):  # a bad package_name or sdk_title: said once
            found.append((pointer, message))
    return found


def _package_name_problem(name: str) -> Optional[str]:
    """Why `name` cannot be the SDK's package (`src/NAME`, `import NAME`) and distribution name."""
    if keyword.iskeyword(name):
        return f"{name!r} is a Python keyword: `import {name}` would not parse"
    if not _PACKAGE_NAME.fullmatch(name):
        return (
            f"{name!r} is not a package name: it must be ASCII letters, digits and underscores, start with a"
            " letter and not end with an underscore (it is the module's name and the distribution's)"
        )
    if name in _DEPENDENCIES:
        return f"{name!r} is a dependency of the SDK, which the package would replace"
    if name in _STDLIB:
        return f"{name!r} is a module of Python's standard library, which would hide the package"
    return None


def _client_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """The client classes must be legal, distinct and not hide what their modules use; a name
    gen.yaml does not give is blamed on the setting it is made from."""
    filled = _filled(values)
    found = []
    for key in ("sync_class", "async_class"):
        name, maker = filled[key], next((k for k in (key, "sdk_title") if values[k]), "package_name")
        reason = _class_name_problem(name)
        if reason and maker == key:
            found.append((f"/{key}", f"{key} {name!r} is {reason}"))
        elif reason:
            message = f"{maker} {values[maker]!r} makes {key} {name!r}, which is {reason}; give {key} or change {maker}"
            found.append((f"/{maker}", message))
    if filled["sync_class"] == filled["async_class"]:
        key = "async_class" if values["async_class"] else "sync_class"
        message = f"{key} {filled[key]!r} is the other client's name too: the two need different classes"
        found.append((f"/{key}", message))
    return found


def _class_name_problem(name: str) -> Optional[str]:
    """Why `name` cannot be a client class, as the end of a sentence; None if it can."""
    if not (name.isascii() and name.isidentifier()):
        return "not a class name: it must be ASCII letters, digits and underscores, and not start with a digit"
    if keyword.iskeyword(name):
        return "a Python keyword"
    if name in CLIENT_RESERVED:
        return "a name the SDK's client module or package already uses"
    return None


def templates_override(path: Optional[Path]) -> Optional[Path]:
    """`templates:` in gen.yaml, a directory of template overrides relative to gen.yaml; one
    that is not there is an error located in gen.yaml, not at a path the user never typed."""
    if path is None:
        return None
    source = read_file(path)
    value = source.data.get("templates") if isinstance(source.data, dict) else None
    if not isinstance(value, str) or not value:
        return None
    directory = path.parent / value
    if not directory.is_dir():
        raise SdkgenError([Problem(_locate(source, "/templates"), f"templates directory not found: {value}")])
    return directory
