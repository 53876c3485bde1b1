"""`versioning: automatic`: generate bumps the version by the API's changes and keeps a changelog."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from generator.apisurface import SURFACE_SHAPE, surface_of
from generator.pipeline import build
from generator.shapes import mismatches

ROOT = Path(__file__).resolve().parents[1]


def sdkgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=False
    )


def document(*, with_delete: bool = False, optional_name: bool = False) -> dict[str, Any]:
    ok = {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}
    }
    paths: dict[str, Any] = {
        "/pets/{id}": {
            "get": {
                "operationId": "getPet",
                "tags": ["pets"],
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": ok,
            }
        }
    }
    if with_delete:
        paths["/pets/{id}"]["delete"] = {**paths["/pets/{id}"]["get"], "operationId": "deletePet"}
    pet = {
        "type": "object",
        "required": [] if optional_name else ["name"],
        "properties": {"name": {"type": "string"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Pet": pet}},
    }


class Project:
    """A spec, its gen.yaml and an output directory, in a temporary directory."""

    def __init__(self, root: Path, version: str = "0.3.0") -> None:
        self.spec = root / "spec" / "pets.json"
        self.config = root / "spec" / "gen.yaml"
        self.out = root / "out"
        self.spec.parent.mkdir()
        self.configure(version)

    def configure(self, version: str, versioning: str = "automatic") -> None:
        self.config.write_text(f"package_name: pets\nversion: {version}\nversioning: {versioning}\n")

    def write(self, data: dict[str, Any]) -> None:
        self.spec.write_text(json.dumps(data))

    def generate(self) -> subprocess.CompletedProcess[str]:
        return sdkgen("generate", self.spec, "--config", self.config, "--out", self.out, "--quiet")

    def check(self) -> subprocess.CompletedProcess[str]:
        return sdkgen("check", self.spec, "--config", self.config, "--out", self.out)

    def version(self) -> str:
        for line in (self.out / "pyproject.toml").read_text().splitlines():
            if line.startswith("version = "):
                return line.split('"')[1]
        raise AssertionError("no version in pyproject.toml")

    def changelog(self) -> str:
        return (self.out / "CHANGELOG.md").read_text()

    def files(self) -> dict[str, bytes]:
        return {str(p.relative_to(self.out)): p.read_bytes() for p in sorted(self.out.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def generated(project: Project) -> None:
    run = project.generate()
    assert run.returncode == 0, run.stderr


def test_first_generation_takes_the_configured_version_and_starts_the_changelog(project: Project) -> None:
    project.write(document())
    generated(project)
    assert project.version() == "0.3.0"
    assert '__version__: str = "0.3.0"' in (project.out / "src/pets/_version.py").read_text()
    assert "## 0.3.0\n\nThe first version generated with `versioning: automatic`.\n" in project.changelog()
    record = json.loads((project.out / ".sdkgen-api.json").read_text())
    assert record["version"] == "0.3.0"
    assert list(record["surface"]["operations"]) == ["pets.get_pet"]


def test_fresh_output_checks_clean_and_regenerating_does_not_bump(project: Project) -> None:
    project.write(document())
    generated(project)
    before = project.files()
    run = project.check()
    assert run.returncode == 0, run.stdout + run.stderr
    generated(project)
    assert project.files() == before


def test_added_method_bumps_the_patch_version_below_1_and_adds_an_entry_on_top(project: Project) -> None:
    project.write(document())
    generated(project)
    project.write(document(with_delete=True))
    assert project.check().returncode == 1  # the output is now behind the document
    generated(project)
    assert project.version() == "0.3.1"
    changelog = project.changelog()
    assert "## 0.3.1\n\n### Compatible changes\n\n- `pets.delete_pet`: method added\n" in changelog
    assert changelog.index("## 0.3.1") < changelog.index("## 0.3.0")  # newest first, older kept
    run = project.check()
    assert run.returncode == 0, run.stdout + run.stderr
    generated(project)
    assert project.version() == "0.3.1"
    assert project.changelog().count("\n## ") == 2


def test_breaking_change_bumps_the_minor_version_below_1(project: Project) -> None:
    project.write(document(with_delete=True))
    generated(project)
    project.write(document())
    generated(project)
    assert project.version() == "0.4.0"
    assert "### Breaking changes\n\n- `pets.delete_pet`: method removed\n" in project.changelog()


def test_breaking_change_bumps_the_major_version_from_1(tmp_path: Path) -> None:
    project = Project(tmp_path, version="1.2.3")
    project.write(document())
    generated(project)
    project.write(document(optional_name=True))  # a response field readers relied on may now be missing
    generated(project)
    assert project.version() == "2.0.0"
    assert "- `Pet`: field `name` became optional\n" in project.changelog()


def test_raising_the_configured_version_takes_effect_once(project: Project) -> None:
    project.write(document())
    generated(project)
    project.configure("1.0.0")
    generated(project)
    assert project.version() == "1.0.0"
    assert "## 1.0.0\n\nVersion set in gen.yaml.\n" in project.changelog()
    before = project.files()
    generated(project)
    assert project.files() == before


def test_manual_versioning_writes_no_changelog_and_no_record(project: Project) -> None:
    project.configure("0.3.0", versioning="manual")
    project.write(document())
    generated(project)
    project.write(document(with_delete=True))
    generated(project)
    assert project.version() == "0.3.0"
    assert not (project.out / "CHANGELOG.md").exists()
    assert not (project.out / ".sdkgen-api.json").exists()


def test_unknown_versioning_mode_is_a_located_error(project: Project) -> None:
    project.configure("0.3.0", versioning="sometimes")
    project.write(document())
    run = project.generate()
    assert run.returncode == 1
    assert "gen.yaml:3: /versioning: versioning must be 'manual' or 'automatic'" in run.stderr


def test_automatic_versioning_needs_a_plain_semver_version(project: Project) -> None:
    project.configure("'1.0'")
    project.write(document())
    run = project.generate()
    assert run.returncode == 1
    assert "gen.yaml:2: /version: with automatic versioning, version must be MAJOR.MINOR.PATCH" in run.stderr


def test_an_unreadable_record_is_a_located_error_and_leaves_the_output_alone(project: Project) -> None:
    project.write(document())
    generated(project)
    record = project.out / ".sdkgen-api.json"
    record.write_text("{not json")
    run = project.generate()
    assert run.returncode == 1
    assert ".sdkgen-api.json: /: cannot read the API record of the previous generation" in run.stderr
    assert record.read_text() == "{not json"


def test_the_surface_of_an_api_has_the_shape_a_record_is_checked_against() -> None:
    # The shape is written out beside surface_of; a surface it rejected would make the next generation fail.
    api, _ = build(ROOT / "spec/friendli.yaml", ROOT / "spec/gen.yaml")
    surface = surface_of(api)
    assert {t["kind"] for t in surface["types"].values()} == {"model", "enum", "union"}
    assert surface["client"]["credentials"] and mismatches(surface, SURFACE_SHAPE) == []


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("edit", "pointer", "needle", "what"),
    [
        (
            lambda s: s["operations"].update({k: 5 for k in s["operations"]}),
            "/surface/operations/pets.get_pet",
            '"pets.get_pet": 5',
            "expected an object, found 5",
        ),
        (lambda s: s.update(types={"X": [1, 2]}), "/surface/types/X", '"X": [', "expected an object, found [1, 2]"),
        (
            lambda s: s["client"].update(credentials=5),
            "/surface/client/credentials",
            '"credentials": 5',
            "expected a list, found 5",
        ),
        (
            lambda s: s["types"]["Pet"].update(kind="blob"),
            "/surface/types/Pet/kind",
            '"kind": "blob"',
            "expected one of 'model', 'enum', 'union', found \"blob\"",
        ),
    ],
    ids=["operation-int", "type-list", "credentials-int", "unknown-kind"],
)
def test_a_malformed_entry_of_the_record_is_a_located_error_and_nothing_is_written(
    project: Project, edit: Callable[[dict[str, Any]], None], pointer: str, needle: str, what: str
) -> None:
    project.write(document())
    generated(project)
    record = project.out / ".sdkgen-api.json"
    data = json.loads(record.read_text())
    edit(data["surface"])
    record.write_text(json.dumps(data, indent=1, sort_keys=True))
    before = project.files()
    project.write(document(with_delete=True))
    expected = (
        f"error: {record}:{line_of(record.read_text(), needle)}: {pointer}: cannot read the API record of the "
        f"previous generation: {what}; delete it to start a new history\n"
    )
    for run in (project.generate(), project.check()):
        assert (run.returncode, run.stdout, run.stderr) == (1, "", expected)
    assert project.files() == before
