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


def files_under(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


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


@pytest.mark.parametrize(
    "name", ["../../escaped_pkg", "a\0b", "my-pkg", "my pkg", "", "class", "1abc", "123", "_private", "pkg_", "café"]
)
def test_a_package_name_that_is_not_an_importable_distribution_name_is_a_located_error(
    tmp_path: Path, name: str
) -> None:
    found = problems(tmp_path, f"version: 1.0.0\npackage_name: {json.dumps(name)}\n")
    assert len(found) == 1 and found[0].startswith("gen.yaml:2: /package_name: "), found


@pytest.mark.parametrize(
    ("name", "reason"), [("json", "standard library"), ("httpx", "dependency"), ("pydantic", "dependency")]
)
def test_a_package_name_that_another_package_would_hide_is_a_located_error(
    tmp_path: Path, name: str, reason: str
) -> None:
    found = problems(tmp_path, f"package_name: {name}\n")
    assert len(found) == 1 and found[0].startswith("gen.yaml:1: /package_name: ") and reason in found[0], found


@pytest.mark.parametrize("name", ["pets", "my_pkg", "Pkg2", "a", "match", "x9_y"])
def test_valid_package_names_are_kept(tmp_path: Path, name: str) -> None:
    config = tmp_path / "gen.yaml"
    config.write_text(f"package_name: {name}\n")
    assert load_settings(config).package_name == name


@pytest.mark.parametrize(
    ("text", "pointer", "line"),
    [
        ('sync_class: "Not Valid"\n', "/sync_class", 2),
        ("async_class: class\n", "/async_class", 2),
        ("async_class: Café\n", "/async_class", 2),
        ("sync_class: os\n", "/sync_class", 2),  # sdk.py imports os
        ("sync_class: Root\n", "/sync_class", 2),  # the base class of the sync client
        ("sync_class: Client\nasync_class: Client\n", "/async_class", 3),
        ("sdk_title: Pets\nsync_class: AsyncPets\n", "/sync_class", 3),
        ('sdk_title: "9 lives!"\n', "/sdk_title", 2),
        ("sdk_title: Root\n", "/sdk_title", 2),  # async_class AsyncRoot: the base class of the async client
        ("package_name: root\n", "/package_name", 2),  # the same, through the default sdk_title
    ],
)
def test_client_class_names_must_be_distinct_identifiers_the_sdk_does_not_use(
    tmp_path: Path, text: str, pointer: str, line: int
) -> None:
    found = problems(tmp_path, "version: 1.0.0\n" + text)
    assert len(found) == 1 and found[0].startswith(f"gen.yaml:{line}: {pointer}: "), found


def test_sdk_title_need_not_be_an_identifier_when_both_classes_are_given(tmp_path: Path) -> None:
    config = tmp_path / "gen.yaml"
    config.write_text('sdk_title: "9 lives!"\nsync_class: Lives\nasync_class: AsyncLives\n')
    assert load_settings(config).sdk_title == "9 lives!"


@pytest.mark.parametrize("version", ["1.0 beta", "1.0-beta", "v1.0", "01.0", "1.0.0.", "", "1.0b", "1.0+Local"])
def test_a_manual_version_must_be_a_normalized_pep440_version(tmp_path: Path, version: str) -> None:
    found = problems(tmp_path, f"versioning: manual\nversion: {json.dumps(version)}\n")
    assert len(found) == 1 and found[0].startswith("gen.yaml:2: /version: ") and "PEP 440" in found[0], found


@pytest.mark.parametrize("version", ["1", "1.0", "0.1.0", "2.0.0rc1", "1.0b2", "1.0a1.post2.dev3", "1!2.0", "1.0+u.1"])
def test_pep440_versions_are_kept(tmp_path: Path, version: str) -> None:
    config = tmp_path / "gen.yaml"
    config.write_text(f"version: {json.dumps(version)}\n")
    assert load_settings(config).version == version


@pytest.mark.parametrize("key", ["description", "author"])
def test_description_and_author_are_one_line(tmp_path: Path, key: str) -> None:
    found = problems(tmp_path, f"package_name: pets\n{key}: |\n  two\n  lines\n")
    assert len(found) == 1 and found[0].startswith(f"gen.yaml:2: /{key}: "), found


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


def test_a_package_name_leading_outside_out_writes_nothing_and_keeps_the_old_output(project: Path) -> None:
    (project / "a").mkdir()
    assert generate(project, "package_name: pets\n", out="a/out").returncode == 0
    before = files_under(project)
    run = generate(project, "package_name: ../../escaped_pkg\n", out="a/out")
    assert run.returncode == 1
    assert run.stderr.startswith("error: gen.yaml:1: /package_name: '../../escaped_pkg' is not")
    assert files_under(project) == {**before, "gen.yaml": b"package_name: ../../escaped_pkg\n"}
    assert not [p for p in project.parent.rglob("*escaped_pkg*")]


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


def test_a_setting_yaml_reads_as_a_number_or_boolean_and_a_key_given_twice_are_located_errors(tmp_path: Path) -> None:
    found = problems(tmp_path, "version: 1.10\nauthor: yes\npackage_name: foo\npackage_name: bar # again\n")
    assert found == [
        "gen.yaml:1: /version: setting 'version' must be a string: YAML reads it as 1.1; quote it (version: '1.10')",
        "gen.yaml:2: /author: setting 'author' must be a string: YAML reads it as True; quote it (author: 'yes')",
        "gen.yaml:4: /package_name: duplicate key 'package_name' (lines 3 and 4): only the last value is kept",
    ]
