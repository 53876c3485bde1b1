"""A real `sdkgen generate` killed with SIGKILL at any moment leaves the complete old tree or the
complete new one, the next run cleans up and succeeds, and two runs at once leave one whole tree.

Kills come two ways: at named steps of the writer (`SDKGEN_TEST_KILL_AT`, see
generator/testhooks.py), and at moments swept across the write phase by the clock.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# Runs the CLI with the atomic exchange reported unsupported, as on platforms without renameat2.
FALLBACK = (
    "import sys, generator.dirswap as d; d._exchange = lambda a, b: False; "
    "from generator.cli import main; sys.exit(main(sys.argv[1:]))"
)


@dataclass(frozen=True)
class Trees:
    old_spec: Path
    new_spec: Path
    config: Path
    old_dir: Path
    """The old tree: the spec's SDK plus a file and a .genignore of the user's."""
    old: dict[str, bytes]
    new: dict[str, bytes]
    """What generating `new_spec` over `old_dir` gives."""
    fresh_old: dict[str, bytes]
    fresh_new: dict[str, bytes]
    """Each spec generated into an empty directory."""


def command(spec: Path, out: Path, config: Path, *, fallback: bool = False) -> list[str]:
    runner = ["-c", FALLBACK] if fallback else ["-m", "generator.cli"]
    return [sys.executable, *runner, "generate", str(spec), "--config", str(config), "--out", str(out), "--quiet"]


def generate(spec: Path, out: Path, config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(spec, out, config), cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, check=False
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file below `directory`, hidden ones and the manifest included."""
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> Trees:
    root = tmp_path_factory.mktemp("trees")
    document = yaml.safe_load((ROOT / "spec/friendli.yaml").read_text())
    old_spec = root / "old.json"
    old_spec.write_text(json.dumps(document))
    del document["paths"]["/dedicated/v1/images/generations"]  # the new tree drops a group's files
    document["info"]["description"] = "A changed description."
    new_spec = root / "new.json"
    new_spec.write_text(json.dumps(document))
    config = ROOT / "spec/gen.yaml"
    for spec, name in ((old_spec, "fresh-old"), (new_spec, "fresh-new"), (old_spec, "old")):
        assert generate(spec, root / name, config).returncode == 0
    old_dir = root / "old"
    (old_dir / "NOTES.md").write_text("the user's own file\n")
    (old_dir / ".genignore").write_text("pyproject.toml\n")
    (old_dir / "pyproject.toml").write_text("# the user's own pyproject\n")
    assert generate(old_spec, old_dir, config).returncode == 0  # drops pyproject.toml from the manifest
    shutil.copytree(old_dir, root / "new")
    assert generate(new_spec, root / "new", config).returncode == 0
    trees = Trees(
        old_spec,
        new_spec,
        config,
        old_dir,
        snapshot(old_dir),
        snapshot(root / "new"),
        snapshot(root / "fresh-old"),
        snapshot(root / "fresh-new"),
    )
    assert trees.new["NOTES.md"] == b"the user's own file\n"
    assert trees.new["pyproject.toml"] == b"# the user's own pyproject\n"
    assert set(trees.old) - set(trees.new), "the new tree should remove files"
    assert trees.new[".sdkgen-manifest.json"] != trees.old[".sdkgen-manifest.json"]
    return trees


def old_output(trees: Trees, tmp_path: Path) -> Path:
    """A fresh copy of the old tree, alone in its parent directory."""
    out = tmp_path / "work" / "out"
    shutil.copytree(trees.old_dir, out)
    return out


def outcome(trees: Trees, out: Path) -> str:
    """Which complete tree `out` holds; fails on anything else."""
    tree = snapshot(out) if out.is_dir() else {}
    assert tree in (trees.old, trees.new), f"{out} is neither the old nor the new tree"
    return "old" if tree == trees.old else "new"


def assert_next_run_recovers(trees: Trees, out: Path) -> None:
    """After a kill, a plain run succeeds, yields the new tree and leaves nothing beside it."""
    run = generate(trees.new_spec, out, trees.config)
    assert run.returncode == 0, run.stderr
    assert snapshot(out) == trees.new
    assert os.listdir(out.parent) == ["out"]


def leftovers(out: Path) -> list[str]:
    return sorted(name for name in os.listdir(out.parent) if name != "out")


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("locked", "old"),
        ("recovered", "old"),
        ("staging", "old"),
        ("half-staged", "old"),
        ("staged", "old"),
        ("carried", "old"),
        ("manifest", "old"),
        ("synced", "old"),
        ("approved", "old"),
        ("exchanged", "new"),
        ("replaced", "new"),
    ],
)
def test_kill_at_each_step_leaves_old_or_new_tree(trees: Trees, tmp_path: Path, step: str, expected: str) -> None:
    out = old_output(trees, tmp_path)
    run = generate(trees.new_spec, out, trees.config, SDKGEN_TEST_KILL_AT=step)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert outcome(trees, out) == expected
    assert_next_run_recovers(trees, out)


def test_killed_run_leaves_debris_that_is_never_taken_for_output(trees: Trees, tmp_path: Path) -> None:
    out = old_output(trees, tmp_path)
    run = generate(trees.new_spec, out, trees.config, SDKGEN_TEST_KILL_AT="exchanged")
    assert run.returncode == -signal.SIGKILL
    (debris,) = leftovers(out)
    assert debris.startswith(".out.new-")
    assert snapshot(out.parent / debris) == trees.old  # the exchanged old tree waits for deletion
    check = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", str(trees.new_spec), "--config", str(trees.config)]
        + ["--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert_next_run_recovers(trees, out)


@pytest.mark.parametrize(
    ("step", "expected"),
    [("staged", "old"), ("backed-up", None), ("renamed", "new"), ("trashed", "new"), ("replaced", "new")],
)
def test_kill_in_the_two_rename_fallback_is_recovered_by_the_next_run(
    trees: Trees, tmp_path: Path, step: str, expected: Optional[str]
) -> None:
    out = old_output(trees, tmp_path)
    run = subprocess.run(
        command(trees.new_spec, out, trees.config, fallback=True),
        cwd=ROOT,
        env={**os.environ, "SDKGEN_TEST_KILL_AT": step},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    if expected is None:  # between the two renames: no output, a complete backup and the staged tree
        assert not out.exists()
        staging, backup = leftovers(out)
        assert staging.startswith(".out.new-") and backup.startswith(".out.old-")
        assert snapshot(out.parent / backup) == trees.old and snapshot(out.parent / staging) == trees.new
    else:
        assert outcome(trees, out) == expected
    assert_next_run_recovers(trees, out)


@pytest.mark.parametrize("second_kill", ["restored", "recovered"])
def test_a_kill_during_recovery_still_leaves_the_old_tree(trees: Trees, tmp_path: Path, second_kill: str) -> None:
    out = old_output(trees, tmp_path)
    first = subprocess.run(
        command(trees.new_spec, out, trees.config, fallback=True),
        cwd=ROOT,
        env={**os.environ, "SDKGEN_TEST_KILL_AT": "backed-up"},
        capture_output=True,
        check=False,
    )
    assert first.returncode == -signal.SIGKILL and not out.exists()
    second = generate(trees.new_spec, out, trees.config, SDKGEN_TEST_KILL_AT=second_kill)
    assert second.returncode == -signal.SIGKILL
    assert outcome(trees, out) == "old"
    assert_next_run_recovers(trees, out)


def start(trees: Trees, out: Path) -> tuple[subprocess.Popen[bytes], float]:
    """Start a generate of the new spec into `out`; return it once its write phase has begun
    (its staging directory exists), with that moment."""
    process = subprocess.Popen(
        command(trees.new_spec, out, trees.config), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    while process.poll() is None and not any(n.startswith(".out.new-") for n in os.listdir(out.parent)):
        time.sleep(0.001)
    return process, time.monotonic()


def calibrate(trees: Trees, out: Path) -> tuple[float, float]:
    """Seconds from the start of the write phase to the swap (the output changes inode), and to the end."""
    inode = out.stat().st_ino
    process, started = start(trees, out)
    while process.poll() is None and out.stat().st_ino == inode:
        time.sleep(0.001)
    swapped = time.monotonic() - started
    assert process.wait() == 0 and outcome(trees, out) == "new"
    return swapped, time.monotonic() - started


def test_sigkill_swept_across_the_write_leaves_old_or_new_tree(trees: Trees, tmp_path: Path) -> None:
    # The quicker of two runs, so that noise on a busy machine does not push kills past the end.
    swap, end = min(calibrate(trees, old_output(trees, tmp_path / f"calibration{i}")) for i in range(2))
    for attempt in range(3):
        results = sweep(trees, tmp_path / f"sweep{attempt}", swap, end)
        print(f"swap after {swap * 1000:.0f} ms, end after {end * 1000:.0f} ms; (delay ms, exit code, tree): {results}")
        killed = [tree for _, code, tree in results if code == -signal.SIGKILL]
        if len(killed) >= len(results) // 2 and "old" in killed:
            break
        # Every run left a whole tree, but most kills came after the end: the write ran quicker
        # than calibrated (a sync takes as long as the disk's other dirty pages make it). Again,
        # over a shorter span, so that the sweep does kill runs mid-write.
        swap, end = swap / 2, end / 2
    assert len(killed) >= len(results) // 2, results
    assert "old" in killed, results


def sweep(trees: Trees, where: Path, swap: float, end: float) -> list[tuple[int, int, str]]:
    """Kill a run at moments spread over its write phase: two thirds before the swap, where the
    old tree must survive, the rest after. Each leaves a whole tree, and the next run recovers."""
    delays = [1.1 * swap * i / 7 for i in range(8)] + [swap + (end - swap) * i / 4 for i in range(1, 5)]
    results = []
    for index, delay in enumerate(delays):
        out = old_output(trees, where / str(index))
        process, _ = start(trees, out)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)  # a no-op if it has ended
        results.append((round(delay * 1000), process.wait(), outcome(trees, out)))
        assert_next_run_recovers(trees, out)
    return results


def start_two(trees: Trees, out: Path, new_first: bool) -> list[subprocess.Popen[str]]:
    specs = [trees.new_spec, trees.old_spec] if new_first else [trees.old_spec, trees.new_spec]
    return [
        subprocess.Popen(command(spec, out, trees.config), cwd=ROOT, stderr=subprocess.PIPE, text=True)
        for spec in specs
    ]


@pytest.mark.parametrize("start", ["empty", "old"])
@pytest.mark.parametrize("new_first", [False, True])
def test_two_generates_at_once_leave_one_complete_tree(
    trees: Trees, tmp_path: Path, start: str, new_first: bool
) -> None:
    out = old_output(trees, tmp_path) if start == "old" else tmp_path / "work" / "out"
    out.parent.mkdir(parents=True, exist_ok=True)
    processes = start_two(trees, out, new_first)
    for process in processes:
        _, stderr = process.communicate()
        assert process.returncode == 0, stderr
    allowed = (trees.old, trees.new) if start == "old" else (trees.fresh_old, trees.fresh_new)
    assert snapshot(out) in allowed
    assert os.listdir(out.parent) == ["out"]


def test_second_generate_waits_for_the_first(trees: Trees, tmp_path: Path) -> None:
    out = old_output(trees, tmp_path)
    lock = os.open(out.parent, os.O_RDONLY)  # what a running generate holds
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        processes = start_two(trees, out, new_first=True)
        for process in processes:
            assert process.stderr is not None
            assert process.stderr.readline() == f"waiting for another sdkgen writing {out}...\n"
        assert all(p.poll() is None for p in processes)
        assert snapshot(out) == trees.old
    finally:
        os.close(lock)
    for process in processes:
        _, stderr = process.communicate()
        assert process.returncode == 0, stderr
    assert snapshot(out) in (trees.old, trees.new)
    assert os.listdir(out.parent) == ["out"]


def test_check_waits_for_a_writer(trees: Trees, tmp_path: Path) -> None:
    out = old_output(trees, tmp_path)
    lock = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        check = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "check", str(trees.old_spec), "--config", str(trees.config)]
            + ["--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert check.stderr is not None
        assert check.stderr.readline() == f"waiting for another sdkgen writing {out}...\n"
        assert check.poll() is None
    finally:
        os.close(lock)
    stdout, _ = check.communicate()
    assert check.returncode == 0 and "up to date" in stdout
