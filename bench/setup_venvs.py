"""Create the two benchmark venvs under <repo>/.bench/, idempotently.

- ``.bench/ref``  : the PyPI reference, ``friendli==0.12.1``.
- ``.bench/ours`` : our generated SDK from ``<repo>/generated``, installed with
  ``--force-reinstall --no-deps`` plus its runtime deps.

Why a venv each: both packages are called ``friendli``, and the comparison is
only fair if each SDK sees exactly the site-packages it would see for a user.
Shared runtime deps (httpx, pydantic, ...) are pinned in ``ours`` to the
versions the reference resolved, so a version bump cannot pass for a speed-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import tomllib

REF_SPEC = "friendli==0.12.1"
REF_VERSION = "0.12.1"
BASE_DEPS = ("httpx", "pydantic>=2")
# Runtime deps whose versions we copy from ref into ours (fair comparison).
SHARED_DEPS = (
    "httpx",
    "httpcore",
    "h11",
    "anyio",
    "idna",
    "certifi",
    "pydantic",
    "pydantic-core",
    "typing-extensions",
    "typing-inspection",
    "annotated-types",
)
HASH_MARKER = ".generated-sha256"
SKIP_DIRS = {"__pycache__", "build", "dist", ".git", ".mypy_cache", ".ruff_cache"}


def repo_root() -> Path:
    """Repo root from this file's location, so the script works from any cwd."""
    return Path(__file__).resolve().parent.parent


def bench_dir(root: Path) -> Path:
    """Where the venvs live (git-ignored)."""
    return root / ".bench"


def venv_python(venv: Path) -> Path:
    """Interpreter of a venv."""
    return venv / "bin" / "python"


def log(msg: str) -> None:
    """Progress goes to stderr so stdout stays machine/report output."""
    print(f"[setup] {msg}", file=sys.stderr, flush=True)


def run(cmd: list[str], what: str) -> str:
    """Run a command quietly; on failure show its output tail and raise."""
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        tail = (res.stdout + res.stderr).strip().splitlines()[-30:]
        raise RuntimeError(f"{what} failed (rc={res.returncode}):\n" + "\n".join(tail))
    return res.stdout


def ensure_venv(venv: Path) -> Path:
    """Create the venv if it has no working interpreter yet."""
    py = venv_python(venv)
    if py.exists():
        probe = subprocess.run([str(py), "-c", "pass"], check=False)
        if probe.returncode == 0:
            return py
    log(f"creating venv {venv}")
    run([sys.executable, "-m", "venv", "--clear", str(venv)], "venv creation")
    return py


def pip(py: Path, args: list[str], what: str) -> None:
    """Quiet pip inside a venv."""
    run(
        [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
        what,
    )


def dist_versions(py: Path, names: tuple[str, ...]) -> dict[str, str]:
    """Installed versions of the given distributions in a venv (missing omitted)."""
    code = (
        "import importlib.metadata as m, json, sys\n"
        "out = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))\n"
    )
    raw = run([str(py), "-c", code, *names], "version probe")
    data: dict[str, str] = json.loads(raw)
    return data


def compile_friendli(py: Path) -> None:
    """Byte-compile the installed package so cold starts never pay for compilation."""
    code = (
        "import compileall, importlib.util, os\n"
        "spec = importlib.util.find_spec('friendli')\n"
        "assert spec and spec.submodule_search_locations\n"
        "for loc in spec.submodule_search_locations:\n"
        "    compileall.compile_dir(loc, quiet=1)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    res = subprocess.run(
        [str(py), "-c", code], env=env, capture_output=True, text=True, check=False
    )
    if res.returncode != 0:
        raise RuntimeError(f"compileall failed:\n{res.stderr[-2000:]}")


def ensure_ref(root: Path) -> Path:
    """Venv with the PyPI reference; skips pip when the right version is present."""
    venv = bench_dir(root) / "ref"
    py = ensure_venv(venv)
    if dist_versions(py, ("friendli",)).get("friendli") != REF_VERSION:
        log(f"installing {REF_SPEC} into {venv}")
        pip(py, [REF_SPEC], "reference install")
        compile_friendli(py)
    else:
        log(f"{venv}: {REF_SPEC} already installed")
    return py


def tree_hash(src: Path) -> str:
    """Content hash of the generated package, to skip reinstalling an unchanged tree."""
    h = hashlib.sha256()
    for path in sorted(src.rglob("*")):
        rel = path.relative_to(src)
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel.parts):
            continue
        if path.is_file():
            h.update(str(rel).encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def generated_deps(src: Path) -> list[str]:
    """Runtime deps declared by generated/pyproject.toml plus those we always need."""
    deps = list(BASE_DEPS)
    pyproject = src / "pyproject.toml"
    if pyproject.exists():
        data = tomllib.loads(pyproject.read_text())
        deps += [str(d) for d in data.get("project", {}).get("dependencies", [])]
    return deps


def ensure_ours(root: Path, ref_py: Path | None = None) -> Path:
    """Venv with our generated SDK; reinstalls only when generated/ changed."""
    src = root / "generated"
    if not ((src / "pyproject.toml").exists() or (src / "setup.py").exists()):
        raise FileNotFoundError(
            f"{src} has no pyproject.toml/setup.py yet (generated SDK not built); "
            "use --ours-venv .bench/ref to check the plumbing against the reference"
        )
    venv = bench_dir(root) / "ours"
    py = ensure_venv(venv)
    digest = tree_hash(src)
    marker = venv / HASH_MARKER
    if marker.exists() and marker.read_text().strip() == digest:
        log(f"{venv}: generated/ unchanged, skipping reinstall")
        return py
    deps = generated_deps(src)
    pinned = dist_versions(ref_py, SHARED_DEPS) if ref_py else {}
    constraints = venv / "constraints.txt"
    constraints.write_text("".join(f"{n}=={v}\n" for n, v in sorted(pinned.items())))
    log(f"installing deps into {venv}: {', '.join(deps)} (pinned to ref's versions)")
    try:
        pip(py, ["-c", str(constraints), *deps], "deps install (pinned)")
    except RuntimeError as exc:
        log(f"pinning to ref's versions failed, installing unpinned: {exc}")
        pip(py, deps, "deps install")
    log(f"installing {src} (--force-reinstall --no-deps)")
    pip(py, ["--force-reinstall", "--no-deps", str(src)], "generated install")
    compile_friendli(py)
    marker.write_text(digest + "\n")
    return py


def main() -> int:
    """CLI: set up both venvs (or one of them)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("ref", "ours"), help="set up just one venv")
    args = ap.parse_args()
    root = repo_root()
    bench_dir(root).mkdir(exist_ok=True)
    ref_py = None
    if args.only in (None, "ref"):
        ref_py = ensure_ref(root)
        print(ref_py)
    if args.only in (None, "ours"):
        existing_ref = venv_python(bench_dir(root) / "ref")
        print(
            ensure_ours(
                root, ref_py or (existing_ref if existing_ref.exists() else None)
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
