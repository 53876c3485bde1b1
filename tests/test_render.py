"""Stages 4-6: plan, render, format. Text from the spec can never break or inject into code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator import render as render_module
from generator.errors import SdkgenError
from generator.markdown import Table, table
from generator.pipeline import _encoded, generate
from generator.plan import PlannedFile
from generator.pysyntax import py_literal, py_str
from generator.render import render

NASTY = 'ends with a quote" and """triple""" and a backslash \\ and {{ jinja }} and\nnewline'


def test_py_str_round_trips_any_text() -> None:
    assert eval(py_str(NASTY)) == NASTY  # noqa: S307 - evaluating our own literal is the test


def test_py_literal_is_black_style_and_round_trips() -> None:
    value = {"a": [1, 2.5, True, None], "b": {"c": NASTY}, "d": []}
    text = py_literal(value)
    assert eval(text) == value  # noqa: S307
    assert text.startswith('{\n    "a": [\n        1,\n')


def test_repeated_samples_and_numbers_without_literals_are_python_as_black_writes_it() -> None:
    """`Repeated` stands for a value too long to spell out; nan and infinity have no literal."""
    import math

    import black

    from generator.ir import Repeated

    value = {
        "ids": Repeated(["a"], 100_000_000),
        "text": Repeated("x", 10**9),
        "raw": Repeated(b"x", 10**9),
        "nested": [Repeated([{"k": 1}], 20)],
        "odd": [math.inf, -math.inf],
    }
    text = py_literal(value, 8)
    code = f"with f:\n    call(\n        x={text},\n    )\n"  # where usage snippets put arguments
    assert black.format_str(code, mode=black.Mode()) == code
    assert '"ids": [\n                "a",\n            ]\n            * 100000000,\n' in text
    assert '"text": "x" * 1000000000,' in text and '"raw": b"x" * 1000000000,' in text
    small = text.replace("1000000000", "3").replace("100000000", "3").replace("20", "2")
    evaluated = eval(small)  # noqa: S307
    assert evaluated == {
        "ids": ["a"] * 3,
        "text": "xxx",
        "raw": b"xxx",
        "nested": [[{"k": 1}] * 2],
        "odd": [math.inf, -math.inf],
    }
    assert math.isnan(eval(py_literal(math.nan)))  # noqa: S307


def test_markdown_tables_pad_every_column_to_the_widest_cell() -> None:
    assert table(["Name", "Value"], [["`JPEG`", "jpeg"]]) == (
        "| Name   | Value  |\n| ------ | ------ |\n| `JPEG` | jpeg   |"
    )


def test_line_breaks_count_as_one_character_and_render_as_br() -> None:
    text = table(["A"], [["x\ny"]])
    assert text.splitlines()[2] == "| x<br/>y |"
    assert text.splitlines()[1] == "| --- |"


def test_a_planned_table_is_padded_when_a_template_writes_it(tmp_path: Path) -> None:
    planned = Table(["Name", "Value"], [["`JPEG`", "jpeg"]])
    assert str(planned) == table(["Name", "Value"], [["`JPEG`", "jpeg"]])
    (tmp_path / "t.jinja").write_text("## Values\n\n{{ view.table }}\n")
    rendered = render([PlannedFile("x.md", "t.jinja", {"view": {"table": planned}}, "text")], tmp_path)
    assert rendered["x.md"] == "## Values\n\n" + table(["Name", "Value"], [["`JPEG`", "jpeg"]]) + "\n"


def test_encoding_lets_go_of_each_text_and_keeps_the_order() -> None:
    texts = {"b.md": "caf\u00e9", "a.py": "x = 1\n"}
    assert list(_encoded(texts).items()) == [("b.md", "caf\u00e9".encode()), ("a.py", b"x = 1\n")]
    assert texts == {}


def test_missing_template_variable_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    (tmp_path / "t.jinja").write_text("value={{ missing }}")
    with pytest.raises(SdkgenError) as caught:
        render([PlannedFile("out.py", "t.jinja", {}, "python")], tmp_path)
    assert "t.jinja" in str(caught.value) and "missing" in str(caught.value)
    assert isinstance(jinja2.StrictUndefined, type)


def test_a_built_in_template_failing_in_python_stays_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the user's input but sdkgen's bug: the CLI reports it as an internal error.
    (tmp_path / "t.jinja").write_text("{{ text + 1 }}")
    monkeypatch.setattr(render_module, "templates_dir", lambda: tmp_path)
    with pytest.raises(TypeError):
        render([PlannedFile("out.py", "t.jinja", {"text": "a"}, "python")])


def adversarial_spec(path: Path) -> Path:
    document = {
        "openapi": "3.1.0",
        "info": {"title": NASTY, "version": "1", "description": NASTY},
        "servers": [{"url": "http://127.0.0.1:1"}],
        "paths": {
            "/x": {
                "post": {
                    "operationId": "class",
                    "summary": NASTY,
                    "description": NASTY,
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
                    },
                    "responses": {"200": {"description": NASTY}},
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": NASTY,
                    "properties": {
                        "import": {"type": "string", "description": NASTY, "example": NASTY},
                        "mode": {"type": "string", "enum": ['a"b', "c\\d", "e'f"], "description": NASTY},
                    },
                }
            }
        },
    }
    path.write_text(json.dumps(document))
    return path


def test_adversarial_text_generates_code_that_imports_and_keeps_the_text(tmp_path: Path) -> None:
    spec = adversarial_spec(tmp_path / "spec.json")
    result = generate(spec, None)
    out = tmp_path / "out"
    for name, data in result.files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    probe = (
        "import sdk.models as m, typing, inspect\n"
        "from sdk import SyncSdk\n"
        "print(repr(inspect.getdoc(m.Thing)))\n"
        "print(repr(typing.get_args(m.Mode)))\n"
        "print(repr(inspect.getdoc(SyncSdk().class_)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], env={"PYTHONPATH": str(out / "src")}, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    doc, modes, method_doc = (eval(line) for line in run.stdout.splitlines())  # noqa: S307
    assert doc == NASTY
    assert modes == ('a"b', "c\\d", "e'f")
    assert NASTY.split("\n")[0] in method_doc


def test_attributes_of_a_plans_dicts_are_their_keys_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    """`x.name` on a dict is its key (looked up first); on an object, its attribute; a name
    neither has is StrictUndefined's error, as before."""
    from types import SimpleNamespace

    from generator.render import environment

    env = environment(tmp_path)
    template = env.from_string("{{ d.name }} {{ d.items }} {{ o.name }} {{ o.upper() }}")
    assert template.render(d={"name": "a", "items": "b"}, o=SimpleNamespace(name="c", upper=lambda: "D")) == "a b c D"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.nope }}").render(d={"name": "a"})


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from here on (a cached one is not)."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: Any = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_compiled_templates_are_kept_between_runs_and_an_edited_one_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    compiled = _compiles(monkeypatch)
    (tmp_path / "t.jinja").write_text("{% include 'part.jinja' %}={{ value }}\n")
    (tmp_path / "part.jinja").write_text("one")
    planned = [PlannedFile("x.txt", "t.jinja", {"value": 1}, "text")]
    assert render(planned, tmp_path) == {"x.txt": "one=1\n"}
    assert sorted(compiled) == ["part.jinja", "t.jinja"]
    assert len(list((tmp_path / "cache" / "templates").iterdir())) == 2
    compiled.clear()
    assert render(planned, tmp_path) == {"x.txt": "one=1\n"}
    assert compiled == []
    (tmp_path / "part.jinja").write_text("two")
    assert render(planned, tmp_path) == {"x.txt": "two=1\n"}
    assert compiled == ["part.jinja"]


def test_a_broken_or_missing_template_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "t.jinja").write_text("{{ value }}\n")
    planned = [PlannedFile("x.txt", "t.jinja", {"value": 1}, "text")]
    render(planned, tmp_path)
    for entry in (tmp_path / "cache" / "templates").iterdir():
        entry.write_bytes(entry.read_bytes()[:20])  # cut short: Jinja's header, half a pickle
    compiled = _compiles(monkeypatch)
    assert render(planned, tmp_path) == {"x.txt": "1\n"}
    assert compiled == ["t.jinja"]
    for entry in (tmp_path / "cache" / "templates").iterdir():
        entry.unlink()
    (tmp_path / "cache" / "templates").rmdir()
    (tmp_path / "cache" / "templates").write_text("a file where the directory belongs")
    assert render(planned, tmp_path) == {"x.txt": "1\n"}
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")  # the cache off: nothing written anywhere
    assert render(planned, tmp_path) == {"x.txt": "1\n"}
