"""The corpus harness reads Prism's verdicts right, also when Prism cuts them short; its
type check, whose mypy cache SDKs generated side by side share, trusts no other SDK's modules;
and the child that runs usage snippets one after another keeps each snippet's results apart."""

from __future__ import annotations

import json
from pathlib import Path

from support.corpus import (
    CheckReport,
    ResponseChecker,
    Snippet,
    SnippetRunner,
    _check_mypy,
    _parse_violations,
    _shared_url,
    usage_snippets,
)
from support.generation import generate_sdk
from support.recording_server import RecordingServer


def test_full_and_cut_short_violation_headers() -> None:
    whole = '[{"location":["request","query","q"],"severity":"Error","message":"bad"}]'
    assert _parse_violations(whole) == [{"location": ["request", "query", "q"], "severity": "Error", "message": "bad"}]
    cut = (
        'Too many violations! [{"location":["response","body","a"],"severity":"Error","message":"must be string"},'
        '{"location":["response","body","b"],"severity":"Error","message":"must be'
    )
    assert _parse_violations(cut) == [{"location": ["response", "body", "a"], "message": "must be string"}]
    assert _parse_violations("nonsense") == [{"location": ["request"], "message": "nonsense"}]


def test_snippets_whose_path_holds_angle_brackets_are_found(tmp_path: Path) -> None:
    page = tmp_path / "docs" / "sdks" / "files" / "README.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        '## upload\n\n<!-- UsageSnippet language="python" operationID="upload" method="put" path="/<upload_url>" -->\n'
        "```python\nprint(1)\n```\n\n"
        '## get\n\n<!-- UsageSnippet language="python" operationID="get" method="get" path="/files" -->\n'
        "```python\nprint(2)\n```\n",
        encoding="utf-8",
    )
    found = [(s.operation_id, s.method, s.path, s.code) for s in usage_snippets(tmp_path)]
    assert found == [("upload", "PUT", "/<upload_url>", "print(1)\n"), ("get", "GET", "/files", "print(2)\n")]


def test_a_type_error_in_the_second_of_two_sdks_sharing_the_mypy_cache_is_found(tmp_path: Path) -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "done"}}}}},
    }
    first, second = (generate_sdk(document, tmp_path / name) for name in ("first", "second"))
    assert _check_mypy(first, 300, CheckReport()) == []
    # Same package name, same module names, different files: the cache must not vouch for them.
    with (second / "src" / "sdk" / "basesdk.py").open("a") as module:
        module.write('\nplanted: int = "text"\n')
    problems = _check_mypy(second, 300, CheckReport())
    assert len(problems) == 1 and "basesdk.py" in problems[0] and "[assignment]" in problems[0], problems
    assert (tmp_path / ".mypy-cache-shared").is_dir()


def test_snippets_in_one_child_keep_their_results_apart(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with RecordingServer() as server, SnippetRunner(tmp_path, {"SDKGEN_TOKEN": "t-1"}, work) as runner:
        call = f"import httpx\nhttpx.get({server.url + '/one'!r})\n"
        first, timed_out, output = runner.run(
            f"{call}import os, sys\nsys.shared = 1\nprint(os.environ['SDKGEN_TOKEN'])\n", 30
        )
        assert first is not None and (first["error"], timed_out, output) == (None, False, "t-1\n"), first
        assert [e["url"] for e in first["exchanges"]] == [server.url + "/one"]
        second, _, _ = runner.run("import sys\nassert sys.shared == 1\nraise KeyError('k')\n", 30)
        assert second is not None and second["error"]["type"] == "KeyError" and second["exchanges"] == [], second
        # A snippet that hangs, or ends its interpreter, costs a fresh child for the next.
        hung, timed_out, _ = runner.run("import time\nprint('waiting')\ntime.sleep(60)\n", 2)
        assert (hung, timed_out) == (None, True)
        gone, timed_out, output = runner.run("import os\nprint('bye', flush=True)\nos._exit(3)\n", 30)
        assert (gone, timed_out, output) == (None, False, "bye\n")
        fresh, _, _ = runner.run("import sys\nassert not hasattr(sys, 'shared')\n", 30)
        assert fresh == {"exchanges": [], "error": None}, fresh


def test_an_operation_whose_path_differs_by_a_fragment_alone_shares_its_url() -> None:
    def snippet(operation: str, method: str, path: str) -> Snippet:
        return Snippet(operation, method, path, Path("README.md"), "")

    items = snippet("get_items", "GET", "/items"), snippet("put_items", "PUT", "/items")
    apps, lone = snippet("get_items#apps", "GET", "/items#apps"), snippet("get_other#x", "GET", "/other#x")
    listed = [*items, apps, lone]
    assert _shared_url(apps, listed) == "get_items"
    assert _shared_url(snippet("put_items#z", "PUT", "/items#z"), listed) == "put_items"
    assert _shared_url(lone, listed) is None and _shared_url(items[0], listed) is None


def test_a_response_is_checked_against_the_document_s_own_schema(tmp_path: Path) -> None:
    """A body Prism built from an example that breaks its schema is the document's fault, not
    the SDK's; a body the schema accepts that the SDK refused stays the SDK's."""
    spec = tmp_path / "spec.json"
    collaboration = {"type": "object", "properties": {"created_by": {"$ref": "#/components/schemas/User"}}}
    user = {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Collab"}}}}
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "T", "version": "1"},
                "paths": {"/c/{id}": {"get": {"responses": {"200": {"$ref": "#/components/responses/Ok"}}}}},
                "components": {"schemas": {"Collab": collaboration, "User": user}, "responses": {"Ok": ok}},
            }
        )
    )
    check = ResponseChecker(spec).bind(Snippet("get_c", "GET", "/c/{id}", spec, ""))

    def exchange(body: object, status: int = 200, media: str = "application/json; charset=utf-8") -> dict[str, object]:
        return {"status": status, "content_type": media, "whole_body": json.dumps(body)}

    assert check(exchange({"created_by": [{"id": 1}]})) == "/created_by: [{'id': 1}] is not of type 'object'"
    assert check(exchange({"created_by": {"id": "one"}})) == "/created_by/id: 'one' is not of type 'integer'"
    assert check(exchange({"created_by": None})) is None  # `nullable`: OpenAPI 3.0's rules, not plain JSON Schema's
    assert check(exchange({"created_by": {"id": 1}})) is None
    # what cannot be known gives no verdict: another status, another media type, a body cut short
    assert check(exchange([], status=404)) is None and check(exchange([], media="text/plain")) is None
    assert check({"status": 200, "content_type": "application/json", "whole_body": "{"}) is None


def test_a_swagger_2_response_is_checked_against_its_one_schema(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    item = {"type": "object", "properties": {"jsonPath": {"type": "string"}}}
    ok = {"description": "ok", "schema": {"$ref": "#/definitions/Item"}}
    paths = {"/items": {"get": {"produces": ["application/json"], "responses": {"200": ok}}}}
    spec.write_text(
        json.dumps(
            {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths, "definitions": {"Item": item}}
        )
    )
    check = ResponseChecker(spec).bind(Snippet("list_items", "GET", "/items", spec, ""))
    exchange = {"status": 200, "content_type": "application/json", "whole_body": json.dumps({"jsonPath": {"a": 1}})}
    assert check(exchange) == "/jsonPath: {'a': 1} is not of type 'string'"
    assert check({**exchange, "whole_body": json.dumps({"jsonPath": "$.a"})}) is None
