"""Random parameter values (seeded) sent by a generated SDK over real HTTP: what the server
decodes from the path, the query, the headers, the cookies and the JSON body is exactly what
the caller passed, or the call is refused before anything is sent, with a ValueError that
names the header or says a path parameter is empty. Reserved characters, `%`, `;`, dots,
line breaks and text beyond ASCII must neither change the URL's meaning nor leak into
another parameter.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, unquote

import pytest
from support.generation import generate_sdk, imported_sdk
from support.recording_server import RecordedRequest, RecordingServer, ScriptedResponse

CASES = int(os.environ.get("SDKGEN_REQUEST_FUZZ_CASES", "150"))
SEED = int(os.environ.get("SDKGEN_REQUEST_FUZZ_SEED", "0"))

_STRING = {"type": "string"}
_STRINGS = {"type": "array", "items": _STRING}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "T", "version": "1"},
    "servers": [{"url": "http://127.0.0.1:1"}],
    "paths": {
        "/things/{id}/{kind}.json": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": _STRING},
                    {"name": "kind", "in": "path", "required": True, "schema": _STRING},
                    {"name": "q", "in": "query", "schema": _STRING},
                    {"name": "tags", "in": "query", "schema": _STRINGS},
                    {"name": "X-Trace", "in": "header", "schema": _STRING},
                    {"name": "X-Tags", "in": "header", "schema": _STRINGS},
                    {"name": "session", "in": "cookie", "schema": _STRING},
                    {"name": "flavours", "in": "cookie", "explode": False, "schema": _STRINGS},
                ],
                "responses": {"204": {"description": "done"}},
            }
        },
        "/things": {
            "post": {
                "operationId": "addThing",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {"name": _STRING, "notes": _STRINGS},
                            }
                        }
                    },
                },
                "responses": {"204": {"description": "done"}},
            }
        },
    },
}

_PIECES = (
    *"abcXYZ019-_.~",
    *"/?#[]@!$&'()*+,;=%",
    " ",
    "\t",
    "\r\n",
    "\x00",
    "\x7f",
    "\u00e9",
    "\u20ac",
    "\U0001f600",
    "\u200b",
    "%2F",
    "%2e%2e",
    "..",
)
_WHOLE = (".", "..", "...", "%", "a b", "+", "=")


def _text(rng: random.Random) -> str:
    """Mostly pieces glued at random; sometimes a whole value that is special on its own."""
    if rng.random() < 0.15:
        return rng.choice(_WHOLE)
    size = rng.randint(0, 8)
    return "".join(rng.choice(_PIECES) for _ in range(size))


def _sendable_in_a_header(text: str) -> bool:
    return all(" " <= char <= "~" or char == "\t" for char in text)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with imported_sdk(generate_sdk(DOCUMENT, tmp_path_factory.mktemp("requests") / "sdk")) as module:
        yield module


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    with RecordingServer() as running:
        yield running


def _cookies(request: RecordedRequest) -> dict[str, str]:
    header = request.header("cookie")
    pairs = [pair.split("=", 1) for pair in header.split("; ")] if header else []
    return {name: value for name, value in pairs}


def _check_get(request: RecordedRequest, call: dict[str, Any]) -> None:
    path, _, query = request.path.partition("?")
    segments = path.split("/")
    assert len(segments) == 4, path  # '', things, id, kind.json: no value added or removed a segment
    assert unquote(segments[2], errors="strict") == call["id"]
    assert segments[3].endswith(".json") and unquote(segments[3][: -len(".json")]) == call["kind"]
    decoded = parse_qs(query, keep_blank_values=True, errors="strict")
    expected_query = {"q": [call["q"]]} if "q" in call else {}
    if call.get("tags"):
        expected_query["tags"] = call["tags"]
    assert decoded == expected_query, query
    for header, argument in (("x-trace", "x_trace"), ("x-tags", "x_tags")):
        given = call.get(argument, "")
        text = (",".join(given) if isinstance(given, list) else given).strip(" \t")
        assert request.header(header) == (text or None), header  # empty text sends no header
    cookies = _cookies(request)
    assert set(cookies) == {name for name in ("session", "flavours") if call.get(name) not in (None, [])}, cookies
    if "session" in call:
        assert unquote(cookies["session"], errors="strict") == call["session"]
    if call.get("flavours"):
        assert [unquote(item, errors="strict") for item in cookies["flavours"].split(",")] == call["flavours"]


def test_random_parameter_values_arrive_as_given(sdk: ModuleType, server: RecordingServer) -> None:
    rng = random.Random(SEED)
    sent = refused = 0
    with sdk.SyncSdk(server_url=server.url) as client:
        for case in range(CASES):
            call: dict[str, Any] = {"id": _text(rng), "kind": _text(rng)}
            for name, make in (
                ("q", lambda: _text(rng)),
                ("tags", lambda: [_text(rng) for _ in range(rng.randint(0, 3))]),
                ("x_trace", lambda: _text(rng)),
                ("x_tags", lambda: [_text(rng) for _ in range(rng.randint(0, 3))]),
                ("session", lambda: _text(rng)),
                ("flavours", lambda: [_text(rng) for _ in range(rng.randint(0, 3))]),
            ):
                if rng.random() < 0.6:
                    call[name] = make()
            before = len(server.requests)
            # Each reason the call must be refused; which one it names first is the SDK's choice.
            reasons = [
                *(["'X-Trace'"] if not _sendable_in_a_header(call.get("x_trace", "")) else []),
                *(["'X-Tags'"] if not all(map(_sendable_in_a_header, call.get("x_tags", []))) else []),
                *(["path parameter cannot be empty"] if "" in (call["id"], call["kind"]) else []),
            ]
            if reasons:
                with pytest.raises(ValueError, match="|".join(reasons)):
                    client.get_thing(**call, retries=None)
                assert len(server.requests) == before, f"case {case}: sent despite the error"
                refused += 1
                continue
            server.enqueue(ScriptedResponse.make(204))
            client.get_thing(**call, retries=None)
            (request,) = server.requests[before:]
            try:
                _check_get(request, call)
            except AssertionError as error:
                raise AssertionError(f"case {case} (seed {SEED}): {call!r} arrived as {request.as_dict()}") from error
            sent += 1
    # Both outcomes were exercised, or the test says nothing about one of them.
    assert sent > CASES // 3 and refused > CASES // 10, (sent, refused)


def test_random_text_in_a_json_body_arrives_as_given(sdk: ModuleType, server: RecordingServer) -> None:
    rng = random.Random(SEED + 1)
    with sdk.SyncSdk(server_url=server.url) as client:
        for case in range(CASES):
            body: dict[str, Any] = {"name": _text(rng)}
            if rng.random() < 0.5:
                body["notes"] = [_text(rng) for _ in range(rng.randint(0, 3))]
            before = len(server.requests)
            server.enqueue(ScriptedResponse.make(204))
            client.add_thing(**body, retries=None)
            (request,) = server.requests[before:]
            assert json.loads(request.body) == body, f"case {case} (seed {SEED + 1})"
            assert request.path == "/things"


@pytest.mark.parametrize("number", [float("nan"), float("inf"), -float("inf")])
def test_a_number_json_has_no_word_for_is_refused_before_sending(number: float, server: RecordingServer) -> None:
    from friendli import SyncFriendli

    before = len(server.requests)
    required: dict[str, Any] = {"model": "m", "prompt": "p", "num_inference_steps": 1}
    with SyncFriendli(token="t", server_url=server.url, retry_config=None) as client:
        with pytest.raises(ValueError, match="JSON"):
            client.dedicated.image.generate(**required, guidance_scale=number)
        with pytest.raises(ValueError, match="JSON"):
            client.dedicated.image.generate(**required, controlnet_weights=[1.0, number])
    assert len(server.requests) == before  # it was sent as `NaN`, which no JSON parser reads
