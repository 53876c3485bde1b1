"""What `generate` and `check` print: a summary, JSON for scripts, progress only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

from generator import cli

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


def unlocated(message: str) -> dict[str, object]:
    return {"severity": "error", "file": None, "line": None, "pointer": None, "message": message}


def test_diff_json_failure_is_the_located_failure_object_and_success_says_ok(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text('openapi: 3.0.0\ninfo: {title: x, version: "1"\npaths: {}\n')
    run = sdkgen("diff", SPEC, broken, "--json")
    assert run.returncode == 1
    problem = {"severity": "error", "file": str(broken), "line": 3, "pointer": ""}
    message = "invalid YAML: did not find expected ',' or '}'"
    assert json.loads(run.stdout) == {"ok": False, "problems": [{**problem, "message": message}]}
    assert run.stderr == f"error: {broken}:3: /: {message}\n"
    same = sdkgen("diff", SPEC, SPEC, "--json")
    assert same.returncode == 0 and json.loads(same.stdout)["ok"] is True


@pytest.mark.parametrize(
    "command",
    [
        ["generate", str(SPEC), "--out", "out", "--json"],
        ["check", str(SPEC), "--out", "out", "--json"],
        ["diff", str(SPEC), str(SPEC), "--json"],
    ],
    ids=["generate", "check", "diff"],
)
def test_json_internal_error_and_interrupt_are_failure_objects(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No input makes sdkgen fail this way (that would be a bug to fix), so the stages fail on purpose.
    monkeypatch.chdir(tmp_path)
    for raised, code, said in [
        (RuntimeError("boom"), 1, "internal error in sdkgen: RuntimeError: boom (set SDKGEN_DEBUG=1 for details)"),
        (KeyboardInterrupt(), 130, "interrupted; the output directory was left as it was"),
    ]:

        def fail(*args: object, error: BaseException = raised, **kwargs: object) -> NoReturn:
            raise error

        for stage in ("generate", "build", "up_to_date"):
            monkeypatch.setattr(cli, stage, fail)
        assert cli.main(command) == code
        out, err = capsys.readouterr()
        assert json.loads(out) == {"ok": False, "problems": [unlocated(said)]}
        assert err == ("error: " if code == 1 else "") + said + "\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["generate", SPEC, "--json"], "the following arguments are required: --out"),
        (["check", SPEC, "--out", "o", "--js", "--nope"], "unrecognized arguments: --nope"),
        (["validate", SPEC, "--json"], "unrecognized arguments: --json"),
    ],
    ids=["missing-out", "unknown-option-abbreviated-json", "validate-has-no-json"],
)
def test_a_usage_error_under_json_is_a_failure_object_and_exits_2(command: list[object], message: str) -> None:
    run = sdkgen(*command)
    assert run.returncode == 2
    assert json.loads(run.stdout) == {"ok": False, "problems": [unlocated(f"usage error: {message}")]}
    assert run.stderr.startswith("usage: sdkgen ") and run.stderr.endswith(f": error: {message}\n")
