"""Server-sent events: typed events, the sentinel, and a connection that closes on break."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Iterator

import pytest
from support.generation import generate_sdk, imported_sdk
from support.recording_server import RecordingServer, ScriptedResponse

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT.parent / "shared" / "specs" / "friendli-2024-11.yaml"

EVENTS = (
    'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}],"created":1}\n\n'
    ": keep-alive comment\n\n"
    'data: {"choices":[{"index":0,"delta":{"content":" there"},"finish_reason":"stop"}],"created":2}\n\n'
    "data: [DONE]\n\n"
    'data: {"choices":[],"created":3}\n\n'
)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with imported_sdk(generate_sdk(SPEC, tmp_path_factory.mktemp("sse") / "sdk")) as package:
        yield package


def stream_response() -> ScriptedResponse:
    return ScriptedResponse.make(200, {"content-type": "text/event-stream"}, EVENTS)


def call(client: Any) -> Any:
    return client.inference.chat_completion(
        model="m", messages=[{"role": "user", "content": "hello"}], stream=True, retries=None
    )


def test_events_are_typed_and_stop_at_the_sentinel(sdk: Any) -> None:
    with RecordingServer() as server:
        server.enqueue(stream_response())
        with sdk.SyncSdk(bearer_auth="t", server_url=server.url) as client:
            events = list(call(client))
    assert [type(e).__name__ for e in events] == ["StreamedChatCompletionResponse"] * 2
    assert [e.data.choices[0].delta.content for e in events] == ["Hi", " there"]
    assert server.requests[0].body.startswith(b'{"model":"m"')


def test_breaking_out_closes_the_connection(sdk: Any) -> None:
    with RecordingServer() as server:
        server.enqueue(stream_response())
        with sdk.SyncSdk(bearer_auth="t", server_url=server.url) as client:
            stream = call(client)
            for _ in stream:
                break
            assert stream.response.is_closed


def test_json_responses_still_parse_when_not_streaming(sdk: Any) -> None:
    body = (
        '{"choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],'
        '"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2},"created":1}'
    )
    with RecordingServer() as server:
        server.enqueue(ScriptedResponse.make(200, {"content-type": "application/json"}, body))
        with sdk.SyncSdk(bearer_auth="t", server_url=server.url) as client:
            result = call(client)
    assert type(result).__name__ == "ChatCompletionResponse"


def test_async_stream(sdk: Any) -> None:
    async def main(url: str) -> list[Any]:
        async with sdk.AsyncSdk(bearer_auth="t", server_url=url) as client:
            stream = await call(client)
            return [event async for event in stream]

    with RecordingServer() as server:
        server.enqueue(stream_response())
        events = asyncio.run(main(server.url))
    assert [e.data.choices[0].delta.content for e in events] == ["Hi", " there"]


def test_friendli_serverless_chat_stream_yields_typed_chunks() -> None:
    """The flagship SDK: `serverless.chat.stream` over real HTTP, ending at `[DONE]`."""
    from friendli import SyncFriendli

    with RecordingServer() as server:
        server.enqueue(stream_response())
        with SyncFriendli(token="t", server_url=server.url) as client:
            stream = client.serverless.chat.stream(
                model="meta-llama-3.1-8b-instruct", messages=[{"role": "user", "content": "hi"}], stream=True
            )
            chunks = [event.data.choices[0].delta.content for event in stream]
    request = server.requests[0]
    assert request.path == "/serverless/v1/chat/completions"
    assert dict((k.lower(), v) for k, v in request.headers)["accept"] == "text/event-stream"
    assert chunks == ["Hi", " there"]


def test_an_event_that_breaks_its_schema_is_a_response_validation_error(sdk: Any) -> None:
    """As for a body that breaks its schema: the SDK's own error, with the event's text as its
    body, and the connection closed."""
    broken = 'data: {"choices":5,"created":1}\n\n'
    with RecordingServer() as server:
        server.enqueue(ScriptedResponse.make(200, {"content-type": "text/event-stream"}, broken))
        with sdk.SyncSdk(bearer_auth="t", server_url=server.url) as client:
            stream = call(client)
            with pytest.raises(sdk.models.ResponseValidationError) as caught:
                list(stream)
    assert caught.value.body == '{"choices":5,"created":1}'
    assert caught.value.status_code == 200
    assert isinstance(caught.value, sdk.models.SDKError)
    assert "choices" in str(caught.value)
    assert stream.response.is_closed
