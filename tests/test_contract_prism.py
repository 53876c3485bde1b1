"""Contract tests: the generated Friendli SDK against ``prism mock`` of spec/friendli.yaml.

Every request the documentation implies (the usage snippet, the spec's body example,
each optional argument with a value and, where nullable, with None, the async client)
is sent by the SDK to ``prism mock --errors``; each must be accepted (200, no violation
in the response, no ``[VALIDATOR] error`` in Prism's log) and parse into
``models.DedicatedImageGenerateSuccess``. A second Prism with ``--dynamic`` serves
random bodies that the SDK must parse and that must be unambiguous instances of the
spec's response schema. Negative controls prove that the acceptance
check does fail on bad requests, so a passing SDK test means something.

Why the ``sl-violations`` header: the spec declares a content-less ``4XX`` response,
so Prism answers invalid requests with an *empty* 422/401 body and lists the reasons
only in that header and in its log (``support.prism.violations`` reads problem+json
bodies only).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Optional

import httpx
import pytest
import yaml
from friendli import AsyncFriendli, SyncFriendli, models
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from support.prism import REPO_ROOT, PrismServer, prism_mock, violations

pytestmark = pytest.mark.prism

SPEC_PATH = REPO_ROOT / "spec" / "friendli.yaml"
USAGE_DOC = REPO_ROOT / "generated" / "docs" / "sdks" / "dedicatedimage" / "README.md"
OPERATION_PATH = "/dedicated/v1/images/generations"
TOKEN = "prism-contract-token"
TIMEOUT_MS = 15_000
DYNAMIC_CALLS = 50  # ~20 would do for parsing; 50 makes the ~14%-likely `data: []` body near-certain

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
BODY_SCHEMA: dict[str, Any] = SCHEMAS["DedicatedImageGenerationBody"]
BODY_EXAMPLE: dict[str, Any] = BODY_SCHEMA["example"]
IMAGE_EXAMPLE: str = SCHEMAS["ImageInput"]["properties"]["image"]["example"]
TEAM_HEADER: str = SPEC["components"]["parameters"]["XFriendliTeam"]["name"]


def _nullable(schema: dict[str, Any]) -> bool:
    return any(branch.get("type") == "null" for branch in schema.get("anyOf", []))


def _response_formats() -> list[str]:
    (enum_branch,) = [b for b in BODY_SCHEMA["properties"]["response_format"]["anyOf"] if "enum" in b]
    return list(enum_branch["enum"])


# Optional arguments per the spec: body properties that are not required, plus the header.
OPTIONAL_BODY = sorted(set(BODY_SCHEMA["properties"]) - set(BODY_SCHEMA["required"]))
NULLABLE_BODY = sorted(n for n in OPTIONAL_BODY if _nullable(BODY_SCHEMA["properties"][n]))
OPTIONAL_ARGS = sorted([*OPTIONAL_BODY, "x_friendli_team"])
NULLABLE_ARGS = sorted([*NULLABLE_BODY, "x_friendli_team"])


# ----------------------------------------------------------------------------- wire


class UnexpectedServerStatus(AssertionError):
    """Prism answered 429/5XX: raised from ``send`` so the SDK's backoff (up to an hour
    by the spec's x-speakeasy-retries) cannot hang the test, with Prism's reasons."""


@dataclass
class Exchange:
    """One request the SDK (or httpx) sent and the response it got, body read."""

    request: httpx.Request
    response: httpx.Response

    @property
    def body(self) -> Any:
        return json.loads(self.request.content) if self.request.content else None


@dataclass
class Wire:
    """Records every httpx exchange (sync and async) while installed."""

    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def last(self) -> Exchange:
        assert self.exchanges, "no HTTP request was sent"
        return self.exchanges[-1]

    def _record(self, request: httpx.Request, response: httpx.Response) -> None:
        self.exchanges.append(Exchange(request, response))
        if response.status_code == 429 or response.status_code >= 500:
            raise UnexpectedServerStatus(
                f"Prism answered {response.status_code} to {request.method} {request.url}: "
                f"{wire_violations(response) or response.text}"
            )

    def install(self, patch: pytest.MonkeyPatch) -> None:
        real_send = httpx.Client.send
        real_async_send = httpx.AsyncClient.send

        def send(client: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            response = real_send(client, request, **kwargs)
            response.read()
            self._record(request, response)
            return response

        async def async_send(client: httpx.AsyncClient, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            response = await real_async_send(client, request, **kwargs)
            await response.aread()
            self._record(request, response)
            return response

        patch.setattr(httpx.Client, "send", send)
        patch.setattr(httpx.AsyncClient, "send", async_send)


def wire_violations(response: httpx.Response) -> list[str]:
    """Violations Prism reports in a response: problem+json body and ``sl-violations``."""
    found = violations(response)
    header = response.headers.get("sl-violations")
    if header:
        for item in json.loads(header):
            where = ".".join(str(part) for part in item.get("location", [])) or "request"
            found.append(f"{where}: {item.get('message', '')}")
    return list(dict.fromkeys(found))


def assert_accepted(server: PrismServer, mark: int, exchange: Exchange) -> None:
    """Prism accepted the request: 200, no violation in the response, none in the log."""
    response = exchange.response
    problems = wire_violations(response)
    log_errors = server.validator_errors(since=mark)
    assert response.status_code == 200 and not problems and not log_errors, (
        f"Prism did not accept the request.\nstatus: {response.status_code}\n"
        f"request headers: {dict(exchange.request.headers)}\nrequest body: {exchange.body}\n"
        f"response violations: {problems}\nvalidator log errors: {log_errors}\n"
        f"response body: {response.text[:2000]}"
    )


def assert_parsed(result: object) -> None:
    assert isinstance(result, models.DedicatedImageGenerateSuccess), repr(result)
    assert isinstance(result.data, list)
    kinds = {type(item) for item in result.data}
    assert kinds <= {models.URLImageItem} or kinds <= {models.B64ImageItem}, kinds


# -------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def prism() -> Iterator[PrismServer]:
    """``prism mock --errors spec/friendli.yaml`` (installed on demand, never skipped)."""
    with prism_mock(SPEC_PATH, errors=True) as server:
        assert "--errors" in server.command and "--dynamic" not in server.command
        yield server


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> Wire:
    recorder = Wire()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture
def sdk(prism: PrismServer) -> Iterator[SyncFriendli]:
    with SyncFriendli(token=TOKEN, server_url=prism.url, timeout_ms=TIMEOUT_MS) as client:
        yield client


# ------------------------------------------------------------------- documented calls


def test_usage_snippet_from_docs(
    prism: PrismServer,
    wire: Wire,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocks = re.findall(r"```python\n(.*?)```", USAGE_DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, f"expected one python block in {USAGE_DOC}, found {len(blocks)}"
    code, edits = re.subn(r"SyncFriendli\(\n", f"SyncFriendli(\n    server_url={prism.url!r},\n", blocks[0])
    assert edits == 1, f"could not insert server_url into the snippet:\n{blocks[0]}"
    monkeypatch.setenv("FRIENDLI_TOKEN", TOKEN)

    mark = prism.mark()
    namespace: dict[str, Any] = {"__name__": "usage_snippet"}
    exec(compile(code, str(USAGE_DOC), "exec"), namespace)

    assert len(wire.exchanges) == 1
    assert_accepted(prism, mark, wire.last)
    assert_parsed(namespace["res"])
    assert wire.last.request.headers["authorization"] == f"Bearer {TOKEN}"
    assert wire.last.body == {**BODY_EXAMPLE, "control_images": [{"image": IMAGE_EXAMPLE}]}
    assert "data=" in capsys.readouterr().out


def test_spec_body_example_as_arguments(prism: PrismServer, wire: Wire, sdk: SyncFriendli) -> None:
    mark = prism.mark()
    result = sdk.dedicated.image.generate(**BODY_EXAMPLE)
    assert_accepted(prism, mark, wire.last)
    assert_parsed(result)
    assert wire.last.body == BODY_EXAMPLE
    assert TEAM_HEADER.lower() not in wire.last.request.headers


IMAGES = [{"image": IMAGE_EXAMPLE}, {"image": "aGVsbG8="}]

# (id, keyword arguments, expected extra body fields, expected X-Friendli-Team header)
VALUE_CASES: list[tuple[str, dict[str, Any], dict[str, Any], Optional[str]]] = [
    ("guidance_scale", {"guidance_scale": 7.5}, {"guidance_scale": 7.5}, None),
    ("guidance_scale-int", {"guidance_scale": 8}, {"guidance_scale": 8.0}, None),
    ("seed", {"seed": 42}, {"seed": 42}, None),
    *[
        (f"response_format-{fmt}", {"response_format": fmt}, {"response_format": fmt}, None)
        for fmt in _response_formats()
    ],
    ("control_images-dicts", {"control_images": IMAGES}, {"control_images": IMAGES}, None),
    (
        "control_images-models",
        {"control_images": [models.ImageInput(image=IMAGE_EXAMPLE)]},
        {"control_images": [{"image": IMAGE_EXAMPLE}]},
        None,
    ),
    ("controlnet_weights", {"controlnet_weights": [0.5]}, {"controlnet_weights": [0.5]}, None),
    ("x_friendli_team", {"x_friendli_team": "team-42"}, {}, "team-42"),
    (
        "all-together",
        {
            "guidance_scale": 3.5,
            "seed": 7,
            "response_format": "png",
            "control_images": IMAGES,
            "controlnet_weights": [0, 1],
            "x_friendli_team": "team-42",
        },
        {
            "guidance_scale": 3.5,
            "seed": 7,
            "response_format": "png",
            "control_images": IMAGES,
            "controlnet_weights": [0.0, 1.0],
        },
        "team-42",
    ),
]


def test_cases_cover_every_optional_argument() -> None:
    """A new optional property in the spec must get a value case and a None case here."""
    assert {name for _, kwargs, _, _ in VALUE_CASES for name in kwargs} == set(OPTIONAL_ARGS)
    assert set(NULLABLE_ARGS) <= set(OPTIONAL_ARGS)


@pytest.mark.parametrize(
    ("kwargs", "body_extra", "team"),
    [pytest.param(kwargs, extra, team, id=case_id) for case_id, kwargs, extra, team in VALUE_CASES],
)
def test_optional_argument_with_value(
    prism: PrismServer,
    wire: Wire,
    sdk: SyncFriendli,
    kwargs: dict[str, Any],
    body_extra: dict[str, Any],
    team: Optional[str],
) -> None:
    mark = prism.mark()
    result = sdk.dedicated.image.generate(**BODY_EXAMPLE, **kwargs)
    assert_accepted(prism, mark, wire.last)
    assert_parsed(result)
    assert wire.last.body == {**BODY_EXAMPLE, **body_extra}
    assert wire.last.request.headers.get(TEAM_HEADER) == team


@pytest.mark.parametrize("name", NULLABLE_ARGS)
def test_optional_nullable_argument_as_none(prism: PrismServer, wire: Wire, sdk: SyncFriendli, name: str) -> None:
    mark = prism.mark()
    kwargs: dict[str, Any] = {**BODY_EXAMPLE, name: None}
    result = sdk.dedicated.image.generate(**kwargs)
    assert_accepted(prism, mark, wire.last)
    assert_parsed(result)
    if name in NULLABLE_BODY:  # sent as JSON null
        assert wire.last.body == {**BODY_EXAMPLE, name: None}
    else:  # a header cannot be null: not sent
        assert wire.last.body == BODY_EXAMPLE
        assert TEAM_HEADER.lower() not in wire.last.request.headers


def test_async_client(prism: PrismServer, wire: Wire) -> None:
    async def call() -> models.DedicatedImageGenerateSuccess:
        async with AsyncFriendli(token=TOKEN, server_url=prism.url, timeout_ms=TIMEOUT_MS) as client:
            return await client.dedicated.image.generate(
                **BODY_EXAMPLE, seed=1, response_format="jpeg", x_friendli_team="team-async"
            )

    mark = prism.mark()
    result = asyncio.run(call())
    assert_accepted(prism, mark, wire.last)
    assert_parsed(result)
    assert wire.last.body == {**BODY_EXAMPLE, "seed": 1, "response_format": "jpeg"}
    assert wire.last.request.headers.get(TEAM_HEADER) == "team-async"


# ------------------------------------------------------------ rejections (controls)

BAD_BODIES = [
    pytest.param(
        {k: v for k, v in BODY_EXAMPLE.items() if k != "model"},
        "Request body must have required property 'model'",
        id="missing-model",
    ),
    pytest.param(
        {**BODY_EXAMPLE, "num_inference_steps": "ten"},
        "Request body property num_inference_steps must be integer",
        id="steps-wrong-type",
    ),
    pytest.param(
        {**BODY_EXAMPLE, "control_images": [{"url": IMAGE_EXAMPLE}]},
        "Request body property control_images.0 must have required property 'image'",
        id="control-image-missing-image",
    ),
    pytest.param(
        {**BODY_EXAMPLE, "seed": "42"},
        "Request body property seed must be integer",
        id="seed-wrong-type",
    ),
]


@pytest.mark.parametrize(("body", "message"), BAD_BODIES)
def test_negative_control_bad_body_is_rejected(
    prism: PrismServer, wire: Wire, body: dict[str, Any], message: str
) -> None:
    mark = prism.mark()
    with httpx.Client(base_url=prism.url, timeout=TIMEOUT_MS / 1000) as http:
        http.post(OPERATION_PATH, json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    response = wire.last.response
    assert response.status_code == 422, response.text
    assert any(message in v for v in wire_violations(response)), wire_violations(response)
    assert any(message in e for e in prism.validator_errors(since=mark))
    with pytest.raises(AssertionError, match="Prism did not accept"):
        assert_accepted(prism, mark, wire.last)


def test_missing_bearer_token_is_401(prism: PrismServer, wire: Wire) -> None:
    mark = prism.mark()
    with httpx.Client(base_url=prism.url, timeout=TIMEOUT_MS / 1000) as http:
        http.post(OPERATION_PATH, json=BODY_EXAMPLE)
    response = wire.last.response
    assert response.status_code == 401, response.text
    assert "Invalid security scheme used" in prism.validator_errors(since=mark)
    with pytest.raises(AssertionError, match="Prism did not accept"):
        assert_accepted(prism, mark, wire.last)


def test_sdk_without_token_gets_401(prism: PrismServer, wire: Wire, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRIENDLI_TOKEN", raising=False)
    with (
        SyncFriendli(server_url=prism.url, timeout_ms=TIMEOUT_MS) as client,
        pytest.raises(models.SDKError) as caught,
    ):
        client.dedicated.image.generate(**BODY_EXAMPLE)
    assert caught.value.status_code == 401
    assert "authorization" not in wire.last.request.headers


# --------------------------------------------------------------------- dynamic mock


@dataclass(frozen=True)
class DynamicCall:
    status: int
    body: str
    violations: list[str]
    parsed: Optional[models.DedicatedImageGenerateSuccess]
    error: Optional[str]


@dataclass(frozen=True)
class DynamicRun:
    calls: list[DynamicCall]
    request_log_errors: list[str]


@pytest.fixture(scope="module")
def dynamic_run() -> DynamicRun:
    """``prism mock --dynamic``, ~20 SDK calls; Prism and the httpx patch end before the tests.

    No ``--errors`` here: it would replace each body with a response-side violation by a
    500, hiding exactly the bodies the SDK must parse. Request violations still show
    in ``sl-violations`` and the log, and are asserted absent.
    """
    calls: list[DynamicCall] = []
    with prism_mock(SPEC_PATH, errors=False, dynamic=True) as server, pytest.MonkeyPatch.context() as patch:
        assert "--dynamic" in server.command
        wire = Wire()
        wire.install(patch)
        mark = server.mark()
        with SyncFriendli(token=TOKEN, server_url=server.url, timeout_ms=TIMEOUT_MS) as client:
            for _ in range(DYNAMIC_CALLS):
                parsed: Optional[models.DedicatedImageGenerateSuccess] = None
                error: Optional[str] = None
                try:
                    parsed = client.dedicated.image.generate(**BODY_EXAMPLE)
                except Exception as exc:  # reported by the tests below
                    error = f"{type(exc).__name__}: {exc}"
                response = wire.last.response
                calls.append(DynamicCall(response.status_code, response.text, wire_violations(response), parsed, error))
        # Response-side problems are logged as "Violation: response..."; keep request-side ones.
        request_errors = [e for e in server.validator_errors(since=mark) if not e.startswith("Violation: response")]
    return DynamicRun(calls, request_errors)


def test_dynamic_responses_parse_into_model(dynamic_run: DynamicRun) -> None:
    assert not dynamic_run.request_log_errors
    for call in dynamic_run.calls:
        assert call.status == 200, call.body
        assert not [v for v in call.violations if v.startswith("request")], call.violations
        assert call.error is None, f"{call.error}\nbody: {call.body}"
        assert_parsed(call.parsed)


def test_dynamic_responses_conform_to_spec(dynamic_run: DynamicRun) -> None:
    """Prism's random bodies must be valid, unambiguous instances of the spec's response
    schema, or the parse test above proves less.

    Checked with jsonschema (draft 2020-12, ``format`` as annotation, as OAS 3.1 says),
    not with Prism's ``sl-violations``: Prism's faker (json-schema-faker 0.5.8) has no
    generator for ``format: byte`` and emits non-base64 ``b64_json`` strings that Prism's
    own validator then flags; that is a Prism limitation, not a spec or SDK fault.
    """
    registry: Registry[Any] = Registry().with_resource(
        "urn:friendli-spec", Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": "urn:friendli-spec#/components/schemas/DedicatedImageGenerateSuccess"}, registry=registry
    )
    problems: Counter[str] = Counter()
    bad = 0
    for call in dynamic_run.calls:
        body = json.loads(call.body)
        errors = {
            f"{error.json_path}: {error.validator} failed" + (" (data == [])" if body.get("data") == [] else "")
            for error in validator.iter_errors(body)
        }
        bad += bool(errors)
        problems.update(errors)
    assert bad == 0, (
        f"{bad}/{len(dynamic_run.calls)} dynamic responses are not valid instances of "
        "DedicatedImageGenerateSuccess:\n" + "\n".join(f"  {n}x {k}" for k, n in problems.most_common())
    )
