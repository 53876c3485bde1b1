"""Deprecated operations, arguments and model fields warn when used, and only then; docs flag them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordingServer, ScriptedResponse


def document(url: str) -> dict[str, Any]:
    item = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "legacy_code": {"type": "string", "deprecated": True, "description": "Use id."},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": url}],
        "components": {"schemas": {"Item": item}},
        "paths": {
            "/items": {
                "post": {
                    "operationId": "createItem",
                    "parameters": [
                        {"name": "old", "in": "query", "deprecated": True, "schema": {"type": "string"}},
                        {"name": "new", "in": "query", "schema": {"type": "string"}},
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}},
                        }
                    },
                }
            }
        },
    }


PROBE = """
import json, warnings
from sdk import SyncSdk
seen = {}
with SyncSdk() as client:
    for name, kwargs in [("plain", {"new": "n", "id": "1"}), ("old", {"old": "o"}), ("field", {"legacy_code": "x"})]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            item = client.create_item(retries=None, **kwargs)
            dumped = item.model_dump(by_alias=True)
            before_access = [str(w.message) for w in caught]
            value = item.legacy_code
            seen[name] = {"call": before_access, "access": [str(w.message) for w in caught][len(before_access):],
                          "dumped": dumped, "value": value}
print(json.dumps(seen))
"""


def test_deprecated_arguments_and_fields_warn_only_when_used(tmp_path: Path) -> None:
    with RecordingServer() as server:
        for _ in range(3):
            server.enqueue(ScriptedResponse.json({"id": "1", "legacy_code": "L"}))
        out = generate_sdk(document(server.url), tmp_path / "out")
        run = run_with_sdk(out, PROBE)
        assert run.returncode == 0, run.stderr
        requests = server.requests
    seen = json.loads(run.stdout)
    assert seen["plain"]["call"] == []
    assert seen["old"]["call"] == ["argument old of create_item is deprecated"]
    assert seen["field"]["call"] == ["argument legacy_code of create_item is deprecated"]
    # Serialising a response model does not read its fields as attributes: no warning there,
    # but reading the deprecated field does warn.
    for case in seen.values():
        assert case["dumped"] == {"id": "1", "legacy_code": "L"}
        assert case["access"] == ["legacy_code is deprecated"]
        assert case["value"] == "L"
    assert requests[1].path == "/items?old=o"
    assert json.loads(requests[2].body) == {"legacy_code": "x"}
    page = (out / "docs" / "models" / "item.md").read_text()
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in page.splitlines() if line.startswith("|")]
    assert ["`legacy_code`", "*Optional[str]*", ":heavy_minus_sign:", ":warning: **Deprecated.** Use id."] in rows
    assert ["`id`", "*Optional[str]*", ":heavy_minus_sign:", "N/A"] in rows
