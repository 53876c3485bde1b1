"""The CI workflow and the pre-commit hook run the drift check, and their commands work here."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def run(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True, check=False)


def test_workflow_runs_make_check_on_pull_requests() -> None:
    workflow: dict[Any, Any] = yaml.safe_load((ROOT / ".github/workflows/sdk-drift.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers
    steps = workflow["jobs"]["check"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands == ["make check"]
    assert any(str(step.get("uses", "")).startswith("actions/checkout@") for step in steps)
    for command in commands:  # the same commands pass on this commit
        done = run(command)
        assert done.returncode == 0, done.stdout + done.stderr


def test_pre_commit_hook_runs_the_check_for_the_right_files() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = config["repos"][0]["hooks"]
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    for path in ("spec/friendli.yaml", "templates/python/sdk.py.jinja", "generator/cli.py", "generated/README.md"):
        assert pattern.search(path)
    assert not pattern.search("tests/test_cli.py") and not pattern.search("README.md")
    done = run(hook["entry"])
    assert done.returncode == 0, done.stdout + done.stderr
