"""Stage 7, write: the whole tree is built aside and swapped in, so output is never half-written.

A manifest of generated files and their hashes lets regeneration remove files it no longer
produces, keep files the user added, and refuse to overwrite generated files edited by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .errors import Location, Problem, SdkgenError
from .loader import display_path

MANIFEST = ".sdkgen-manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    generator_version: str
    spec_sha256: str
    config_sha256: str
    files: dict[str, str]

    def to_bytes(self) -> bytes:
        data = {
            "generator_version": self.generator_version,
            "spec_sha256": self.spec_sha256,
            "config_sha256": self.config_sha256,
            "files": dict(sorted(self.files.items())),
        }
        return (json.dumps(data, indent=2, sort_keys=False) + "\n").encode()

    @staticmethod
    def read(out_dir: Path) -> Optional[Manifest]:
        """The manifest of an earlier generation, or None if there is none (or it is unreadable)."""
        try:
            data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
            return Manifest(
                str(data["generator_version"]),
                str(data["spec_sha256"]),
                str(data["config_sha256"]),
                {str(k): str(v) for k, v in data["files"].items()},
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def hand_edited(out_dir: Path, manifest: Optional[Manifest]) -> list[str]:
    """Generated files whose content no longer matches what the generator wrote."""
    if manifest is None:
        return []
    edited = []
    for path, digest in manifest.files.items():
        target = out_dir / path
        if target.is_file() and sha256(target.read_bytes()) != digest:
            edited.append(path)
    return sorted(edited)


def write_tree(out_dir: Path, files: dict[str, bytes], manifest: Manifest, *, force: bool = False) -> WriteReport:
    """Replace the generated files of `out_dir` by `files` in one step."""
    old = Manifest.read(out_dir)
    edited = hand_edited(out_dir, old)
    if edited and not force:
        raise SdkgenError(
            Problem(
                Location(display_path(out_dir / p)),
                "generated file was edited by hand; regenerate with --force to overwrite it (or list it in .genignore)",
            )
            for p in edited
        )
    old_files = old.files if old else {}
    unchanged = tuple(p for p, data in files.items() if _read(out_dir / p) == data)
    removed = tuple(sorted(p for p in old_files if p not in files))
    written = tuple(p for p in files if p not in unchanged)
    manifest_bytes = manifest.to_bytes()
    if not written and not removed and _read(out_dir / MANIFEST) == manifest_bytes:
        return WriteReport((), unchanged, ())
    _swap_in(out_dir, files, manifest_bytes, old_files)
    return WriteReport(written, unchanged, removed)


def _read(path: Path) -> Optional[bytes]:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _swap_in(out_dir: Path, files: dict[str, bytes], manifest_bytes: bytes, old_files: dict[str, str]) -> None:
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if out_dir.exists():
            _carry_user_files(out_dir, staging, set(old_files) | set(files))
        (staging / MANIFEST).write_bytes(manifest_bytes)
        _fsync_tree(staging)
        backup = None
        if out_dir.exists():
            backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.rmdir(backup)
            os.rename(out_dir, backup)
        os.rename(staging, out_dir)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _carry_user_files(out_dir: Path, staging: Path, generated: set[str]) -> None:
    """Files in the output that the generator never made belong to the user: keep them."""
    for root, dirs, names in os.walk(out_dir):
        rel_root = Path(root).relative_to(out_dir)
        for name in names:
            rel = (rel_root / name).as_posix()
            if rel in generated or rel == MANIFEST or rel.startswith("./"):
                continue
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(Path(root) / name, target)
            except OSError:
                shutil.copy2(Path(root) / name, target)
        dirs[:] = [d for d in dirs if d != "__pycache__"]


def _fsync_tree(root: Path) -> None:
    """Get the new tree onto the disk before it replaces the old one: one `sync` for all files
    (an fsync per file costs seconds on a large SDK)."""
    os.sync()
