"""Differential tests: the published friendli==0.12.1 and our generated SDK, call for call.

The same JSON call specs run through ``support/run_calls.py`` twice, once under the
reference venv's interpreter and once under ours (``sys.executable``, the dev venv with the
generated SDK installed), against one RecordingServer. For every case the requests that
arrived must be identical (method, path, headers, body bytes) and so must the outcome:
the parsed result, or the error's class name, status code, body and message.

Each case's client uses ``<server>/<case id>`` as its server URL, so the server can route
each request to that case's own script and group the recordings per case; a case that
misbehaves cannot shift the replies of the cases after it.

Known, deliberate differences, NOT asserted equal here:

- the user-agent value (each SDK names itself);
- ``response_format``: the reference validates it client-side with pydantic and raises
  before sending; ours sends any string (so only valid values are used here);
- ``token=""``: the reference raises (it sends an illegal ``Bearer `` header); ours sends no
  Authorization header (so no case uses an empty token);
- ``Retry-After``: the reference ignores it, ours honours it (no case sends it);
- the reference logs a warning about ``x_friendli_team`` when a client is constructed, so
  captured log records are not compared;
- error classes live in different modules with different bases and constructor args
  (``friendli.core.models.SDKError(message, response, body)`` vs ``friendli.models.SDKError``),
  so only the class name, status code, body, headers and ``str()`` are compared;
- ours reads ``FRIENDLI_TOKEN`` when no token is given and the reference does not, so the
  variable is removed from the children's environment.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from support.harness import NONE, image_call, image_input, retry_json, run_calls
from support.recording_server import RecordedRequest, RecordingServer, ScriptedResponse, unused_port

PATH = "/dedicated/v1/images/generations"
URL_PAYLOAD: dict[str, Any] = {
    "data": [
        {"seed": 42, "response_format": "url", "url": "https://example.com/images/generated-0.png"},
        {"seed": 43, "response_format": "url", "url": "https://example.com/images/generated-1.png"},
    ]
}
B64_PAYLOAD: dict[str, Any] = {
    "data": [
        {"seed": 7, "response_format": "png", "b64_json": "aGVsbG8gd29ybGQ="},
        {"seed": 8, "response_format": "png", "b64_json": "Ynll"},
    ]
}
FAST_RETRIES = retry_json(initial_interval=1, max_interval=20, exponent=1.5, max_elapsed_time=2000)

# Headers not compared between the SDKs, and why:
IGNORED_HEADERS = frozenset(
    {
        # Each SDK identifies itself (speakeasy-sdk/... vs sdkgen/...): a deliberate difference.
        "user-agent",
        # Written by httpx from the URL (host and the server's ephemeral port), not by the SDK;
        # the path, which the SDK does build, is compared.
        "host",
    }
)
# Result fields compared for successful calls: the parsed model in JSON and Python form.
RESULT_KEYS = ("ok", "type", "result", "result_py", "repr", "item_types")
# Error fields compared; see the module docstring for why module/mro/args/repr are not.
ERROR_KEYS = ("ok", "error", "status_code", "body", "str", "headers", "raw_response")


def ok(payload: Mapping[str, Any] = URL_PAYLOAD) -> ScriptedResponse:
    return ScriptedResponse.json(payload)


def text(status: int, body: str, content_type: str = "text/plain") -> ScriptedResponse:
    return ScriptedResponse.make(status, {"Content-Type": content_type, "X-Request-Id": "req-1"}, body)


@dataclass(frozen=True)
class Case:
    """One call: its script, its arguments, and how many requests both SDKs must send."""

    id: str
    script: tuple[ScriptedResponse, ...] = (ok(),)
    args: Mapping[str, Any] = field(default_factory=dict)
    client: str = "sync"
    client_kwargs: Mapping[str, Any] = field(default_factory=dict)
    token: str | None = "diff-token"
    # The client's server_url is a dead port and the per-call server_url reaches the server.
    per_call_server_url: bool = False
    # The client's server_url is a dead port and nothing reaches the server.
    unreachable: bool = False
    expected_requests: int | None = 1

    def spec(self, server_url: str) -> dict[str, Any]:
        base = f"{server_url}/{self.id}"
        args = dict(self.args)
        if self.per_call_server_url or self.unreachable:
            dead = f"http://127.0.0.1:{unused_port()}"
            if self.per_call_server_url:
                args["server_url"] = base
            base = dead
        return image_call(
            base,
            client=self.client,
            token=self.token,
            client_kwargs=self.client_kwargs,
            spec_id=self.id,
            **args,
        )


CASES: tuple[Case, ...] = (
    Case("minimal"),
    Case(
        "all-optional",
        args={
            "x_friendli_team": "team-42",
            "guidance_scale": 7.5,
            "seed": 1234,
            "response_format": "png",
            "control_images": [{"image": "https://example.com/a.png"}, {"image": "aGVsbG8="}],
            "controlnet_weights": [0.5, 1],
        },
    ),
    Case("guidance-int", args={"guidance_scale": 7, "controlnet_weights": [1, 0]}),
    Case("none-guidance_scale", args={"guidance_scale": None}),
    Case("none-seed", args={"seed": None}),
    Case("none-response_format", args={"response_format": None}),
    Case("none-control_images", args={"control_images": None}),
    Case("none-controlnet_weights", args={"controlnet_weights": NONE}),
    Case("none-x_friendli_team", args={"x_friendli_team": None}),
    Case("empty-x_friendli_team", args={"x_friendli_team": ""}),
    Case("x_friendli_team", args={"x_friendli_team": "team-7"}),
    Case("control-images-dicts", args={"control_images": [{"image": "u1"}, {"image": "u2"}]}),
    Case("control-images-models", args={"control_images": [image_input("u1"), image_input("u2")]}),
    Case(
        "http-headers",
        args={
            "x_friendli_team": "from-arg",
            "http_headers": {
                "X-Extra": "1",
                "Accept": "application/json, text/plain",
                "X-Friendli-Team": "from-http-headers",
            },
        },
    ),
    # Lower-case names do not replace the SDK's own (differently cased) headers in either SDK.
    Case("http-headers-other-case", args={"http_headers": {"accept": "text/plain", "authorization": "Bearer x"}}),
    Case("token-with-bearer-prefix", token="Bearer already-prefixed"),
    Case("per-call-server-url", per_call_server_url=True),
    Case(
        "client-retry-config",
        script=(text(503, "busy"), ok()),
        client_kwargs={"retry_config": FAST_RETRIES},
        expected_requests=2,
    ),
    Case("url-response", script=(ok(URL_PAYLOAD),)),
    Case("b64-response", script=(ok(B64_PAYLOAD),), args={"response_format": "png"}),
    Case(
        "json-with-charset",
        script=(ScriptedResponse.make(200, {"Content-Type": "application/json; charset=utf-8"}, b'{"data":[]}'),),
    ),
    Case("error-400-text", script=(text(400, "bad request"),)),
    Case("error-401-json", script=(ScriptedResponse.json({"detail": "no token"}, status=401),)),
    Case("error-404-charset", script=(text(404, "missing", "text/plain; charset=utf-8"),)),
    Case("error-500-no-retries", script=(text(500, "boom"),), args={"retries": None}),
    Case("error-501-default-retries", script=(text(501, "not implemented"),)),
    Case("error-502-empty-body", script=(ScriptedResponse.make(502),), args={"retries": None}),
    Case("unexpected-201", script=(ScriptedResponse.json(URL_PAYLOAD, status=201),)),
    Case("unexpected-content-type", script=(text(200, "plain text"),)),
    Case(
        "retry-then-success",
        script=(text(503, "busy"), text(429, "slow down"), ok()),
        args={"retries": FAST_RETRIES},
        expected_requests=3,
    ),
    Case(
        "timeout",
        script=(ScriptedResponse.json(URL_PAYLOAD, delay=1.0),),
        args={"retries": None},
        client_kwargs={"timeout_ms": 200},
    ),
    Case(
        "connect-error-not-retried",
        unreachable=True,
        args={"retries": retry_json(max_elapsed_time=5000, retry_connection_errors=False)},
        expected_requests=0,
    ),
    Case(
        "connect-error-retried",
        unreachable=True,
        args={"retries": retry_json(max_interval=20, max_elapsed_time=100)},
        expected_requests=0,
    ),
    Case("async-minimal", client="async", args={"x_friendli_team": "t", "guidance_scale": 2}),
    Case("async-error", client="async", script=(text(503, "down"),), args={"retries": None}),
    Case(
        "async-retry-then-success",
        client="async",
        script=(text(502, "x"), ok(B64_PAYLOAD)),
        args={"retries": FAST_RETRIES},
        expected_requests=2,
    ),
)
CASE_IDS = [case.id for case in CASES]
assert len(set(CASE_IDS)) == len(CASE_IDS)


class CaseRouter:
    """Server responder: plays each case's script to requests under ``/<case id>/``."""

    UNSCRIPTED = ScriptedResponse.make(418, {"Content-Type": "text/plain"}, "unscripted request")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[str, deque[ScriptedResponse]] = {}

    def load(self, cases: tuple[Case, ...]) -> None:
        with self._lock:
            self._queues = {case.id: deque(case.script) for case in cases}

    def __call__(self, request: RecordedRequest) -> ScriptedResponse:
        case_id = request.path.split("/")[1]
        with self._lock:
            queue = self._queues.get(case_id)
            return queue.popleft() if queue else self.UNSCRIPTED


@dataclass
class Run:
    """One SDK's outcome per case: the run_calls result and the requests that arrived."""

    results: dict[str, dict[str, Any]]
    requests: dict[str, list[RecordedRequest]]


def _run(python: str | Path, server: RecordingServer, router: CaseRouter) -> Run:
    server.reset()
    router.load(CASES)
    results = run_calls(python, [case.spec(server.url) for case in CASES], timeout=120)
    grouped: dict[str, list[RecordedRequest]] = {case_id: [] for case_id in CASE_IDS}
    for request in server.requests:
        grouped.setdefault(request.path.split("/")[1], []).append(request)
    return Run({r["id"]: r for r in results}, grouped)


@pytest.fixture(scope="module")
def runs(reference_python: Path) -> Iterator[tuple[Run, Run]]:
    """(reference, ours): every case run once by each SDK against one server."""
    router = CaseRouter()
    with pytest.MonkeyPatch.context() as mp, RecordingServer(default=router) as server:
        # Ours falls back to $FRIENDLI_TOKEN, the reference does not: keep it out of the children.
        mp.delenv("FRIENDLI_TOKEN", raising=False)
        reference = _run(reference_python, server, router)
        ours = _run(sys.executable, server, router)
        yield reference, ours


def comparable(request: RecordedRequest, case_id: str) -> dict[str, Any]:
    """What must match: method, path below the case prefix, headers (case-insensitive), body."""
    prefix = f"/{case_id}"
    assert request.path.startswith(prefix + "/")
    headers = sorted((name.lower(), value) for name, value in request.headers if name.lower() not in IGNORED_HEADERS)
    return {
        "method": request.method,
        "path": request.path[len(prefix) :],
        "headers": headers,
        "body": request.body,
        "chunked": request.chunked,
    }


def test_both_sdks_really_ran(runs: tuple[Run, Run]) -> None:
    """Guard against comparing an SDK with itself: the two identify themselves differently."""
    reference, ours = runs
    ref_agent = reference.requests["minimal"][0].header("user-agent")
    our_agent = ours.requests["minimal"][0].header("user-agent")
    assert ref_agent and our_agent and ref_agent != our_agent
    assert reference.results["minimal"]["ok"] and ours.results["minimal"]["ok"]
    unrouted = set(reference.requests) - set(CASE_IDS) | set(ours.requests) - set(CASE_IDS)
    assert not unrouted, f"requests outside any case: {unrouted}"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_same_requests(runs: tuple[Run, Run], case: Case) -> None:
    reference, ours = runs
    ref_requests = [comparable(r, case.id) for r in reference.requests[case.id]]
    our_requests = [comparable(r, case.id) for r in ours.requests[case.id]]
    if case.expected_requests is not None:
        assert len(ref_requests) == case.expected_requests, "the reference itself behaved unexpectedly"
    assert len(our_requests) == len(ref_requests)
    for ref_request, our_request in zip(ref_requests, our_requests):
        assert our_request == ref_request
        assert ref_request["path"] == PATH


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_same_outcome(runs: tuple[Run, Run], case: Case) -> None:
    reference, ours = runs
    ref_result, our_result = reference.results[case.id], ours.results[case.id]
    keys = RESULT_KEYS if ref_result["ok"] else ERROR_KEYS
    assert {k: our_result.get(k) for k in keys} == {k: ref_result.get(k) for k in keys}
