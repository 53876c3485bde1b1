"""Self-test of the Prism harness: proves that ``prism mock --errors`` really
rejects bad requests, so contract tests built on it cannot pass vacuously."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from support import prism
from support.prism import PrismServer, is_rejected, parse_violations, violations

SPEC = textwrap.dedent(
    """\
    openapi: 3.1.0
    info: {title: prism selftest, version: "1.0"}
    paths:
      /things:
        post:
          operationId: createThing
          security: [{bearer: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [name, count]
                  properties:
                    name: {type: string}
                    count: {type: integer}
          responses:
            "200":
              description: created
              content:
                application/json:
                  schema:
                    type: object
                    required: [id, name]
                    properties:
                      id: {type: string}
                      name: {type: string}
                  example: {id: thing-1, name: widget}
      /counts:
        get:
          operationId: countThings
          parameters:
            - {name: limit, in: query, schema: {type: integer}}
          responses:
            "200":
              description: counted
              content:
                application/json:
                  schema: {type: integer}
                  example: 3
            default:
              description: what went wrong
              content:
                application/json:
                  schema: {type: object}
                  example: {message: no}
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
    """
)
AUTH = {"Authorization": "Bearer test-token"}

# The fixture bodies live in tests/support/prism.py; register them here too so
# this module works without conftest wiring.
prism_servers = pytest.fixture(scope="module")(prism.prism_servers)


@pytest.fixture(scope="module")
def server(
    prism_servers: Callable[..., PrismServer],
    tmp_path_factory: pytest.TempPathFactory,
) -> PrismServer:
    """One Prism per module: startup costs seconds, requests milliseconds."""
    spec = tmp_path_factory.mktemp("prism") / "openapi.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    return prism_servers(spec, errors=True)


@pytest.fixture
def client(server: PrismServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        yield http


def test_valid_request_gets_example(client: httpx.Client) -> None:
    response = client.post("/things", json={"name": "widget", "count": 3}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json() == {"id": "thing-1", "name": "widget"}
    assert not is_rejected(response)
    assert violations(response) == []


def test_invalid_body_is_422_naming_the_field(
    client: httpx.Client, server: PrismServer
) -> None:
    mark = server.mark()
    response = client.post(
        "/things", json={"name": "widget", "count": "three"}, headers=AUTH
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert is_rejected(response)
    assert prism.prism_error_kind(response) == "UNPROCESSABLE_ENTITY"
    assert violations(response) == [
        "body.count: Request body property count must be integer"
    ]
    (found,) = parse_violations(response)
    assert (found.location, found.code, found.severity) == (
        ("body", "count"),
        "type",
        "Error",
    )
    server.wait_for_log(r"Request terminated with error: .*UNPROCESSABLE", since=mark)
    assert "Request body property count must be integer" in server.validator_errors(
        since=mark
    )


def test_missing_required_field_is_422(client: httpx.Client) -> None:
    response = client.post("/things", json={"count": 1}, headers=AUTH)
    assert response.status_code == 422, response.text
    assert violations(response) == [
        "body: Request body must have required property 'name'"
    ]


def test_missing_body_and_broken_json_are_rejected(client: httpx.Client) -> None:
    no_body = client.post(
        "/things", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert no_body.status_code == 422, no_body.text
    # This validation entry has no "location"; it is reported as "request".
    assert violations(no_body) == ["request: Body parameter is required"]

    broken = client.post(
        "/things",
        content=b"{not json",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert broken.status_code == 400, broken.text
    assert broken.json() == {
        "error": {"code": "invalid_json", "message": "Invalid JSON"}
    }
    assert prism.prism_error_kind(broken) == prism.INVALID_JSON
    assert is_rejected(broken)


def test_missing_authorization_is_401(client: httpx.Client) -> None:
    response = client.post("/things", json={"name": "widget", "count": 3})
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"
    assert is_rejected(response)
    assert prism.prism_error_kind(response) == "UNAUTHORIZED"
    # Prism lists no violations for security failures.
    assert violations(response) == []


def test_startup_failure_reports_prism_output(tmp_path: Path) -> None:
    bad = tmp_path / "not-openapi.yaml"
    bad.write_text("hello: world\n", encoding="utf-8")
    with (
        pytest.raises(prism.PrismError, match="Unsupported document format"),
        prism.prism_mock(bad),
    ):
        pass


def test_a_barrier_ends_each_request_s_log_lines(client: httpx.Client, server: PrismServer) -> None:
    """What `barrier` promises the corpus check: every log line of a request answered before
    it comes before its position, so windows of requests in a row never share a line. Where
    the spec has a `default` response, Prism answers with its example and logs the violation
    after it answered: the line a fixed wait could miss."""
    for round_ in range(10):
        bad = round_ % 2 == 0
        mark = server.mark()
        response = client.get("/counts", params={"limit": "many" if bad else 3})
        assert response.status_code == (422 if bad else 200), response.text
        until = server.barrier()
        window = server.validator_errors(since=mark, until=until, settle=0)
        late = "Violation: request.query.limit Request query parameter limit must be integer"
        assert (late in window) is bad, (round_, window)
        assert bad or window == [], (round_, window)
        assert until < server.mark(), "the barrier's own line is in the log"
