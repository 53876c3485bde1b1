"""openapi-spec-validator through generator/specvalidator.py: the same verdicts as the stock
validators (and request bodies checked, which they skip), the same findings under every
PYTHONHASHSEED, and the 3.1 registry crawled once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.errors import SdkgenError
from generator.loader import load
from generator.specvalidator import checked_schema, spec_validator_class
from generator.validator import validate

SPECS = Path(__file__).resolve().parents[2] / "shared" / "specs"
ROOT = Path(__file__).resolve().parents[1]


def many_bad_properties(count: int = 12) -> str:
    """A 3.1 schema whose properties all break the dialect (`exclusiveMinimum` must be a number)."""
    props = "".join(f"        p{i}:\n          type: number\n          exclusiveMinimum: true\n" for i in range(count))
    head = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths: {}\n"
    return head + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n" + props


def findings(cls: Any, spec: Path) -> list[tuple[tuple[Any, ...], str]]:
    document = load(spec)
    return [(tuple(e.path), e.message) for e in cls(document.data, base_uri=document.root.as_uri()).iter_errors()]


def test_the_first_dialect_error_in_document_order_is_reported_under_every_hash_seed(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(many_bad_properties())
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SDKGEN_CACHE_DIR="")
        run = subprocess.run(
            [sys.executable, "-m", "generator.cli", "validate", str(spec)],
            capture_output=True, text=True, env=env, cwd=ROOT, check=False,
        )
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout + run.stderr)
    assert len(outputs) == 1, outputs
    (output,) = outputs
    assert "/components/schemas/Thing/properties/p0/exclusiveMinimum" in output
    assert "True is not of type 'number'" in output


@pytest.mark.parametrize(
    "name", ["opc-baseline-3.1.yaml", "opc-err-bad-status-code.yaml", "oag-3.1-petstore.yaml", "oai-petstore.yaml"]
)
def test_verdicts_match_the_stock_validator(name: str) -> None:
    spec = SPECS / name
    version = str(load(spec).data["openapi"])
    stock = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    assert findings(spec_validator_class(version), spec) == findings(stock, spec)


def test_a_schema_with_one_dialect_error_gets_the_stock_message(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(many_bad_properties(count=1))
    assert findings(spec_validator_class("3.1.0"), spec) == findings(OpenAPIV31SpecValidator, spec)
    assert len(findings(OpenAPIV31SpecValidator, spec)) == 1


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_request_bodies_are_walked_as_responses_are(tmp_path: Path, version: str) -> None:
    """The stock walk never looks at a `requestBody`: in 3.1 nothing else checks its schema
    against the dialect. The same schema in the response is found by both."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        f"openapi: {version}\ninfo: {{title: T, version: '1'}}\npaths:\n  /a:\n    post:\n"
        "      requestBody:\n        content:\n          application/json:\n            schema: {allOf: 5}\n"
        "      responses:\n        '200':\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {allOf: 5}\n"
    )
    stock = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    dialect_error = (("allOf",), "5 is not of type 'array'")
    assert findings(stock, spec).count(dialect_error) == 1
    assert findings(spec_validator_class(version), spec) == findings(stock, spec) + [dialect_error]
    data = load(spec).data
    validator = spec_validator_class(version)(data)
    found_in = [checked_schema(validator, e) for e in validator.iter_errors() if e.message == dialect_error[1]]
    operation = data["paths"]["/a"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    response = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert [id(schema) for schema in found_in] == [id(body), id(response)]  # bodies first, as documents write them


SCHEMAS_OFF_THE_STOCK_WALK = """\
openapi: 3.1.0
info: {title: T, version: '1'}
paths:
  /a:
    get:
      parameters:
        - name: filter
          in: query
          content:
            application/json:
              schema: {allOf: 5}
      responses:
        '200':
          description: ok
          headers:
            X-Inline: {schema: {allOf: 6}}
            X-Shared: {$ref: '#/components/headers/Shared'}
      callbacks:
        onEvent:
          '{$request.query.cb}':
            post:
              requestBody:
                content:
                  application/json:
                    schema: {allOf: 7}
              responses: {'200': {description: ok}}
webhooks:
  newPet:
    post:
      parameters:
        - {name: id, in: path, required: true, schema: {allOf: 8}}
      responses: {'200': {description: ok}}
components:
  headers:
    Shared:
      content:
        text/plain:
          schema: {allOf: 9}
"""


def test_schemas_of_parameter_content_headers_callbacks_and_webhooks_are_walked(tmp_path: Path) -> None:
    """The stock walk checks a parameter's `schema` and a response's `content` only: in 3.1
    nothing else checks the dialect of these five schemas. Each is an error where it is, and
    a callback's expression or a webhook's name is not read as a path (no parameter findings)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SCHEMAS_OFF_THE_STOCK_WALK)
    assert findings(OpenAPIV31SpecValidator, spec) == []
    with pytest.raises(SdkgenError) as raised:
        validate(load(spec))
    found = [(p.location.pointer, p.location.line, p.message) for p in raised.value.problems]
    cb = "/paths/~1a/get/callbacks/onEvent/{$request.query.cb}/post/requestBody/content/application~1json/schema"
    assert found == [
        ("/paths/~1a/get/responses/200/headers/X-Inline/schema/allOf", 16, "6 is not of type 'array'"),
        ("/components/headers/Shared/content/text~1plain/schema/allOf", 38, "9 is not of type 'array'"),
        ("/paths/~1a/get/parameters/0/content/application~1json/schema/allOf", 11, "5 is not of type 'array'"),
        (f"{cb}/allOf", 25, "7 is not of type 'array'"),
        ("/webhooks/newPet/post/parameters/0/schema/allOf", 31, "8 is not of type 'array'"),
    ]


def test_the_3_1_document_check_uses_a_registry_crawled_up_front() -> None:
    fast = spec_validator_class("3.1.0").schema_validator
    assert fast is not OpenAPIV31SpecValidator.schema_validator
    registry = fast._resolver._registry
    assert registry.crawl() == registry  # nothing left to crawl at each `$dynamicRef`
    assert issubclass(spec_validator_class("3.1.1"), OpenAPIV31SpecValidator)
    assert issubclass(spec_validator_class("3.0.3"), OpenAPIV30SpecValidator)


def test_the_same_dialect_error_in_two_schemas_is_reported_at_each(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    thing = "      type: object\n      properties:\n        p:\n          type: number\n"
    thing += "          exclusiveMinimum: true\n"
    spec.write_text(
        "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n  /b:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema:\n                $ref: '#/components/schemas/B'\n"
        "components:\n  schemas:\n    A:\n" + thing + "    B:\n" + thing
    )
    warnings = [str(problem) for problem in validate(load(spec))]
    assert len(warnings) == 2, warnings
    assert "spec.yaml:22: /components/schemas/A/properties/p/exclusiveMinimum" in warnings[0] + warnings[1]
    # B is checked first, through the operation's $ref, and still located where it is written
    assert "spec.yaml:28: /components/schemas/B/properties/p/exclusiveMinimum" in warnings[0] + warnings[1]


def test_the_3_0_document_check_is_crawled_and_the_stock_classes_are_left_alone() -> None:
    fast = spec_validator_class("3.0.3").schema_validator
    assert fast is not OpenAPIV30SpecValidator.schema_validator
    assert fast._resolver._registry.crawl() == fast._resolver._registry
    stock = OpenAPIV30SpecValidator.schema_validator._resolver
    assert type(stock).__name__ == "Resolver"  # the library's own class still has its own resolver


TREE = {
    "$id": "https://example.com/tree",
    "$dynamicAnchor": "node",
    "type": "object",
    "properties": {"data": True, "children": {"type": "array", "items": {"$dynamicRef": "#node"}}},
}
STRICT_TREE = {
    "$id": "https://example.com/strict-tree",
    "$dynamicAnchor": "node",
    "$ref": "tree",
    "unevaluatedProperties": False,
}


@pytest.mark.parametrize("order", [("strict", "plain"), ("plain", "strict")])
def test_remembered_lookups_resolve_dynamic_refs_by_their_scope_as_jsonschema_does(order: tuple[str, str]) -> None:
    """`#node`, looked up from the same place in the plain tree, means the strict tree below
    the strict one and the plain tree below the plain one: a lookup remembered without its
    dynamic scope would give whichever was looked up first to both."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT202012

    from generator.specvalidator import _crawled

    refs = {"strict": {"$ref": "strict-tree"}, "plain": {"$ref": "tree"}}
    root = {"$id": "https://example.com/both", "properties": {name: refs[name] for name in order}}
    registry = Registry().with_resources((s["$id"], DRAFT202012.create_resource(s)) for s in (TREE, STRICT_TREE))
    stock = Draft202012Validator(root, registry=registry)
    remembering = _crawled(stock)
    assert remembering is not None and remembering._resolver is not stock._resolver
    trees = [
        {"children": [{"daat": 1}]},
        {"children": [{"data": 1, "children": [{"extra": 2}]}]},
        {"data": 1, "children": [{"children": [{"children": [{"x": 1}]}]}]},
    ]
    for tree in trees * 2:  # the second round answers from what the first remembered
        instance = {"strict": tree, "plain": tree}
        got = sorted((list(e.absolute_path), e.message) for e in remembering.iter_errors(instance))
        expected = sorted((list(e.absolute_path), e.message) for e in stock.iter_errors(instance))
        assert got == expected
        assert [path[0] for path, _ in got] == ["strict"]  # the plain tree takes any property


def test_a_validator_these_lookups_cannot_wrap_is_used_as_it_is() -> None:
    from generator.specvalidator import _crawled

    assert _crawled(object()) is None


def test_validators_are_evolved_once_per_subschema_within_a_validation_only() -> None:
    """Within `validation_memos`, the validator made from the same validator, subschema
    and resolver is the one made before; outside, jsonschema makes a new one every time."""
    from openapi_schema_validator import OAS31Validator

    from generator.specvalidator import validation_memos

    root = OAS31Validator({"type": "object", "properties": {"a": {"type": "string"}}})
    sub = root.schema["properties"]["a"]
    with validation_memos():
        first = root.evolve(schema=sub)
        assert root.evolve(schema=sub) is first
        assert root.evolve(schema={"type": "string"}) is not first  # another subschema
        assert list(first.iter_errors(3)) and not list(first.iter_errors("x"))
    assert root.evolve(schema=sub) is not root.evolve(schema=sub)


def test_validation_memos_find_what_the_stock_validators_find(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import nullcontext

    from generator import specvalidator

    spec = tmp_path / "bad.yaml"
    spec.write_text(many_bad_properties())
    remembered = [str(p) for p in validate(load(spec))]
    monkeypatch.setattr(specvalidator, "validation_memos", lambda descents=True: nullcontext())
    stock = [str(p) for p in validate(load(spec))]
    assert remembered == stock and len(stock) > 0


@pytest.mark.parametrize("descents", [True, False])
def test_values_found_valid_are_not_checked_again_and_invalid_ones_are(
    monkeypatch: pytest.MonkeyPatch, descents: bool
) -> None:
    """Within `validation_memos`, a value equal to one the same validator found valid against
    the same subschema (or, without `descents`, at the same `$dynamicRef`) is skipped; an
    invalid one is checked every time, so every error is still found, where it is."""
    from openapi_schema_validator import OAS31Validator

    from generator import specvalidator

    meta = specvalidator._meta_validator(OAS31Validator, None)
    checked: list[Any] = []
    stock_enum = type(meta).VALIDATORS["enum"]

    def enum(validator: Any, enums: Any, instance: Any, schema: Any) -> Any:
        checked.append(instance)  # the dialect checks a `type` keyword's value with `enum`
        return stock_enum(validator, enums, instance, schema)

    monkeypatch.setitem(type(meta).VALIDATORS, "enum", enum)
    schema = {
        "type": "object",
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": 3}, "d": {"type": 3}},
    }
    stock = sorted((e.json_path, e.message) for e in meta.iter_errors(schema))
    stock_checks = list(checked)
    checked.clear()
    with specvalidator.validation_memos(descents):
        found = sorted((e.json_path, e.message) for e in meta.iter_errors(schema))
    assert found == stock
    assert {path for path, _ in found} >= {"$.properties.c.type", "$.properties.d.type"}
    assert stock_checks.count("string") == 2 and checked.count("string") == 1  # b's is a's
    assert checked.count(3) == stock_checks.count(3) > 0  # invalid: checked each time
    assert specvalidator._valid_descents is None  # nothing is remembered outside the block


def test_equal_values_have_one_identity_and_unequal_ones_two() -> None:
    from generator.specvalidator import _ContentIds

    values = _ContentIds()
    assert values.of({"a": [1, {"b": None}]}) == values.of({"a": [1, {"b": None}]})
    for one, other in [({"a": 1}, {"a": True}), ({"a": 1}, {"a": 1.0}), ({200: "x"}, {"200": "x"}),
                       ({"a": 1, "b": 2}, {"a": 1}), ([1, 2], [2, 1]), ({"a": []}, {"a": {}})]:
        assert values.of(one) != values.of(other), (one, other)


def test_the_fast_subscriptable_check_answers_as_the_protocol_does() -> None:
    """Within a validation, pathable's `Subscriptable` is an ABC asked once per class; its
    answers are the Protocol's for every kind of node (and for classes that define, inherit
    or block the members)."""
    from pathable import accessors, protocols

    from generator import specvalidator

    class Mapping:
        def __contains__(self, key: object) -> bool:
            return False

        def __getitem__(self, key: object) -> None:
            return None

        def __len__(self) -> int:
            return 0

    class Inherits(Mapping):
        pass

    class Blocked(Mapping):
        __len__ = None  # type: ignore[assignment]

    class OnlyGetitem:
        def __getitem__(self, key: object) -> None:
            return None

    with specvalidator.validation_memos():
        fast = accessors.Subscriptable
    assert fast is not protocols.Subscriptable
    values = [{}, [], "s", b"b", (), 1, 1.5, True, None, object(), set()]
    values += [Mapping(), Inherits(), Blocked(), OnlyGetitem()]
    assert [isinstance(v, fast) for v in values] == [isinstance(v, protocols.Subscriptable) for v in values]
    assert isinstance({}, fast) and not isinstance(1, fast) and not isinstance(Blocked(), fast)
