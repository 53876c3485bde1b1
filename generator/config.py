"""gen.yaml: the SDK settings that are not part of the API description."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from .errors import Location, Problem, SdkgenError
from .ir import Settings
from .loader import display_path, read_file
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
        data = read_file(path).data or {}
        where = display_path(path)
        if not isinstance(data, dict):
            raise SdkgenError([Problem(Location(where, ""), "gen.yaml must be a mapping")])
        problems = []
        for key, value in data.items():
            if key in GENERATION_KEYS:
                if not isinstance(value, str):
                    problems.append(Problem(Location(where, f"/{key}"), f"setting {key!r} must be a path"))
            elif key not in DEFAULTS:
                problems.append(Problem(Location(where, f"/{key}"), f"unknown setting {key!r}"))
            elif not isinstance(value, (str, int, float)):
                problems.append(Problem(Location(where, f"/{key}"), f"setting {key!r} must be a string"))
            else:
                values[key] = str(value)
        problems.extend(_versioning_problems(values, where))
        if values["json_bytes"] not in JSON_BYTES:
            problems.append(Problem(Location(where, "/json_bytes"), "json_bytes must be 'base64' or 'text'"))
        if problems:
            raise SdkgenError(problems)
    title = values["sdk_title"] or values["package_name"].replace("_", " ").title().replace(" ", "")
    values["sdk_title"] = title
    values["sync_class"] = values["sync_class"] or f"Sync{title}"
    values["async_class"] = values["async_class"] or f"Async{title}"
    return Settings(**values)


def _versioning_problems(values: dict[str, Any], where: str) -> list[Problem]:
    """Automatic versioning needs a version it can bump."""
    if values["versioning"] not in VERSIONING:
        return [Problem(Location(where, "/versioning"), "versioning must be 'manual' or 'automatic'")]
    if values["versioning"] == "automatic" and parse_version(values["version"]) is None:
        message = f"with automatic versioning, version must be MAJOR.MINOR.PATCH, not {values['version']!r}"
        return [Problem(Location(where, "/version"), message)]
    return []


def templates_override(path: Optional[Path]) -> Optional[Path]:
    """`templates:` in gen.yaml, a directory of template overrides relative to gen.yaml."""
    if path is None:
        return None
    data = read_file(path).data
    value = data.get("templates") if isinstance(data, dict) else None
    return (path.parent / value) if isinstance(value, str) and value else None
