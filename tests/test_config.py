"""gen.yaml: every setting is checked before anything is written, and every problem names its line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from generator.render import toml_str

ROOT = Path(__file__).resolve().parents[1]
PETS = {
    "openapi": "3.1.0",
    "info": {"title": "Pets", "version": "1"},
    "paths": {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "tags": ["pets"],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}},
            }
        }
    },
}


def sdkgen(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pets.json").write_text(json.dumps(PETS))
    return tmp_path


def generate(project: Path, config: str, out: str = "out") -> subprocess.CompletedProcess[str]:
    (project / "gen.yaml").write_text(config)
    return sdkgen("generate", "pets.json", "--config", "gen.yaml", "--out", out, "--quiet", cwd=project)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\\",
        "\\u0041",
        "'''",
        '"""',
        "\x7f \x00 \x1b \t end",
        "Zoë ✓ 😀",
        "".join(chr(code) for code in range(128)),
    ],
)
def test_toml_str_round_trips_through_tomllib(text: str) -> None:
    assert tomllib.loads(f"value = {toml_str(text)}\n")["value"] == text


def test_quoted_description_and_author_round_trip_through_the_generated_pyproject(project: Path) -> None:
    description = "It's a \"quoted\" API with a \\ backslash, a\ttab and 'single' quotes"
    author = "Bob \"The\" O'Neil"
    config = f"package_name: pets\ndescription: {json.dumps(description)}\nauthor: {json.dumps(author)}\n"
    run = generate(project, config)
    assert run.returncode == 0, run.stderr
    project_table = tomllib.loads((project / "out/pyproject.toml").read_text())["project"]
    assert project_table["description"] == description
    assert project_table["authors"] == [{"name": author}]
    assert project_table["name"] == "pets" and project_table["version"] == "0.1.0"
