"""Damaged responses, made at random (seeded), against the generated Friendli SDK over real HTTP:
a call returns what the document describes or raises the SDK's own error (`SDKError`, of which
`ResponseValidationError` is one), never another exception; a stream does the same as it is read.

Each case takes a valid response of an operation (JSON or server-sent events), damages its data
or its bytes (tests/support/mutations.py) or its content type, and serves it from a local server.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from friendli import AsyncFriendli, SyncFriendli, models
from support.mutations import mutate_data, mutate_text
from support.recording_server import RecordingServer, ScriptedResponse

JSON = "application/json"
EVENTS = "text/event-stream"
CHAT = {
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    "created": 1,
}
CHUNKS = [
    {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi"}, "finish_reason": None}], "created": 1},
    {"choices": [{"index": 0, "delta": {"content": " there"}, "finish_reason": "stop"}], "created": 2},
]
MESSAGES: list[Any] = [{"role": "user", "content": "hi"}]

Call = Callable[[str], Any]
"""An operation called on the server at a URL, its result read whole (a stream to its end)."""


def _sync(call: Callable[[SyncFriendli], Any]) -> Call:
    def on(url: str) -> Any:
        with SyncFriendli(token="t", server_url=url, retry_config=None) as client:
            return call(client)

    return on


def _async_stream(url: str) -> list[Any]:
    async def read() -> list[Any]:
        async with AsyncFriendli(token="t", server_url=url, retry_config=None) as client:
            stream = await client.serverless.chat.stream(model="m", messages=MESSAGES)
            return [event async for event in stream]

    return asyncio.run(read())


OPERATIONS: dict[str, tuple[Call, str, Any]] = {
    "image": (
        _sync(lambda c: c.dedicated.image.generate(model="m", prompt="p", num_inference_steps=1)),
        JSON,
        {"data": [{"seed": 42, "response_format": "url", "url": "https://example.com/0.png"}]},
    ),
    "image-b64": (
        _sync(lambda c: c.dedicated.image.generate(model="m", prompt="p", num_inference_steps=1)),
        JSON,
        {"data": [{"seed": 7, "response_format": "png", "b64_json": "aGVsbG8="}]},
    ),
    "chat": (_sync(lambda c: c.serverless.chat.complete(model="m", messages=MESSAGES)), JSON, CHAT),
    "chat-stream": (_sync(lambda c: list(c.serverless.chat.stream(model="m", messages=MESSAGES))), EVENTS, CHUNKS),
    "chat-stream-async": (_async_stream, EVENTS, CHUNKS),
    "tokenize": (_sync(lambda c: c.serverless.token.tokenize(model="m", prompt="p")), JSON, {"tokens": [1, 2, 3]}),
    "detokenize": (_sync(lambda c: c.serverless.token.detokenize(model="m", tokens=[1])), JSON, {"text": "hello"}),
}
CASES_PER_BATCH = 60


def _body(kind: str, data: Any) -> bytes:
    if kind == EVENTS:
        return "".join(f"data: {json.dumps(event)}\n\n" for event in data).encode() + b"data: [DONE]\n\n"
    return json.dumps(data).encode()


def _damaged(rng: random.Random, kind: str, data: Any) -> tuple[str, bytes, list[str]]:
    """A content type and body, one of them damaged, and what was done."""
    how = rng.randrange(3)
    if how == 0:
        changed, done = mutate_data({"body": data}, rng)
        body = changed.get("body") if isinstance(changed, dict) else None
        return kind, _body(kind, body if body is not None else []), done
    if how == 1:
        raw, done = mutate_text(_body(kind, data), rng)
        return kind, raw, done
    other = rng.choice(["text/plain", "application/octet-stream", EVENTS if kind == JSON else JSON, ""])
    return other, _body(kind, data), [f"content type {other!r}"]


def _outcome(call: Call, url: str) -> str:
    """The class name of the SDK error raised, or "ok"; anything else raised fails the test."""
    try:
        call(url)
    except models.SDKError as error:
        return type(error).__name__
    return "ok"


def test_every_valid_response_parses() -> None:
    """The cases below start from responses the SDK accepts: otherwise they prove nothing."""
    with RecordingServer() as server:
        for name, (call, kind, data) in OPERATIONS.items():
            server.enqueue(ScriptedResponse.make(200, {"content-type": kind}, _body(kind, data)))
            assert _outcome(call, server.url) == "ok", name


@pytest.mark.parametrize("seed", range(3))
def test_a_damaged_response_gives_a_result_or_the_sdks_error(seed: int) -> None:
    rng = random.Random(seed)
    outcomes: dict[str, int] = {}
    with RecordingServer() as server:
        for index in range(CASES_PER_BATCH):
            name = rng.choice(sorted(OPERATIONS))
            call, kind, data = OPERATIONS[name]
            content_type, body, done = _damaged(rng, kind, data)
            headers = {"content-type": content_type} if content_type else {}
            server.enqueue(ScriptedResponse.make(200, headers, body))
            try:
                outcome = _outcome(call, server.url)
            except Exception as error:  # the promise broken: say which case, and how
                pytest.fail(
                    f"seed {seed}, case {index}: {name}, {done}: {type(error).__name__}: {error}\n{body[:500]!r}"
                )
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert outcomes.get("ResponseValidationError"), outcomes  # damage the SDK noticed
