"""Discriminated unions are parsed by their discriminator (explicit, bare-name and implicit mappings)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordingServer, ScriptedResponse

from generator.config import load_settings
from generator.ir import UnionType
from generator.loader import load
from generator.modeling import build_api
from generator.plan import discriminator_tags

# Cat and Dog accept the same objects: only the discriminator can tell them apart.
PET_SCHEMAS: dict[str, Any] = {
    "Cat": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}},
    "Dog": {"type": "object", "properties": {"kind": {"type": "string"}, "name": {"type": "string"}}},
    # Bird is named by the values its own `kind` allows.
    "Bird": {
        "type": "object",
        "properties": {"kind": {"type": "string", "enum": ["parrot", "crow"]}, "name": {"type": "string"}},
    },
    "Pet": {
        "oneOf": [{"$ref": f"#/components/schemas/{n}"} for n in ("Cat", "Dog", "Bird")],
        "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "dog": "Dog"}},
    },
    "Loose": {
        "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"type": "string"}],
        "discriminator": {"propertyName": "kind"},
    },
}


def document(url: str) -> dict[str, Any]:
    pet = {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "components": {"schemas": PET_SCHEMAS},
        "paths": {
            "/pet": {
                "get": {"operationId": "getPet", "responses": {"200": {"description": "ok", "content": pet}}},
                "put": {
                    "operationId": "putPet",
                    "requestBody": {"required": True, "content": pet},
                    "responses": {"204": {"description": "done"}},
                },
            }
        },
    }


def union(tmp_path: Path, name: str) -> UnionType:
    spec = tmp_path / "doc.json"
    spec.write_text(json.dumps(document("http://x")))
    api = build_api(load(spec), load_settings(None))
    found = next(t for t in api.types if t.name == name)
    assert isinstance(found, UnionType)
    return found


def test_mapping_takes_refs_bare_names_then_listed_values_or_schema_names(tmp_path: Path) -> None:
    pet = union(tmp_path, "Pet")
    assert pet.discriminator == "kind"
    # Bird's own `kind` lists its values, so its schema name (which `kind` can never hold) is not one.
    assert dict(pet.mapping) == {"cat": "Cat", "dog": "Dog", "parrot": "Bird", "crow": "Bird"}
    assert discriminator_tags(pet) == dict(pet.mapping)


def test_a_union_with_a_non_model_variant_stays_a_smart_union(tmp_path: Path) -> None:
    assert discriminator_tags(union(tmp_path, "Loose")) is None


PROBE = """
import json
from sdk import SyncSdk, models
out = []
with SyncSdk() as client:
    for _ in range(4):
        pet = client.get_pet(retries=None)
        out.append([type(pet).__name__, pet.name])
    try:
        client.get_pet(retries=None)
    except models.ResponseValidationError as error:
        out.append(["error", type(error).__name__])
    client.put_pet(pet=models.Dog(kind="dog", name="rex"), retries=None)
    client.put_pet(pet={"kind": "Bird", "name": "tweety"}, retries=None)
print(json.dumps(out))
"""


def test_responses_and_requests_are_parsed_by_the_discriminator(tmp_path: Path) -> None:
    with RecordingServer() as server:
        for kind in ("dog", "parrot", "cat", "fish"):
            server.enqueue(ScriptedResponse.json({"kind": kind, "name": kind.lower()}))
        server.enqueue(ScriptedResponse.json({"kind": "fish", "name": 5}))
        server.enqueue(ScriptedResponse.make(204))
        server.enqueue(ScriptedResponse.make(204))
        out = generate_sdk(document(server.url), tmp_path / "out")
        run = run_with_sdk(out, PROBE)
        assert run.returncode == 0, run.stderr
        bodies = [json.loads(r.body) for r in server.requests[5:]]
    assert json.loads(run.stdout) == [
        ["Dog", "dog"],
        ["Bird", "parrot"],
        ["Cat", "cat"],
        ["Cat", "fish"],  # not listed: the first variant that accepts it
        ["error", "ResponseValidationError"],  # not listed, and no variant accepts it
    ]
    assert bodies == [{"kind": "dog", "name": "rex"}, {"kind": "Bird", "name": "tweety"}]
