"""Stage 3: the IR built from small documents; every name is decided here."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
from support.splitdoc import as_loaded, split_document
from support.upgrade31 import as_3_1

from generator.config import load_settings
from generator.errors import SdkgenError
from generator.ir import Api, Enum, ListOf, MapOf, Model, Named, Primitive, Repeated, RetryPolicy, UnionType
from generator.loader import load
from generator.modeling import MAX_NESTING, build_api
from generator.pipeline import generate
from generator.writer import MANIFEST

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "specs"


def build(tmp_path: Path, document: dict[str, Any]) -> Api:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, **document}))
    return build_api(load(spec), load_settings(None))


def friendli() -> Api:
    return build_api(load(ROOT / "spec" / "friendli.yaml"), load_settings(ROOT / "spec" / "gen.yaml"))


def schemas(**items: Any) -> dict[str, Any]:
    return {"paths": {}, "components": {"schemas": items}}


def post_only_document(tmp_path: Path, path: str, operation_id: str, body: dict[str, Any]) -> Path:
    """`api.json` in tmp_path: one POST operation with this request body, beside other files."""
    operation = {"operationId": operation_id, "requestBody": body, "responses": {"204": {"description": "ok"}}}
    document = {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {path: {"post": operation}}}
    spec = tmp_path / "api.json"
    spec.write_text(json.dumps(document))
    return spec


def test_inline_enum_names_are_qualified_only_when_the_short_name_repeats(tmp_path: Path) -> None:
    enum = {"type": "string", "enum": ["a", "b"]}
    api = build(
        tmp_path,
        schemas(
            A={"type": "object", "properties": {"format": enum, "kind": enum}},
            B={"type": "object", "properties": {"format": enum}},
        ),
    )
    names = [t.name for t in api.types]
    assert "Kind" in names
    assert "AFormat" in names and "BFormat" in names
    assert "Format" not in names


def test_friendli_names_match_the_reference_sdk() -> None:
    names = {t.name: t.kind for t in friendli().types}
    assert (
        names.items()
        >= {
            "DedicatedImageGenerationBody": "model",
            "DedicatedImageGenerationBodyResponseFormat": "enum",
            "ImageInput": "model",
            "DedicatedImageGenerateSuccess": "model",
            "Data": "union",
            "URLImageItem": "model",
            "URLImageItemResponseFormat": "enum",
            "B64ImageItem": "model",
            "B64ImageItemResponseFormat": "enum",
        }.items()
    )


def test_nullable_in_every_spelling(tmp_path: Path) -> None:
    api = build(
        tmp_path,
        schemas(
            M={
                "type": "object",
                "properties": {
                    "a": {"type": ["string", "null"]},
                    "b": {"anyOf": [{"type": "integer"}, {"type": "null"}]},
                    "c": {"type": "string", "nullable": True},
                    "d": {"type": "string"},
                },
            }
        ),
    )
    model = api.types[0]
    assert isinstance(model, Model)
    assert [(f.name, f.nullable) for f in model.fields] == [("a", True), ("b", True), ("c", True), ("d", False)]
    assert model.fields[1].type == Primitive("integer")


def test_unions_lists_maps_and_bytes(tmp_path: Path) -> None:
    api = build(
        tmp_path,
        schemas(
            M={
                "type": "object",
                "properties": {
                    "u": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                    "l": {"type": "array", "items": {"type": "number"}},
                    "m": {"type": "object", "additionalProperties": {"type": "boolean"}},
                    "b": {"type": "string", "format": "byte"},
                },
            }
        ),
    )
    model = next(t for t in api.types if t.name == "M")
    assert isinstance(model, Model)
    types = {f.name: f.type for f in model.fields}
    assert types["u"] == Named("U", "union", "u")
    assert isinstance(types["l"], ListOf) and types["l"].item == Primitive("number")
    assert types["b"] == Primitive("bytes")
    union = next(t for t in api.types if t.name == "U")
    assert isinstance(union, UnionType) and union.variants == (Primitive("string"), Primitive("integer"))


def test_enum_members_are_constant_case_and_unique(tmp_path: Path) -> None:
    api = build(tmp_path, schemas(E={"type": "string", "enum": ["url", "image/png", "URL", None]}))
    enum = api.types[0]
    assert isinstance(enum, Enum)
    assert [(m.name, m.value) for m in enum.members] == [("URL", "url"), ("IMAGE_PNG", "image/png"), ("URL2", "URL")]


def test_colliding_field_names_are_made_unique(tmp_path: Path) -> None:
    api = build(tmp_path, schemas(M={"type": "object", "properties": {"a-b": {}, "a_b": {}, "class": {}}}))
    model = api.types[0]
    assert isinstance(model, Model)
    assert [(f.name, f.alias) for f in model.fields] == [("a_b", "a-b"), ("a_b2", "a_b"), ("class_", "class")]


def test_arguments_put_required_first_and_flatten_the_body() -> None:
    op = friendli().operations[0]
    assert [a.name for a in op.arguments] == [
        "model",
        "prompt",
        "num_inference_steps",
        "x_friendli_team",
        "guidance_scale",
        "seed",
        "response_format",
        "control_images",
        "controlnet_weights",
    ]
    header = op.arguments[3]
    assert (header.source, header.wire_name, header.required, header.nullable) == (
        "header",
        "X-Friendli-Team",
        False,
        True,
    )
    assert op.body is not None and op.body.field_name == "dedicated_image_generation_body"


def test_groups_and_method_names_come_from_the_document() -> None:
    api = friendli()
    op = api.operations[0]
    assert (op.group_path, op.method_name, op.operation_id) == (
        ("dedicated", "image"),
        "generate",
        "dedicatedImagesGenerate",
    )
    dedicated = api.root.children[0]
    assert (dedicated.attribute, dedicated.class_name) == ("dedicated", "Dedicated")
    image = dedicated.children[0]
    assert (image.attribute, image.class_name, image.doc_page) == ("image", "DedicatedImage", "dedicatedimage")


def test_groups_nest_in_order_of_first_appearance_and_leave_no_reference_cycle(tmp_path: Path) -> None:
    def op(operation_id: str, tags: list[str]) -> dict[str, Any]:
        return {"operationId": operation_id, "tags": tags, "responses": {"204": {"description": "ok"}}}

    paths = {
        "/a": {"get": op("zeta", ["b"]), "post": op("alpha", ["a"])},
        "/c": {"get": op("omega", ["b"]), "delete": op("lone", [])},
    }
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": paths}))
    document, settings = load(spec), load_settings(None)
    gc.collect()
    gc.disable()
    try:
        api = build_api(document, settings)
        assert [g.attribute for g in api.root.children] == ["b", "a"]
        assert [o.operation_id for o in api.root.children[0].operations] == ["zeta", "omega"]
        assert [o.operation_id for o in api.root.operations] == ["lone"]
        del api
        assert gc.collect() == 0  # reference counting alone frees the IR
    finally:
        gc.enable()


NAMES_DOCUMENT = """\
openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /pets:
    get:
      operationId: list
      tags: [pets]
      responses: {'204': {description: ok}}
  /pets/mine:
    get:
      operationId: listMine
      x-speakeasy-group: pets.list
      responses: {'204': {description: ok}}
  /close:
    post:
      operationId: close
      responses: {'204': {description: ok}}
components:
  schemas:
    Pet: {type: object, properties: {a: {type: string}}}
    pet: {type: object, properties: {b: {type: string}}}
    PetTypedDict: {type: object, properties: {c: {type: string}}}
    SDKError: {type: object, properties: {d: {type: string}}}
"""


def test_names_changed_for_another_name_are_located_warnings(tmp_path: Path) -> None:
    """A name that changes by a fixed rule (`close_`, `SDKError_`) is no surprise; one that
    another name of the document took is, and the warning points at where it was chosen."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(NAMES_DOCUMENT)
    api = build_api(load(spec), load_settings(None))
    pets = api.root.children[0]
    assert [o.method_name for o in pets.operations] == ["list2"]
    assert [c.attribute for c in pets.children] == ["list"]
    assert [o.method_name for o in api.root.operations] == ["close_"]
    assert [t.name for t in api.types] == ["Pet", "Pet2", "PetTypedDict2", "SDKError_"]
    assert [(w.severity, w.location.line, w.location.pointer, w.message) for w in api.warnings] == [
        ("warning", 21, "/components/schemas/pet", "schema `pet` is the class `Pet2`: `Pet` is taken by schema `Pet`"),
        (
            "warning",
            22,
            "/components/schemas/PetTypedDict",
            "schema `PetTypedDict` is the class `PetTypedDict2`: `PetTypedDict` is taken by schema `Pet`",
        ),
        (
            "warning",
            5,
            "/paths/~1pets/get",
            "the method of operation `list` is `pets.list2`: `list` is taken by the sub-resource `pets.list`",
        ),
    ]
    assert all(w.location.file.endswith("spec.yaml") for w in api.warnings)


def test_a_schema_of_another_file_keeps_its_name_before_an_inline_schema_reached_first(tmp_path: Path) -> None:
    """The document names `user.json`; the inline `user` property is only named after its
    place, so it yields the short name even though the walk meets it first."""
    inline = {"type": "object", "properties": {"user": {"type": "object", "properties": {"id": {"type": "string"}}}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": inline}}}
    other = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "user.json"}}}}
    paths = {
        "/a": {"get": {"operationId": "a", "responses": {"200": ok}}},
        "/b": {"get": {"operationId": "b", "responses": {"200": other}}},
    }
    (tmp_path / "user.json").write_text(json.dumps({"type": "object", "properties": {"name": {"type": "string"}}}))
    api = build(tmp_path, {"paths": paths})
    assert api.warnings == ()
    fields = {t.name: [f.alias for f in t.fields] for t in api.types if isinstance(t, Model)}
    assert fields["User"] == ["name"]
    assert [name for name, wires in fields.items() if wires == ["id"]] == ["AResponseUser"]


def test_two_schemas_of_other_files_wanting_one_name_the_second_is_a_warning(tmp_path: Path) -> None:
    paths = {
        f"/{d}": {
            "get": {
                "operationId": d,
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": f"{d}/user.json"}}},
                    }
                },
            }
        }
        for d in ("a", "b")
    }
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "user.json").write_text(json.dumps({"type": "object", "properties": {d: {"type": "string"}}}))
    api = build(tmp_path, {"paths": paths})
    assert [(w.location.file, w.message) for w in api.warnings] == [
        (str(tmp_path / "b" / "user.json"), "schema `user` is the class `User2`: `User` is taken by schema `user`")
    ]


def test_a_document_split_into_files_gives_the_sdk_of_the_bundled_one(tmp_path: Path) -> None:
    """Split documents list each component as a `$ref` to its own file (`Pet: {$ref:
    schemas/Pet.json}`) and path items reach the files directly: the component names the
    schema of its file (it was `Pet2`, the component's own name taken by the reference)."""
    pet = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "status": {"type": "string", "enum": ["available", "sold"]},
            "tag": {"$ref": "#/components/schemas/Tag"},
        },
    }
    tag = {"type": "object", "properties": {"label": {"type": "string"}}}

    def operations(pet_ref: str, listed_ref: str) -> dict[str, Any]:
        one = {"description": "ok", "content": {"application/json": {"schema": {"$ref": pet_ref}}}}
        many = {"type": "array", "items": {"$ref": listed_ref}}
        listed = {"description": "ok", "content": {"application/json": {"schema": many}}}
        return {
            "/pets": {"get": {"operationId": "listPets", "responses": {"200": listed}}},
            "/pet": {"get": {"operationId": "getPet", "responses": {"200": one}}},
        }

    head = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}
    bundled = tmp_path / "bundled" / "api.json"
    bundled.parent.mkdir()
    document = {**head, "paths": operations("#/components/schemas/Pet", "#/components/schemas/Pet")}
    bundled.write_text(json.dumps({**document, "components": {"schemas": {"Pet": pet, "Tag": tag}}}))
    split = tmp_path / "split" / "api.json"
    (split.parent / "schemas").mkdir(parents=True)
    (split.parent / "paths").mkdir()
    split_pet = {**pet, "properties": {**pet["properties"], "tag": {"$ref": "Tag.json"}}}
    (split.parent / "schemas" / "Pet.json").write_text(json.dumps(split_pet))
    (split.parent / "schemas" / "Tag.json").write_text(json.dumps(tag))
    items = operations("../schemas/Pet.json", "../api.json#/components/schemas/Pet")
    for index, item in enumerate(items.values()):
        (split.parent / "paths" / f"{index}.json").write_text(json.dumps(item))
    paths = {path: {"$ref": f"paths/{index}.json"} for index, path in enumerate(items)}
    aliases = {"Pet": {"$ref": "schemas/Pet.json"}, "Tag": {"$ref": "./schemas/Tag.json"}}
    split.write_text(json.dumps({**head, "paths": paths, "components": {"schemas": aliases}}))

    made = [generate(spec, None) for spec in (bundled, split)]
    assert [result.warnings for result in made] == [(), ()]
    files = [{path: data for path, data in result.files.items() if path != MANIFEST} for result in made]
    assert "src/sdk/models/pet.py" in files[0] and "src/sdk/models/tag.py" in files[0]
    assert files[1] == files[0]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(
    "spec",
    [
        ROOT / "spec" / "friendli.yaml",
        SPECS / "opc-baseline-3.1.yaml",
        SPECS / "oag-python-petstore-fake.yaml",
        SPECS / "oag-composed-oneof.yaml",
    ],
    ids=lambda p: p.stem,
)
def test_real_documents_split_into_files_give_their_sdks(tmp_path: Path, spec: Path, seed: int) -> None:
    """Each schema and path item in a file of its own, each reference to a schema either through
    its component or straight to its file (tests/support/splitdoc.py): the same SDK, byte for
    byte. This found unused components left out, discriminator mappings lost (a bare file name
    read as a component's name; a variant named by another reference than its mapping's),
    `nullable` beside a `$ref` dropped when the `$ref` led through a component to a file, and
    3.1's `type: 'null'` in a 3.0 document's other files passed without its warning."""
    one, split = as_loaded(spec, tmp_path / "one"), split_document(spec, tmp_path / "split", seed)
    bundled, split = generate(one, None), generate(split, None)
    assert sorted(w.message for w in split.warnings) == sorted(w.message for w in bundled.warnings)
    assert [p for p in split.files if p != MANIFEST] == [p for p in bundled.files if p != MANIFEST]
    changed = [p for p in bundled.files if p != MANIFEST and bundled.files[p] != split.files[p]]
    assert changed == []


@pytest.mark.parametrize(
    "spec", [SPECS / "twilio-lookups-v2.yaml", SPECS / "oag-python-petstore-fake.yaml"], ids=lambda p: p.stem
)
def test_3_0_documents_written_as_3_1_give_their_sdks(tmp_path: Path, spec: Path) -> None:
    """`nullable` as a type list, boolean exclusive bounds as numbers (tests/support/upgrade31.py):
    the same SDK (a parameter named `1` was an error in 3.1 only, so there was no SDK at all)."""
    made = [generate(path, None) for path in (as_loaded(spec, tmp_path / "a"), as_3_1(spec, tmp_path / "b"))]
    files = [{path: data for path, data in result.files.items() if path != MANIFEST} for result in made]
    assert files[1] == files[0]


def test_friendli_needs_no_name_changed() -> None:
    assert friendli().warnings == ()


def test_group_modules_classes_and_pages_are_unique(tmp_path: Path) -> None:
    """`a.b` and `a_b` would both be `a_b.py` and `AB`; `root` would be the root's module and
    class; `sdk` the client's docs page (the package's name)."""
    ok = {"204": {"description": "ok"}}
    tags = ["a.b", "a_b", "root", "sdk", "Root"]
    paths = {f"/{i}": {"get": {"operationId": f"op{i}", "tags": [tag], "responses": ok}} for i, tag in enumerate(tags)}
    api = build(tmp_path, {"paths": paths})
    found = [(g.path, g.module, g.class_name, g.doc_page) for g in api.groups()]
    assert found == [
        ((), "root", "Root", "sdk"),
        (("a",), "a", "A", "a"),
        (("a", "b"), "a_b", "AB", "ab"),
        (("a_b",), "a_b2", "AB2", "ab2"),
        (("root",), "root_", "Root_", "root_"),
        (("sdk",), "sdk", "Sdk", "sdk2"),
    ]
    assert api.warnings == ()  # what users type (`client.a_b`, `client.root`) is as the document says


def test_retries_come_from_the_extension() -> None:
    retries = friendli().operations[0].retries
    assert retries is not None
    assert retries.status_codes == ("429", "500", "502", "503", "504")
    assert (retries.initial_interval_ms, retries.max_interval_ms, retries.exponent) == (500, 60000, 1.5)
    assert retries.retry_connection_errors


def test_usage_example_uses_body_example_then_nested_field_examples() -> None:
    example = dict(friendli().operations[0].usage_example)
    assert list(example) == ["model", "prompt", "num_inference_steps", "control_images"]
    assert example["num_inference_steps"] == 10
    assert example["control_images"][0]["image"].startswith("https://")


def test_request_model_holds_parameters_then_body() -> None:
    request = friendli().request_models[0]
    assert request.name == "DedicatedImagesGenerateRequest"
    assert [f.name for f in request.fields] == ["x_friendli_team", "dedicated_image_generation_body"]


def test_operation_without_group_or_id_gets_names_from_method_and_path(tmp_path: Path) -> None:
    api = build(tmp_path, {"paths": {"/pets/{id}": {"get": {"responses": {"200": {"description": "ok"}}}}}})
    op = api.operations[0]
    assert op.group_path == ()
    assert op.method_name == "get_pets_id"
    assert op.response is not None and op.response.type is None


def test_security_scheme_name_override_names_the_client_argument() -> None:
    api = friendli()
    (security,) = api.security
    assert (security.kind, security.argument, security.env_var) == ("http_bearer", "token", "FRIENDLI_TOKEN")
    assert api.operations[0].security == (("bearerAuth",),)


def test_basic_and_api_key_schemes_get_their_own_arguments(tmp_path: Path) -> None:
    api = build(
        tmp_path,
        {
            "paths": {"/a": {"get": {"security": [{"key": []}], "responses": {"200": {"description": "ok"}}}}},
            "security": [{"basic": []}],
            "components": {
                "securitySchemes": {
                    "basic": {"type": "http", "scheme": "basic"},
                    "key": {"type": "apiKey", "in": "query", "name": "api_key"},
                }
            },
        },
    )
    basic, key = api.security
    assert [c.argument for c in basic.credentials] == ["username", "password"]
    assert (key.kind, key.location, key.wire_name, key.argument) == ("api_key", "query", "api_key", "key")
    assert api.operations[0].security == (("key",),)


def test_all_of_without_an_object_part_is_one_merged_schema(tmp_path: Path) -> None:
    item = {
        "type": "object",
        "properties": {
            "seq": {"allOf": [{"type": "string", "nullable": True}, {"nullable": False}]},
            "tags": {"allOf": [{"type": "array", "items": {"type": "string"}}, {"description": "d"}]},
            "role": {"allOf": [{"type": "string", "enum": ["a", "b"]}, {"description": "only words"}]},
            "anything": {"allOf": [{}, {"example": "100"}]},
            "number": {"allOf": [{"type": "integer"}, {"minimum": 1}]},
            "ref": {"allOf": [{"$ref": "#/components/schemas/Code"}, {"nullable": True}]},
        },
    }
    api = build(tmp_path, schemas(Item=item, Code={"type": "string", "enum": ["x"]}))
    model = next(t for t in api.types if t.name == "Item")
    assert isinstance(model, Model)
    fields = {f.name: f for f in model.fields}
    assert fields["seq"].type == Primitive("string") and fields["seq"].nullable  # null where any part allows it
    assert fields["tags"].type == ListOf(Primitive("string"))
    assert isinstance(fields["role"].type, Named) and fields["role"].type.kind == "enum"
    assert fields["anything"].type == Primitive("any")
    assert fields["number"].type == Primitive("integer")
    assert fields["ref"].type == Named("Code", "enum", "code") and fields["ref"].nullable
    assert {t.name for t in api.types} == {"Item", "Code", "Role"}


def test_nullable_items_and_map_values_are_optional(tmp_path: Path) -> None:
    item = {
        "type": "object",
        "properties": {
            "inline": {"type": "array", "items": {"type": "string", "nullable": True}},
            "by_ref": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
            "map": {"type": "object", "additionalProperties": {"type": ["integer", "null"]}},
        },
    }
    thing = {"type": "object", "nullable": True, "properties": {"a": {"type": "string"}}}
    api = build(tmp_path, schemas(Item=item, Thing=thing))
    model = next(t for t in api.types if t.name == "Item")
    assert isinstance(model, Model)
    fields = {f.name: f.type for f in model.fields}
    assert fields["inline"] == ListOf(Primitive("string"), item_nullable=True)
    assert fields["by_ref"] == ListOf(Named("Thing", "model", "thing"), item_nullable=True)
    assert fields["map"] == MapOf(Primitive("integer"), value_nullable=True)


def test_arguments_never_shadow_what_a_method_body_uses(tmp_path: Path) -> None:
    body = {"type": "object", "properties": {"body": {"type": "string"}, "response": {"type": "string"}}}
    api = build(
        tmp_path,
        {
            "paths": {
                "/s": {
                    "post": {
                        "operationId": "search",
                        "parameters": [
                            {"name": "query", "in": "query", "schema": {"type": "string"}},
                            {"name": "headers", "in": "header", "schema": {"type": "string"}},
                        ],
                        "requestBody": {"content": {"application/json": {"schema": body}}},
                        "responses": {"204": {"description": "ok"}},
                    }
                }
            }
        },
    )
    names = [a.name for a in api.operations[0].arguments]
    assert names == ["query_", "headers_", "body_", "response_"]


def test_corpus_shapes_from_discord_openai_and_kubernetes(tmp_path: Path) -> None:
    ok_null_list = {
        "200": {
            "description": "ok",
            "content": {"application/json": {"schema": {"type": ["array", "null"], "items": {"type": "string"}}}},
        }
    }
    batch = {
        "type": "object",
        "properties": {"ids": {"type": "array", "items": {"type": "string"}}, "files": {"type": "string"}},
        "anyOf": [{"required": ["ids"]}, {"required": ["files"]}],
    }
    attribute = {"type": "object", "properties": {"bool": {"type": "boolean"}, "int": {"type": "integer"}}}
    snowflake = {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}
    api = build(
        tmp_path,
        {
            "paths": {
                "/guilds/{guild_id}": {
                    "get": {
                        "operationId": "listModels",
                        "tags": ["Models"],
                        "parameters": [{"name": "guild_id", "in": "path", "required": True, "schema": snowflake}],
                        "responses": ok_null_list,
                    }
                },
                "/upload": {
                    "post": {
                        "operationId": "models",
                        "requestBody": {
                            "content": {
                                "multipart/form-data": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {"file": {"type": "string", "contentEncoding": "binary"}},
                                    }
                                }
                            }
                        },
                        "responses": {"204": {"description": "ok"}},
                    }
                },
            },
            "components": {"schemas": {"Batch": batch, "Attribute": attribute}},
        },
    )
    listing, upload = api.operations
    assert listing.group_path == ("models_",)  # `models` would hide the models module in signatures
    assert upload.method_name == "models_2"  # the root's sub-resource `models_` keeps the name
    assert listing.response is not None and listing.response.nullable
    assert dict(listing.usage_example) == {"guild_id": "0"}  # matches the pattern
    assert upload.arguments[0].type == Primitive("bytes")
    model = next(t for t in api.types if t.name == "Batch")
    assert isinstance(model, Model) and [f.name for f in model.fields] == ["ids", "files"]
    fields = next(t for t in api.types if t.name == "Attribute")
    assert isinstance(fields, Model) and [(f.name, f.alias) for f in fields.fields] == [
        ("bool_", "bool"),
        ("int_", "int"),
    ]


def test_a_union_that_contains_itself_is_importable(tmp_path: Path) -> None:
    details = {
        "anyOf": [
            {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Details"}},
            {"type": "string"},
        ]
    }
    api = build(tmp_path, schemas(Details=details))
    union = next(t for t in api.types if t.name == "Details")
    assert isinstance(union, UnionType)
    from generator.plan import union_view

    assert union_view(union)["annotation"] == "Union[Dict[str, Any], str]"


def test_usage_example_satisfies_an_any_of_of_required_lists(tmp_path: Path) -> None:
    batch = {
        "type": "object",
        "properties": {"ids": {"type": "array", "items": {"type": "string"}}, "files": {"type": "string"}},
        "anyOf": [{"required": ["ids"]}, {"required": ["files"]}],
    }
    body = {"content": {"application/json": {"schema": batch}}}
    api = build(
        tmp_path,
        {
            "paths": {
                "/b": {"post": {"operationId": "b", "requestBody": body, "responses": {"204": {"description": "ok"}}}}
            }
        },
    )
    assert dict(api.operations[0].usage_example) == {"ids": ["example"]}


def test_usage_example_lists_meet_min_items_with_valid_items(tmp_path: Path) -> None:
    snowflake = {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}
    ids = {"type": "array", "minItems": 2, "items": {"$ref": "#/components/schemas/Snowflake"}}
    body = {
        "content": {
            "application/json": {
                "schema": {"type": "object", "required": ["messages"], "properties": {"messages": ids}}
            }
        }
    }
    api = build(
        tmp_path,
        {
            "paths": {
                "/bulk": {
                    "post": {"operationId": "bulk", "requestBody": body, "responses": {"204": {"description": "ok"}}}
                }
            },
            "components": {"schemas": {"Snowflake": snowflake}},
        },
    )
    assert dict(api.operations[0].usage_example) == {"messages": ["0", "0"]}


@pytest.mark.parametrize(
    "items,expected",
    [
        ({"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}, ["0", "1", "2"]),
        ({"type": "integer", "minimum": 5}, [5, 6, 7]),
        ({"type": "string", "enum": ["a", "b", "c", "d"]}, ["a", "b", "c"]),
    ],
)
def test_usage_example_lists_of_unique_items_have_different_items(
    tmp_path: Path, items: dict[str, Any], expected: list[Any]
) -> None:
    ids = {"type": "array", "minItems": 3, "uniqueItems": True, "items": items}
    schema = {"type": "object", "required": ["ids"], "properties": {"ids": ids}}
    body = {"content": {"application/json": {"schema": schema}}}
    operation = {"operationId": "bulk", "requestBody": body, "responses": {"204": {"description": "ok"}}}
    api = build(tmp_path, {"paths": {"/bulk": {"post": operation}}})
    assert dict(api.operations[0].usage_example) == {"ids": expected}


def test_samples_follow_refs_relative_to_the_file_they_are_written_in(tmp_path: Path) -> None:
    # DigitalOcean's layout: a property in models/droplet.yml lists items by `region_slug.yml`,
    # a path relative to models/, not to the root document.
    (tmp_path / "models").mkdir()
    (tmp_path / "models/region_slug.yml").write_text("type: string\npattern: '^[a-z]{3}[0-9]$'\n")
    (tmp_path / "models/droplet.yml").write_text(
        "type: object\nrequired: [regions]\nproperties:\n  regions:\n    type: array\n    items:\n"
        "      $ref: region_slug.yml\n"
    )
    body = {"content": {"application/json": {"schema": {"$ref": "models/droplet.yml"}}}}
    spec = post_only_document(tmp_path, "/d", "d", body)
    api = build_api(load(spec), load_settings(None))
    assert dict(api.operations[0].usage_example) == {"regions": ["aaa0"]}


def test_usage_example_keeps_to_one_of_properties_that_exclude_each_other(tmp_path: Path) -> None:
    image = {
        "type": "object",
        "properties": {
            "image_url": {"type": "string", "example": "https://example.com/a.png"},
            "file_id": {"type": "string", "example": "file-abc123"},
        },
        "anyOf": [{"required": ["image_url"]}, {"required": ["file_id"]}],
        "not": {"required": ["image_url", "file_id"]},
    }
    schema = {"type": "object", "required": ["image"], "properties": {"image": {"$ref": "#/components/schemas/Ref"}}}
    body = {"content": {"application/json": {"schema": schema}}}
    operation = {"operationId": "edit", "requestBody": body, "responses": {"204": {"description": "ok"}}}
    api = build(tmp_path, {"paths": {"/edit": {"post": operation}}, "components": {"schemas": {"Ref": image}}})
    assert dict(api.operations[0].usage_example) == {"image": {"image_url": "https://example.com/a.png"}}


def test_a_properties_map_given_by_ref_is_followed(tmp_path: Path) -> None:
    # DigitalOcean's load balancers: `properties: {$ref: attributes.yml#/ids}`, the whole map
    # written elsewhere; the required property it holds must be a field, not a `$ref` field.
    (tmp_path / "models").mkdir()
    (tmp_path / "models/attributes.yml").write_text(
        "ids:\n  target_ids:\n    type: array\n    items:\n      type: integer\n    example: [7]\n"
    )
    (tmp_path / "models/create.yml").write_text(
        "oneOf:\n"
        "  - title: By ids\n    type: object\n    properties:\n      $ref: 'attributes.yml#/ids'\n"
        "    required: [target_ids]\n"
        "  - title: By tag\n    type: object\n    properties:\n      tag:\n        type: string\n"
        "    required: [tag]\n"
    )
    body = {"required": True, "content": {"application/json": {"schema": {"$ref": "models/create.yml"}}}}
    spec = post_only_document(tmp_path, "/lb", "lb", body)
    api = build_api(load(spec), load_settings(None))
    by_ids = next(t for t in api.types if isinstance(t, Model) and t.name == "Create1")
    assert [(f.alias, f.required, f.type) for f in by_ids.fields] == [
        ("target_ids", True, ListOf(Primitive("integer")))
    ]
    assert dict(api.operations[0].usage_example) == {"create": {"target_ids": [1]}}


def test_required_beside_a_single_all_of_part_makes_its_fields_required(tmp_path: Path) -> None:
    # DigitalOcean's uptime_create_check: `{allOf: [$ref check_updatable], required: [name, ...]}`
    # reuses an all-optional schema and requires some of its properties for creation.
    base = {"type": "object", "properties": {"name": {"type": "string"}, "note": {"type": "string"}}}
    wrapper = {"type": "object", "allOf": [{"$ref": "#/components/schemas/Base"}], "required": ["name", "undeclared"]}
    same = {"allOf": [{"$ref": "#/components/schemas/Base"}], "description": "only described"}
    ok = {"204": {"description": "ok"}}
    api = build(
        tmp_path,
        {
            "paths": {
                "/c": {
                    "post": {
                        "operationId": "create",
                        "requestBody": {"required": True, "content": {"application/json": {"schema": wrapper}}},
                        "responses": ok,
                    },
                    "put": {
                        "operationId": "update",
                        "requestBody": {"required": True, "content": {"application/json": {"schema": same}}},
                        "responses": ok,
                    },
                }
            },
            "components": {"schemas": {"Base": base}},
        },
    )
    create, update = api.operations
    # `undeclared` has no schema: an optional field (test_undeclared_required.py)
    assert [(a.name, a.required) for a in create.arguments] == [("name", True), ("note", False), ("undeclared", False)]
    assert isinstance(create.body.type, Named) and create.body.type.name != "Base"
    assert [(a.name, a.required) for a in update.arguments] == [("name", False), ("note", False)]
    assert isinstance(update.body.type, Named) and update.body.type.name == "Base"


# -- what a valid document can still get wrong, and the limits of samples and types ------------


def errors_of(spec: Path) -> str:
    """The located errors `build_api` raises for a document, one per line."""
    with pytest.raises(SdkgenError) as raised:
        build_api(load(spec), load_settings(None))
    return str(raised.value)


def one_required_field(tmp_path: Path, field: dict[str, Any]) -> Api:
    """A document whose one operation takes a body with the required field `x` of this schema."""
    schema = {"type": "object", "required": ["x"], "properties": {"x": field}}
    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    operation = {"operationId": "send", "requestBody": body, "responses": {"204": {"description": "ok"}}}
    return build(tmp_path, {"paths": {"/a": {"post": operation}}})


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            {"type": "array", "minItems": 100_000_000, "items": {"type": "string", "enum": ["a"]}},
            Repeated(["a"], 10**8),
        ),
        ({"type": "string", "minLength": 1_000_000_000}, Repeated("x", 10**9)),
        ({"type": "string", "format": "binary", "minLength": 1_000_000_000}, Repeated(b"x", 10**9)),
        ({"type": "array", "minItems": 3, "items": {"type": "string", "enum": ["a"]}}, ["a", "a", "a"]),
        ({"type": "string", "minLength": 12}, "x" * 12),
        # the shortest match is a billion characters: past regexsample.MAX_LENGTH, the placeholder
        ({"type": "string", "pattern": "((a{1000}){1000}){1000}"}, "example"),
        # a hundred million different numbers have no short spelling: the placeholder
        ({"type": "array", "minItems": 10**8, "uniqueItems": True, "items": {"type": "integer", "minimum": 5}}, [1]),
    ],
)
def test_samples_of_huge_sizes_are_spelled_as_repetitions_not_built(
    tmp_path: Path, field: dict[str, Any], expected: Any
) -> None:
    assert dict(one_required_field(tmp_path, field).operations[0].usage_example) == {"x": expected}


@pytest.mark.parametrize("bound", [".inf", "-.inf", ".nan"])
@pytest.mark.parametrize(("kind", "placeholder"), [("integer", 1), ("number", 1.0)])
def test_bounds_that_are_not_finite_give_no_sample(tmp_path: Path, bound: str, kind: str, placeholder: Any) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n"
        "      parameters:\n"
        f"        - {{name: q, in: query, required: true, schema: {{type: {kind}, minimum: {bound}}}}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    api = build_api(load(spec), load_settings(None))
    assert dict(api.operations[0].usage_example) == {"q": placeholder}


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]},
            "2024-01-01T00:00:00Z",
        ),
        ({"oneOf": [{"type": "null"}, {"type": "string", "format": "date"}]}, "2024-01-01"),
        (
            {"anyOf": [{"type": "string", "format": "uuid"}, {"type": "integer"}]},
            "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        ),
        ({"anyOf": [{"type": "integer", "minimum": 3}, {"type": "string"}]}, 3),
    ],
)
def test_a_union_s_sample_is_its_first_variant_s(tmp_path: Path, field: dict[str, Any], expected: Any) -> None:
    """A server checks a union's value against the variants' formats and bounds: `example`
    matches neither a date-time nor a date (Prism refused openapi-python-client's baseline so)."""
    assert dict(one_required_field(tmp_path, field).operations[0].usage_example) == {"x": expected}


def test_a_format_that_is_not_text_gives_the_plain_string_sample(tmp_path: Path) -> None:
    """3.1's OpenAPI schema lets any `format` value by (the validator warns): samples must not fail on it."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n"
        "      parameters:\n"
        "        - {name: q, in: query, required: true, schema: {type: string, format: [date]}}\n"
        "        - {name: d, in: query, required: true, schema: {type: string, format: date}}\n"
        "      responses: {'200': {description: ok}}\n"
    )
    example = dict(build_api(load(spec), load_settings(None)).operations[0].usage_example)
    assert set(example) == {"q", "d"} and example["q"] != example["d"]


RETRIES_DOCUMENT = """openapi: 3.0.3
info: {title: t, version: '1'}
x-speakeasy-retries: {strategy: backoff, statusCodes: [5XX]}
paths:
  /a:
    get:
      operationId: getA
      x-speakeasy-retries: RETRIES
      responses: {'200': {description: ok}}
  /b:
    get:
      operationId: getB
      responses: {'200': {description: ok}}
"""


@pytest.mark.parametrize(
    ("retries", "at", "message"),
    [
        (
            "{strategy: backoff, backoff: {exponent: .nan}}",
            "/backoff/exponent",
            "a finite number greater than 0, got nan",
        ),
        (
            "{strategy: backoff, backoff: {exponent: .inf}}",
            "/backoff/exponent",
            "a finite number greater than 0, got inf",
        ),
        ('{"strategy": "backoff", "backoff": {"exponent": 1e400}}', "/backoff/exponent", "got '1e400'"),  # YAML: text
        ("{strategy: backoff, backoff: {exponent: -2}}", "/backoff/exponent", "greater than 0, got -2"),
        (
            "{strategy: backoff, backoff: {initialInterval: x}}",
            "/backoff/initialInterval",
            "milliseconds, 0 or more, got 'x'",
        ),
        ("{strategy: backoff, backoff: {initialInterval: [1]}}", "/backoff/initialInterval", "got [1]"),
        ("{strategy: backoff, backoff: {maxInterval: .inf}}", "/backoff/maxInterval", "got inf"),
        ("{strategy: backoff, backoff: {maxElapsedTime: 1.5}}", "/backoff/maxElapsedTime", "got 1.5"),
        ("{strategy: backoff, backoff: x}", "/backoff", "expected a mapping of intervals and exponent, got a string"),
        (
            "{strategy: backoff, statusCodes: 5}",
            "/statusCodes",
            "expected a list of status codes (429, '5XX'), got a number",
        ),
        ("{strategy: backoff, statusCodes: [429, teapot]}", "/statusCodes/1", "such as 429 or '5XX', got 'teapot'"),
        ("{strategy: backoff, statusCodes: [true]}", "/statusCodes/0", "got True"),
        ("{strategy: backoff, retryConnectionErrors: 'yes'}", "/retryConnectionErrors", "true or false, got 'yes'"),
        ("{strategy: exponential}", "/strategy", "expected 'backoff' (or 'none': no retries), got 'exponential'"),
        ("5", "", "expected a mapping with `strategy: backoff`, got a number"),
    ],
)
def test_retries_that_are_not_what_the_extension_defines_are_located_errors(
    tmp_path: Path, retries: str, at: str, message: str
) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(RETRIES_DOCUMENT.replace("RETRIES", retries))
    errors = errors_of(spec)
    assert f"spec.yaml:8: /paths/~1a/get/x-speakeasy-retries{at}: expected " in errors, errors
    assert message in errors, errors


def test_the_documents_retries_are_checked_once_and_valid_ones_are_kept(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(RETRIES_DOCUMENT.replace("RETRIES", "{strategy: none}").replace("[5XX]", "[5XX, 600]"))
    assert errors_of(spec).count("/x-speakeasy-retries/statusCodes/1: expected a status code") == 1
    valid = "{strategy: backoff, backoff: {initialInterval: 100, exponent: 2}, statusCodes: [5xx, 429]"
    valid += ", retryConnectionErrors: true}"
    spec.write_text(RETRIES_DOCUMENT.replace("RETRIES", valid))
    first, second = build_api(load(spec), load_settings(None)).operations
    assert first.retries == RetryPolicy(100, 60000, 2.0, 3600000, ("5xx", "429"), True)
    assert second.retries == RetryPolicy(500, 60000, 1.5, 3600000, ("5XX",), False)
    spec.write_text(RETRIES_DOCUMENT.replace("RETRIES", "{strategy: none}"))
    assert build_api(load(spec), load_settings(None)).operations[0].retries is None


def get_a(responses: Any = None, **operation: Any) -> dict[str, Any]:
    return {"operationId": "getA", "responses": responses or {"200": {"description": "ok"}}, **operation}


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (
            {"x-resp": "hello", "paths": {"/a": {"get": get_a({"200": {"$ref": "#/x-resp"}})}}},
            "/paths/~1a/get/responses/200/$ref: $ref '#/x-resp' points to a string, where a response object belongs",
        ),
        (
            {"x-body": {"content": "hello"}, "paths": {"/a": {"post": get_a(requestBody={"$ref": "#/x-body"})}}},
            "/paths/~1a/post/requestBody/$ref: $ref '#/x-body' points to a mapping whose `content` is a string, "
            "not a map of media types, where a request body object belongs",
        ),
        (
            {
                "x-resp": {"description": "d", "content": {"application/json": "hello"}},
                "paths": {"/a": {"get": get_a({"200": {"$ref": "#/x-resp"}})}},
            },
            "$ref '#/x-resp' points to a mapping whose `content` maps 'application/json' to a string",
        ),
        (
            {"x-p": [1], "paths": {"/a": {"get": get_a(parameters=[{"$ref": "#/x-p"}])}}},
            "/paths/~1a/get/parameters/0/$ref: $ref '#/x-p' points to a list, where a parameter object belongs",
        ),
        (
            {"x-p": {"in": "query"}, "paths": {"/a": {"get": get_a(parameters=[{"$ref": "#/x-p"}])}}},
            "$ref '#/x-p' points to a mapping whose `name` is null, not a name, where a parameter object belongs",
        ),
        (
            {
                "x-s": 5,
                "paths": {
                    "/a": {
                        "get": get_a(
                            {
                                "200": {
                                    "description": "ok",
                                    "content": {"application/json": {"schema": {"$ref": "#/x-s"}}},
                                }
                            }
                        )
                    }
                },
            },
            "/paths/~1a/get/responses/200/content/application~1json/schema/$ref: $ref '#/x-s' points to a number, "
            "where a schema object belongs",
        ),
        (
            {"x-a": {"$ref": "#/x-nothing"}, "paths": {"/a": {"get": get_a({"200": {"$ref": "#/x-a"}})}}},
            "/paths/~1a/get/responses/200/$ref: $ref '#/x-a' does not resolve",
        ),
    ],
)
def test_a_ref_to_a_node_of_the_wrong_shape_is_a_located_error(
    tmp_path: Path, document: dict[str, Any], expected: str
) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, **document}, indent=1))
    errors = errors_of(spec)
    assert "spec.json:" in errors and expected in errors, errors


def nested(depth: int, leaf: dict[str, Any], keyword: str = "items") -> dict[str, Any]:
    for _ in range(depth):
        leaf = {"type": "array", "items": leaf} if keyword == "items" else {"additionalProperties": leaf}
    return leaf


@pytest.mark.parametrize("keyword", ["items", "additionalProperties"])
def test_lists_and_maps_nested_too_deep_are_any_from_the_limit_on_with_a_warning(tmp_path: Path, keyword: str) -> None:
    api = one_required_field(tmp_path, nested(MAX_NESTING + 10, {"type": "string"}, keyword))
    type_ref = api.operations[0].arguments[0].type
    for _ in range(MAX_NESTING):
        assert isinstance(type_ref, (ListOf, MapOf))
        type_ref = type_ref.item if isinstance(type_ref, ListOf) else type_ref.value
    assert type_ref == Primitive("any")
    [warning] = api.warnings
    assert warning.severity == "warning" and warning.location.pointer.endswith(f"/x{f'/{keyword}' * MAX_NESTING}")
    assert f"nested more than {MAX_NESTING} deep: typed Any from here on" in warning.message
    shallow = one_required_field(tmp_path, nested(MAX_NESTING, {"type": "string"}, keyword))
    assert shallow.warnings == ()


def test_extensions_beside_paths_are_not_paths_and_a_fine_ref_is_followed(tmp_path: Path) -> None:
    responses = {"200": {"$ref": "#/x-resp"}}
    api = build(
        tmp_path,
        {
            "x-resp": {"description": "ok", "content": {"application/json": {"schema": {"type": "string"}}}},
            "paths": {"x-note": "not a path", "/a": {"get": get_a(responses, parameters=[{"$ref": "#/x-p"}])}},
            "x-p": {"name": 1, "in": "query", "schema": {"type": "integer"}},  # YAML's `name: 1` is a name
        },
    )
    [operation] = api.operations
    assert operation.response is not None and operation.response.type == Primitive("string")
    assert [(p.wire_name, p.type) for p in operation.parameters] == [("1", Primitive("integer"))]
