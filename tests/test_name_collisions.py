"""Names that collide, or that the SDK uses itself, still give every operation and model a
reachable name: each test generates a small document, imports the SDK and calls every
operation by the name the generator gave it, over HTTP, with the sync and the async client."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Optional

from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordedRequest, RecordingServer, ScriptedResponse

from generator import naming

WHERE = {"type": "object", "properties": {"at": {"type": "string"}}}
"""What every test operation returns: the path the server saw, so a call shows where it went."""


def answer_with_path(request: RecordedRequest) -> ScriptedResponse:
    return ScriptedResponse.json({"at": request.path.split("?")[0]})


def document(url: str, paths: dict[str, dict[str, Any]], schemas: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """GET operations (path -> operation fields); each returns `Where` unless it says otherwise."""
    returns = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Where"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "paths": {path: {"get": {"responses": {"200": returns}, **fields}} for path, fields in paths.items()},
        "components": {"schemas": {"Where": WHERE, **(schemas or {})}},
    }


PROBE = """
import asyncio, functools, json
from sdk import AsyncSdk, SyncSdk, models

CALLS = {calls!r}
seen = {{}}


def method(client, call):
    return functools.reduce(getattr, call.split("."), client)


with SyncSdk() as client:
    for call in CALLS:
        result = method(client, call)(retries=None)
        seen["sync " + call] = [type(result).__name__, result.at]


async def main():
    async with AsyncSdk() as client:
        for call in CALLS:
            result = await method(client, call)(retries=None)
            seen["async " + call] = [type(result).__name__, result.at]


asyncio.run(main())
{extra}
print(json.dumps(seen))
"""


def call_all(
    tmp_path: Path,
    paths: dict[str, dict[str, Any]],
    calls: dict[str, str],
    schemas: Optional[dict[str, Any]] = None,
    extra: str = "",
) -> dict[str, Any]:
    """Generate the SDK, call each method of `calls` (dotted from the client -> the path it must
    reach) on both clients, and return what the probe saw (`extra` code may add to `seen`)."""
    with RecordingServer(default=answer_with_path) as server:
        out = generate_sdk(document(server.url, paths, schemas), tmp_path / "out")
        run = run_with_sdk(out, PROBE.format(calls=list(calls), extra=extra))
    assert run.returncode == 0, run.stderr
    seen: dict[str, Any] = json.loads(run.stdout)
    for call, path in calls.items():
        assert seen[f"sync {call}"][1] == path, call
        assert seen[f"async {call}"][1] == path, call
    return seen


def test_a_group_named_root_does_not_replace_the_operations_outside_groups(tmp_path: Path) -> None:
    paths = {"/a": {"operationId": "getA", "tags": ["root"]}, "/b": {"operationId": "getB"}}
    call_all(tmp_path, paths, {"get_b": "/b", "root.get_a": "/a"})
    resources = sorted(p.name for p in (tmp_path / "out" / "src" / "sdk" / "resources").glob("*.py"))
    assert resources == ["__init__.py", "root.py", "root_.py"]


def test_groups_spelled_alike_keep_a_module_each(tmp_path: Path) -> None:
    paths = {"/a": {"operationId": "getA", "tags": ["a.b"]}, "/b": {"operationId": "getB", "tags": ["a_b"]}}
    call_all(tmp_path, paths, {"a.b.get_a": "/a", "a_b.get_b": "/b"})
    docs = sorted(p.name for p in (tmp_path / "out" / "docs" / "sdks").iterdir())
    assert docs == ["ab", "ab2"]


def test_a_method_named_like_a_sub_resource_takes_the_next_free_name(tmp_path: Path) -> None:
    paths = {
        "/pets": {"operationId": "list", "x-speakeasy-group": "pets"},
        "/pets/mine": {"operationId": "listMine", "x-speakeasy-group": "pets.list"},
    }
    call_all(tmp_path, paths, {"pets.list2": "/pets", "pets.list.list_mine": "/pets/mine"})


def test_names_with_leading_underscores_stay_clear_of_the_sdks_internals(tmp_path: Path) -> None:
    paths = {
        "/a": {"operationId": "getA", "tags": ["_config"]},
        "/b": {"operationId": "__init__"},
        "/c": {"operationId": "_send"},
        "/d": {"operationId": "getD", "tags": ["__init__"]},
    }
    # the group `__init__` and the method `__init__` are both `init__`: the method yields
    call_all(tmp_path, paths, {"config.get_a": "/a", "init__2": "/b", "send": "/c", "init__.get_d": "/d"})


def test_a_sub_resource_named_like_the_decorator_of_sub_resources(tmp_path: Path) -> None:
    paths = {"/a": {"operationId": "getA", "tags": ["cached_property"]}, "/b": {"operationId": "getB", "tags": ["b"]}}
    call_all(tmp_path, paths, {"cached_property_.get_a": "/a", "b.get_b": "/b"})


def test_operations_named_like_the_clients_own_methods(tmp_path: Path) -> None:
    """`close` and `aclose` stay the clients' (they close the connections); the operations and
    a sub-resource of those names get a trailing underscore, as keywords do, and the method
    then yields to the sub-resource. Below the root, nothing is in the way."""
    paths = {
        "/close": {"operationId": "close"},
        "/aclose": {"operationId": "aclose"},
        "/tagged": {"operationId": "shut", "tags": ["aclose"]},
        "/deep": {"operationId": "close", "tags": ["pets"]},
    }
    extra = """
client = SyncSdk()
client.close_(retries=None)
http = client._config.sync_client()
client.close()
seen["closed"] = http.is_closed
"""
    calls = {"close_": "/close", "aclose_2": "/aclose", "aclose_.shut": "/tagged", "pets.close": "/deep"}
    seen = call_all(tmp_path, paths, calls, extra=extra)
    assert seen["closed"] is True


def test_a_paginated_method_leaves_its_pages_name_free(tmp_path: Path) -> None:
    paging = {
        "x-speakeasy-pagination": {
            "type": "offsetLimit",
            "inputs": [{"name": "offset", "in": "parameters", "type": "offset"}],
            "outputs": {"results": "$.items"},  # none: one page
        },
        "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}}],
    }
    paths = {
        "/pages": {"operationId": "listPages", "tags": ["pets"]},
        "/list": {"operationId": "list", "tags": ["pets"], **paging},
    }
    extra = """
with SyncSdk() as client:
    seen["pages"] = [page.at for page in client.pets.list2_pages(retries=None)][:1]
"""
    seen = call_all(tmp_path, paths, {"pets.list_pages": "/pages", "pets.list2": "/list"}, extra=extra)
    assert seen["pages"] == ["/list"]


def test_models_named_like_the_models_packages_own_or_a_typed_dict_twin(tmp_path: Path) -> None:
    def returning(schema: str) -> dict[str, Any]:
        content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
        return {"responses": {"200": {"description": "ok", "content": content}}}

    schemas = {name: WHERE for name in ("Foo", "FooTypedDict", "ResponseValidationError", "SDKError", "Sdkerror")}
    paths = {f"/{name}": {"operationId": f"get{name}", **returning(name)} for name in schemas}
    extra = """
seen["errors"] = [models.ResponseValidationError.__module__, models.SDKError.__module__]
seen["twins"] = [models.FooTypedDict.__module__, models.FooTypedDict2.__module__]
"""
    calls = {f"get_{naming.snake_case(name)}": f"/{name}" for name in schemas}
    seen = call_all(tmp_path, paths, calls, schemas, extra)
    classes = {call: seen[f"sync {call}"][0] for call in calls}
    assert classes == {
        "get_foo": "Foo",
        "get_foo_typed_dict": "FooTypedDict2",
        "get_response_validation_error": "ResponseValidationError_",
        "get_sdk_error": "SDKError_",
        "get_sdkerror": "Sdkerror2",
    }
    assert seen["errors"] == ["sdk.models.sdkerror", "sdk.models.sdkerror"]
    assert seen["twins"] == ["sdk.models.foo", "sdk.models.footypeddict2"]


def test_a_schema_name_past_the_file_system_limit_gets_a_short_stable_module(tmp_path: Path) -> None:
    long_name = "Long" + "x" * 296
    returns = {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{long_name}"}}}}
    paths = {"/long": {"operationId": "getLong", "responses": {"200": {"description": "ok", **returns}}}}
    seen = call_all(tmp_path, paths, {"get_long": "/long"}, {long_name: WHERE})
    assert seen["sync get_long"][0] == long_name
    stem = long_name.lower()[:141] + "_" + hashlib.sha256(long_name.lower().encode()).hexdigest()[:8]
    assert (tmp_path / "out" / "src" / "sdk" / "models" / f"{stem}.py").is_file()
    assert (tmp_path / "out" / "docs" / "models" / f"{stem}.md").is_file()


def test_a_property_with_a_leading_underscore_is_parsed_and_sent(tmp_path: Path) -> None:
    """pydantic takes `_class` for a private attribute and would drop it: the field is `class_`."""
    schemas = {"Thing": {"type": "object", "properties": {"_class": {"type": "string"}, "at": {"type": "string"}}}}
    returns = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    paths = {"/thing": {"operationId": "getThing", "responses": {"200": {"description": "ok", **returns}}}}
    extra = """
thing = models.Thing.model_validate({"_class": "c", "at": "x"})
seen["thing"] = [thing.class_, thing.model_dump(by_alias=True)]
"""
    seen = call_all(tmp_path, paths, {"get_thing": "/thing"}, schemas, extra)
    assert seen["thing"] == ["c", {"_class": "c", "at": "x"}]


def test_arguments_named_like_the_helpers_a_method_calls(tmp_path: Path) -> None:
    """A path parameter `path_value` would hide the helper that quotes path parameters."""
    parameters = [
        {"name": "path_value", "in": "path", "required": True, "schema": {"type": "string"}},
        {"name": "is_json", "in": "query", "schema": {"type": "string"}},
    ]
    paths = {"/items/{path_value}": {"operationId": "getItem", "parameters": parameters}}
    extra = """
with SyncSdk() as client:
    seen["item"] = client.get_item(path_value_="a b", is_json_="yes", retries=None).at
"""
    with RecordingServer(default=answer_with_path) as server:
        out = generate_sdk(document(server.url, paths), tmp_path / "out")
        run = run_with_sdk(out, PROBE.format(calls=[], extra=extra))
        assert run.returncode == 0, run.stderr
        assert server.requests[-1].path == "/items/a%20b?is_json=yes"
    assert json.loads(run.stdout)["item"] == "/items/a%20b"
