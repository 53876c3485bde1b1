"""Stage 8, check: compare what the generator would write with what is on disk.

Paths listed in the output's `.genignore` are the user's: they are not compared. The output
lock is held shared while reading, so a concurrent `generate` is never seen halfway.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from .errors import Location, Problem, SdkgenError
from .loader import display_path
from .outlock import output_lock
from .writer import MANIFEST, Manifest, owned


@dataclass(frozen=True)
class Drift:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]
    diff: str

    @property
    def clean(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"


def compare(
    out_dir: Path, files: dict[str, bytes], manifest: Manifest, on_wait: Optional[Callable[[], None]] = None
) -> Drift:
    """Files missing, stale or different on disk, with a unified diff of the text changes;
    `on_wait` is called if a writer holds the output and the comparison has to wait for it."""
    if out_dir.exists() and not out_dir.is_dir():
        raise SdkgenError([Problem(Location(display_path(out_dir)), "the output exists and is not a directory")])
    if not out_dir.resolve().parent.is_dir():
        return _compare(out_dir, files, manifest)
    with output_lock(out_dir.resolve(), shared=True, on_wait=on_wait):
        return _compare(out_dir, files, manifest)


def _compare(out_dir: Path, files: dict[str, bytes], manifest: Manifest) -> Drift:
    files, manifest, ignore = owned(out_dir, files, manifest)
    added, changed = [], []
    chunks: list[str] = []
    for path, data in files.items():
        target = out_dir / path
        try:
            current = target.read_bytes()
        except OSError:
            added.append(path)
            chunks.append(_diff(b"", data, f"a/{path}", f"b/{path}"))
            continue
        if current != data:
            changed.append(path)
            chunks.append(_diff(current, data, f"a/{path}", f"b/{path}"))
    old = Manifest.read(out_dir)
    stale = (p for p in (old.files if old else {}) if p not in files and not ignore.ignores(p))
    removed = sorted(p for p in stale if (out_dir / p).exists())
    for path in removed:
        chunks.append(_diff((out_dir / path).read_bytes(), b"", f"a/{path}", "/dev/null"))
    current_manifest = (out_dir / MANIFEST).read_bytes() if (out_dir / MANIFEST).is_file() else b""
    if current_manifest != manifest.to_bytes() and not (added or changed or removed):
        changed.append(MANIFEST)
        chunks.append(_diff(current_manifest, manifest.to_bytes(), f"a/{MANIFEST}", f"b/{MANIFEST}"))
    return Drift(tuple(added), tuple(removed), tuple(changed), "".join(chunks))


def _diff(old: bytes, new: bytes, old_name: str, new_name: str) -> str:
    old_lines = old.decode("utf-8", "replace").splitlines(keepends=True)
    new_lines = new.decode("utf-8", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old_lines, new_lines, old_name, new_name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
