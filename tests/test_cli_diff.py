"""`sdkgen diff` end to end: exit codes, text and JSON, and the change report on the real Friendli document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "friendli.yaml"
CONFIG = ROOT / "spec" / "gen.yaml"
NOVEMBER_2024 = ROOT.parent / "shared" / "specs" / "friendli-2024-11.yaml"


def sdkgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=False
    )


def friendli() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return data


def write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def edited_friendli(tmp_path: Path) -> Path:
    """The Friendli document with a few edits, one of each impact."""
    document = friendli()
    schemas = document["components"]["schemas"]
    body = schemas["DedicatedImageGenerationBody"]
    del body["properties"]["seed"]  # breaking
    body["required"].remove("num_inference_steps")  # compatible
    schemas["URLImageItem"]["properties"]["response_format"]["enum"].append("webp")  # compatible: an open enum
    schemas["ImageInput"]["properties"]["image"]["description"] = "An image, as a URL or base64."  # docs
    return write(tmp_path / "new.yaml", document)


def test_diff_of_the_edited_friendli_document_names_the_sdk_changes(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", friendli())
    run = sdkgen("diff", old, edited_friendli(tmp_path), "--config", CONFIG, "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    changes = {(c["impact"], c["subject"], c["message"]) for c in report["changes"]}
    assert changes == {
        ("breaking", "dedicated.image.generate", "argument `seed` removed"),
        ("breaking", "DedicatedImageGenerationBody", "field `seed` removed"),
        ("compatible", "dedicated.image.generate", "argument `num_inference_steps` became optional"),
        ("compatible", "DedicatedImageGenerationBody", "field `num_inference_steps` became optional"),
        ("compatible", "URLImageItemResponseFormat", "value 'webp' added"),
        ("docs", "ImageInput", "field `image` description changed"),
    }
    assert report["bump"] == "major" and report["breaking"] is True
    assert report["version"] == {"from": "0.1.0", "to": "0.2.0"}


def test_diff_text_groups_changes_and_ends_with_the_bump(tmp_path: Path) -> None:
    old = write(tmp_path / "old.yaml", friendli())
    run = sdkgen("diff", old, edited_friendli(tmp_path), "--config", CONFIG)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Breaking changes (2):"
    assert "    - dedicated.image.generate: argument `seed` removed" in lines
    assert lines.index("Compatible changes (3):") < lines.index("Documentation (1):")
    assert lines[-2] == "Version bump: major (breaking changes): 0.1.0 -> 0.2.0"
    assert lines[-1].startswith("(below 1.0.0, breaking changes bump the minor version")


def test_diff_of_the_same_document_reports_nothing() -> None:
    run = sdkgen("diff", SPEC, SPEC)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "No API changes.\n\nVersion bump: none (no change to the SDK's surface): 0.1.0 -> 0.1.0\n"


def test_diff_between_two_published_friendli_versions() -> None:
    run = sdkgen("diff", NOVEMBER_2024, SPEC, "--config", CONFIG, "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    changes = {(c["impact"], c["subject"], c["message"]) for c in report["changes"]}
    assert ("breaking", "inference.chat_completion", "method removed") in changes
    assert ("compatible", "dedicated.image.generate", "method added") in changes
    assert ("compatible", "serverless.chat.stream", "method added") in changes
    assert report["bump"] == "major"


def test_diff_reports_located_errors_of_both_documents_and_exits_1(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: 7\n")
    new = tmp_path / "new.yaml"
    new.write_text("openapi: 3.1.0\ninfo: {title: T}\npaths: {}\n")
    run = sdkgen("diff", old, new)
    assert run.returncode == 1
    assert "old.yaml:6: /paths/~1a/get/responses" in run.stderr
    assert "new.yaml:2: /info" in run.stderr
    assert run.stdout == ""


def test_diff_without_two_documents_is_a_usage_error() -> None:
    run = sdkgen("diff", SPEC)
    assert run.returncode == 2
    assert "usage:" in run.stderr
