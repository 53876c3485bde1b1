"""Locate or create the virtual environments that the wire-compatibility tests run in.

The reference venv (``.venv-ref``) holds the published ``friendli`` package whose
on-the-wire behaviour our generated SDK must reproduce.  It is created on demand,
idempotently, and guarded by a marker file so repeated test runs cost nothing.

Run as a script (the Makefile does)::

    python tests/support/venvs.py reference     # ensure it exists, print its python
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT: Path = Path(__file__).resolve().parents[2]
REFERENCE_PACKAGE: str = "friendli"
REFERENCE_VERSION: str = "0.12.1"
REFERENCE_REQUIREMENT: str = f"{REFERENCE_PACKAGE}=={REFERENCE_VERSION}"
REFERENCE_VENV: Path = REPO_ROOT / ".venv-ref"
MARKER_NAME: str = ".sdkgen-venv-ready.json"


class VenvError(RuntimeError):
    """Raised when a venv cannot be created or does not hold what it should."""


@dataclass(frozen=True)
class VenvSpec:
    """What a venv must contain; the marker records it so a changed spec rebuilds."""

    path: Path
    requirements: tuple[str, ...]
    check_import: str
    check_version: str

    @property
    def python(self) -> Path:
        """Path of the venv's interpreter (POSIX layout; this project runs on Linux)."""
        return self.path / "bin" / "python"

    @property
    def marker(self) -> Path:
        """File written only after a fully successful setup."""
        return self.path / MARKER_NAME

    def marker_payload(self) -> dict[str, object]:
        """The marker's content: any change to it forces a reinstall."""
        return {
            "requirements": list(self.requirements),
            "check_import": self.check_import,
            "check_version": self.check_version,
        }


REFERENCE_SPEC: VenvSpec = VenvSpec(
    path=REFERENCE_VENV,
    requirements=(REFERENCE_REQUIREMENT,),
    check_import=REFERENCE_PACKAGE,
    check_version=REFERENCE_VERSION,
)


def _log(message: str) -> None:
    """Progress goes to stderr so stdout stays the machine-readable python path."""
    print(f"[venvs] {message}", file=sys.stderr, flush=True)


def _run(cmd: Sequence[str | os.PathLike[str]], what: str) -> None:
    """Run a setup command, turning failures into a VenvError with its output."""
    proc = subprocess.run(
        [os.fspath(c) for c in cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.splitlines()[-30:])
        raise VenvError(f"{what} failed (exit {proc.returncode}):\n{tail}")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise concurrent setups (parallel pytest workers, make -j) of one venv.

    The lock lives in the temp dir so no stray file appears in the work tree.
    """
    digest = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"sdkgen-venv-{digest}.lock"
    with open(lock_path, "w", encoding="utf-8") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def is_ready(spec: VenvSpec) -> bool:
    """True when the marker matches the spec and the interpreter still exists."""
    if not spec.python.exists():
        return False
    try:
        recorded = json.loads(spec.marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and all(
        recorded.get(key) == value for key, value in spec.marker_payload().items()
    )


def _verify(spec: VenvSpec) -> str:
    """Import the package inside the venv and return its installed version."""
    code = (
        "import importlib.metadata, importlib, sys\n"
        f"importlib.import_module({spec.check_import!r})\n"
        f"sys.stdout.write(importlib.metadata.version({spec.check_import!r}))\n"
    )
    proc = subprocess.run(
        [os.fspath(spec.python), "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise VenvError(
            f"cannot import {spec.check_import} in {spec.path}:\n{proc.stderr}"
        )
    version = proc.stdout.strip()
    if version != spec.check_version:
        raise VenvError(
            f"{spec.check_import} in {spec.path} is {version}, "
            f"expected {spec.check_version}"
        )
    return version


def ensure_venv(spec: VenvSpec, base_python: str | None = None) -> Path:
    """Create/repair the venv if needed and return its interpreter path."""
    if is_ready(spec):
        return spec.python
    with _locked(spec.path):
        if is_ready(spec):  # another process finished while we waited
            return spec.python
        base = base_python or sys.executable
        spec.marker.unlink(missing_ok=True)
        if not spec.python.exists():
            if spec.path.exists():
                shutil.rmtree(spec.path)
            _log(f"creating venv {spec.path} with {base}")
            _run([base, "-m", "venv", spec.path], "python -m venv")
        _log(f"installing {' '.join(spec.requirements)} into {spec.path}")
        _run(
            [
                spec.python,
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
                "--quiet",
                *spec.requirements,
            ],
            "pip install",
        )
        _verify(spec)
        spec.marker.write_text(
            json.dumps(spec.marker_payload(), indent=2) + "\n", encoding="utf-8"
        )
        _log(f"ready: {spec.python}")
    return spec.python


def ensure_reference_venv() -> Path:
    """Interpreter of the reference venv holding the published friendli package."""
    return ensure_venv(REFERENCE_SPEC)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point for the Makefile: print the interpreter path on success."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument("which", choices=["reference"], help="which venv to set up")
    parser.add_argument("--python", help="base interpreter used to create the venv")
    args = parser.parse_args(argv)
    try:
        python = ensure_venv(REFERENCE_SPEC, base_python=args.python)
    except (VenvError, OSError) as exc:
        print(f"error: could not set up the {args.which} venv: {exc}", file=sys.stderr)
        return 1
    print(python)
    return 0


if __name__ == "__main__":
    sys.exit(main())
