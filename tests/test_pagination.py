"""`x-speakeasy-pagination`: a `<method>_pages` iterator walks offsets, pages or cursors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordingServer, ScriptedResponse


def document(url: str, kind: str, name: str) -> dict[str, Any]:
    listing = {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"type": "integer"}}, "next": {"type": ["string", "null"]}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "listItems",
                    "parameters": [
                        {"name": name, "in": "query", "schema": {"type": "integer" if kind != "cursor" else "string"}}
                    ],
                    "x-speakeasy-pagination": {
                        "type": "offsetLimit" if kind != "cursor" else "cursor",
                        "inputs": [{"name": name, "in": "parameters", "type": kind}],
                        "outputs": {"results": "$.items", "nextCursor": "$.next"},
                    },
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": listing}}}},
                }
            }
        },
    }


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("offset", "offset", ["/items", "/items?offset=2", "/items?offset=3"]),
        ("page", "page", ["/items", "/items?page=2", "/items?page=3"]),
        ("cursor", "after", ["/items", "/items?after=c1", "/items?after=c2"]),
    ],
)
def test_pages_are_followed_until_empty(tmp_path: Path, kind: str, name: str, expected: list[str]) -> None:
    with RecordingServer() as server:
        server.enqueue(ScriptedResponse.json({"items": [1, 2], "next": "c1"}))
        server.enqueue(ScriptedResponse.json({"items": [3], "next": "c2"}))
        server.enqueue(ScriptedResponse.json({"items": [], "next": None}))
        out = generate_sdk(document(server.url, kind, name), tmp_path / "out")
        probe = (
            "from sdk import SyncSdk\n"
            "with SyncSdk() as c:\n"
            "    print([page.items for page in c.list_items_pages(retries=None)])\n"
        )
        run = run_with_sdk(out, probe)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "[[1, 2], [3], []]"
        assert [r.path for r in server.requests] == expected
