"""A name in `required` that no property declares (Box's `grant_type`, OpenAI's `response_id`)
is a field of the generated SDK: a call can send it, a response without it still reads, and
the usage example, which Prism checks against the document, gives it."""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from support.generation import generate_sdk, imported_sdk
from support.recording_server import RecordingServer, ScriptedResponse

from generator.config import load_settings
from generator.ir import Model, Primitive
from generator.loader import load
from generator.modeling import build_api

LOCK: dict[str, Any] = {"type": "object", "required": ["type"], "properties": {"access": {"type": "string"}}}
LOCK_REF = {"$ref": "#/components/schemas/Lock"}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "paths": {
        "/revoke": {
            "post": {
                "operationId": "revoke",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["token", "grant_type", "lock"],
                                "properties": {"token": {"type": "string"}, "lock": LOCK_REF},
                            }
                        }
                    },
                },
                "responses": {"204": {"description": "done"}},
            }
        },
        "/lock": {
            "get": {
                "operationId": "getLock",
                "responses": {
                    "200": {"description": "the lock", "content": {"application/json": {"schema": LOCK_REF}}}
                },
            }
        },
    },
    "components": {"schemas": {"Lock": LOCK}},
}


def test_the_field_is_optional_and_any_and_examples_give_it(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(DOCUMENT))
    api = build_api(load(spec), load_settings(None))
    revoke = api.operations[0]
    assert revoke.body is not None
    (grant_type,) = [f for f in revoke.body.fields if f.alias == "grant_type"]
    assert (grant_type.type, grant_type.required, grant_type.nullable) == (Primitive("any"), False, True)
    (lock,) = [t for t in api.types if isinstance(t, Model) and t.name == "Lock"]
    assert [(f.alias, f.required) for f in lock.fields] == [("access", False), ("type", False)]
    assert lock.demanded == ("type",)
    example = dict(revoke.usage_example)
    assert set(example) == {"token", "grant_type", "lock"} and set(example["lock"]) == {"type"}, example
    # typed more loosely than the document asks: a located warning each (an error under --strict)
    found = sorted((w.location.pointer, w.message) for w in api.warnings)
    body = "/paths/~1revoke/post/requestBody/content/application~1json/schema/required"
    assert found == [
        ("/components/schemas/Lock/required", "`required` names `type`, which no property declares: typed Any"),
        (body, "`required` names `grant_type`, which no property declares: typed Any"),
    ]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_sdk(DOCUMENT, tmp_path_factory.mktemp("undeclared") / "sdk")


@pytest.fixture(scope="module")
def sdk(out: Path) -> Iterator[ModuleType]:
    with imported_sdk(out) as module:
        yield module


def test_the_field_is_sent_and_a_response_without_it_reads(sdk: ModuleType) -> None:
    with RecordingServer() as server, sdk.SyncSdk(server_url=server.url) as client:
        server.enqueue(ScriptedResponse.make(204))
        client.revoke(token="t", grant_type="refresh_token", lock={"type": "lock"}, retries=None)
        sent = {"token": "t", "grant_type": "refresh_token", "lock": {"type": "lock"}}
        assert json.loads(server.requests[0].body) == sent
        server.enqueue(ScriptedResponse.json({"access": "lock"}), ScriptedResponse.json({"access": "lock", "type": 7}))
        assert client.get_lock(retries=None).type is importlib.import_module("sdk.types").UNSET
        assert client.get_lock(retries=None).type == 7


def test_the_usage_example_gives_it(out: Path) -> None:
    page = next((out / "docs" / "sdks").glob("*/README.md")).read_text(encoding="utf-8")
    snippet = page.split("```python\n", 1)[1].split("```", 1)[0]
    assert "grant_type=" in snippet, snippet
