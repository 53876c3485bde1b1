"""Import cycles between model modules are found, and only they use late module imports; schemas
that contain themselves are typed (by name, or Any where no name is on the way) or refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.corpus import check_working

from generator.config import load_settings
from generator.cycles import deep_imports, import_cycles, import_graph
from generator.errors import SdkgenError
from generator.ir import Field, ListOf, MapOf, Model, Named, Primitive
from generator.loader import load
from generator.modeling import build_api

ROOT = Path(__file__).resolve().parents[1]


def model(name: str, *refs: str) -> Model:
    fields = tuple(
        Field(ref.lower(), ref.lower(), ListOf(Named(ref, "model", ref.lower())), False, False) for ref in refs
    )
    return Model(name, name.lower(), "", fields + (Field("x", "x", Primitive("string"), True, False),))


def test_mutual_references_form_one_cycle_and_chains_none() -> None:
    types = [model("A", "B"), model("B", "C", "A"), model("C"), model("D", "A"), model("E", "E")]
    cycles = import_cycles(import_graph(types))
    assert set(cycles) == {"A", "B"}
    assert cycles["A"] == cycles["B"]


def test_two_separate_cycles_get_different_numbers() -> None:
    cycles = import_cycles(import_graph([model("A", "B"), model("B", "A"), model("C", "D"), model("D", "C")]))
    assert cycles["A"] == cycles["B"] != cycles["C"] == cycles["D"]


def test_long_chains_do_not_recurse() -> None:
    chain = [model(f"M{i}", f"M{i + 1}") for i in range(5000)] + [model("M5000", "M0")]
    assert len(import_cycles(import_graph(chain))) == 5001


# -- schemas that contain themselves -----------------------------------------------------------


def returning(schemas: dict[str, Any], returned: str = "A") -> dict[str, Any]:
    """A 3.0 document whose one operation returns `#/components/schemas/<returned>`."""
    media = {"application/json": {"schema": {"$ref": f"#/components/schemas/{returned}"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok", "content": media}}}}
        },
        "components": {"schemas": schemas},
    }


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def written(tmp_path: Path, document: dict[str, Any]) -> Path:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(document, indent=1))
    return spec


LOOPS = {
    "ref-to-ref": ({"A": ref("B"), "B": ref("A")}, "/components/schemas/B/$ref", "A -> #/components/schemas/B -> #"),
    "ref-to-self": ({"A": ref("A")}, "/components/schemas/A/$ref", "A -> #/components/schemas/A:"),
    "all-of-self": ({"A": {"allOf": [ref("A")]}}, "/components/schemas/A/allOf/0/$ref", "A -> #/components/schemas/A:"),
    "one-of-any-of": (
        {"A": {"oneOf": [ref("B")]}, "B": {"anyOf": [ref("A")]}},
        "/components/schemas/B/anyOf/0/$ref",
        "A -> #/components/schemas/B -> #/components/schemas/A:",
    ),
    "object-all-of-self": (
        {"A": {"type": "object", "properties": {"x": {"type": "string"}}, "allOf": [ref("A")]}},
        "/components/schemas/A/allOf/0/$ref",
        "A -> #/components/schemas/A:",
    ),
    "union-of-self": (
        {"A": {"oneOf": [{"type": "string"}, ref("A")]}},
        "/components/schemas/A/oneOf/1/$ref",
        "A -> #/components/schemas/A:",
    ),
}


@pytest.mark.parametrize("case", LOOPS, ids=list(LOOPS))
def test_a_schema_that_refers_back_to_itself_on_the_same_value_is_a_located_error(tmp_path: Path, case: str) -> None:
    schemas, pointer, chain = LOOPS[case]
    with pytest.raises(SdkgenError) as raised:
        build_api(load(written(tmp_path, returning(schemas))), load_settings(None))
    [problem] = raised.value.problems
    assert problem.location.pointer == pointer and problem.location.line is not None
    assert chain in problem.message and "no value can be checked against it" in problem.message


SELF_CONTAINED = {
    "A": {"type": "array", "items": ref("A")},
    "M": {"type": "object", "additionalProperties": ref("M")},
    "Tree": {"type": "array", "items": {"type": "object", "properties": {"children": ref("Tree")}}},
    "Pair": {"type": "array", "items": ref("PairItem")},
    "PairItem": {"type": "array", "items": ref("Pair")},
    "Node": {"type": "object", "properties": {"children": {"type": "array", "items": ref("Node")}}},
}


def test_a_list_or_map_of_itself_is_any_where_it_comes_back_with_a_warning(tmp_path: Path) -> None:
    document = returning(SELF_CONTAINED)
    document["paths"] = {
        f"/{name}": {
            "get": {
                "operationId": f"get{name}",
                "responses": returning(SELF_CONTAINED, name)["paths"]["/a"]["get"]["responses"],
            }
        }
        for name in SELF_CONTAINED
    }
    api = build_api(load(written(tmp_path, document)), load_settings(None))
    types = {op.operation_id: op.response.type for op in api.operations if op.response is not None}
    assert types["getA"] == ListOf(Primitive("any"))
    assert types["getM"] == MapOf(Primitive("any"))
    assert types["getPair"] == ListOf(ListOf(Primitive("any")))
    [tree] = [t for t in api.types if isinstance(t, Model) and t.name != "Node"]  # Tree's items, inline
    assert tree.fields[0].type == Primitive("any")
    node = next(t for t in api.types if t.name == "Node")
    assert isinstance(node, Model) and node.fields[0].type == ListOf(Named("Node", "model", "node"))  # by name
    pointers = [w.location.pointer for w in api.warnings]
    assert pointers == [
        "/components/schemas/A/items/$ref",
        "/components/schemas/M/additionalProperties/$ref",
        "/components/schemas/Tree/items/properties/children/$ref",
        "/components/schemas/PairItem/items/$ref",  # from getPair
        "/components/schemas/Pair/items/$ref",  # from getPairItem
    ]
    assert all(w.severity == "warning" and "typed Any here" in w.message for w in api.warnings)
    assert "#/components/schemas/Pair -> #/components/schemas/PairItem -> #/components/schemas/Pair:" in (
        api.warnings[3].message
    )


def sdkgen(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_an_sdk_with_a_list_of_itself_compiles_imports_and_type_checks(tmp_path: Path) -> None:
    spec = written(tmp_path, returning({"A": {"type": "array", "items": ref("A")}}))
    run = sdkgen("generate", spec, "--out", tmp_path / "out", "--quiet")
    assert run.returncode == 0, run.stderr
    assert "/components/schemas/A/items/$ref: warning: #/components/schemas/A -> #/components/schemas/A:" in run.stderr
    assert check_working(tmp_path / "out") == []
    strict = sdkgen("generate", spec, "--out", tmp_path / "strict", "--strict")
    assert strict.returncode == 1 and "typed Any here (an error under --strict)" in strict.stderr, strict.stderr
    assert not (tmp_path / "strict").exists()
    loop = sdkgen("generate", written(tmp_path, returning({"A": ref("B"), "B": ref("A")})), "--out", tmp_path / "loop")
    assert loop.returncode == 1 and "Traceback" not in loop.stderr and "internal error" not in loop.stderr
    assert "spec.json:" in loop.stderr and "/components/schemas/B/$ref: #/components/schemas/A" in loop.stderr


# -- long chains of imports --------------------------------------------------------------------


def test_only_chains_longer_than_the_limit_are_imported_first() -> None:
    chain = [model(f"M{i}", f"M{i + 1}") for i in range(9)] + [model("M9"), model("Short", "M8")]
    assert deep_imports(import_graph(chain), limit=5) == {"m0": ["m1"], "m1": ["m2"], "m2": ["m3"], "m3": ["m4"]}
    assert deep_imports(import_graph(chain), limit=10) == {}


def test_chain_lengths_follow_the_longest_branch_and_survive_cycles_and_depth() -> None:
    # A -> E, A -> B -> C -> D -> back to A: the cycle's last link counts for nothing
    branches = [model("A", "E", "B"), model("B", "C"), model("C", "D"), model("D", "A"), model("E")]
    assert deep_imports(import_graph(branches), limit=2) == {"a": ["b"]}
    assert deep_imports(import_graph(branches), limit=1) == {"a": ["b"], "b": ["c"]}
    long = [model(f"M{i}", f"M{i + 1}") for i in range(5000)] + [model("M5000")]
    assert len(deep_imports(import_graph(long), limit=25)) == 5001 - 26


def test_an_sdk_with_a_chain_of_models_longer_than_the_recursion_limit_allows_works(tmp_path: Path) -> None:
    """160 models each holding the next: an import of the first would recurse through all of them
    (about seven frames each) were the chain not loaded leaves first."""
    count = 160
    schemas = {
        f"M{i}": {
            "type": "object",
            "properties": {"v": {"type": "string"}, **({"next": ref(f"M{i + 1}")} if i < count - 1 else {})},
        }
        for i in range(count)
    }
    out = tmp_path / "out"
    run = sdkgen("generate", written(tmp_path, returning(schemas, "M0")), "--out", out, "--quiet")
    assert run.returncode == 0, run.stderr
    script = (
        "import sys\nsys.setrecursionlimit(400)\nfrom sdk.models import M0\n"
        "print(M0.model_validate({'v': 'a', 'next': {'v': 'b', 'next': {'v': 'c'}}}).next.next.v)"
    )
    used = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=out / "src", check=False)
    assert (used.returncode, used.stdout) == (0, "c\n"), used.stderr[-2000:]
    assert check_working(out) == []
