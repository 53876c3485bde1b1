"""Generate an SDK from a small document in a test, and run code against it in a child process."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, Union

ROOT = Path(__file__).resolve().parents[2]


def generate_sdk(document: Union[dict[str, Any], Path], out: Path) -> Path:
    """Run `sdkgen generate` on a document (a dict is written beside `out` first); return `out`."""
    if isinstance(document, dict):
        spec = out.parent / f"{out.name}-spec.json"
        spec.write_text(json.dumps(document))
    else:
        spec = document
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", str(spec), "--out", str(out), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return out


def run_with_sdk(out: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter that imports the SDK generated into `out`."""
    return subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(out / "src")}, capture_output=True, text=True, check=False
    )


@contextmanager
def imported_sdk(out: Path, module: str = "sdk") -> Iterator[ModuleType]:
    """`module` of the SDK generated into `out`, imported in this process, and forgotten
    afterwards (its package and `sys.path` entry), so that the next SDK of the same
    package name is imported afresh."""
    src = str(out / "src")
    sys.path.insert(0, src)
    try:
        yield importlib.import_module(module)
    finally:
        sys.path.remove(src)
        package = module.split(".")[0]
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
