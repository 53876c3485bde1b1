"""`format: byte` fields of models are base64 text on the wire, both ways (bytes in Python)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from support.generation import generate_sdk, run_with_sdk
from support.recording_server import RecordingServer, ScriptedResponse

BYTE: dict[str, Any] = {"type": "string", "format": "byte"}


def document(url: str) -> dict[str, Any]:
    """A secret store: a model with bytes alone, in a map and in a list."""
    secret = {"application/json": {"schema": {"$ref": "#/components/schemas/Secret"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Vault", "version": "1"},
        "servers": [{"url": url}],
        "components": {
            "schemas": {
                "Secret": {
                    "type": "object",
                    "required": ["key"],
                    "properties": {
                        "key": BYTE,
                        "data": {"type": "object", "additionalProperties": BYTE},
                        "chunks": {"type": "array", "items": BYTE},
                    },
                }
            }
        },
        "paths": {
            "/secret": {
                "put": {
                    "operationId": "putSecret",
                    "requestBody": {"required": True, "content": secret},
                    "responses": {"200": {"description": "stored", "content": secret}},
                }
            }
        },
    }


PROBE = """
import json
from sdk import SyncSdk, models

with SyncSdk() as client:
    sent = client.put_secret(key=b"\\xff\\x00k", data={"a": b"hi"}, chunks=[b"x"], retries=None)
    client.put_secret(key=sent.key, data=sent.data, chunks=sent.chunks, retries=None)
    plain = client.put_secret(key=b"k", retries=None)
print(json.dumps([repr(sent.key), repr(sent.data), repr(sent.chunks), repr(plain.key)]))
"""


def test_byte_fields_are_sent_and_read_as_base64(tmp_path: Path) -> None:
    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()

    reply = {"key": b64(b"\xff\x00k"), "data": {"a": b64(b"hi")}, "chunks": [b64(b"x")]}
    with RecordingServer() as server:
        server.enqueue(ScriptedResponse.json(reply))
        server.enqueue(ScriptedResponse.json(reply))
        server.enqueue(ScriptedResponse.json({"key": "not base64, caf\u00e9!"}))  # out of spec: kept as its text
        out = generate_sdk(document(server.url), tmp_path / "out")
        run = run_with_sdk(out, PROBE)
        assert run.returncode == 0, run.stderr
        bodies = [json.loads(r.body) for r in server.requests]
    # What was read is the decoded bytes; sent back unchanged, it is the same text again.
    assert json.loads(run.stdout) == ["b'\\xff\\x00k'", "{'a': b'hi'}", "[b'x']", "b'not base64, caf\\xc3\\xa9!'"]
    assert bodies == [reply, reply, {"key": b64(b"k")}]


def test_json_bytes_text_keeps_the_undecoded_text_and_other_values_are_located_errors(tmp_path: Path) -> None:
    import pytest

    from generator.config import load_settings
    from generator.errors import SdkgenError
    from generator.loader import load
    from generator.modeling import build_api
    from generator.plan import plan

    spec = tmp_path / "api.json"
    spec.write_text(json.dumps(document("http://127.0.0.1:1")))
    config = tmp_path / "gen.yaml"

    def secret_module(setting: str) -> str:
        config.write_text(f"json_bytes: {setting}\n")
        api = build_api(load(spec), load_settings(config))
        planned = next(p for p in plan(api, "0", None) if p.path.endswith("models/secret.py"))
        return json.dumps(planned.context["view"], default=str)

    assert "Base64Bytes" in secret_module("base64")
    assert "Base64Bytes" not in secret_module("text") and "bytes" in secret_module("text")
    config.write_text("json_bytes: hex\n")
    with pytest.raises(SdkgenError) as error:
        load_settings(config)
    assert "/json_bytes" in str(error.value.problems[0])
