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


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (b"openapi: 3.0.3\ninfo: {title: caf\xe9}\n", 2, "not UTF-8: byte 0xe9 at line 2, column 18"),
        # the column counts characters: two of UTF-8 before the bad byte are two columns
        ("openapi: 3.0.3\n\ntitle: \u00e9\u20ac".encode() + b"\xff\n", 3, "not UTF-8: byte 0xff at line 3, column 10"),
        (b"openapi: 3.0.3\ntitle: \xe2\x82", 2, "not UTF-8: byte 0xe2 at line 2, column 8"),  # cut off
        ("openapi: 3.0.3\n".encode("utf-16"), 1, "not UTF-8: the file starts with a UTF-16 byte order mark"),
    ],
)
def test_a_file_that_is_not_utf8_is_located_at_its_first_bad_byte(
    tmp_path: Path, raw: bytes, line: int, message: str
) -> None:
    spec = tmp_path / "a.yaml"
    spec.write_bytes(raw)
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    (problem,) = caught.value.problems
    assert problem.location.line == line
    assert problem.message.startswith(message + " ("), problem.message


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


SPECS = Path(__file__).resolve().parents[2] / "shared" / "specs"


@pytest.mark.parametrize(
    "name", ["friendli-2024-11.yaml", "oag-python-petstore-fake.yaml", "spotify.yaml", "oag-composed-oneof.yaml"]
)
def test_lines_read_by_indentation_are_the_lines_yaml_gives(name: str) -> None:
    """Every node the indentation reading answers for is on the line the composed document
    says; and it answers for most of them, so that a few warnings never index a whole file."""
    from generator.loader import _BlockText, _index_lines

    text = (SPECS / name).read_text()
    index = _index_lines(text)
    block = _BlockText(text)
    answered = {pointer: block.line(pointer) for pointer in list(index)[::3]}
    wrong = {p: (line, index[p]) for p, line in answered.items() if line is not None and line != index[p]}
    assert not wrong
    assert sum(line is not None for line in answered.values()) >= 0.7 * len(answered)


EDGES = """\
top:
  # a comment: at the keys' depth
  list:
  - name: a
    value: 1
  -   name: b
  - plain
  'quoted key': x
  "double: quoted": y
  text: |
    inner: not a key
  again: 1
  again: 2
  flow: {a: 1}
  anchored: &anchor
    deep: 3
  alias: *anchor
last: end
"""


@pytest.mark.parametrize(
    ("pointer", "line"),
    [
        ("/top/list", 3),
        ("/top/list/0", 4),
        ("/top/list/0/value", 5),
        ("/top/list/1/name", 6),
        ("/top/list/2", 7),
        ("/top/quoted key", 8),
        ("/top/double: quoted", 9),
        ("/top/text", 10),
        ("/top/again", 13),  # written twice: YAML keeps the last
        ("/top/anchored/deep", 16),
        ("/top/flow", 14),  # a flow value is not read into, but its key is found
        ("/top/alias", 17),
        ("/last", 18),
    ],
)
def test_the_indentation_reading_of_awkward_yaml(pointer: str, line: int) -> None:
    from generator.loader import _BlockText, _index_lines

    assert _index_lines(EDGES)[pointer] == line
    assert _BlockText(EDGES).line(pointer) == line


@pytest.mark.parametrize("pointer", ["/top/flow/a", "/top/alias/deep", "/top/text/inner", "/top/list/3", "/nope"])
def test_what_indentation_cannot_read_is_left_to_the_full_index(pointer: str) -> None:
    from generator.loader import _BlockText

    assert _BlockText(EDGES).line(pointer) is None


def test_a_few_lookups_do_not_index_the_whole_file(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.yaml", EDGES)
    source = load(spec).files[spec.resolve()]
    assert source.line_of("/top/list/1/name") == 6
    assert source.line_of("/top/flow/a") == 14  # answered by the index, which is now built
    assert source._lines is not None
    fresh = load(spec).files[spec.resolve()]
    assert fresh.line_of("/top/again") == 13 and fresh._lines is None


def test_many_lookups_in_one_big_node_are_answered_without_the_index(tmp_path: Path) -> None:
    """A file's warnings are mostly under one big node (`/components/schemas`): the lookups
    share what they learn of it, and a few dozen of them still do not index the file."""
    names = [f"S{i}" for i in range(400)]
    text = "components:\n  schemas:\n" + "".join(f"    {n}:\n      type: string\n      default: []\n" for n in names)
    spec = write(tmp_path / "a.yaml", text + "paths: {}\n")
    source = load(spec).files[spec.resolve()]
    asked = names[::10]
    assert [source.line_of(f"/components/schemas/{n}/default") for n in asked] == [3 * i + 5 for i in range(0, 400, 10)]
    assert source._lines is None and source.line_of("/paths") == 3 * 400 + 3


YAML_SHAPES = (
    "base: &base {type: object, required: [id]}\n"
    "copy: *base\n"
    "merged:\n  <<: *base\n  title: T\n"
    "responses: {200: {description: ok}, default: {description: other}}\n"
    "set: !!set {a, b}\n"
    "date: 2001-12-14\n"
    "values: [1, 2.5, true, null, '3', ~, 0x1f, 1e3]\n"
    "nested: [[a, {b: [c]}], []]\n"
)


def test_yaml_is_built_as_the_stock_safe_loader_builds_it(tmp_path: Path) -> None:
    """sdkgen builds YAML data in its own tight recursion (a third faster on Stripe); the
    data must be what pyyaml's safe constructors make: types, merge keys, shared aliases."""
    import yaml

    from generator import loader

    class Stock(loader._BaseLoader):  # type: ignore[misc,name-defined]
        pass

    Stock.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, loader._construct_mapping)
    Stock.add_constructor("tag:yaml.org,2002:timestamp", loader._construct_timestamp)
    ours = yaml.load(YAML_SHAPES, Loader=loader._SpecLoader)
    assert repr(ours) == repr(yaml.load(YAML_SHAPES, Loader=Stock))
    assert ours["copy"] is ours["base"] and ours["merged"]["required"] == ["id"]
    assert list(ours["responses"]) == ["200", "default"]
    spec = tmp_path / "loop.yaml"
    spec.write_text("openapi: 3.0.3\nx: &a [1, *a]\n")
    with pytest.raises(SdkgenError) as caught:
        loader.load(spec)
    assert "loop.yaml:2" in str(caught.value) and "recursive" in str(caught.value)


def test_a_key_given_twice_keeps_the_last_value_and_says_where_both_are(tmp_path: Path) -> None:
    """YAML and JSON parsers keep the last of repeated keys without a word: a second `/users`
    path would silently drop the first one's operations. A note (a warning) says so."""
    spec = write(
        tmp_path / "a.yaml",
        "openapi: 3.0.0\npaths:\n  /a:\n    get: {}\n  /b: {}\n  /a:\n    post: {}\nx:\n  m: {k: 1, k: 2, k: 3}\n",
    )
    source = load(spec).files[spec.resolve()]
    assert source.data["paths"]["/a"] == {"post": {}}
    assert source.notes == (
        ("/paths/~1a", "duplicate key '/a' (lines 3 and 6): only the last value is kept"),
        ("/x/m/k", "duplicate key 'k' (lines 9, 9 and 9): only the last value is kept"),
    )
    assert source.line_of("/paths/~1a", in_text=True) in (3, 6)


def test_a_key_given_twice_in_json_is_noted_with_how_many_times(tmp_path: Path) -> None:
    spec = write(tmp_path / "a.json", '{"info": {"title": "a", "title": "b"}, "v": [{"k": 1, "k": 2, "k": 3}]}')
    source = load(spec).files[spec.resolve()]
    assert source.data == {"info": {"title": "b"}, "v": [{"k": 3}]}
    assert source.notes == (
        ("/info/title", "duplicate key 'title' (2 times): only the last value is kept"),
        ("/v/0/k", "duplicate key 'k' (3 times): only the last value is kept"),
    )


def test_merge_keys_overridden_are_not_duplicates_and_lost_values_are_not_looked_for(tmp_path: Path) -> None:
    spec = write(
        tmp_path / "a.yaml",
        "base: &b {k: 1, j: 2}\nover:\n  <<: *b\n  k: 3\nlost:\n  m: {q: 1, q: 2}\nlost: {}\n",
    )
    source = load(spec).files[spec.resolve()]
    assert source.data["over"] == {"k": 3, "j": 2}
    # The mapping with the repeated `q` was itself replaced: only `lost` is worth a note.
    assert source.notes == (("/lost", "duplicate key 'lost' (lines 5 and 7): only the last value is kept"),)


def test_an_integer_too_long_for_python_is_a_located_yaml_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-big: " + "9" * 5000 + "\npaths: {}\n")
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    [problem] = caught.value.problems
    assert problem.location.line == 3 and problem.message.startswith("invalid YAML: Exceeds the limit (4300 digits)")


def test_a_ref_with_a_nul_byte_is_a_located_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    header = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
    spec.write_text(header + "components:\n  schemas:\n    A:\n      $ref: \"\\0\"\n")
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    [problem] = caught.value.problems
    assert (problem.location.pointer, problem.location.line) == ("/components/schemas/A/$ref", 7)
    assert problem.message == "$ref '\0' points to a file that cannot be loaded: cannot read file: embedded null byte"


def test_a_lone_surrogate_in_json_is_a_located_error_and_a_pair_is_text(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text('{"openapi": "3.0.3", "info": {"title": "t \\ud83d\\ude00", "version": "1"}, "paths": {}}')
    assert load(spec).data["info"]["title"] == "t \U0001f600"
    spec.write_text('{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},\n "paths": {"/a\\ud800": {}}}')
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    [problem] = caught.value.problems
    assert problem.location.pointer == "/paths/~1a\ud800"
    assert problem.message.startswith("a string with a lone UTF-16 surrogate")


def test_an_escaped_surrogate_pair_in_json_does_not_lose_the_lines(tmp_path: Path) -> None:
    """`json.dumps` writes an emoji as an escaped surrogate pair, which libyaml refuses: the
    index of a JSON file is not composed as YAML."""
    text = '{"openapi": "3.0.3", "info": {"title": "t \\ud83d\\ude00", "version": "1"},\n'
    text += ' "paths": {"/a": {"get": {"responses": {"200": {}}}}},\n "x-\\ud83d\\ude00": [1,\n 2]}\n'
    document = load(write(tmp_path / "a.json", text))
    assert document.data["x-\U0001f600"] == [1, 2]
    assert document.locate("/info/title").line == 1
    assert document.locate("/paths/~1a/get/responses/200").line == 2
    assert document.locate("/x-\U0001f600/1").line == 4


@pytest.mark.parametrize("name", ["friendli-2024-11.yaml", "oag-python-petstore-fake.yaml", "oag-composed-oneof.yaml"])
@pytest.mark.parametrize("indent", [None, 2])
def test_the_json_index_gives_the_lines_composing_gives(name: str, indent: int | None) -> None:
    import json

    from generator.loader import _index_json_lines, _index_lines, _parsed

    data, _ = _parsed((SPECS / name).read_text(), SPECS / name)
    text = json.dumps(data, indent=indent, ensure_ascii=False, default=str).replace(",", ",\n", 7)
    assert _index_json_lines(text) == _index_lines(text)


def test_the_json_index_points_a_repeated_key_at_its_last_value_and_reads_any_depth() -> None:
    from generator.loader import _index_json_lines

    lines = _index_json_lines('{"a": {"b": [1]},\n"a": {"b": [\n2]}}')
    assert (lines["/a"], lines["/a/b"], lines["/a/b/0"]) == (2, 2, 3)
    deep = "[" * 5000 + "]" * 5000  # deeper than any recursion would go
    assert _index_json_lines(deep)["/0" * 4999] == 1


def test_a_character_yaml_does_not_allow_is_an_error_at_its_line(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-a: "a\0b"\n')
    with pytest.raises(SdkgenError) as caught:
        load(spec)
    [problem] = caught.value.problems
    assert problem.location.line == 4
    assert problem.message == "invalid YAML: character #x0000 is not allowed (control characters are not allowed)"
