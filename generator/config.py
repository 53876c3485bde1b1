"""gen.yaml: the SDK settings that are not part of the API description."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from .errors import Location, Problem, SdkgenError, join_pointer
from .ir import Settings
from .loader import SourceFile, display_path, read_file
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


def default_config_path(spec: Path) -> Optional[Path]:
    """`gen.yaml` beside the spec, when there is one."""
    candidate = spec.parent / "gen.yaml"
    return candidate if candidate.is_file() else None


def load_settings(path: Optional[Path]) -> Settings:
    """Read gen.yaml (or use defaults); unknown keys and wrong types are located errors."""
    values: dict[str, Any] = dict(DEFAULTS)
    if path is not None:
        source = read_file(path)
        data = source.data or {}
        if not isinstance(data, dict):
            raise SdkgenError([Problem(_locate(source, ""), "gen.yaml must be a mapping")])
        problems = []
        for key, value in data.items():
            if key in GENERATION_KEYS:
                if not isinstance(value, str):
                    problems.append((f"/{key}", f"setting {key!r} must be a path"))
            elif key not in DEFAULTS:
                problems.append((join_pointer("", key), f"unknown setting {key!r}"))
            elif not isinstance(value, (str, int, float)):
                problems.append((f"/{key}", f"setting {key!r} must be a string"))
            else:
                values[key] = str(value)
        problems.extend(_versioning_problems(values))
        if values["json_bytes"] not in JSON_BYTES:
            problems.append(("/json_bytes", "json_bytes must be 'base64' or 'text'"))
        if problems:
            located = [Problem(_locate(source, pointer), message) for pointer, message in problems]
            raise SdkgenError(sorted(located, key=lambda problem: problem.location.line or 0))
    title = values["sdk_title"] or values["package_name"].replace("_", " ").title().replace(" ", "")
    values["sdk_title"] = title
    values["sync_class"] = values["sync_class"] or f"Sync{title}"
    values["async_class"] = values["async_class"] or f"Async{title}"
    return Settings(**values)


def _locate(source: SourceFile, pointer: str) -> Location:
    """Where a setting is in gen.yaml: its line is looked up only for a problem."""
    return Location(display_path(source.path), pointer, source.line_of(pointer))


def _versioning_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """Automatic versioning needs a version it can bump: (pointer, message) of each problem."""
    if values["versioning"] not in VERSIONING:
        return [("/versioning", "versioning must be 'manual' or 'automatic'")]
    if values["versioning"] == "automatic" and parse_version(values["version"]) is None:
        message = f"with automatic versioning, version must be MAJOR.MINOR.PATCH, not {values['version']!r}"
        return [("/version", message)]
    return []


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
