"""A 3.0 document written as the 3.1 document that means the same: `nullable: true` beside a
type becomes a type list with "null" (and `null` among its enum values), boolean
`exclusiveMinimum`/`exclusiveMaximum` become the bounds themselves. Same API, so same SDK.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.loader import load

_VALUES = frozenset({"example", "examples", "default", "enum", "const"})


def as_3_1(source: Path, into: Path) -> Path:
    """`source` (OpenAPI 3.0) as 3.1, in `into/api.json`."""
    data = _upgraded(json.loads(json.dumps(load(source).data, default=str)))
    data["openapi"] = "3.1.0"
    into.mkdir(parents=True)
    root = into / "api.json"
    root.write_text(json.dumps(data))
    return root


def _upgraded(node: Any) -> Any:
    if isinstance(node, list):
        return [_upgraded(item) for item in node]
    if not isinstance(node, dict):
        return node
    found = {k: v if k in _VALUES or k.startswith("x-") else _upgraded(v) for k, v in node.items()}
    if found.get("nullable") is True and "$ref" not in found and isinstance(found.get("type"), str):
        found["type"] = [found["type"], "null"]
        del found["nullable"]
        if isinstance(found.get("enum"), list) and None not in found["enum"]:
            found["enum"] = [*found["enum"], None]
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(found.get(bound), bool) and found.pop(bound) and limit in found:  # popped either way
            found[bound] = found.pop(limit)
    return found
