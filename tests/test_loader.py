"""Stage 1: loading YAML and JSON, locating nodes, following $refs across files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SdkgenError
from generator.loader import get_pointer, load, split_ref


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_status_code_keys_stay_strings_and_dates_stay_text(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.yaml", "responses:\n  200:\n    description: ok\nexample: 2024-01-02\n")
    data = load(spec).data
    assert list(data["responses"]) == ["200"]
    assert data["example"] == "2024-01-02"


def test_locate_gives_the_line_of_a_nested_node(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.yaml", "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n")
    location = load(spec).locate("/info/version")
    assert location.line == 4
    assert location.pointer == "/info/version"
    assert str(location).endswith("a.yaml:4: /info/version")


def test_locate_falls_back_to_the_nearest_existing_parent(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.yaml", "openapi: 3.1.0\ninfo:\n  title: t\n")
    assert load(spec).locate("/info/missing/deeper").line == 2


def test_json_documents_load_and_locate(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.json", '{\n  "openapi": "3.1.0",\n  "info": {"title": "t"}\n}\n')
    document = load(spec)
    assert document.data["info"]["title"] == "t"
    assert document.locate("/info").line == 3


def test_refs_to_other_files_are_loaded_relative_to_the_referring_file(tmp_path: Path) -> None:
    write(tmp_path / "schemas" / "pet.yaml", "Pet:\n  type: object\n")
    spec = write(tmp_path / "root.yaml", "components:\n  schemas:\n    Pet:\n      $ref: schemas/pet.yaml#/Pet\n")
    document = load(spec)
    file, pointer, value = document.resolve("schemas/pet.yaml#/Pet", spec.resolve())
    assert file == (tmp_path / "schemas" / "pet.yaml").resolve()
    assert pointer == "/Pet"
    assert value == {"type": "object"}


def test_missing_file_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(SdkgenError) as caught:
        load(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(caught.value)
    assert "file not found" in str(caught.value)


def test_invalid_yaml_reports_its_line(tmp_path: Path) -> None:
    spec = write(tmp_path / "bad.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n  version: 1\n")
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    problem = caught.value.problems[0]
    assert problem.location.file.endswith("bad.yaml")
    assert problem.location.line is not None and problem.location.line >= 3
    assert "invalid YAML" in problem.message


def test_invalid_json_reports_its_line(tmp_path: Path) -> None:
    spec = write(tmp_path / "bad.json", '{\n  "openapi": "3.1.0",\n  "info": {,}\n}\n')
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    assert caught.value.problems[0].location.line == 3


def test_ref_to_a_missing_file_names_the_ref_and_where_it_is(tmp_path: Path) -> None:
    spec = write(tmp_path / "root.yaml", "a:\n  b:\n    $ref: other.yaml#/X\n")
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    problem = caught.value.problems[0]
    assert problem.location.pointer == "/a/b/$ref"
    assert problem.location.line == 3
    assert "other.yaml" in problem.message


def test_pointers_unescape_tokens() -> None:
    data = {"paths": {"/a/b": {"get": 1}}, "x~y": [10, 20]}
    assert get_pointer(data, "/paths/~1a~1b/get") == 1
    assert get_pointer(data, "/x~0y/1") == 20
    with pytest.raises(KeyError):
        get_pointer(data, "/paths/nope")


def test_split_ref_keeps_local_refs_in_the_same_file(tmp_path: Path) -> None:
    base = tmp_path / "x.yaml"
    assert split_ref("#/components/schemas/A", base) == (base, "/components/schemas/A")
