"""gen.yaml: every setting is checked before anything is written, and every problem names its line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from generator.config import load_settings
from generator.errors import SdkgenError
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


def problems(tmp_path: Path, text: str) -> list[str]:
    """The problems load_settings reports for a gen.yaml of `text`, as the CLI prints them."""
    config = tmp_path / "gen.yaml"
    config.write_text(text)
    with pytest.raises(SdkgenError) as error:
        load_settings(config)
    return [str(p).replace(f"{config}:", "gen.yaml:") for p in error.value.problems]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pets.json").write_text(json.dumps(PETS))
    return tmp_path


def generate(project: Path, config: str, out: str = "out") -> subprocess.CompletedProcess[str]:
    (project / "gen.yaml").write_text(config)
    return sdkgen("generate", "pets.json", "--config", "gen.yaml", "--out", out, "--quiet", cwd=project)


def test_every_settings_problem_names_its_line(tmp_path: Path) -> None:
    text = "package_name: x\nversion: 1.0.0\n\npackagename: y\njson_bytes: hex\ndescription: {a: 1}\n"
    found = problems(tmp_path, text)
    assert found == [
        "gen.yaml:4: /packagename: unknown setting 'packagename'",
        "gen.yaml:5: /json_bytes: json_bytes must be 'base64' or 'text'",
        "gen.yaml:6: /description: setting 'description' must be a string",
    ]


def test_cli_settings_errors_are_located_in_gen_yaml(project: Path) -> None:
    run = generate(project, "package_name: x\nversion: 1.0.0\n\npackagename: y\n")
    assert run.returncode == 1
    assert "error: gen.yaml:4: /packagename: unknown setting 'packagename'" in run.stderr
    run = generate(project, "package_name: x\ntemplates: nope_dir\n")
    assert run.returncode == 1
    assert run.stderr == "error: gen.yaml:2: /templates: templates directory not found: nope_dir\n"
    assert not (project / "out").exists()


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
