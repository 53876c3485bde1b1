"""What `generate` and `check` print: a summary, JSON for scripts, progress only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "friendli.yaml"


def sdkgen(*args: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator.cli", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_json_outcome_of_generate_then_check(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = sdkgen("generate", SPEC, "--out", out, "--json")
    assert first.returncode == 0, first.stderr
    outcome = json.loads(first.stdout)
    files = [p for p in out.rglob("*") if p.is_file() and p.name != ".sdkgen-manifest.json"]
    assert outcome["ok"] is True and len(outcome["written"]) == len(files) > 100
    assert outcome["unchanged"] == 0 and outcome["removed"] == [] and outcome["seconds"] > 0
    again = json.loads(sdkgen("generate", SPEC, "--out", out, "--json").stdout)
    assert again["written"] == [] and again["unchanged"] == len(files)
    (out / "README.md").write_text("changed\n")
    check = sdkgen("check", SPEC, "--out", out, "--json")
    assert check.returncode == 1
    drift = json.loads(check.stdout)
    assert drift["ok"] is False and drift["changed"] == ["README.md"] and drift["added"] == []


def test_json_errors_are_located_objects(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("openapi: 3.1.0\ninfo: {title: T}\npaths: {}\n")
    run = sdkgen("generate", spec, "--out", tmp_path / "out", "--json")
    assert run.returncode == 1
    outcome = json.loads(run.stdout)
    assert outcome["ok"] is False
    problem = outcome["problems"][0]
    assert problem["file"].endswith("bad.yaml") and problem["severity"] == "error" and "version" in problem["message"]
    assert not (tmp_path / "out").exists()


def test_summary_line_and_quiet(tmp_path: Path) -> None:
    run = sdkgen("generate", SPEC, "--out", tmp_path / "out")
    assert re.fullmatch(r".*/out: \d+ written, 0 unchanged, 0 removed in \d+\.\d\d s\n", run.stdout)
    assert "sdkgen:" not in run.stderr  # no progress when stderr is not a terminal
    quiet = sdkgen("generate", SPEC, "--out", tmp_path / "out", "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""


def test_progress_is_drawn_on_a_terminal_and_cleared(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "generator.cli", "generate", str(SPEC), "--out", str(tmp_path / "out")]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=terminal, env=dict(os.environ))
    os.close(terminal)
    stdout, _ = process.communicate(timeout=120)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.returncode == 0
    text = seen.decode()
    for stage in ("loading and validating friendli.yaml", "modeling", "rendering", "formatting", "writing"):
        assert f"sdkgen: {stage}" in text
    assert text.endswith("\r\x1b[K")  # the line is cleared before the summary is printed
    assert b"written" in stdout


def test_a_warning_repeated_many_times_is_counted_after_three(tmp_path: Path) -> None:
    odd = {"port": {"default": "1", "enum": ["1", 2]}}  # a value that is not a string: a warning
    servers = [{"url": f"http://host{i}:{{port}}", "variables": odd} for i in range(6)]
    document = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, "servers": servers}
    spec = tmp_path / "repeats.json"
    spec.write_text(json.dumps(document, indent=1))
    run = sdkgen("generate", spec, "--out", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    listed = [line for line in run.stderr.splitlines() if "/variables/port/enum" in line]
    assert len(listed) == 3, run.stderr
    assert re.search(r"^warning: 3 more like .*not of type", run.stderr, re.M), run.stderr
    every = sdkgen("validate", spec)
    assert len([line for line in every.stderr.splitlines() if "/variables/port/enum" in line]) == 6, every.stderr
