"""Self-test of the wire-compatibility harness, so SDK test failures can be trusted.

Plain-httpx and raw-socket tests pin the recording server's behaviour; the
``reference_venv`` tests run run_calls.py under the published friendli package.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from support import run_calls as run_calls_module
from support.harness import NONE, image_call, image_input, retry_json, run_calls, stable
from support.recording_server import (
    RecordedRequest,
    RecordingServer,
    ScriptedResponse,
    unused_port,
)
from support.venvs import REFERENCE_SPEC, REPO_ROOT, is_ready

pytest_plugins = ("support.pytest_plugin",)

URL_SUCCESS = {
    "data": [{"seed": 42, "response_format": "url", "url": "https://example.com/0.png"}]
}
B64_SUCCESS = {"data": [{"seed": 7, "response_format": "png", "b64_json": "aGVsbG8="}]}


# --------------------------------------------------------------------------- server


def test_records_method_path_query_headers_and_body(
    recording_server: RecordingServer,
) -> None:
    """The recording is what the client sent, including header case and order."""
    with httpx.Client() as client:
        client.post(
            recording_server.url + "/a/b?x=1&y=%20",
            content=b'{"k": 1}',
            headers=[("X-Mixed-Case", "v1"), ("x-lower", "v2"), ("X-Mixed-Case", "v3")],
        )
    (req,) = recording_server.requests
    assert req.method == "POST"
    assert req.path == "/a/b?x=1&y=%20"
    assert req.body == b'{"k": 1}'
    assert req.header("content-length") == "8"
    names = req.header_names
    assert names.index("X-Mixed-Case") < names.index("x-lower")
    assert req.header_values("x-mixed-case") == ["v1", "v3"]
    assert req.json() == {"k": 1}


def test_scripted_queue_then_default(recording_server: RecordingServer) -> None:
    """Queued replies are used in order, then the default applies forever."""
    recording_server.enqueue(
        ScriptedResponse.make(429, {"Retry-After": "1"}, "slow down"),
        ScriptedResponse.json({"error": "boom"}, status=500),
    )
    recording_server.set_default(ScriptedResponse.json(URL_SUCCESS))
    with httpx.Client() as client:
        responses = [client.get(recording_server.url + f"/{i}") for i in range(4)]
    assert [r.status_code for r in responses] == [429, 500, 200, 200]
    assert responses[0].headers["retry-after"] == "1"
    assert responses[0].text == "slow down"
    assert responses[1].json() == {"error": "boom"}
    assert responses[3].json() == URL_SUCCESS
    assert recording_server.pending == 0


def test_callable_default_sees_the_request(recording_server: RecordingServer) -> None:
    """A responder function can echo request details (handy in benchmarks)."""

    def echo(req: RecordedRequest) -> ScriptedResponse:
        return ScriptedResponse.json({"path": req.path, "n": len(req.body)})

    recording_server.set_default(echo)
    with httpx.Client() as client:
        assert client.put(recording_server.url + "/e", content=b"abc").json() == {
            "path": "/e",
            "n": 3,
        }


def test_keep_alive_reuses_one_connection(recording_server: RecordingServer) -> None:
    """Sequential calls from one client stay on a single TCP connection."""
    with httpx.Client() as client:
        for i in range(20):
            assert client.post(recording_server.url, json={"i": i}).status_code == 200
    assert recording_server.connection_count == 1
    assert [r.json()["i"] for r in recording_server.requests] == list(range(20))
    assert {r.connection_id for r in recording_server.requests} == {1}


def test_chunked_request_body(recording_server: RecordingServer) -> None:
    """A streamed (chunked) upload is reassembled and flagged."""

    def parts() -> object:
        yield b"hello "
        yield b"world"

    with httpx.Client() as client:
        client.post(recording_server.url + "/c", content=parts())  # type: ignore[arg-type]
    (req,) = recording_server.requests
    assert req.chunked
    assert req.body == b"hello world"


def test_raw_pipelined_chunked_with_extensions_and_trailers(
    recording_server: RecordingServer,
) -> None:
    """Hand-written framing: chunk extensions, trailers and pipelining all parse."""
    raw = (
        b"POST /one HTTP/1.1\r\nHost: x\r\n"
        b"Transfer-Encoding: chunked\r\nX-Case: A\r\n\r\n"
        b"3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-Field: t\r\n\r\n"
        b"GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection(
        ("127.0.0.1", recording_server.port), timeout=5
    ) as sock:
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    assert received.count(b"HTTP/1.1 200 OK") == 2
    first, second = recording_server.requests
    assert (first.path, first.body, first.headers[-1]) == (
        "/one",
        b"abcde",
        ("X-Case", "A"),
    )
    assert (second.method, second.path, second.body) == ("GET", "/two", b"")


def test_delay_triggers_client_timeout(recording_server: RecordingServer) -> None:
    """A delayed reply lets tests provoke read timeouts deterministically."""
    recording_server.enqueue(ScriptedResponse(delay=1.0))
    with httpx.Client(timeout=0.1) as client, pytest.raises(httpx.ReadTimeout):
        client.get(recording_server.url)
    assert len(recording_server.requests) == 1


def test_delay_is_measurable(recording_server: RecordingServer) -> None:
    """The reply really waits for the scripted delay."""
    recording_server.enqueue(ScriptedResponse(delay=0.2))
    started = time.perf_counter()
    with httpx.Client() as client:
        client.get(recording_server.url)
    assert time.perf_counter() - started >= 0.2


def test_close_without_response(recording_server: RecordingServer) -> None:
    """A clean close mid-exchange is a RemoteProtocolError in httpx."""
    recording_server.enqueue(ScriptedResponse.disconnect())
    with httpx.Client() as client:
        with pytest.raises(httpx.RemoteProtocolError):
            client.post(recording_server.url, json={})
        # the next request transparently opens a new connection
        assert client.get(recording_server.url).status_code == 200
    assert len(recording_server.requests) == 2
    assert recording_server.connection_count == 2


def test_reset_connection(recording_server: RecordingServer) -> None:
    """An RST is a ReadError in httpx (distinct from a clean close)."""
    recording_server.enqueue(ScriptedResponse.disconnect(reset=True))
    with httpx.Client() as client, pytest.raises(httpx.ReadError):
        client.post(recording_server.url, json={})


def test_connection_refused_port() -> None:
    """unused_port gives a refused connection, i.e. httpx.ConnectError."""
    with httpx.Client() as client, pytest.raises(httpx.ConnectError):
        client.get(f"http://127.0.0.1:{unused_port()}/")


def test_reset_forgets_requests_and_script(recording_server: RecordingServer) -> None:
    """reset() empties recordings and unconsumed script entries."""
    recording_server.enqueue(ScriptedResponse(status=500), ScriptedResponse(status=501))
    with httpx.Client() as client:
        assert client.get(recording_server.url).status_code == 500
        recording_server.reset()
        assert recording_server.requests == []
        assert client.get(recording_server.url).status_code == 200


def test_concurrent_clients_all_recorded(recording_server: RecordingServer) -> None:
    """Thread safety: parallel clients get one scripted reply each, none lost."""
    recording_server.enqueue(*[ScriptedResponse(status=201) for _ in range(40)])
    statuses: list[int] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        with httpx.Client() as client:
            for i in range(20):
                code = client.post(
                    recording_server.url, json={"w": n, "i": i}
                ).status_code
                with lock:
                    statuses.append(code)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(recording_server.requests) == 160
    assert sorted(statuses).count(201) == 40
    assert [r.index for r in recording_server.requests] == list(range(160))


def test_stop_is_fast_with_idle_keepalive_and_pending_delay() -> None:
    """Stopping drops idle keep-alive sockets and cuts delays short."""
    server = RecordingServer().start()
    client = httpx.Client()
    client.get(server.url)  # leaves an idle keep-alive connection open
    server.enqueue(ScriptedResponse(delay=30))
    outcome: list[BaseException] = []

    def blocked_call() -> None:
        try:
            client.get(server.url)
        except httpx.HTTPError as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=blocked_call, daemon=True)
    waiter.start()
    server.wait_for_requests(2)
    started = time.perf_counter()
    server.stop()
    waiter.join(timeout=5)
    client.close()
    assert time.perf_counter() - started < 2
    assert not waiter.is_alive()
    assert len(outcome) == 1  # the delayed call failed instead of hanging


def test_many_calls_are_fast(recording_server: RecordingServer) -> None:
    """Benchmarks issue thousands of calls; keep the per-call overhead small."""
    started = time.perf_counter()
    with httpx.Client() as client:
        for i in range(500):
            client.post(recording_server.url, json={"i": i})
    assert time.perf_counter() - started < 10
    assert len(recording_server.requests) == 500


# ----------------------------------------------------------------- run_calls basics


def test_decode_value_markers_without_sdk() -> None:
    """Markers that need no SDK resolve in-process; unknown markers are errors."""
    decoded = run_calls_module.decode_value(
        {"a": NONE, "b": [1, {"$bytes": "x"}], "c": None}
    )
    assert decoded == {"a": None, "b": [1, b"x"], "c": None}
    with pytest.raises(run_calls_module.SpecError):
        run_calls_module.decode_value({"$bogus": 1})


def test_mask_hides_ports_and_addresses() -> None:
    """Messages compare across runs once ephemeral details are masked."""
    text = "http://127.0.0.1:41234/x at 0x7f00dead https://errors.pydantic.dev/2.14/v/x"
    assert run_calls_module.mask(text) == (
        "http://127.0.0.1:PORT/x at 0xADDR https://errors.pydantic.dev/VERSION/v/x"
    )


def test_run_calls_rejects_bad_input() -> None:
    """Malformed stdin is exit code 2, not a silent empty result."""
    proc = subprocess.run(
        [sys.executable, str(Path(run_calls_module.__file__))],
        input="{}",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "JSON list" in proc.stderr


# ------------------------------------------------------------- reference venv runs


def test_reference_venv_is_ready_and_cli_idempotent(reference_python: Path) -> None:
    """The marker is honoured: the CLI returns at once with the same interpreter."""
    assert is_ready(REFERENCE_SPEC)
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "tests" / "support" / "venvs.py"),
            "reference",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == reference_python


def test_reference_typical_call(
    reference_python: Path, recording_server: RecordingServer
) -> None:
    """A sync and an async call send the same request and parse the same result."""
    recording_server.set_default(ScriptedResponse.json(URL_SUCCESS))
    specs = [
        image_call(recording_server.url, client=kind, x_friendli_team="team-1", seed=3)
        for kind in ("sync", "async")
    ]
    results = run_calls(reference_python, specs)
    assert all(r["ok"] for r in results), results
    assert stable(results[0])["result"] == URL_SUCCESS
    assert results[0]["item_types"] == ["URLImageItem"]
    sync_req, async_req = recording_server.requests
    for req in (sync_req, async_req):
        assert req.method == "POST"
        assert req.path == "/dedicated/v1/images/generations"
        assert req.header("Authorization") == "Bearer test-token"
        assert req.header("X-Friendli-Team") == "team-1"
        assert req.json()["seed"] == 3
    assert sync_req.headers == async_req.headers
    assert sync_req.body == async_req.body


def test_reference_markers_and_b64(
    reference_python: Path, recording_server: RecordingServer
) -> None:
    """Model markers and explicit None reach the SDK; b64 items parse."""
    recording_server.set_default(ScriptedResponse.json(B64_SUCCESS))
    specs = [
        image_call(
            recording_server.url,
            control_images=[image_input("https://example.com/c.png")],
            guidance_scale=NONE,
            response_format="png",
        )
    ]
    (result,) = run_calls(reference_python, specs)
    assert result["ok"], result
    assert result["item_types"] == ["B64ImageItem"]
    body = recording_server.requests[0].json()
    assert body["control_images"] == [{"image": "https://example.com/c.png"}]
    assert body["guidance_scale"] is None


def test_reference_errors_are_described(
    reference_python: Path, recording_server: RecordingServer
) -> None:
    """HTTP errors and connection failures come back as structured error results."""
    recording_server.enqueue(
        ScriptedResponse.make(400, {"Content-Type": "text/plain"}, "bad")
    )
    specs = [
        image_call(recording_server.url, retries=None),
        image_call(f"http://127.0.0.1:{unused_port()}", retries=None),
    ]
    http_error, refused = run_calls(reference_python, specs)
    assert (http_error["ok"], http_error["error"], http_error["status_code"]) == (
        False,
        "SDKError",
        400,
    )
    assert http_error["body"] == "bad"
    assert refused["error"] == "ConnectError"


def test_reference_retry_config_is_applied(
    reference_python: Path, recording_server: RecordingServer
) -> None:
    """A JSON retry config becomes a RetryConfig: a 503 is retried once, then 200."""
    recording_server.enqueue(ScriptedResponse(status=503))
    recording_server.set_default(ScriptedResponse.json(URL_SUCCESS))
    spec = image_call(recording_server.url, retries=retry_json(initial_interval=1))
    (result,) = run_calls(reference_python, [spec])
    assert result["ok"], json.dumps(result)
    assert len(recording_server.requests) == 2
