"""Swagger 2.0 -> OpenAPI 3.0.3: one small document per rule, then the real Kubernetes API."""

from __future__ import annotations

import copy
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.loader import get_pointer
from generator.swagger2 import Conversion, convert, is_swagger2

CORPUS_DIR = Path(os.environ.get("SDKGEN_CORPUS_DIR", "/work/shared/specs"))
KUBERNETES = CORPUS_DIR / "kubernetes-swagger2.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def swagger(text: str) -> dict[str, Any]:
    """A 2.0 document: the YAML given, with swagger/info added when missing."""
    doc: dict[str, Any] = {"swagger": "2.0", "info": {"title": "T", "version": "1"}}
    doc.update(yaml.safe_load(text) or {})
    doc.setdefault("paths", {})
    return doc


def spec_errors(document: dict[str, Any]) -> list[str]:
    from openapi_spec_validator import OpenAPIV30SpecValidator

    return [f"{list(e.path)}: {e.message[:200]}" for e in OpenAPIV30SpecValidator(document).iter_errors()]


def converted(text: str, validate: bool = True) -> Conversion:
    """Convert, and check what every test needs: a valid 3.0 document, an untouched input."""
    source = swagger(text)
    before = copy.deepcopy(source)
    result = convert(source)
    assert source == before
    if validate:  # the validator fetches other files, so documents referring to them are not validated
        assert spec_errors(result.document) == []
    return result


def op(result: Conversion, path: str = "/things", method: str = "post") -> dict[str, Any]:
    operation: dict[str, Any] = result.document["paths"][path][method]
    return operation


# --- detection --------------------------------------------------------------------------


def test_is_swagger2() -> None:
    assert is_swagger2({"swagger": "2.0"})
    assert is_swagger2({"swagger": 2.0})  # YAML reads an unquoted 2.0 as a float
    assert not is_swagger2({"openapi": "3.0.3"})
    assert not is_swagger2([])


def test_convert_refuses_openapi3() -> None:
    with pytest.raises(ValueError):
        convert({"openapi": "3.0.3", "info": {}, "paths": {}})


# --- servers ----------------------------------------------------------------------------


def test_host_base_path_and_schemes_become_servers() -> None:
    result = converted("host: api.example.com\nbasePath: /v2\nschemes: [https, http]\n")
    assert result.document["servers"] == [{"url": "https://api.example.com/v2"}, {"url": "http://api.example.com/v2"}]
    assert list(result.document)[:2] == ["openapi", "info"]
    assert result.document["openapi"] == "3.0.3"


def test_host_without_schemes_assumes_https_with_a_note() -> None:
    result = converted("host: api.example.com\n")
    assert result.document["servers"] == [{"url": "https://api.example.com"}]
    assert result.notes == [("/host", "no 'schemes' given; assumed https")]


def test_base_path_alone_is_a_relative_server_and_nothing_means_no_servers() -> None:
    assert converted("basePath: /api\n").document["servers"] == [{"url": "/api"}]
    assert "servers" not in converted("").document


def test_operation_schemes_that_differ_give_operation_servers() -> None:
    result = converted(
        """
host: h
schemes: [https]
paths:
  /things:
    get: {schemes: [http], responses: {'200': {description: ok}}}
    put: {schemes: [https], responses: {'200': {description: ok}}}
"""
    )
    assert op(result, method="get")["servers"] == [{"url": "http://h"}]
    assert "servers" not in op(result, method="put")


# --- request bodies ---------------------------------------------------------------------

BODY = """
consumes: [application/json, application/xml]
paths:
  /things:
    post:
      operationId: make
      parameters:
        - {name: q, in: query, type: string}
        - name: thing
          in: body
          required: true
          description: The thing.
          x-body-flag: 1
          schema: {$ref: '#/definitions/Thing'}
      responses: {'201': {description: made}}
    put:
      consumes: [text/plain]
      parameters:
        - {name: text, in: body, schema: {type: string}}
      responses: {'200': {description: ok}}
definitions:
  Thing: {type: object}
"""


def test_body_parameter_becomes_request_body_per_consumed_type() -> None:
    result = converted(BODY)
    post = op(result)
    assert list(post) == ["operationId", "parameters", "requestBody", "responses"]
    assert [p["name"] for p in post["parameters"]] == ["q"]
    schema = {"$ref": "#/components/schemas/Thing"}
    assert post["requestBody"] == {
        "description": "The thing.",
        "content": {"application/json": {"schema": schema}, "application/xml": {"schema": schema}},
        "required": True,
        "x-body-flag": 1,
    }
    # each media type has its own schema object: editing one must not change the other
    content = post["requestBody"]["content"]
    assert content["application/json"]["schema"] is not content["application/xml"]["schema"]


def test_operation_consumes_overrides_global_and_optional_body_is_not_required() -> None:
    put = op(converted(BODY), method="put")
    assert "parameters" not in put
    assert put["requestBody"] == {"content": {"text/plain": {"schema": {"type": "string"}}}}


def test_without_consumes_the_body_is_json() -> None:
    result = converted(
        "paths: {/things: {post: {parameters: [{name: b, in: body, schema: {type: object}}],"
        " responses: {'200': {description: ok}}}}}"
    )
    assert list(op(result)["requestBody"]["content"]) == ["application/json"]


FORM = """
paths:
  /things:
    post:
      consumes: [{media}]
      parameters:
        - {{name: name, in: formData, type: string, required: true, description: The name.}}
        - {{name: tags, in: formData, type: array, items: {{type: string}}, collectionFormat: multi}}
        - {{name: ids, in: formData, type: array, items: {{type: integer}}}}
      responses: {{'200': {{description: ok}}}}
"""


def test_form_parameters_become_an_urlencoded_body() -> None:
    result = converted(FORM.format(media="application/x-www-form-urlencoded"))
    body = op(result)["requestBody"]
    media = body["content"]["application/x-www-form-urlencoded"]
    assert body["required"] is True
    assert media["schema"] == {
        "type": "object",
        "properties": {
            "name": {"description": "The name.", "type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}},
            "ids": {"type": "array", "items": {"type": "integer"}},
        },
        "required": ["name"],
    }
    assert media["encoding"] == {
        "tags": {"style": "form", "explode": True},
        "ids": {"style": "form", "explode": False},
    }
    assert result.notes == []


def test_file_parameters_make_a_multipart_body_with_binary_strings() -> None:
    result = converted(
        """
paths:
  /upload:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: file, in: formData, type: file, required: true}
        - {name: note, in: formData, type: string}
      responses: {'200': {description: ok}}
"""
    )
    body = op(result, "/upload")["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    assert schema["properties"] == {"file": {"type": "string", "format": "binary"}, "note": {"type": "string"}}
    assert schema["required"] == ["file"]
    assert "encoding" not in body["content"]["multipart/form-data"]


def test_form_without_form_consumes_picks_one_and_notes_it() -> None:
    result = converted(FORM.format(media="application/json"))
    assert list(op(result)["requestBody"]["content"]) == ["application/x-www-form-urlencoded"]
    assert result.notes == [
        (
            "/paths/~1things/post",
            "form parameters but consumes has no form media type; used application/x-www-form-urlencoded",
        )
    ]


def test_path_level_body_moves_into_each_operation_and_plain_parameters_stay() -> None:
    result = converted(
        """
paths:
  /things/{id}:
    parameters:
      - {name: id, in: path, required: true, type: integer}
      - {name: payload, in: body, schema: {type: object}}
    put: {responses: {'200': {description: ok}}}
    patch:
      parameters: [{name: payload, in: body, schema: {type: string}}]
      responses: {'200': {description: ok}}
"""
    )
    item = result.document["paths"]["/things/{id}"]
    assert item["parameters"] == [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
    assert item["put"]["requestBody"]["content"]["application/json"]["schema"] == {"type": "object"}
    assert list(item["put"]) == ["requestBody", "responses"]
    assert item["patch"]["requestBody"]["content"]["application/json"]["schema"] == {"type": "string"}
    assert result.origins["/paths/~1things~1{id}/put/requestBody"] == "/paths/~1things~1{id}/parameters/1"


# --- parameters -------------------------------------------------------------------------


def query(**fields: Any) -> tuple[dict[str, Any], Conversion]:
    param = {"name": "p", "in": "query", **fields}
    text = json.dumps(
        {"paths": {"/things": {"get": {"parameters": [param], "responses": {"200": {"description": "ok"}}}}}}
    )
    result = converted(text)
    converted_param: dict[str, Any] = op(result, method="get")["parameters"][0]
    return converted_param, result


def test_value_fields_become_the_parameter_schema_in_order() -> None:
    param, _ = query(
        description="d", type="integer", format="int32", enum=[1, 2], default=1, minimum=0, required=True, **{"x-a": 1}
    )
    assert param == {
        "name": "p",
        "in": "query",
        "description": "d",
        "schema": {"type": "integer", "format": "int32", "enum": [1, 2], "default": 1, "minimum": 0},
        "required": True,
        "x-a": 1,
    }


@pytest.mark.parametrize(
    ("fmt", "style"),
    [
        (None, {"style": "form", "explode": False}),
        ("csv", {"style": "form", "explode": False}),
        ("multi", {"style": "form", "explode": True}),
        ("ssv", {"style": "spaceDelimited", "explode": False}),
        ("pipes", {"style": "pipeDelimited", "explode": False}),
    ],
)
def test_collection_format_becomes_style_and_explode(fmt: str | None, style: dict[str, Any]) -> None:
    extra = {"collectionFormat": fmt} if fmt else {}
    param, result = query(type="array", items={"type": "string", "enum": ["a", "b"]}, **extra)
    assert param["schema"] == {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}
    assert {k: param[k] for k in ("style", "explode")} == style
    assert result.notes == []


def test_tsv_has_no_equivalent_and_is_noted() -> None:
    param, result = query(type="array", items={"type": "string"}, collectionFormat="tsv")
    assert (param["style"], param["explode"]) == ("form", False)
    assert result.notes == [
        (
            "/paths/~1things/get/parameters/0/collectionFormat",
            "collectionFormat 'tsv' has no OpenAPI 3 equivalent in query; treated as csv",
        )
    ]


def test_header_and_path_arrays_keep_the_default_simple_style() -> None:
    result = converted(
        """
paths:
  /things/{ids}:
    get:
      parameters:
        - {name: ids, in: path, required: true, type: array, items: {type: integer}}
        - {name: X-Tags, in: header, type: array, items: {type: string}, collectionFormat: pipes}
      responses: {'200': {description: ok}}
"""
    )
    ids, tags = op(result, "/things/{ids}", "get")["parameters"]
    assert "style" not in ids and "style" not in tags
    assert result.notes == [
        (
            "/paths/~1things~1{ids}/get/parameters/1/collectionFormat",
            "collectionFormat 'pipes' has no OpenAPI 3 equivalent in header; treated as csv",
        )
    ]


def test_x_nullable_and_file_in_parameter_items() -> None:
    param, _ = query(type="array", items={"type": "string", "x-nullable": True})
    assert param["schema"] == {"type": "array", "items": {"type": "string", "nullable": True}}


# --- responses --------------------------------------------------------------------------


def test_responses_get_content_per_produced_type_headers_and_examples() -> None:
    result = converted(
        """
produces: [application/json]
paths:
  /things:
    get:
      produces: [application/json, text/csv]
      responses:
        '200':
          description: ok
          schema: {type: array, items: {$ref: '#/definitions/Thing'}}
          headers:
            X-Rate: {type: integer, format: int32, description: calls left}
            X-Ids: {type: array, items: {type: string}}
          examples: {application/json: [{id: 1}]}
          x-resp: yes
        default: {description: error}
definitions:
  Thing: {type: object, properties: {id: {type: integer}}}
"""
    )
    response = op(result, method="get")["responses"]["200"]
    assert list(response) == ["description", "content", "headers", "x-resp"]
    schema = {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}
    assert response["content"] == {
        "application/json": {"schema": schema, "example": [{"id": 1}]},
        "text/csv": {"schema": schema},
    }
    assert response["headers"] == {
        "X-Rate": {"description": "calls left", "schema": {"type": "integer", "format": "int32"}},
        "X-Ids": {"schema": {"type": "array", "items": {"type": "string"}}},
    }
    assert op(result, method="get")["responses"]["default"] == {"description": "error"}


def test_file_responses_are_binary_strings() -> None:
    result = converted(
        "produces: [application/octet-stream]\n"
        "paths: {/things: {get: {responses: {'200': {description: ok, schema: {type: file}}}}}}"
    )
    content = op(result, method="get")["responses"]["200"]["content"]
    assert content == {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}


# --- components and refs ----------------------------------------------------------------

COMPONENTS = """
consumes: [application/json]
produces: [application/json]
parameters:
  limit: {name: limit, in: query, type: integer, default: 10}
  thing: {name: thing, in: body, required: true, schema: {$ref: '#/definitions/Thing'}}
  upload: {name: file, in: formData, type: file}
responses:
  NotFound: {description: missing, schema: {$ref: '#/definitions/Error'}}
paths:
  /things:
    post:
      parameters: [{$ref: '#/parameters/limit'}, {$ref: '#/parameters/thing'}]
      responses: {'404': {$ref: '#/responses/NotFound'}}
    put:
      consumes: [application/xml]
      produces: [application/xml]
      parameters: [{$ref: '#/parameters/thing'}]
      responses: {'404': {$ref: '#/responses/NotFound'}}
  /files:
    post:
      consumes: [multipart/form-data]
      parameters: [{$ref: '#/parameters/upload'}]
      responses: {'200': {description: ok}}
definitions:
  Thing: {type: object, properties: {error: {$ref: '#/definitions/Error'}}}
  Error: {type: object}
"""


def test_top_level_definitions_parameters_and_responses_become_components() -> None:
    components = converted(COMPONENTS).document["components"]
    assert list(components) == ["schemas", "parameters", "requestBodies", "responses"]
    assert list(components["schemas"]) == ["Thing", "Error"]
    assert components["schemas"]["Thing"]["properties"]["error"] == {"$ref": "#/components/schemas/Error"}
    assert components["parameters"] == {
        "limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 10}}
    }
    assert components["requestBodies"] == {
        "thing": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}, "required": True}
    }
    assert components["responses"]["NotFound"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }


def test_parameter_and_response_refs_point_at_components() -> None:
    post = op(converted(COMPONENTS))
    assert post["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert post["requestBody"] == {"$ref": "#/components/requestBodies/thing"}
    assert post["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}


def test_a_referenced_body_or_response_with_other_media_types_is_inlined() -> None:
    put = op(converted(COMPONENTS), method="put")
    assert put["requestBody"] == {
        "content": {"application/xml": {"schema": {"$ref": "#/components/schemas/Thing"}}},
        "required": True,
    }
    assert list(put["responses"]["404"]["content"]) == ["application/xml"]


def test_a_referenced_form_parameter_is_inlined_into_the_form() -> None:
    result = converted(COMPONENTS)
    body = op(result, "/files")["requestBody"]
    assert body["content"]["multipart/form-data"]["schema"]["properties"] == {
        "file": {"type": "string", "format": "binary"}
    }
    assert "upload" not in result.document["components"]["parameters"]
    assert result.original("/paths/~1files/post/requestBody/content/multipart~1form-data/schema/properties/file") == (
        "/parameters/upload"
    )


def test_refs_into_other_files_keep_the_file_and_rewrite_the_fragment() -> None:
    result = converted(
        """
paths:
  /things:
    get:
      parameters: [{$ref: 'common.yaml#/parameters/limit'}]
      responses:
        '200': {description: ok, schema: {$ref: 'models.yaml#/definitions/Thing/properties/id'}}
        '404': {$ref: 'common.yaml#/responses/NotFound'}
        '500': {description: err, schema: {$ref: 'Error.yaml'}}
""",
        validate=False,
    )
    get = op(result, method="get")
    assert get["parameters"] == [{"$ref": "common.yaml#/components/parameters/limit"}]
    responses = get["responses"]
    assert responses["200"]["content"]["application/json"]["schema"] == {
        "$ref": "models.yaml#/components/schemas/Thing/properties/id"
    }
    assert responses["404"] == {"$ref": "common.yaml#/components/responses/NotFound"}
    assert responses["500"]["content"]["application/json"]["schema"] == {"$ref": "Error.yaml"}
    assert result.notes == [
        ("/paths/~1things/get/parameters/0", "external parameter assumed not to be a body or form parameter")
    ]


# --- security ---------------------------------------------------------------------------


def test_security_definitions_become_security_schemes() -> None:
    result = converted(
        """
security: [{key: []}]
securityDefinitions:
  basicAuth: {type: basic, description: user and password}
  key: {type: apiKey, name: X-Key, in: header, x-extra: 1}
  implicit: {type: oauth2, flow: implicit, authorizationUrl: 'https://a/auth', scopes: {read: Read}}
  password: {type: oauth2, flow: password, tokenUrl: 'https://a/token', scopes: {}}
  app: {type: oauth2, flow: application, tokenUrl: 'https://a/token', scopes: {}}
  code: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a/auth', tokenUrl: 'https://a/token', scopes: {}}
"""
    )
    schemes = result.document["components"]["securitySchemes"]
    assert schemes["basicAuth"] == {"type": "http", "scheme": "basic", "description": "user and password"}
    assert schemes["key"] == {"type": "apiKey", "name": "X-Key", "in": "header", "x-extra": 1}
    assert schemes["implicit"]["flows"] == {
        "implicit": {"authorizationUrl": "https://a/auth", "scopes": {"read": "Read"}}
    }
    assert schemes["password"]["flows"] == {"password": {"tokenUrl": "https://a/token", "scopes": {}}}
    assert schemes["app"]["flows"] == {"clientCredentials": {"tokenUrl": "https://a/token", "scopes": {}}}
    assert schemes["code"]["flows"] == {
        "authorizationCode": {"authorizationUrl": "https://a/auth", "tokenUrl": "https://a/token", "scopes": {}}
    }
    assert result.document["security"] == [{"key": []}]


# --- schemas ----------------------------------------------------------------------------

SCHEMAS = """
definitions:
  Pet:
    type: object
    discriminator: kind
    required: [kind]
    x-model: pet
    example: {kind: cat}
    properties:
      kind: {type: string}
      x-not-an-extension: {type: string, x-nullable: true}
      owner: {$ref: '#/definitions/Owner', x-nullable: true, description: who}
      tags: {type: object, additionalProperties: {$ref: '#/definitions/Owner'}}
      empty: {type: object, required: []}
  Cat:
    allOf: [{$ref: '#/definitions/Pet'}, {type: object, properties: {lives: {type: integer}}}]
  Owner: {type: object, x-nullable: false}
"""


def test_schema_rules_nullable_discriminator_extensions_and_refs() -> None:
    schemas = converted(SCHEMAS).document["components"]["schemas"]
    pet = schemas["Pet"]
    assert list(pet) == ["type", "discriminator", "required", "x-model", "example", "properties"]
    assert pet["discriminator"] == {"propertyName": "kind"}
    props = pet["properties"]
    assert list(props) == ["kind", "x-not-an-extension", "owner", "tags", "empty"]
    assert props["x-not-an-extension"] == {"type": "string", "nullable": True}
    assert props["owner"] == {"description": "who", "allOf": [{"$ref": "#/components/schemas/Owner"}], "nullable": True}
    assert props["tags"]["additionalProperties"] == {"$ref": "#/components/schemas/Owner"}
    assert props["empty"] == {"type": "object"}
    assert schemas["Cat"]["allOf"][0] == {"$ref": "#/components/schemas/Pet"}
    assert schemas["Owner"] == {"type": "object"}


def test_vendor_extensions_survive_everywhere() -> None:
    result = converted(
        """
x-top: 1
tags: [{name: t, x-tag: 2}]
paths:
  x-paths: {n: 3}
  /things:
    x-item: 4
    get:
      x-op: {nested: [1]}
      responses: {'200': {description: ok, x-r: 5}, x-responses: 6}
"""
    )
    document = result.document
    assert document["x-top"] == 1 and document["tags"] == [{"name": "t", "x-tag": 2}]
    assert document["paths"]["x-paths"] == {"n": 3} and document["paths"]["/things"]["x-item"] == 4
    get = op(result, method="get")
    assert get["x-op"] == {"nested": [1]}
    assert get["responses"]["200"]["x-r"] == 5 and get["responses"]["x-responses"] == 6


# --- purity and origins -----------------------------------------------------------------


def test_output_shares_nothing_with_the_input() -> None:
    source = swagger(SCHEMAS)
    result = convert(source)
    result.document["components"]["schemas"]["Pet"]["example"]["kind"] = "dog"
    result.document["components"]["schemas"]["Pet"]["required"].append("x")
    assert source["definitions"]["Pet"]["example"] == {"kind": "cat"}
    assert source["definitions"]["Pet"]["required"] == ["kind"]


def test_origins_map_moved_nodes_back() -> None:
    result = converted(BODY)
    assert result.origins["/components/schemas/Thing"] == "/definitions/Thing"
    assert result.original("/paths/~1things/post/requestBody/content/application~1xml/schema") == (
        "/paths/~1things/post/parameters/1/schema"
    )
    assert result.original("/paths/~1things/post/parameters/0/schema") == "/paths/~1things/post/parameters/0/schema"
    assert (
        result.original("/paths/~1things/put/requestBody/description") == "/paths/~1things/put/parameters/0/description"
    )
    assert result.original("/openapi") == "/openapi"


# --- Kubernetes -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kubernetes() -> tuple[dict[str, Any], Conversion, float]:
    if not KUBERNETES.exists():
        pytest.skip(f"{KUBERNETES} not available")
    source = json.loads(KUBERNETES.read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = convert(source)
    return source, result, time.perf_counter() - started


def count_operations(paths: dict[str, Any]) -> int:
    return sum(1 for item in paths.values() for key in item if key in METHODS)


def test_kubernetes_converts_to_a_valid_openapi3_document(kubernetes: tuple[dict[str, Any], Conversion, float]) -> None:
    source, result, seconds = kubernetes
    print(f"kubernetes: converted in {seconds:.3f}s, {len(result.notes)} notes")  # shown with -s
    assert is_swagger2(source)
    assert count_operations(source["paths"]) == count_operations(result.document["paths"]) == 1123
    assert seconds < 2.0
    assert result.notes == []
    assert spec_errors(result.document) == []


def test_kubernetes_origins_all_resolve(kubernetes: tuple[dict[str, Any], Conversion, float]) -> None:
    source, result, _ = kubernetes
    assert len(result.origins) > 10_000
    for new, old in result.origins.items():
        get_pointer(result.document, new)
        get_pointer(source, old)


def test_kubernetes_bodies_keep_their_component_refs(kubernetes: tuple[dict[str, Any], Conversion, float]) -> None:
    _, result, _ = kubernetes
    bodies = result.document["components"]["requestBodies"]
    assert set(bodies) == {"body-2Y1dVQaQ", "body-78PwaGsr"}
    patch = result.document["paths"]["/api/v1/namespaces/{namespace}/pods/{name}"]["patch"]
    assert patch["requestBody"] == {"$ref": "#/components/requestBodies/body-78PwaGsr"}
    assert "application/apply-patch+yaml" in bodies["body-78PwaGsr"]["content"]


def test_what_cannot_be_said_in_openapi3_is_noted_where_it_was_written() -> None:
    result = converted(
        """
definitions:
  Pair: {type: array, items: [{type: string}, {type: integer}]}
paths:
  /things/{id}:
    get:
      parameters: [{name: id, in: path, type: string}]
      responses: {'200': {description: ok}}
"""
    )
    assert result.document["components"]["schemas"]["Pair"]["items"] == {
        "anyOf": [{"type": "string"}, {"type": "integer"}]
    }
    assert op(result, "/things/{id}", "get")["parameters"][0]["required"] is True
    assert result.notes == [
        ("/definitions/Pair/items", "tuple-style items cannot be expressed in OpenAPI 3.0; converted to anyOf"),
        ("/paths/~1things~1{id}/get/parameters/0", "path parameter not marked required; made required"),
    ]


def test_wildcard_media_types_become_what_is_sent_and_read(tmp_path: Path) -> None:
    from generator.config import load_settings
    from generator.loader import load
    from generator.modeling import build_api
    from generator.plan import operation_view

    spec = tmp_path / "k8s.yaml"
    spec.write_text(
        """swagger: "2.0"
info: {title: T, version: "1"}
paths:
  /secrets:
    post:
      operationId: createSecret
      consumes: ["*/*"]
      parameters:
        - {name: body, in: body, required: true, schema: {type: object, properties: {kind: {type: string}}}}
      responses: {"200": {description: OK, schema: {type: string}}}
  /proxy:
    get:
      operationId: proxy
      produces: ["*/*"]
      responses: {"200": {description: OK, schema: {type: string}}}
    head:
      operationId: proxyHead
      produces: ["*/*"]
      responses: {"200": {description: OK, schema: {type: string}}}
"""
    )
    api = build_api(load(spec), load_settings(None))
    create, proxy, head = api.operations
    assert create.body is not None and create.body.content_type == "application/json"
    ids = iter(range(100))
    assert operation_view(proxy, ids)["response_parse"] == "response.text"
    view = operation_view(head, ids)
    assert view["return_annotation"] == "None"
    assert view["response_check"] is not None and view["response_parse"] == "None"  # a 200 is success


def test_a_parameter_name_or_collection_format_of_the_wrong_type_does_not_stop_the_conversion() -> None:
    """The validator reports such mistakes after conversion: converting must get that far."""
    converted = convert(
        swagger(
            """
paths:
  /a:
    parameters: [{name: {a: 1}, in: query, type: string}]
    get:
      parameters:
        - {name: {a: 1}, in: query, type: integer}
        - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: [pipes]}
      responses: {'200': {description: ok}}
"""
        )
    )
    parameters = converted.document["paths"]["/a"]["get"]["parameters"]
    assert [p["schema"].get("type") for p in parameters] == ["integer", "array"]  # the operation's one wins
    assert parameters[1]["style"] == "form" and parameters[1]["explode"] is False
    note = "collectionFormat must be a string, not ['pipes']; treated as csv"
    assert ("/paths/~1a/get/parameters/1/collectionFormat", note) in converted.notes
