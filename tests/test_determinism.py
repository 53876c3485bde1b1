"""Byte-identical output on every run: any PYTHONHASHSEED, cold, warm or no format cache,
and gen.yaml's keys in any order."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"


def generate(spec: Path, out: Path, seed: str, cache: str, config: Path | None = None) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SDKGEN_CACHE_DIR": cache}
    command = [sys.executable, "-m", "generator.cli", "generate", str(spec), "--out", str(out), "--quiet"]
    if config is not None:
        command += ["--config", str(config)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


# Recursive schemas (import cycles found by graph search), discriminators, SSE and many
# inline names: the places where set or dict order could leak into the output.
@pytest.mark.parametrize("name", ["friendli-2024-11.yaml", "oag-allof-discriminator-recursive.yaml"])
def test_same_output_under_different_hash_seeds_and_caches(name: str, tmp_path: Path) -> None:
    spec = SPECS / name
    cache = tmp_path / "cache"
    runs = [
        generate(spec, tmp_path / "a", "0", ""),  # no cache
        generate(spec, tmp_path / "b", "1", str(cache)),  # cold cache
        generate(spec, tmp_path / "c", "4242", str(cache)),  # warm cache
    ]
    assert runs[0], "nothing generated"
    assert runs[0] == runs[1] == runs[2]


def test_gen_yaml_key_order_and_layout_change_nothing(tmp_path: Path) -> None:
    config = ROOT / "spec" / "gen.yaml"
    lines = [line for line in config.read_text().splitlines() if line and not line.startswith("#")]
    shuffled = tmp_path / "gen.yaml"
    shuffled.write_text("# reordered\n" + "\n".join(reversed(lines)) + "\n")
    spec = ROOT / "spec" / "friendli.yaml"
    first = generate(spec, tmp_path / "a", "7", "", config)
    second = generate(spec, tmp_path / "b", "8", "", shuffled)
    assert first == second  # the manifest too: it hashes gen.yaml's content, not its bytes
    committed = {path: (ROOT / "generated" / path).read_bytes() for path in first}
    assert first == committed


def test_the_committed_tree_is_what_any_seed_generates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(ROOT / "generated", out, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build"))
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [
        sys.executable,
        "-m",
        "generator.cli",
        "check",
        "spec/friendli.yaml",
        "--config",
        "spec/gen.yaml",
        "--out",
        str(out),
    ]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr
