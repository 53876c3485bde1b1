"""Cookie parameters, query encoding, apiKey security and per-operation servers, over HTTP."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordingServer, ScriptedResponse


def document(other_server: str) -> dict[str, Any]:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "http://127.0.0.1:{port}/base", "variables": {"port": {"default": "1"}}}],
        "security": [{"key": []}],
        "components": {"securitySchemes": {"key": {"type": "apiKey", "in": "query", "name": "api key"}}},
        "paths": {
            "/things/{id}": {
                "get": {
                    "operationId": "getThing",
                    "servers": [{"url": other_server}],
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "session id", "in": "cookie", "schema": {"type": "string"}},
                        {"name": "q", "in": "query", "schema": {"type": "string"}},
                    ],
                    "responses": ok,
                }
            }
        },
    }


@pytest.fixture()
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as running:
        yield running


def generated(tmp_path: Path, doc: dict[str, Any]) -> Any:
    out = generate_sdk(doc, tmp_path / "out")
    probe = (
        "import json, sys\n"
        "from sdk import SyncSdk\n"
        "with SyncSdk(key='k e y') as c:\n"
        "    print(json.dumps(c.get_thing(id='a/b', session_id='s1', q='x y', retries=None)))\n"
    )
    return run_with_sdk(out, probe)


def test_operation_server_cookies_path_and_query_encoding(tmp_path: Path, server: RecordingServer) -> None:
    server.enqueue(ScriptedResponse.json({"ok": True}))
    run = generated(tmp_path, document(server.url + "/op"))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"ok": True}
    request = server.requests[0]
    assert request.path == "/op/things/a%2Fb?q=x%20y&api%20key=k%20e%20y"
    headers = {k.lower(): v for k, v in request.headers}
    assert headers["cookie"] == "session id=s1"


def test_an_sdk_without_oauth2_carries_no_token_code_and_still_authorises_async_calls(
    tmp_path: Path, server: RecordingServer
) -> None:
    out = generate_sdk(document(server.url + "/op"), tmp_path / "out")
    package = out / "src" / "sdk"
    for module in ("sdkconfiguration.py", "basesdk.py"):
        text = (package / module).read_text()
        for token_code in ("oauth2_token", "_tokens", "import time"):
            assert token_code not in text, (module, token_code)
    server.enqueue(ScriptedResponse.json({"ok": True}))
    probe = (
        "import asyncio, json\n"
        "from sdk import AsyncSdk\n"
        "async def main():\n"
        "    async with AsyncSdk(key='k') as c:\n"
        "        print(json.dumps(await c.get_thing(id='a', retries=None)))\n"
        "asyncio.run(main())\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"ok": True}
    (request,) = server.requests
    assert request.path == "/op/things/a?api%20key=k"


def credentials_document(url: str) -> dict[str, Any]:
    """Three operations, each behind one scheme: a bearer token, an apiKey header, an apiKey cookie."""

    def ping(operation_id: str, scheme: str) -> dict[str, Any]:
        return {
            "get": {
                "operationId": operation_id,
                "security": [{scheme: []}],
                "responses": {"204": {"description": "done"}},
            }
        }

    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "components": {
            "securitySchemes": {
                "token": {"type": "http", "scheme": "bearer"},
                "header_key": {"type": "apiKey", "in": "header", "name": "X-Key"},
                "cookie_key": {"type": "apiKey", "in": "cookie", "name": "sid"},
            }
        },
        "paths": {"/a": ping("a", "token"), "/b": ping("b", "header_key"), "/c": ping("c", "cookie_key")},
    }


def test_a_credential_cannot_break_its_header_and_a_cookie_key_is_encoded(
    tmp_path: Path, server: RecordingServer
) -> None:
    out = generate_sdk(credentials_document(server.url), tmp_path / "out")
    server.enqueue(ScriptedResponse.make(204))
    probe = (
        "from sdk import SyncSdk\n"
        "for method, argument in (('a', 'token'), ('b', 'header_key')):\n"
        "    for secret in ('tok\\n', 'caf\\u00e9', 'a\\r\\nX-Evil: 1'):\n"
        "        with SyncSdk(**{argument: secret}) as c:\n"
        "            try:\n"
        "                getattr(c, method)(retries=None)\n"
        "            except ValueError as error:\n"
        "                assert secret not in str(error), error  # a credential is never shown\n"
        "                print(type(error).__name__, str(error).split(':')[0])\n"
        "with SyncSdk(cookie_key='k; admin=1') as c:\n"
        "    c.c(retries=None)\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["ValueError header 'Authorization'"] * 3 + ["ValueError header 'X-Key'"] * 3
    (request,) = server.requests  # nothing was sent for the refused credentials
    assert request.path == "/c"
    assert request.header("cookie") == "sid=k%3B%20admin=1"


def test_query_styles() -> None:
    from friendli.utils.serializers import query_params

    values = {"f": {"a": 1, "b": True}, "d": {"gt": 5}, "l": [1, 2], "c": [1, 2], "p": ["x", "y"]}
    styles = {"d": "deepObject", "c": "form-flat", "p": "pipeDelimited"}
    assert query_params(values, styles) == {"a": 1, "b": "true", "d[gt]": 5, "l": [1, 2], "c": "1,2", "p": "x|y"}
    # Objects inside a list (Box's `mdfilters`) have no OpenAPI style: they go as JSON, not Python's repr.
    assert query_params({"m": [{"scope": "e", "n": [1]}]}) == {"m": ['{"scope":"e","n":[1]}']}


def client_credentials_document(url: str) -> dict[str, Any]:
    """One operation behind OAuth2 client credentials whose token URL is on the same server."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "security": [{"cc": []}],
        "components": {
            "securitySchemes": {
                "cc": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/oauth/token", "scopes": {}}}}
            }
        },
        "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}}}},
    }


def test_oauth2_client_credentials_token_is_fetched_once_and_sent(tmp_path: Path, server: RecordingServer) -> None:
    out = generate_sdk(client_credentials_document(server.url), tmp_path / "out")
    server.enqueue(ScriptedResponse.json({"access_token": "tok-1", "expires_in": 3600}))
    server.enqueue(ScriptedResponse.make(200))
    server.enqueue(ScriptedResponse.make(200))
    probe = (
        "from sdk import SyncSdk\n"
        "with SyncSdk(client_id='id', client_secret='secret') as c:\n"
        "    c.ping(retries=None)\n"
        "    c.ping(retries=None)\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    token_request, first, second = server.requests
    assert token_request.path == "/oauth/token"
    assert b"grant_type=client_credentials" in token_request.body and b"client_secret=secret" in token_request.body
    for request in (first, second):
        assert request.path == "/ping"
        assert dict((k.lower(), v) for k, v in request.headers)["authorization"] == "Bearer tok-1"


def test_async_client_fetches_the_oauth2_token_through_its_own_async_http_client(
    tmp_path: Path, server: RecordingServer
) -> None:
    out = generate_sdk(client_credentials_document(server.url), tmp_path / "out")
    server.enqueue(ScriptedResponse.json({"access_token": "tok-a", "expires_in": 3600}))
    server.enqueue(ScriptedResponse.make(200))
    server.enqueue(ScriptedResponse.make(200))
    probe = (
        "import asyncio, httpx\n"
        "from sdk import AsyncSdk\n"
        "seen = []\n"
        "async def hook(request):\n"
        "    seen.append(request.url.path)\n"
        "async def main():\n"
        "    async with httpx.AsyncClient(event_hooks={'request': [hook]}) as http:\n"
        "        sdk = AsyncSdk(client_id='id', client_secret='s', async_client=http)\n"
        "        await asyncio.gather(sdk.ping(retries=None))\n"
        "        await sdk.ping(retries=None)\n"
        "asyncio.run(main())\n"
        "print(seen)\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    # The token request went through the caller's async client (so it does not block the loop).
    assert run.stdout.strip() == "['/oauth/token', '/ping', '/ping']"
    token_request, first, second = server.requests
    assert token_request.path == "/oauth/token"
    for request in (first, second):
        assert dict((k.lower(), v) for k, v in request.headers)["authorization"] == "Bearer tok-a"


def test_oauth2_with_a_flow_for_user_tokens_takes_a_token_or_client_credentials(
    tmp_path: Path, server: RecordingServer
) -> None:
    """Discord's OAuth2 scheme lists authorizationCode and implicit beside clientCredentials:
    a user's access token must be usable as it is (it was not: only client_id/client_secret
    were offered, and the SDK went to the token URL). Without a token, client credentials."""
    document = client_credentials_document(server.url)
    flows = document["components"]["securitySchemes"]["cc"]["flows"]
    flows["authorizationCode"] = {"authorizationUrl": "/authorize", "tokenUrl": "/oauth/token", "scopes": {}}
    out = generate_sdk(document, tmp_path / "out")
    for _ in range(3):
        server.enqueue(ScriptedResponse.make(200))
    server.enqueue(ScriptedResponse.json({"access_token": "fetched", "expires_in": 3600}))
    server.enqueue(ScriptedResponse.make(200))
    probe = (
        "import asyncio\n"
        "from sdk import AsyncSdk, SyncSdk\n"
        "SyncSdk(cc='user-token').ping(retries=None)\n"
        "SyncSdk(cc='user-token', client_id='id', client_secret='secret').ping(retries=None)\n"
        "asyncio.run(AsyncSdk(cc='user-token').ping(retries=None))\n"
        "SyncSdk(client_id='id', client_secret='secret').ping(retries=None)\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    sent = [(r.path, dict((k.lower(), v) for k, v in r.headers).get("authorization")) for r in server.requests]
    assert sent == [
        ("/ping", "Bearer user-token"),
        ("/ping", "Bearer user-token"),
        ("/ping", "Bearer user-token"),
        ("/oauth/token", None),
        ("/ping", "Bearer fetched"),
    ]
    readme = (out / "README.md").read_text()
    assert "| `cc` | cc | `Authorization: Bearer <token>` | `SDK_CC` |" in readme
    assert "an OAuth2 token fetched from `/oauth/token`, when no token is given" in readme
    snippet = readme.split("```python\n", 1)[1].split("```", 1)[0]  # the first way to authorise: the token
    assert 'cc=os.getenv("SDK_CC", "")' in snippet and "client_id" not in snippet


def test_multipart_without_a_file_is_still_multipart() -> None:
    import httpx
    from friendli.utils.serializers import encode_body

    payload = encode_body({"name": "a b", "meta": {"k": 1}, "n": 2}, "multipart/form-data")
    request = httpx.Request("POST", "http://x", **payload)
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    body = request.read().decode()
    assert 'name="name"\r\n\r\na b\r\n' in body
    assert 'name="meta"\r\nContent-Type: application/json\r\n\r\n{"k": 1}\r\n' in body  # Box's `attributes`
    assert 'name="n"\r\n\r\n2\r\n' in body and "filename" not in body


def test_bytes_in_json_bodies_travel_as_base64() -> None:
    from friendli.utils.serializers import encode_body

    assert encode_body({"data": {"k": b"hi"}}, "application/json") == {"content": b'{"data":{"k":"aGk="}}'}


@pytest.mark.parametrize(
    "reply",
    [
        ScriptedResponse.json({"token_type": "bearer"}),
        ScriptedResponse.json(["tok"]),
        ScriptedResponse.json({"access_token": "t", "expires_in": "soon"}),
        ScriptedResponse.make(200, {"content-type": "text/html"}, "<html>login</html>"),
        ScriptedResponse.json({"access_token": "t\r\nX-Injected: 1"}),
        ScriptedResponse.json({"access_token": 7}),
        ScriptedResponse.json({"access_token": " "}),
    ],
    ids=["no-access-token", "a-list", "odd-lifetime", "not-json", "a-line-break", "a-number", "blank"],
)
def test_a_token_response_without_a_usable_token_is_the_sdks_error(
    tmp_path: Path, server: RecordingServer, reply: ScriptedResponse
) -> None:
    """A success status whose body gives no token is a response that breaks its description:
    ResponseValidationError, sync and async, and the operation is not called."""
    out = generate_sdk(client_credentials_document(server.url), tmp_path / "out")
    server.enqueue(reply, reply)
    probe = (
        "import asyncio\n"
        "from sdk import AsyncSdk, SyncSdk, models\n"
        "seen = []\n"
        "try:\n"
        "    with SyncSdk(client_id='id', client_secret='s') as c:\n"
        "        c.ping(retries=None)\n"
        "except models.ResponseValidationError as error:\n"
        "    seen.append(error.status_code)\n"
        "async def main():\n"
        "    async with AsyncSdk(client_id='id', client_secret='s') as c:\n"
        "        await c.ping(retries=None)\n"
        "try:\n"
        "    asyncio.run(main())\n"
        "except models.ResponseValidationError as error:\n"
        "    seen.append(error.status_code)\n"
        "print(seen)\n"
    )
    run = run_with_sdk(out, probe)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[200, 200]"
    assert [r.path for r in server.requests] == ["/oauth/token", "/oauth/token"]


def object_parameters_document() -> dict[str, Any]:
    """Object parameters in every place and style (a field's wire name is not its Python name)."""
    point = {"type": "object", "properties": {"x": {"type": "integer"}, "yValue": {"type": "integer"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {"name": "filter", "in": "query", "schema": point},
                        {"name": "flat", "in": "query", "explode": False, "schema": point},
                        {"name": "deep", "in": "query", "style": "deepObject", "explode": True, "schema": point},
                        {"name": "X-Point", "in": "header", "schema": point},
                        {"name": "X-Spread", "in": "header", "explode": True, "schema": point},
                        {"name": "spread", "in": "cookie", "schema": point},
                        {"name": "one", "in": "cookie", "explode": False, "schema": point},
                    ],
                    "responses": {"204": {"description": "done"}},
                }
            },
            "/things/{where}/{ids}": {
                "get": {
                    "operationId": "getThings",
                    "parameters": [
                        {"name": "where", "in": "path", "required": True, "schema": point},
                        {"name": "ids", "in": "path", "required": True, "schema": {"type": "array", "items": {}}},
                    ],
                    "responses": {"204": {"description": "done"}},
                }
            },
        },
    }


def test_object_parameters_are_written_in_their_style_from_models_and_dicts(tmp_path: Path) -> None:
    """An object in a query, header or cookie went out as Python's repr of the model or dict
    (`X-Point: x=1 y_value=2`, `pref={'theme':%20'dark'}`); OpenAPI's styles spell each."""
    out = generate_sdk(object_parameters_document(), tmp_path / "out")
    with RecordingServer() as server:
        probe = (
            "import asyncio, sys\n"
            "from sdk import AsyncSdk, SyncSdk, models\n"
            "classes = {'filter': models.Filter, 'flat': models.Flat, 'deep': models.Deep, 'x_point': models.XPoint,\n"
            "           'x_spread': models.XSpread, 'spread': models.Spread, 'one': models.One}\n"
            "as_dicts = {name: {'x': 1, 'yValue': 2} for name in classes}\n"
            "as_models = {name: cls(x=1, y_value=2) for name, cls in classes.items()}\n"
            f"with SyncSdk(server_url={server.url!r}) as c:\n"
            "    c.list_things(**as_dicts, retries=None)\n"
            "    c.list_things(**as_models, retries=None)\n"
            "async def main():\n"
            f"    async with AsyncSdk(server_url={server.url!r}) as c:\n"
            "        await c.list_things(**as_models, retries=None)\n"
            "        await c.get_things(where=models.Where(x=1, y_value=2), ids=['a,b', 'c/d', 3], retries=None)\n"
            "asyncio.run(main())\n"
        )
        server.set_default(ScriptedResponse.make(204))
        run = run_with_sdk(out, probe)
        assert run.returncode == 0, run.stderr
        assert len(server.requests) == 4
        # a path's separators stay commas (RFC 6570); what the values hold is encoded
        assert server.requests[-1].path == "/things/x,1,yValue,2/a%2Cb,c%2Fd,3"
        for request in server.requests[:-1]:
            assert request.path == "/things?x=1&yValue=2&flat=x%2C1%2CyValue%2C2&deep%5Bx%5D=1&deep%5ByValue%5D=2"
            assert (request.header("x-point"), request.header("x-spread")) == ("x,1,yValue,2", "x=1,yValue=2")
            assert request.header("cookie") == "x=1; yValue=2; one=x,1,yValue,2"
