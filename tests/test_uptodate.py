"""`generate` over an output its inputs would make again writes nothing and says so without
generating; any change to an input, or to the output, and it generates as before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import cli, pipeline, uptodate
from generator.writer import MANIFEST

DOCUMENT = """\
openapi: 3.0.3
info: {title: Up To Date, version: "1"}
servers: [{url: "http://127.0.0.1:1"}]
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      x-code-samples: {$ref: "samples/missing.yaml"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string, description: The thing's id.}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A document (one harmless warning), a gen.yaml, a private cache, and loads counted."""
    (tmp_path / "spec.yaml").write_text(DOCUMENT)
    (tmp_path / "gen.yaml").write_text("package_name: uptodate\n")
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def arguments(project: Path, command: str) -> list[str]:
    return [command, str(project / "spec.yaml"), "--config", str(project / "gen.yaml"), "--out", str(project / "out")]


def run(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *extra: str
) -> dict[str, Any]:
    """`sdkgen generate --json` in this process: its exit code, its report, whether it loaded the document."""
    loads: list[Path] = []
    real_load = pipeline.load
    monkeypatch.setattr(pipeline, "load", lambda spec: loads.append(spec) or real_load(spec))
    code = cli.main([*arguments(project, "generate"), "--json", *extra])
    report = json.loads(capsys.readouterr().out)
    return {"code": code, "report": report, "generated": bool(loads)}


def files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_a_second_generate_of_the_same_inputs_writes_nothing_without_generating(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(project, capsys, monkeypatch)
    assert first["code"] == 0 and first["generated"] and first["report"]["written"]
    before = files(project / "out")
    second = run(project, capsys, monkeypatch)
    assert second["code"] == 0 and not second["generated"]
    assert second["report"]["written"] == [] and second["report"]["unchanged"] == len(first["report"]["written"])
    assert second["report"]["warnings"] == first["report"]["warnings"] != []  # from the verdict cache
    assert files(project / "out") == before


def test_a_second_generate_repeats_the_warnings_of_modeling(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names modeling had to change are warned about again, as the validation's warnings are."""
    other = "  /other:\n    get:\n      operationId: things\n      responses: {'204': {description: ok}}\n"
    (project / "spec.yaml").write_text(DOCUMENT.replace("components:\n", other + "components:\n"))
    first = run(project, capsys, monkeypatch)
    messages = [w["message"] for w in first["report"]["warnings"]]
    assert "the method of operation `things` is `things2`: `things` is taken by the sub-resource `things`" in messages
    second = run(project, capsys, monkeypatch)
    assert not second["generated"] and second["report"]["warnings"] == first["report"]["warnings"]
    strict = run(project, capsys, monkeypatch, "--strict")  # no shortcut: under --strict they are errors
    assert strict["code"] == 1 and strict["generated"] and strict["report"]["ok"] is False
    assert all(p["message"].endswith("(an error under --strict)") for p in strict["report"]["problems"])


@pytest.mark.parametrize("change", ["spec", "config", "genignore", "templates", "generator"])
def test_a_changed_input_generates_again(
    change: str, project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(project, capsys, monkeypatch)["generated"]
    extra: tuple[str, ...] = ()
    if change == "spec":
        spec = project / "spec.yaml"
        spec.write_text(spec.read_text().replace("The thing's id.", "The id."))
    elif change == "config":
        (project / "gen.yaml").write_text("package_name: uptodate\nversion: 2.0.0\n")
    elif change == "genignore":
        (project / "out" / ".genignore").write_text("README.md\n")
    elif change == "templates":
        overrides = project / "overrides"
        overrides.mkdir()
        (overrides / "unused.jinja").write_text("not used by any planned file\n")
        extra = ("--templates", str(overrides))
    else:
        monkeypatch.setattr(uptodate, "_generator_digest", lambda: "another generator")
    again = run(project, capsys, monkeypatch, *extra)
    assert again["code"] == 0 and again["generated"]
    if change == "templates":  # the same overrides again; an empty directory; then none at all
        assert not run(project, capsys, monkeypatch, *extra)["generated"]
        (project / "overrides" / "unused.jinja").unlink()
        assert run(project, capsys, monkeypatch, *extra)["generated"]
        (project / "overrides").rmdir()
        gone = run(project, capsys, monkeypatch, *extra)
        assert gone["code"] == 1 and gone["generated"] and "templates directory not found" in json.dumps(gone["report"])
    if change == "spec":
        assert any(path.endswith("thing.md") for path in again["report"]["written"])


def test_an_edited_or_missing_output_file_generates_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project, capsys, monkeypatch)
    readme = project / "out" / "README.md"
    original = readme.read_bytes()
    readme.unlink()
    restored = run(project, capsys, monkeypatch)
    assert restored["generated"] and restored["report"]["written"] == ["README.md"]
    assert readme.read_bytes() == original
    readme.write_bytes(original + b"edited by hand\n")
    refused = run(project, capsys, monkeypatch)  # the hand edit is reported, as it always was
    assert refused["code"] == 1 and refused["generated"]
    assert "edited by hand" in json.dumps(refused["report"]["problems"])


def test_force_and_an_empty_verdict_cache_generate_again(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(project, capsys, monkeypatch)
    assert run(project, capsys, monkeypatch, "--force")["generated"]
    for record in (project / "cache" / "validate").rglob("*"):
        if record.is_file():
            record.unlink()  # the warnings are not known without validating
    assert run(project, capsys, monkeypatch)["generated"]
    assert not run(project, capsys, monkeypatch)["generated"]


def test_a_manifest_edited_by_hand_fools_neither_check_nor_generate(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand edit with its hash put in the manifest: `check` compares every byte, and
    `generate` finds a manifest other than the one it wrote, so it generates."""
    from generator.regions import digest

    run(project, capsys, monkeypatch)
    readme = project / "out" / "README.md"
    original = readme.read_bytes()
    readme.write_bytes(original + b"edited by hand\n")
    manifest = json.loads((project / "out" / MANIFEST).read_text())
    manifest["files"]["README.md"] = digest(readme.read_bytes(), "README.md")
    (project / "out" / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    assert cli.main(arguments(project, "check")) == 1 and "README.md" in capsys.readouterr().out
    again = run(project, capsys, monkeypatch)
    assert again["generated"] and again["report"]["written"] == ["README.md"] and readme.read_bytes() == original


def test_the_manifest_says_nothing_of_the_machine(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record of the inputs (which names the generator's libraries) stays in the cache: the
    committed output is the same on every machine."""
    run(project, capsys, monkeypatch)
    manifest = json.loads((project / "out" / MANIFEST).read_text())
    assert set(manifest) == {"generator_version", "spec_sha256", "config_sha256", "files"}
    assert [p.parent.name for p in (project / "cache").rglob("*") if p.is_file() and p.parent.name == "uptodate"]


def test_the_command_runs_without_the_cycle_collector_and_a_call_keeps_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the `sdkgen` command (arguments from sys.argv) the process ends with the command: the
    collector stays off after generation. Called with arguments, it is left as it was."""
    import gc

    assert gc.isenabled()
    assert cli.main(["validate", str(project / "spec.yaml")]) == 0 and gc.isenabled()
    monkeypatch.setattr("sys.argv", ["sdkgen", "validate", str(project / "spec.yaml")])
    try:
        assert cli.main() == 0 and not gc.isenabled()
    finally:
        gc.enable()
