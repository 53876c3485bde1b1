"""Stage 6, format: black, in process, on the Python files only."""

from __future__ import annotations

import black
from black.mode import TargetVersion
from black.parsing import InvalidInput

from .errors import Location, Problem, SdkgenError

MODE = black.Mode(target_versions={TargetVersion.PY39}, line_length=88)


def format_python(path: str, source: str) -> str:
    """Black's formatting of one generated module; a syntax error here is a generator bug."""
    try:
        return black.format_str(source, mode=MODE)
    except InvalidInput as exc:
        raise SdkgenError([Problem(Location(path), f"generated code does not parse: {exc}")]) from None


def format_files(files: dict[str, str], python_paths: set[str]) -> dict[str, str]:
    return {path: format_python(path, text) if path in python_paths else text for path, text in files.items()}
