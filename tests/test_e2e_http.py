"""End-to-end HTTP tests of the generated SDK, imported in-process, against RecordingServer.

Every test makes real HTTP calls on 127.0.0.1 and checks what arrived on the wire (method,
path, headers, body bytes) and what the SDK made of the scripted reply. Expected values come
from the API document (spec/friendli.yaml: path, example values, retry status codes) and
from the published SDK's documented behaviour, never from our own output.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import re
import runpy
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from friendli import AsyncFriendli, SyncFriendli, models
from friendli.utils import BackoffStrategy, RetryConfig
from support.recording_server import RecordedRequest, RecordingServer, ScriptedResponse, unused_port

REPO_ROOT = Path(__file__).resolve().parents[1]
DOCS_PAGE = REPO_ROOT / "generated" / "docs" / "sdks" / "dedicatedimage" / "README.md"

PATH = "/dedicated/v1/images/generations"
TOKEN = "e2e-secret-token-4f9c2b7d"
# The example values of spec/friendli.yaml (DedicatedImageGenerationBody and ImageInput).
EXAMPLE_MODEL = "(endpoint-id)"
EXAMPLE_PROMPT = (
    "An orange Lamborghini driving down a hill road at night with a beautiful ocean view in the background."
)
EXAMPLE_IMAGE = "https://huggingface.co/datasets/huggingface/documentation-images/resolve/main/diffusers/cat.png"
REQUIRED: dict[str, Any] = {"model": EXAMPLE_MODEL, "prompt": "a red fox", "num_inference_steps": 10}

URL_PAYLOAD: dict[str, Any] = {
    "data": [
        {"seed": 42, "response_format": "url", "url": "https://example.com/images/generated-0.png"},
        {"seed": 43, "response_format": "url", "url": "https://example.com/images/generated-1.png"},
    ]
}
B64_PAYLOAD: dict[str, Any] = {"data": [{"seed": 7, "response_format": "png", "b64_json": "aGVsbG8gd29ybGQ="}]}
# The x-speakeasy-retries statusCodes of the API document.
RETRY_STATUSES = (429, 500, 502, 503, 504)


def compact(value: Any) -> bytes:
    """JSON as the SDKs send it: no spaces, key order kept."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def fast_retries(max_elapsed_ms: int = 2000, connection_errors: bool = True) -> RetryConfig:
    """Retries that sleep a few milliseconds at most, so tests stay quick."""
    return RetryConfig("backoff", BackoffStrategy(1, 20, 1.5, max_elapsed_ms), connection_errors)


def client_for(server: RecordingServer, **kwargs: Any) -> SyncFriendli:
    """A sync client pointed at the recording server with the test token."""
    options: dict[str, Any] = {"token": TOKEN, "server_url": server.url}
    options.update(kwargs)
    return SyncFriendli(**options)


def only_request(server: RecordingServer) -> RecordedRequest:
    """The single request the server got; fails if there were more or none."""
    requests = server.requests
    assert len(requests) == 1, [r.as_dict() for r in requests]
    return requests[0]


def dead_url() -> str:
    """A base URL nothing listens on: connecting to it is refused."""
    return f"http://127.0.0.1:{unused_port()}"


class CountingTransport(httpx.HTTPTransport):
    """An httpx transport that counts attempts, even those that never connect."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return super().handle_request(request)


@pytest.fixture(autouse=True)
def _successful_default_reply(recording_server: RecordingServer) -> None:
    """Unscripted requests get a valid success reply (the server's own default is `{}`)."""
    recording_server.set_default(ScriptedResponse.json(URL_PAYLOAD))


# ------------------------------------------------------------------ the docs snippet


def usage_snippet() -> str:
    """The ```python block that follows "### Example Usage" on the generated docs page."""
    text = DOCS_PAGE.read_text(encoding="utf-8")
    assert "### Example Usage" in text
    section = text.split("### Example Usage", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "no python block after '### Example Usage'"
    return match.group(1)


def test_docs_usage_snippet_runs_and_sends_the_documented_request(
    recording_server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    snippet = usage_snippet()
    constructor_arg = 'token=os.getenv("FRIENDLI_TOKEN", ""),'
    assert snippet.count(constructor_arg) == 1, snippet
    assert "server_url" not in snippet
    edited = snippet.replace(constructor_arg, f"{constructor_arg}\n    server_url={recording_server.url!r},")
    script = tmp_path / "usage_snippet.py"
    script.write_text(edited, encoding="utf-8")
    monkeypatch.setenv("FRIENDLI_TOKEN", TOKEN)
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD))

    namespace = runpy.run_path(str(script), run_name="__main__")

    request = only_request(recording_server)
    assert request.method == "POST"
    assert request.path == PATH
    assert request.header_values("Authorization") == [f"Bearer {TOKEN}"]
    assert request.header_values("Accept") == ["application/json"]
    assert request.header_values("Content-Type") == ["application/json"]
    assert request.header_values("X-Friendli-Team") == []
    assert request.body == compact(
        {
            "model": EXAMPLE_MODEL,
            "prompt": EXAMPLE_PROMPT,
            "num_inference_steps": 10,
            "control_images": [{"image": EXAMPLE_IMAGE}],
        }
    )
    expected = models.DedicatedImageGenerateSuccess.model_validate(URL_PAYLOAD)
    res = namespace["res"]
    assert type(res) is models.DedicatedImageGenerateSuccess
    assert repr(res) == repr(expected)
    assert res == expected
    # `print(res)` prints str(res); for pydantic models that is the repr without the
    # class name, as in the published SDK. The printed text must be the parsed model.
    assert capsys.readouterr().out == f"{expected}\n"


# ------------------------------------------------------------------ request bodies


def test_omitted_optional_args_are_absent_from_the_body(recording_server: RecordingServer) -> None:
    with client_for(recording_server) as f:
        f.dedicated.image.generate(**REQUIRED)
    request = only_request(recording_server)
    assert request.body == compact(REQUIRED)
    assert request.header_values("Content-Type") == ["application/json"]


@pytest.mark.parametrize("field", ["guidance_scale", "seed", "response_format", "control_images", "controlnet_weights"])
def test_none_is_sent_as_null(recording_server: RecordingServer, field: str) -> None:
    extra: dict[str, Any] = {field: None}
    with client_for(recording_server) as f:
        f.dedicated.image.generate(**REQUIRED, **extra)
    assert only_request(recording_server).body == compact({**REQUIRED, field: None})


def test_all_optional_args_in_schema_order_and_numbers_as_floats(recording_server: RecordingServer) -> None:
    control_images: list[models.ImageInputTypedDict] = [{"image": "a"}]
    with client_for(recording_server) as f:
        f.dedicated.image.generate(
            controlnet_weights=[1, 0.5],
            control_images=control_images,
            response_format="png",
            seed=99,
            guidance_scale=7,
            **REQUIRED,
        )
    assert only_request(recording_server).body == compact(
        {
            **REQUIRED,
            "guidance_scale": 7.0,
            "seed": 99,
            "response_format": "png",
            "control_images": [{"image": "a"}],
            "controlnet_weights": [1.0, 0.5],
        }
    )
    assert b'"guidance_scale":7.0' in only_request(recording_server).body


def test_control_images_as_dicts_or_models_give_identical_bytes(recording_server: RecordingServer) -> None:
    images = ["https://example.com/a.png", "aGVsbG8="]
    as_typed_dicts: list[models.ImageInputTypedDict] = [{"image": i} for i in images]
    with client_for(recording_server) as f:
        f.dedicated.image.generate(**REQUIRED, control_images=as_typed_dicts)
        f.dedicated.image.generate(**REQUIRED, control_images=[models.ImageInput(image=i) for i in images])
    as_dicts, as_models = recording_server.requests
    assert as_dicts.body == as_models.body
    assert as_dicts.body == compact({**REQUIRED, "control_images": [{"image": i} for i in images]})


def test_x_friendli_team_is_sent_as_header(recording_server: RecordingServer) -> None:
    with client_for(recording_server) as f:
        f.dedicated.image.generate(**REQUIRED, x_friendli_team="team-123")
    request = only_request(recording_server)
    assert request.header_values("X-Friendli-Team") == ["team-123"]
    assert "X-Friendli-Team" in request.header_names
    assert request.body == compact(REQUIRED)


@pytest.mark.parametrize("team", ["omitted", None, ""], ids=["omitted", "none", "empty"])
def test_x_friendli_team_header_left_out(recording_server: RecordingServer, team: str | None) -> None:
    extra: dict[str, Any] = {} if team == "omitted" else {"x_friendli_team": team}
    with client_for(recording_server) as f:
        f.dedicated.image.generate(**REQUIRED, **extra)
    request = only_request(recording_server)
    assert request.header_values("X-Friendli-Team") == []
    assert request.body == compact(REQUIRED)


# ------------------------------------------------------------------ parsed responses


def test_url_items_are_parsed(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD))
    with client_for(recording_server) as f:
        res = f.dedicated.image.generate(**REQUIRED)
    assert isinstance(res, models.DedicatedImageGenerateSuccess)
    assert [type(item) for item in res.data] == [models.URLImageItem, models.URLImageItem]
    assert res.model_dump(mode="json") == URL_PAYLOAD
    first = res.data[0]
    assert isinstance(first, models.URLImageItem)
    assert (first.seed, first.response_format, first.url) == (42, "url", URL_PAYLOAD["data"][0]["url"])


def test_b64_items_are_parsed_with_bytes(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(B64_PAYLOAD))
    with client_for(recording_server) as f:
        res = f.dedicated.image.generate(**REQUIRED, response_format="png")
    (item,) = res.data
    assert type(item) is models.B64ImageItem
    assert item.seed == 7
    assert item.response_format == "png"
    # The field is the base64 text itself, as bytes (not decoded).
    assert item.b64_json == b"aGVsbG8gd29ybGQ="


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize("status", [400, 401, 404, 422, 500, 503])
def test_error_statuses_raise_sdk_error(recording_server: RecordingServer, status: int) -> None:
    body = f"problem {status}"
    recording_server.enqueue(
        ScriptedResponse.make(status, {"Content-Type": "text/plain", "X-Request-Id": "rid-1"}, body)
    )
    with client_for(recording_server) as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED, retries=None)
    err = caught.value
    assert err.status_code == status
    assert err.body == body
    assert err.headers["x-request-id"] == "rid-1"
    assert isinstance(err.raw_response, httpx.Response)
    assert err.raw_response.status_code == status
    assert str(err) == f"API error occurred: Status {status} Content-Type text/plain. Body: {body}"
    assert len(recording_server.requests) == 1


def test_error_message_format_for_bad_request(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.make(400, {"Content-Type": "text/plain"}, "bad request"))
    with client_for(recording_server) as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED)
    assert str(caught.value) == "API error occurred: Status 400 Content-Type text/plain. Body: bad request"


def test_error_message_json_and_quoted_content_types(recording_server: RecordingServer) -> None:
    recording_server.enqueue(
        ScriptedResponse.json({"detail": "nope"}, status=422),
        ScriptedResponse.make(418, {"Content-Type": "text/plain; charset=utf-8"}, "teapot"),
    )
    with client_for(recording_server) as f:
        with pytest.raises(models.SDKError) as json_error:
            f.dedicated.image.generate(**REQUIRED)
        with pytest.raises(models.SDKError) as quoted:
            f.dedicated.image.generate(**REQUIRED)
    assert str(json_error.value) == 'API error occurred: Status 422. Body: {"detail":"nope"}'
    assert str(quoted.value) == 'API error occurred: Status 418 Content-Type "text/plain; charset=utf-8". Body: teapot'


def test_token_never_leaks_into_errors_client_or_logs(
    recording_server: RecordingServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    recording_server.enqueue(
        ScriptedResponse.make(503, {"Content-Type": "text/plain"}, "busy"),
        ScriptedResponse.make(401, {"Content-Type": "text/plain"}, "unauthorized"),
    )
    client = client_for(recording_server, retry_config=fast_retries())
    with client as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED)
    err = caught.value
    assert err.status_code == 401
    assert [r.header("Authorization") for r in recording_server.requests] == [f"Bearer {TOKEN}"] * 2
    texts = [str(err), repr(err), err.message, repr(err.args), str(client), repr(client)]
    texts += [str(client.dedicated), repr(client.dedicated.image)]
    texts += [record.getMessage() for record in caplog.records]
    texts.append(caplog.text)
    assert caplog.records, "expected httpx to log the requests at DEBUG/INFO"
    for text in texts:
        assert TOKEN not in text


# ------------------------------------------------------------------ retries


@pytest.mark.parametrize("status", RETRY_STATUSES)
def test_retryable_status_then_success(recording_server: RecordingServer, status: int) -> None:
    recording_server.enqueue(
        ScriptedResponse.make(status, body="again"),
        ScriptedResponse.make(status, body="again"),
        ScriptedResponse.json(URL_PAYLOAD),
    )
    with client_for(recording_server) as f:
        res = f.dedicated.image.generate(**REQUIRED, retries=fast_retries())
    assert res.model_dump(mode="json") == URL_PAYLOAD
    requests = recording_server.requests
    assert len(requests) == 3
    assert {r.body for r in requests} == {compact(REQUIRED)}
    assert all(r.header("Authorization") == f"Bearer {TOKEN}" for r in requests)


def test_client_level_retry_config_applies(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.make(503), ScriptedResponse.json(URL_PAYLOAD))
    with client_for(recording_server, retry_config=fast_retries()) as f:
        res = f.dedicated.image.generate(**REQUIRED)
    assert res.model_dump(mode="json") == URL_PAYLOAD
    assert len(recording_server.requests) == 2


def test_retries_exhausted_returns_last_503_as_sdk_error(recording_server: RecordingServer) -> None:
    def busy(request: RecordedRequest) -> ScriptedResponse:
        return ScriptedResponse.make(503, {"Content-Type": "text/plain"}, f"busy {request.index}")

    recording_server.set_default(busy)
    started = time.monotonic()
    with client_for(recording_server) as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED, retries=fast_retries(max_elapsed_ms=150))
    elapsed = time.monotonic() - started
    requests = recording_server.requests
    assert len(requests) >= 2
    assert caught.value.status_code == 503
    assert caught.value.body == f"busy {len(requests) - 1}"
    # Retrying stops once max_elapsed_time (150 ms) has passed, not before; generous upper bound.
    assert 0.15 <= elapsed < 10


@pytest.mark.parametrize("where", ["call", "client"])
def test_retries_none_disables_retries(recording_server: RecordingServer, where: str) -> None:
    recording_server.enqueue(ScriptedResponse.make(503, body="busy"), ScriptedResponse.json(URL_PAYLOAD))
    client_kwargs: dict[str, Any] = {"retry_config": None} if where == "client" else {}
    call_kwargs: dict[str, Any] = {"retries": None} if where == "call" else {}
    with client_for(recording_server, **client_kwargs) as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED, **call_kwargs)
    assert caught.value.status_code == 503
    assert len(recording_server.requests) == 1


@pytest.mark.parametrize("status", [400, 401, 404, 501])
def test_non_retryable_status_is_not_retried(recording_server: RecordingServer, status: int) -> None:
    recording_server.enqueue(ScriptedResponse.make(status, body="no"), ScriptedResponse.json(URL_PAYLOAD))
    with client_for(recording_server) as f, pytest.raises(models.SDKError) as caught:
        f.dedicated.image.generate(**REQUIRED, retries=fast_retries())
    assert caught.value.status_code == status
    assert len(recording_server.requests) == 1


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_retry_after_is_honoured(recording_server: RecordingServer, form: str) -> None:
    # The HTTP-date has one-second resolution: now + 2 s asks for a wait of 1 to 2 s.
    value = "1" if form == "seconds" else email.utils.formatdate(time.time() + 2, usegmt=True)
    recording_server.enqueue(
        ScriptedResponse.make(503, {"Retry-After": value}, "later"),
        ScriptedResponse.json(URL_PAYLOAD),
    )
    # Backoff alone would wait at most 20 ms: a longer gap can only come from Retry-After.
    with client_for(recording_server) as f:
        res = f.dedicated.image.generate(
            **REQUIRED, retries=RetryConfig("backoff", BackoffStrategy(1, 20, 1.5, 10000), True)
        )
    assert res.model_dump(mode="json") == URL_PAYLOAD
    (gap,) = recording_server.intervals()
    assert 0.9 <= gap < 5, f"gap between attempts was {gap:.3f} s for Retry-After {value!r}"


def test_connection_errors_are_retried_until_max_elapsed_time() -> None:
    transport = CountingTransport()
    started = time.monotonic()
    with (
        httpx.Client(transport=transport) as http,
        SyncFriendli(token=TOKEN, server_url=dead_url(), client=http) as f,
        pytest.raises(httpx.ConnectError),
    ):
        f.dedicated.image.generate(**REQUIRED, retries=fast_retries(max_elapsed_ms=300))
    elapsed = time.monotonic() - started
    assert transport.attempts >= 2
    assert 0.3 <= elapsed < 10


def test_connection_errors_not_retried_when_disabled() -> None:
    transport = CountingTransport()
    with (
        httpx.Client(transport=transport) as http,
        SyncFriendli(token=TOKEN, server_url=dead_url(), client=http) as f,
        pytest.raises(httpx.ConnectError),
    ):
        f.dedicated.image.generate(**REQUIRED, retries=fast_retries(max_elapsed_ms=5000, connection_errors=False))
    assert transport.attempts == 1


def test_connection_error_without_custom_client() -> None:
    with SyncFriendli(token=TOKEN, server_url=dead_url()) as f, pytest.raises(httpx.ConnectError):
        f.dedicated.image.generate(**REQUIRED, retries=fast_retries(max_elapsed_ms=100))


# ------------------------------------------------------------------ timeouts


def test_client_timeout_raises(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD, delay=1.0))
    started = time.monotonic()
    with client_for(recording_server, timeout_ms=200) as f, pytest.raises(httpx.TimeoutException):
        f.dedicated.image.generate(**REQUIRED, retries=None)
    assert time.monotonic() - started < 0.9  # gave up before the 1 s reply came
    assert len(recording_server.requests) == 1


def test_per_call_timeout_shorter_than_client_timeout(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD, delay=1.0))
    with client_for(recording_server, timeout_ms=5000) as f, pytest.raises(httpx.TimeoutException):
        f.dedicated.image.generate(**REQUIRED, retries=None, timeout_ms=200)


def test_per_call_timeout_longer_than_client_timeout(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD, delay=0.5))
    with client_for(recording_server, timeout_ms=100) as f:
        res = f.dedicated.image.generate(**REQUIRED, retries=None, timeout_ms=5000)
    assert res.model_dump(mode="json") == URL_PAYLOAD


# ------------------------------------------------------------------ async client


def test_async_client_sends_the_same_request_as_sync(recording_server: RecordingServer) -> None:
    kwargs: dict[str, Any] = {
        **REQUIRED,
        "x_friendli_team": "team-9",
        "guidance_scale": 3,
        "control_images": [{"image": "x"}],
    }
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD), ScriptedResponse.json(B64_PAYLOAD))
    with client_for(recording_server) as f:
        sync_res = f.dedicated.image.generate(**kwargs)

    async def main() -> models.DedicatedImageGenerateSuccess:
        async with AsyncFriendli(token=TOKEN, server_url=recording_server.url) as af:
            return await af.dedicated.image.generate(**kwargs)

    async_res = asyncio.run(main())
    sync_req, async_req = recording_server.requests
    assert (async_req.method, async_req.path) == ("POST", PATH)
    assert async_req.body == sync_req.body
    assert async_req.headers == sync_req.headers
    assert async_req.header_values("Authorization") == [f"Bearer {TOKEN}"]
    assert async_req.header_values("X-Friendli-Team") == ["team-9"]
    assert sync_res.model_dump(mode="json") == URL_PAYLOAD
    assert async_res.model_dump(mode="json") == B64_PAYLOAD
    assert type(async_res.data[0]) is models.B64ImageItem


def test_async_retry_then_success(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.make(503), ScriptedResponse.make(503), ScriptedResponse.json(URL_PAYLOAD))

    async def main() -> models.DedicatedImageGenerateSuccess:
        async with AsyncFriendli(token=TOKEN, server_url=recording_server.url) as af:
            return await af.dedicated.image.generate(**REQUIRED, retries=fast_retries())

    assert asyncio.run(main()).model_dump(mode="json") == URL_PAYLOAD
    assert len(recording_server.requests) == 3


def test_async_sdk_error(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.make(404, {"Content-Type": "text/plain"}, "not found"))

    async def main() -> None:
        async with AsyncFriendli(token=TOKEN, server_url=recording_server.url) as af:
            await af.dedicated.image.generate(**REQUIRED)

    with pytest.raises(models.SDKError) as caught:
        asyncio.run(main())
    assert caught.value.status_code == 404
    assert caught.value.body == "not found"
    assert str(caught.value) == "API error occurred: Status 404 Content-Type text/plain. Body: not found"
    assert TOKEN not in repr(caught.value)


def test_async_timeout(recording_server: RecordingServer) -> None:
    recording_server.enqueue(ScriptedResponse.json(URL_PAYLOAD, delay=1.0))

    async def main() -> None:
        async with AsyncFriendli(token=TOKEN, server_url=recording_server.url, timeout_ms=200) as af:
            await af.dedicated.image.generate(**REQUIRED, retries=None)

    with pytest.raises(httpx.TimeoutException):
        asyncio.run(main())


# ------------------------------------------------------------------ custom clients, headers, URLs


def test_custom_httpx_client_is_used_and_left_open(recording_server: RecordingServer) -> None:
    http = httpx.Client(headers={"X-Custom-Client": "mine"})
    try:
        with SyncFriendli(token=TOKEN, server_url=recording_server.url, client=http) as f:
            f.dedicated.image.generate(**REQUIRED)
        assert not http.is_closed
        assert http.get(recording_server.url + "/still-usable").status_code == 200
    finally:
        http.close()
    first, second = recording_server.requests
    assert first.path == PATH
    assert first.header_values("X-Custom-Client") == ["mine"]
    assert first.header_values("Authorization") == [f"Bearer {TOKEN}"]
    assert first.body == compact(REQUIRED)
    assert second.path == "/still-usable"


def test_custom_async_httpx_client_is_used_and_left_open(recording_server: RecordingServer) -> None:
    async def main() -> bool:
        async with httpx.AsyncClient(headers={"X-Custom-Client": "async"}) as http:
            async with AsyncFriendli(token=TOKEN, server_url=recording_server.url, async_client=http) as af:
                await af.dedicated.image.generate(**REQUIRED)
            return http.is_closed

    assert asyncio.run(main()) is False
    assert only_request(recording_server).header_values("X-Custom-Client") == ["async"]


def test_http_headers_add_and_override(recording_server: RecordingServer) -> None:
    with client_for(recording_server) as f:
        f.dedicated.image.generate(
            **REQUIRED,
            x_friendli_team="from-arg",
            http_headers={
                "X-Extra": "extra-value",
                "Accept": "application/json, text/plain",
                "X-Friendli-Team": "from-http-headers",
            },
        )
    request = only_request(recording_server)
    assert request.header_values("X-Extra") == ["extra-value"]
    assert request.header_values("Accept") == ["application/json, text/plain"]
    assert request.header_values("X-Friendli-Team") == ["from-http-headers"]
    assert request.header_values("Authorization") == [f"Bearer {TOKEN}"]
    assert request.body == compact(REQUIRED)


def test_per_call_server_url_overrides_client_server_url(recording_server: RecordingServer) -> None:
    with SyncFriendli(token=TOKEN, server_url=dead_url()) as f:
        res = f.dedicated.image.generate(**REQUIRED, server_url=recording_server.url, retries=None)
    request = only_request(recording_server)
    assert (request.method, request.path) == ("POST", PATH)
    assert request.body == compact(REQUIRED)
    assert res.model_dump(mode="json") == URL_PAYLOAD


def test_token_from_environment_and_bearer_prefix(
    recording_server: RecordingServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRIENDLI_TOKEN", "env-token")
    with SyncFriendli(server_url=recording_server.url) as f:
        f.dedicated.image.generate(**REQUIRED)
    with SyncFriendli(token="Bearer already-prefixed", server_url=recording_server.url) as f:
        f.dedicated.image.generate(**REQUIRED)
    from_env, prefixed = recording_server.requests
    assert from_env.header_values("Authorization") == ["Bearer env-token"]
    assert prefixed.header_values("Authorization") == ["Bearer already-prefixed"]
