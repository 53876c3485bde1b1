"""Stage 2: every problem of a document, located, reported together."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SdkgenError
from generator.loader import load
from generator.validator import validate

VALID = """\
openapi: 3.1.0
info:
  title: T
  version: '1'
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thing'
components:
  schemas:
    Thing:
      type: object
      properties:
        name:
          type: string
"""


def problems_of(tmp_path: Path, text: str, name: str = "spec.yaml") -> list[str]:
    spec = tmp_path / name
    spec.write_text(text)
    return problems_of_document(spec)


def problems_of_document(spec: Path) -> list[str]:
    with pytest.raises(SdkgenError) as caught:
        validate(load(spec))
    return [str(p) for p in caught.value.problems]


def test_valid_document_has_no_problems(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(VALID)
    assert validate(load(spec)) == []


def test_dangling_ref_is_reported_where_it_is_written(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID.replace("#/components/schemas/Thing", "#/components/schemas/Nope"))
    assert len(problems) == 1
    assert "spec.yaml:14:" in problems[0]
    assert "/paths/~1things/get/responses/200/content/application~1json/schema/$ref" in problems[0]
    assert "'#/components/schemas/Nope' does not resolve" in problems[0]


def test_schema_errors_point_into_the_document_not_the_schema(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID.replace("type: string", "type: strang"))
    assert any("/components/schemas/Thing/properties/name/type" in p and ":21:" in p for p in problems), problems


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_default_that_breaks_its_schema_is_a_warning_at_the_default(tmp_path: Path, version: str) -> None:
    """The default is found where it is written, even when its schema is reached through a
    `$ref` and the mistake is inside the value; the document still validates."""
    text = VALID.replace("3.1.0", version) + (
        "        size:\n"
        "          type: integer\n"
        "          default: big\n"
        "        tags:\n"
        "          type: object\n"
        "          properties:\n"
        "            first:\n"
        "              type: string\n"
        "          default:\n"
        "            first: 1\n"
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    warnings = [str(p) for p in validate(load(spec))]
    assert len(warnings) == 2, warnings
    size, tags = sorted(warnings, key=lambda w: "tags" in w)
    assert "spec.yaml:24: /components/schemas/Thing/properties/size/default: warning: the default value" in size
    assert "'big' is not of type 'integer'" in size
    assert "spec.yaml:31: /components/schemas/Thing/properties/tags/default/first: warning:" in tags


def test_missing_required_fields_are_all_reported(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID.replace("  title: T\n", ""))
    assert any("/info" in p and "'title' is a required property" in p for p in problems)


def test_swagger_2_is_converted_and_validated(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: example.com\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200': {description: ok, schema: {$ref: '#/definitions/A'}}\n"
        "definitions:\n  A: {type: object}\n"
    )
    document = load(spec)
    assert document.data["openapi"].startswith("3.0")
    assert "A" in document.data["components"]["schemas"]
    validate(document)


def test_swagger_2_errors_point_into_the_original_text(tmp_path: Path) -> None:
    problems = problems_of(
        tmp_path,
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        "      responses:\n        '200': {description: ok, schema: {$ref: '#/definitions/Nope'}}\n",
    )
    assert any("does not resolve" in p and "spec.yaml:7:" in p for p in problems), problems
    # pointer and ref as the file has them, not as the conversion to 3.0 rewrote them
    error = "spec.yaml:7: /paths/~1a/get/responses/200/schema/$ref: $ref '#/definitions/Nope' does not resolve"
    assert [p for p in problems if p.endswith(error)] == [f"{tmp_path}/{error}"]


def test_a_swagger_version_other_than_2_0_is_named(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, "swagger: '3.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    message = "unsupported Swagger version '3.0': sdkgen reads Swagger 2.0 and OpenAPI 3.0 and 3.1"
    assert problems == [f"{tmp_path}/spec.yaml:1: /swagger: {message}"]


def test_unknown_openapi_version(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, VALID.replace("3.1.0", "4.0.0"))
    assert "unsupported OpenAPI version '4.0.0'" in problems[0]


def test_a_document_that_is_not_a_mapping(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, "- just\n- a list\n")
    assert "must be a mapping" in problems[0]


NULL_IN_3_0 = VALID.replace("openapi: 3.1.0", "openapi: 3.0.3").replace(
    "        name:\n          type: string\n",
    """\
        gone:
          type: 'null'
        label:
          type: [string, 'null']
        notNull:
          not:
            type: 'null'
        several:
          type: [string, integer]
      example:
        gone: null
        type: [kept, as, data]
""",
)


def test_3_1_type_spellings_in_a_3_0_document_are_warnings_at_their_place(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(NULL_IN_3_0.replace("        several:\n          type: [string, integer]\n", ""))
    document = load(spec)
    warnings = [str(p) for p in validate(document)]
    assert len(warnings) == 3, warnings
    assert "spec.yaml:21: /components/schemas/Thing/properties/gone/type: warning: type 'null' is OpenAPI 3.1" in (
        warnings[0]
    )
    assert "spec.yaml:23: /components/schemas/Thing/properties/label/type: warning: a list of types" in warnings[1]
    assert "read as type: string, nullable: true" in warnings[1]
    assert "spec.yaml:26: /components/schemas/Thing/properties/notNull/not/type" in warnings[2]
    # the generator still reads the document as written
    assert document.data["components"]["schemas"]["Thing"]["properties"]["gone"] == {"type": "null"}
    with pytest.raises(SdkgenError):
        validate(document, strict=True)


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_name_listed_twice_in_required_is_a_warning_at_the_list(tmp_path: Path, version: str) -> None:
    """3.0's schema reports it only as "not valid under any of the given schemas" at the whole
    schema; the validator is given each name once and the breach is a warning at its place."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        VALID.replace("openapi: 3.1.0", f"openapi: {version}").replace(
            "      type: object\n", "      type: object\n      required: [name, name]\n"
        )
    )
    document = load(spec)
    warnings = validate(document)
    assert [(w.location.line, w.location.pointer, w.severity) for w in warnings] == [
        (19, "/components/schemas/Thing/required", "warning")
    ]
    if version.startswith("3.0"):
        assert warnings[0].message == "'name' listed more than once in `required`: still just required"
    assert document.data["components"]["schemas"]["Thing"]["required"] == ["name", "name"]  # read as written
    with pytest.raises(SdkgenError):
        validate(document, strict=True)


def test_several_types_in_a_3_0_document_are_read_as_any_of_them(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(NULL_IN_3_0)
    warnings = [str(p) for p in validate(load(spec))]
    assert len(warnings) == 4, warnings
    assert "/properties/several/type: warning: a list of types (string, integer) is OpenAPI 3.1" in warnings[3]
    assert warnings[3].endswith("read as any of string, integer")


def test_3_1_documents_keep_their_types(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(NULL_IN_3_0.replace("3.0.3", "3.1.0"))
    assert validate(load(spec)) == []


MULTI_FILE = {
    "root.yaml": (
        "openapi: 3.0.3\ninfo:\n  title: Multi\n  version: '1'\npaths:\n  /things:\n    get:\n"
        "      $ref: 'ops/list.yaml'\n  /other:\n    $ref: 'ops/other.yaml'\n"
        "components:\n  schemas:\n    Local:\n      type: object\n"
    ),
    "ops/list.yaml": (
        "operationId: listThings\nresponses:\n  '200':\n    description: ok\n    content:\n"
        "      application/json:\n        schema:\n          $ref: '../schemas.yaml#/Thing'\n"
    ),
    "ops/other.yaml": (
        "get:\n  operationId: other\n  parameters:\n    - name: limit\n      in: query\n      schema:\n"
        "        type: integer\n        minimum: MINIMUM\n  responses:\n    '200':\n      description: ok\n"
        "      content:\n        application/json:\n          schema:\n"
        "            $ref: '../root.yaml#/components/schemas/Local'\n"
    ),
    "schemas.yaml": "Thing:\n  type: object\n  properties:\n    $ref: 'props.yaml#/thing'\n",
    "props.yaml": "thing:\n  name:\n    type: string\n  size:\n    type: integer\n",
}


def multi_file(tmp_path: Path, minimum: str) -> Path:
    for name, text in MULTI_FILE.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text.replace("MINIMUM", minimum))
    return tmp_path / "root.yaml"


def test_a_multi_file_document_is_checked_in_every_file_as_sdkgen_reads_it(tmp_path: Path) -> None:
    """An operation written as a `$ref` (not OpenAPI, followed by sdkgen) is checked as an
    operation; a `properties` map written as a `$ref` is read as that map, with a warning."""
    warnings = [str(p) for p in validate(load(multi_file(tmp_path, "1")))]
    assert len(warnings) == 1, warnings
    assert "schemas.yaml:4: /Thing/properties/$ref: warning: a `$ref` as the whole `properties` map" in warnings[0]


def test_a_mistake_in_another_file_is_reported_there(tmp_path: Path) -> None:
    problems = problems_of_document(multi_file(tmp_path, "nope"))
    errors = [p for p in problems if "warning:" not in p]
    assert len(errors) == 1 and "ops/other.yaml:4: /get/parameters/0:" in errors[0], problems


def test_a_one_file_document_is_validated_as_it_is(tmp_path: Path) -> None:
    from generator.bundle import bundled

    spec = tmp_path / "spec.yaml"
    spec.write_text(VALID)
    document = load(spec)
    assert bundled(document)[0] is document.data


def test_a_long_chain_of_files_is_bundled_without_recursing_along_it(tmp_path: Path) -> None:
    import sys

    from generator.bundle import bundled

    count = 400  # more files than the recursion limit set below allows frames
    (tmp_path / "root.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"
        "components: {schemas: {Start: {$ref: 's0.yaml'}}}\n"
    )
    for i in range(count):
        follows = f"{{$ref: 's{i + 1}.yaml'}}" if i < count - 1 else "{type: string}"
        (tmp_path / f"s{i}.yaml").write_text(f"type: object\nproperties:\n  next: {follows}\n")
    document = load(tmp_path / "root.yaml")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(300)
    try:
        data, _, _ = bundled(document)
    finally:
        sys.setrecursionlimit(limit)
    copies = data["components"]["x-sdkgen-bundled"]
    assert len(copies) == count
    assert data["components"]["schemas"]["Start"] == {"$ref": "#/components/x-sdkgen-bundled/0"}


BODY = """\
openapi: VERSION
info: {title: T, version: '1'}
paths:
  /things:
    post:
      operationId: postThing
      requestBody:
        content:
          application/json:
            schema: SCHEMA
      responses:
        '200': {description: ok}
"""
BODY_SCHEMA = "/paths/~1things/post/requestBody/content/application~1json/schema"


@pytest.mark.parametrize(
    ("schema", "pointer", "message"),
    [
        ("{allOf: 5}", "/allOf", "5 is not of type 'array'"),
        ("{oneOf: 5}", "/oneOf", "5 is not of type 'array'"),
        ("{enum: 5}", "/enum", "5 is not of type 'array'"),
        ("{type: object, required: 5}", "/required", "5 is not of type 'array'"),
        ("{type: object, required: [1]}", "/required/0", "1 is not of type 'string'"),
        ("{type: foo}", "/type", "'foo' is not valid under any of the given schemas"),
        ("{type: 5}", "/type", "5 is not valid under any of the given schemas"),
        ("{type: object, properties: {a: {type: foo}}}", "/properties/a/type", "'foo' is not valid"),
    ],
)
def test_a_3_1_request_body_schema_is_checked_against_its_dialect(
    tmp_path: Path, schema: str, pointer: str, message: str
) -> None:
    """openapi-spec-validator's walk skips request bodies, and 3.1's OpenAPI schema leaves a
    schema's dialect to the walk: these went on to crash modeling."""
    problems = problems_of(tmp_path, BODY.replace("VERSION", "3.1.0").replace("SCHEMA", schema))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path / 'spec.yaml'}:10: {BODY_SCHEMA}{pointer}: {message}"), problems


@pytest.mark.parametrize(("schema", "pointer"), [("{pattern: '('}", "/pattern"), ("{format: 5}", "/format")])
def test_a_descriptive_mistake_in_a_3_1_request_body_is_a_warning_there(
    tmp_path: Path, schema: str, pointer: str
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BODY.replace("VERSION", "3.1.0").replace("SCHEMA", schema))
    warnings = validate(load(spec))
    assert [(w.location.line, w.location.pointer, w.severity) for w in warnings] == [
        (10, BODY_SCHEMA + pointer, "warning")
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_request_body_reached_through_a_ref_is_checked_where_it_is_written(tmp_path: Path, version: str) -> None:
    text = BODY.replace("VERSION", version).replace(
        "      requestBody:\n        content:\n          application/json:\n            schema: SCHEMA\n",
        "      requestBody: {$ref: '#/components/requestBodies/Thing'}\n",
    )
    text += "components:\n  requestBodies:\n    Thing:\n      content:\n        application/json:\n"
    text += "          schema: {type: object, required: 5}\n"
    problems = problems_of(tmp_path, text)
    pointer = "/components/requestBodies/Thing/content/application~1json/schema/required"
    assert any(p.startswith(f"{tmp_path / 'spec.yaml'}:15: {pointer}: 5 is not of type 'array'") for p in problems), (
        problems
    )


def test_a_default_in_a_request_body_is_checked_against_its_schema(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(BODY.replace("VERSION", "3.0.3").replace("SCHEMA", "{type: integer, default: big}"))
    warnings = validate(load(spec))
    assert [(w.location.line, w.location.pointer, w.severity) for w in warnings] == [
        (10, BODY_SCHEMA + "/default", "warning")
    ]
    assert warnings[0].message == "the default value does not match its schema: 'big' is not of type 'integer'"


def findings_of(tmp_path: Path, text: str) -> list[tuple[int | None, str, str, str]]:
    """(line, pointer, severity, message) of each problem, errors or not."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    try:
        problems = validate(load(spec))
    except SdkgenError as caught:
        problems = list(caught.problems)
    return [(p.location.line, p.location.pointer, p.severity, p.message) for p in problems]


TWO_OPERATIONS = """\
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200': {description: ok}
  /b:
    get:
      operationId: getA
      responses:
        '200': {description: ok}
"""


def test_an_operation_id_used_twice_is_a_warning_at_the_second(tmp_path: Path) -> None:
    """The SDK names the two methods apart; the finding is the walk's, not a default's."""
    assert findings_of(tmp_path, TWO_OPERATIONS) == [
        (
            11,
            "/paths/~1b/get/operationId",
            "warning",
            "Operation ID 'getA' for 'get' in '/b' is not unique (get '/a' has it too)",
        )
    ]
    spec = tmp_path / "spec.yaml"
    with pytest.raises(SdkgenError) as caught:
        validate(load(spec), strict=True)
    assert [str(p) for p in caught.value.problems] == [
        f"{spec}:11: /paths/~1b/get/operationId: Operation ID 'getA' for 'get' in '/b' is not unique"
        " (get '/a' has it too) (an error under --strict)"
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_path_variable_no_parameter_declares_is_an_error_at_the_operation(tmp_path: Path, version: str) -> None:
    text = TWO_OPERATIONS.replace("3.0.3", version).replace("/a:", "/a/{x}:")
    assert findings_of(tmp_path, text) == [
        (
            5,
            "/paths/~1a~1{x}/get",
            "error",
            "path parameter 'x' of '/a/{x}' is not declared for get (nor in its path item): "
            "calls would send '{x}' as written",
        ),
    ]  # (the operationId's warning is not among the errors raised)


def test_path_parameters_are_matched_with_the_path_as_the_sdk_reads_it(tmp_path: Path) -> None:
    """A path item's parameter counts for each of its operations, a `$ref`'d one too; one the
    path does not have is a warning at the parameter, once for all the operations; a
    `#fragment` is not part of the path; a path the library's reading cannot parse
    (`{x` unclosed) does not stop the validator."""
    text = """\
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a/{x:
    get:
      responses:
        '200': {description: ok}
  /b/{id}:
    parameters:
      - $ref: '#/components/parameters/Id'
      - {name: other, in: path, required: true, schema: {type: string}}
    get:
      responses:
        '200': {description: ok}
    put:
      responses:
        '200': {description: ok}
  /c/{id}#v2:
    get:
      parameters:
        - $ref: '#/components/parameters/Id'
      responses:
        '200': {description: ok}
components:
  parameters:
    Id: {name: id, in: path, required: true, schema: {type: string}}
"""
    assert findings_of(tmp_path, text) == [
        (
            11,
            "/paths/~1b~1{id}/parameters/1",
            "warning",
            "path parameter 'other' is not in the path '/b/{id}': its argument would never be sent",
        )
    ]


def test_parameters_and_tags_listed_twice_are_warnings_at_the_repeat(tmp_path: Path) -> None:
    text = """\
openapi: 3.1.0
info: {title: t, version: '1'}
tags:
  - name: a
  - name: a
paths:
  /a:
    get:
      parameters:
        - {name: q, in: query, schema: {type: string}}
        - {name: q, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok}
"""
    assert findings_of(tmp_path, text) == [
        (5, "/tags/1/name", "warning", "tag 'a' is defined more than once"),
        (
            11,
            "/paths/~1a/get/parameters/1",
            "warning",
            "parameter 'q' in query is listed more than once: the last one is used",
        ),
    ]


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_required_name_no_property_defines_is_a_warning_at_the_list(tmp_path: Path, version: str) -> None:
    text = VALID.replace("3.1.0", version).replace(
        "    Thing:\n      type: object\n",
        "    Thing:\n      allOf: [{type: object, properties: {a: {type: string}}}]\n      required: [b]\n"
        "      type: object\n",
    )
    assert findings_of(tmp_path, text) == [
        (19, "/components/schemas/Thing/required", "warning", "Required list has not defined properties: ['b']")
    ]


def test_an_unknown_dialect_is_a_warning_at_its_schema(tmp_path: Path) -> None:
    text = VALID.replace("      type: object\n", "      $schema: 'https://nope'\n      type: object\n")
    assert findings_of(tmp_path, text) == [
        (
            18,
            "/components/schemas/Thing/$schema",
            "warning",
            "Unknown JSON Schema dialect: 'https://nope'",
        )
    ]



def test_a_validator_that_stops_says_so_without_naming_a_command(tmp_path: Path) -> None:
    text = VALID.replace("    Thing:\n      type: object\n", "    Thing:\n      $ref: '#/components/schemas/Other'\n")
    text += "    Other:\n      $ref: '#/components/schemas/Thing'\n"
    (found,) = findings_of(tmp_path, text)
    assert found[:3] == (1, "", "warning")
    assert found[3].startswith("the OpenAPI validator stopped on this document (maximum recursion depth exceeded")
    assert found[3].endswith("): its rules are checked only that far")


def test_a_key_with_a_newline_is_shown_on_one_line(tmp_path: Path) -> None:
    text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
    text += '    "a\\nb": {type: 5}\n'
    (problem,) = problems_of(tmp_path, text)
    message = "5 is not valid under any of the given schemas"
    assert problem == f"{tmp_path / 'spec.yaml'}:6: /components/schemas/a\\nb/type: {message}"


def test_control_characters_are_escaped_wherever_a_problem_shows_text() -> None:
    from generator.errors import Location, Problem

    where = Location("dir\x1b[31m/spec.yaml", "/paths/~1a\tb/x\u2028y/^\\d+$", 3)
    problem = Problem(where, "key 'a\rb'\n", "warning")
    assert str(problem) == "dir\\x1b[31m/spec.yaml:3: /paths/~1a\\tb/x\\u2028y/^\\d+$: warning: key 'a\\rb'\\n"
    assert problem.location.pointer == "/paths/~1a\tb/x\u2028y/^\\d+$"  # the data keeps the text itself


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_path_parameter_named_by_a_number_matches_its_variable(tmp_path: Path, version: str) -> None:
    """YAML reads `name: 1` as a number; modeling reads it as its text, '1', and so does this
    check. A warning in both versions (3.1 says it at the name, and it was an error there)."""
    text = (
        TWO_OPERATIONS.replace("/a:", "/a/{1}:")
        .replace(
            "      operationId: getA\n",
            "      operationId: getOne\n      parameters:\n"
            "        - {name: 1, in: path, required: true, schema: {type: string}}\n",
            1,
        )
        .replace("openapi: 3.0.3", f"openapi: {version}")
    )
    found = findings_of(tmp_path, text)
    at = "/paths/~1a~1{1}/get/parameters/0" + ("/name" if version == "3.1.0" else "")
    assert [(pointer, severity) for _, pointer, severity, _ in found] == [(at, "warning")]  # `name: 1`


@pytest.mark.parametrize("version", ["3.0.3", "3.1.0"])
def test_a_ref_is_a_warning_where_text_only_describes_and_an_error_where_text_is_read(
    tmp_path: Path, version: str
) -> None:
    """A `$ref` in a tag's description costs the SDK nothing; one in `required` would be read
    as a property's name (found by tests/test_fuzz_documents.py: a crash of the modeling)."""
    text = (
        VALID.replace("openapi: 3.1.0", f"openapi: {version}")
        + "tags:\n  - name: a\n    description:\n      $ref: '#/info/title'\n"
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    warnings = validate(load(spec))
    assert [(w.location.pointer, w.severity) for w in warnings] == [("/tags/0/description", "warning")]
    for entry in ("{$ref: '#/components/schemas/Thing'}", "{allOf: [{$ref: '#'}]}"):
        broken = text.replace("      type: object\n", f"      type: object\n      required: [{entry}]\n")
        wanted = f"spec.yaml:19: /components/schemas/Thing/required/0: {load_entry(entry)!r} is not of type 'string'"
        assert [p for p in problems_of(tmp_path, broken) if p.endswith(wanted)], entry


def load_entry(flow: str) -> object:
    import yaml

    return yaml.safe_load(flow)
