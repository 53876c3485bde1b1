"""Whether an output is what generating it again would give, found without generating.

An output is a function of its inputs alone (tests/test_determinism.py): the document's files,
gen.yaml, the template overrides, the output's `.genignore`, and the generator itself (its
modules, its templates, the libraries whose work is in the output, the Python running it).
After each generation, a record in the cache keeps a digest of all of them, the list of the
document's files, and the digest of the manifest written. A later `generate` that finds the
same inputs, the same manifest, and every file the manifest lists as it was written (custom
regions aside) would write nothing: it says so at once instead of generating again.

The record is kept in the cache and not in the manifest: a digest of the generator and of its
libraries would make the committed output differ from one machine to another. `check` does not
take this path: a drift check compares every byte, and trusts no record.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Optional

from .genignore import GENIGNORE
from .records import read_record, write_record
from .regions import digest
from .writer import MANIFEST, Manifest, read_bytes


@dataclass(frozen=True)
class Inputs:
    """What an output was made from: the digest of it all, and the document's files (relative to
    the directory of its root file, the root first)."""

    digest: str
    spec_files: tuple[str, ...]


def inputs_of(
    root: Path, spec_files: list[tuple[Path, bytes]], config: bytes, templates: Optional[Path], out: Optional[Path]
) -> Inputs:
    """The inputs of a generation: the text of each of the document's files, in the order the
    loader found them, gen.yaml as canonical JSON, the template overrides, the output's
    `.genignore` and the generator."""
    hasher = hashlib.sha256(_generator_digest().encode())
    for _, data in spec_files:
        hasher.update(b"\0spec\0" + str(len(data)).encode() + b"\0" + data)
    hasher.update(b"\0config\0" + config)
    if templates is not None:
        hasher.update(b"\0templates\0" + _tree_digest(templates).encode())
    ignored = read_bytes(out / GENIGNORE) if out is not None else None
    hasher.update(b"\0genignore\0" + (ignored if ignored is not None else b"-"))
    listing = tuple(Path(os.path.relpath(path, root.parent)).as_posix() for path, _ in spec_files)
    return Inputs(hasher.hexdigest(), listing)


def remember(records: Path, out: Path, manifest: bytes, inputs: Inputs) -> None:
    """Record that the output `out` whose manifest is `manifest` (as this process wrote it: by
    now another may have written another) was made from `inputs`."""
    row = {"manifest": hashlib.sha256(manifest).hexdigest(), "inputs": inputs.digest, "spec": inputs.spec_files}
    write_record(_record_path(records, out), row)


def unchanged_output(
    records: Path, spec: Path, config: bytes, templates: Optional[Path], out: Path
) -> Optional[tuple[Manifest, list[tuple[Path, bytes]], str]]:
    """The manifest of `out`, the document's files and the digest of all the inputs, if
    generating `spec` again would write nothing; None when it might write something, or when
    that cannot be told cheaply."""
    if templates is not None and not templates.is_dir():
        return None  # generating says what is wrong with it
    row = read_record(_record_path(records, out))
    try:
        recorded, spec_names = str(row["inputs"]), [str(name) for name in row["spec"]]
        manifest_digest = str(row["manifest"])
    except (KeyError, TypeError):
        return None  # missing (None), or not a record of ours
    manifest_bytes = read_bytes(out / MANIFEST)
    manifest = Manifest.read(out)
    if manifest_bytes is None or manifest is None or hashlib.sha256(manifest_bytes).hexdigest() != manifest_digest:
        return None
    root = spec.resolve()
    spec_files = []
    for name in spec_names:
        path = Path(os.path.normpath(root.parent / name))
        try:
            text = path.read_text(encoding="utf-8")  # as the loader reads it: newlines translated
        except (OSError, UnicodeDecodeError):
            return None
        spec_files.append((path, text.encode()))
    if not spec_files or spec_files[0][0] != root:
        return None  # another document
    if inputs_of(root, spec_files, config, templates, out) != Inputs(recorded, tuple(spec_names)):
        return None
    for name, written in manifest.files.items():
        data = read_bytes(out / name)
        if data is None or digest(data, name) != written:
            return None  # missing or edited by hand: generating again says what to do about it
    return manifest, spec_files, recorded


def _record_path(records: Path, out: Path) -> Path:
    return records / hashlib.sha256(str(out.resolve()).encode()).hexdigest()


@cache
def _generator_digest() -> str:
    """The generator's modules and built-in templates, the versions of the libraries whose work
    ends up in the output (a new black may format a statement otherwise), and Python's."""
    from importlib.metadata import version

    from .render import templates_dir

    package = Path(__file__).parent
    hasher = hashlib.sha256()
    for module in sorted(package.glob("*.py")):
        hasher.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    hasher.update(_tree_digest(templates_dir()).encode())
    for library in ("black", "jinja2", "pyyaml"):
        hasher.update(f"{library}={version(library)}\0".encode())
    hasher.update(f"python={sys.version_info[0]}.{sys.version_info[1]}".encode())
    return hasher.hexdigest()


def _tree_digest(directory: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        hasher.update(path.relative_to(directory).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()

