"""The stages wired in order: load -> validate -> model -> plan -> render -> format.

`write` and `check` take the result; the CLI only calls these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import __version__
from .config import load_settings
from .errors import Problem
from .formatting import default_cache_dir, format_files
from .loader import Document, load
from .modeling import build_api
from .plan import plan
from .render import render
from .validator import validate
from .writer import Manifest, sha256


@dataclass(frozen=True)
class Generated:
    files: dict[str, bytes]
    manifest: Manifest
    warnings: tuple[Problem, ...]


def load_and_validate(spec: Path, strict: bool = False) -> tuple[Document, list[Problem]]:
    document = load(spec)
    return document, validate(document, strict)


def generate(spec: Path, config: Optional[Path], templates: Optional[Path] = None, strict: bool = False) -> Generated:
    """The complete SDK for a document, in memory."""
    document, warnings = load_and_validate(spec, strict)
    settings = load_settings(config)
    api = build_api(document, settings)
    planned = plan(api, __version__)
    rendered = render(planned, templates)
    python = {p.path for p in planned if p.kind != "text"}
    static = {p.path for p in planned if p.kind == "python-static"}
    formatted = format_files(rendered, python, static, default_cache_dir())
    files = {path: text.encode("utf-8") for path, text in formatted.items()}
    spec_hash = sha256(b"".join(f.text.encode() for f in document.files.values()))
    config_hash = sha256(config.read_bytes()) if config else sha256(b"")
    manifest = Manifest(__version__, spec_hash, config_hash, {p: sha256(d) for p, d in files.items()})
    return Generated(files, manifest, tuple(warnings))
