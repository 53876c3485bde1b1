"""Stage 6: the statement-level formatter gives exactly black's output, for less work."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator import formatting
from generator.errors import SdkgenError
from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"
MODE = black.Mode(target_versions={black.TargetVersion.PY39})


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")


@pytest.mark.parametrize(
    "spec",
    [
        ROOT / "spec" / "friendli.yaml",
        SPECS / "friendli-2024-11.yaml",
        SPECS / "spotify.yaml",
        SPECS / "opc-baseline-3.1.yaml",
    ],
    ids=lambda p: p.name,
)
def test_generated_python_is_exactly_what_black_writes(spec: Path) -> None:
    result = generate(spec, None)
    python = {path: data.decode() for path, data in result.files.items() if path.endswith(".py")}
    assert python
    differing = [path for path, text in python.items() if black.format_str(text, mode=MODE) != text]
    assert differing == []


def test_long_subscripts_are_split_as_black_splits_them() -> None:
    source = (
        "A_VERY_LONG_ALIAS_NAME_FOR_A_UNION_TYPE = Union[FirstRatherLongModelName, SecondRatherLongModelName]\n"
        "LITERALS = Literal[" + ", ".join(f'"value_number_{i}"' for i in range(12)) + "]\n"
        "\n\nclass A:\n"
        '    field_validation_long_name: Annotated[Optional[str], pydantic.Field(alias="fieldValidation")] = None\n'
        "    io_k8s_apimachinery_pkg_apis_meta_v1_delete_options_x: "
        "Optional[IoK8SApimachineryPkgApisMetaV1DeleteOptions] = None\n"
        '    y: Annotated[Optional[str], pydantic.Field(alias="fieldValidation", deprecated="y is old")] = UNSET\n'
        '    field_selector: Annotated[Optional[str], pydantic.Field(alias="fieldSelector")] = None\n'
        '    field_selecto: Annotated[Optional[str], pydantic.Field(alias="fieldSelector")] = None\n'
        '    field_selectorr: Annotated[Optional[str], pydantic.Field(alias="fieldSelector")] = None\n'
    )
    assert formatting.format_python("x.py", source) == black.format_str(source, mode=MODE)


def test_statements_span_brackets_and_docstrings() -> None:
    lines = ['"""Doc', "", 'more."""', "x = f(", '    "a)(",', ")", "y = 1"]
    found = [(s.start, s.end, s.docstring) for s in formatting.statements(lines)]
    assert found == [(0, 3, True), (3, 6, False), (6, 7, False)]


def test_cache_returns_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = "def f(a,b):\n    return a+b\n"
    first = formatting.format_files({"m.py": source}, {"m.py"}, {"m.py"}, tmp_path)["m.py"]
    assert any(tmp_path.rglob("*"))
    monkeypatch.setattr(formatting, "_black_whole", None)  # a second run must not need black
    second = formatting.format_files({"m.py": source}, {"m.py"}, {"m.py"}, tmp_path)["m.py"]
    assert first == second == black.format_str(source, mode=MODE)


def test_cache_is_one_file_and_a_broken_one_only_costs_time(tmp_path: Path) -> None:
    sources = {f"m{i}.py": f"def f{i}(a,b):\n    return a+b\n" for i in range(50)}
    formatting.format_files(sources, set(sources), set(sources), tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))] == [
        "cache.sqlite3"
    ]
    (tmp_path / "cache.sqlite3").write_bytes(b"not a database")
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"cache.sqlite3{suffix}").unlink(missing_ok=True)
    again = formatting.format_files(sources, set(sources), set(sources), tmp_path)
    assert again["m7.py"] == black.format_str(sources["m7.py"], mode=MODE)


@pytest.mark.parametrize("indent", [0, 4, 8])
@pytest.mark.parametrize("last", [70, 80, 81, 82, 83, 84, 85, 90])
def test_docstrings_close_where_black_closes_them(indent: int, last: int) -> None:
    """A multi-line docstring whose last line would be too long with the closing quotes gets
    them on a line of their own, as black does; then no module needs black for its docstrings."""
    from generator.pysyntax import py_docstring

    text = "First line.\n\n" + "w" * (last - indent)
    pad = " " * indent
    header = "".join(f"{' ' * depth}class C{depth}:\n" for depth in range(0, indent, 4))
    module = header + pad + '"""' + py_docstring(text, indent, closes=True) + '"""\n'
    assert black.format_str(module, mode=black.Mode()) == module
    assert not formatting._jobs_of("m.py", module.split("\n"))  # nothing for black to do
    single = header + pad + '"""' + py_docstring("w" * (last - indent), indent, closes=True) + '"""\n'
    assert black.format_str(single, mode=black.Mode()) == single  # one line: the quotes stay


@pytest.mark.parametrize(
    "text",
    [
        "Why:\n  - one\n  - two\n    continued",  # a list indented by two spaces
        "Example:\n\t Name: x,\n\t Subsets: [\n\t   {}\n\t ]",  # indented by a tab
        "Mixed:\n\tone\n  two\n\n      three",
        "Line breaks\r\n  of Windows\r  and old Macs",
    ],
)
@pytest.mark.parametrize("indent", [0, 4])
def test_docstrings_are_dedented_as_black_dedents_them(text: str, indent: int) -> None:
    """Black removes the indentation a docstring's lines after the first share and expands
    their leading tabs; so does `py_docstring`, and such modules need no black."""
    from generator.pysyntax import py_docstring

    header = "class C:\n" if indent else ""
    module = header + " " * indent + '"""' + py_docstring(text, indent, closes=True) + '"""\n'
    assert black.format_str(module, mode=black.Mode()) == module
    assert not formatting._jobs_of("m.py", module.split("\n"))


def test_a_long_docstring_ending_in_a_quote_is_kept() -> None:
    """Black puts a space between a quote that ends the text and the closing quotes, and
    never wraps a docstring's line: such a module needs no black."""
    from generator.pysyntax import py_docstring

    module = '"""' + py_docstring("Kind: the object type, which is always " + '"text_completion"' * 3) + '"""\n'
    assert len(module.split("\n")[0]) > 88
    assert black.format_str(module, mode=black.Mode()) == module
    assert not formatting._jobs_of("m.py", module.split("\n"))


def test_a_docstring_ending_in_an_escaped_backslash_ends_there() -> None:
    """Its closing quotes follow two backslashes; the next docstring's long lines are still
    docstring text, not statements for black (which cannot parse them)."""
    source = (
        "class A:\n"
        '    """Special characters: \\" \\\\"""\n'
        "\n"
        "    def __init__(self) -> None:\n"
        '        """Create one.\n'
        "\n"
        "        :param petstore_auth: For petstore_auth: the secret, or a callable returning it; defaults to $X.\n"
        '        """\n'
    )
    assert formatting.format_python("a.py", source) == black.format_str(source, mode=MODE)


def test_the_friendli_sdk_needs_no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runtime templates are written in black's style and every long statement of the
    Friendli SDK has a known split: a cold generation never imports black."""
    sent: list[str] = []
    monkeypatch.setattr(formatting, "_black", lambda text, line_length, where: sent.append(text) or text)
    generate(ROOT / "spec" / "friendli.yaml", ROOT / "spec" / "gen.yaml")
    assert sent == []


def test_modules_with_only_docstrings_and_lone_strings_too_long_skip_the_statement_path() -> None:
    module = (
        '"""' + "A long module docstring" * 5 + '."""\n\n\nclass A:\n'
        '    x: int\n    "' + "A field's long description" * 4 + '."\n'
    )
    assert black.format_str(module, mode=MODE) == module
    assert formatting._as_black_writes_it(module)
    assert not formatting._as_black_writes_it(module.replace("x: int", "x: " + "Union[A, B]" * 10))


def test_lines_black_cannot_split_do_not_send_a_module_to_the_statement_path() -> None:
    module = (
        "# " + "a comment black never wraps" * 4 + "\n"
        "_MODULE_OF: Dict[str, str] = {\n"
        '    "' + "LongModelName" * 4 + '": "' + "longmodelname" * 3 + '",\n'
        "}\n\n\n"
        "class " + "VeryLongName" * 7 + "(\n    TypedDict\n):\n"
        "    field: (\n        _module." + "LongTypedDictName" * 5 + "\n    )\n"
    )
    assert black.format_str(module, mode=MODE) == module
    assert formatting._as_black_writes_it(module)
    assert not formatting._jobs_of("m.py", module.split("\n"))


@pytest.mark.parametrize(
    "statement,indent",
    [
        ("class " + "VeryLongName" * 6 + "TypedDict(TypedDict):", 0),
        ('field_validation: Annotated[Optional[str], pydantic.Field(alias="fieldValidation")] = None', 4),
        ("short: int", 4),
        ("name: " + "Unsplittable" * 8, 4),  # black's split would still be too long: kept for the format stage
    ],
)
def test_templates_split_long_lines_as_black_does(statement: str, indent: int) -> None:
    written = formatting.as_black_splits(statement, indent)
    if indent + len(statement) <= 88 or "Unsplittable" in statement:
        assert written == statement
        return
    body = "\n" + " " * (indent + 4) + "pass" if statement.endswith(":") else ""
    module = ("class Outer:\n" if indent else "") + " " * indent + written + body + "\n"
    assert written != statement
    assert black.format_str(module, mode=MODE) == module


def test_a_split_with_a_long_line_black_keeps_is_vouched_for() -> None:
    """`name: (` after a very long name stays too long in black's split. Given a set, the
    template's filter writes the split and vouches for that line, and the format stage takes
    the module as it is; black agrees."""
    statement = "name" * 22 + ": " + "Unsplittable" * 5
    vouched: set[str] = set()
    written = formatting.as_black_splits(statement, 4, vouched=vouched)
    module = "class Outer:\n    " + written + "\n"
    assert written != statement and vouched == {"    " + "name" * 22 + ": ("}
    assert black.format_str(module, mode=MODE) == module
    assert formatting._as_black_writes_it(module, vouched) and not formatting._as_black_writes_it(module)
    assert formatting.format_files({"m.py": module}, {"m.py"}, vouched=vouched)["m.py"] == module


@pytest.mark.parametrize("indent", [0, 4])
def test_an_import_exploded_with_trailing_commas_is_black_however_long(indent: int) -> None:
    from generator.pysyntax import py_import

    name = "customerbalanceresourcecashbalancetransactionresourcefundedtransaction" * 2
    statement = py_import("." + name, ["A", f"{name} as _{name}"], indent)
    header = "if TYPE_CHECKING:\n" if indent else ""
    module = header + " " * indent + statement + "\n"
    assert black.format_str(module, mode=MODE) == module
    assert formatting._as_black_writes_it(module)
    without_comma = module.replace(f"_{name},", f"_{name}")
    assert not formatting._as_black_writes_it(without_comma)  # black would add the comma


@pytest.mark.parametrize(
    "module,kept",
    [
        ('"""Module.\n\nMore."""\n\n\nclass A:\n    """One.\n\n    Two."""\n\n    x: int\n', True),
        ('"""Escapes \\\\ and \\" inside."""\n\n\nclass A:\n    """Then:\n    ' + "w" * 90 + '"""\n', False),
        ('x = """\n"""\n\n\nclass A:\n    """Doc."""\n', True),  # a string whose closing line opens with quotes
        ('class A:\n    """Doc.\n\n  under-indented\n    """\n', False),  # black re-indents it
    ],
)
def test_the_quick_check_finds_every_docstring(module: str, kept: bool) -> None:
    """Docstrings are found by their quotes, escaped or not; the verdict is black's."""
    assert formatting._as_black_writes_it(module) is kept
    assert (black.format_str(module, mode=MODE) == module) is kept


def test_a_block_header_with_a_comment_after_its_colon_is_formatted_as_black_does() -> None:
    """`if a:  # why` longer than a line went to black without a body, which black cannot
    parse: the header is told by its last token, not by the last character of the line."""
    source = (
        "def f(kind, secret):\n"
        "    for x in secret:\n"
        "        if kind == 'oauth2' and len(secret) == 2:  # no token given: client credentials are exchanged\n"
        "            kind = 1\n"
        "    return kind\n"
    )
    formatted = formatting.format_files({"pkg/mod.py": source}, {"pkg/mod.py"})["pkg/mod.py"]
    assert formatted == black.format_str(source, mode=MODE)


def test_a_statement_black_cannot_parse_is_reported_at_its_file_and_line() -> None:
    source = "import os\n\ndef broken(argument_number_one, argument_number_two, argument_number_three, argument_four\n"
    with pytest.raises(SdkgenError) as raised:
        formatting.format_files({"pkg/mod.py": source}, {"pkg/mod.py"})
    [problem] = raised.value.problems
    assert (problem.location.file, problem.location.line) == ("pkg/mod.py", 3)
    assert problem.message.startswith("generated code does not parse")
