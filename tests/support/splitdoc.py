"""Split an OpenAPI document into files, as split documents are written: each component schema
in a file of its own (the component a `$ref` to it), each path item in a file of its own.

References are rewritten to reach the same schemas from their new files, each one either
through the component (`../api.json#/components/schemas/Pet`) or straight to the schema's file
(`../schemas/Pet.json`), chosen by a seeded random: the split document describes the same API,
so it must give the same SDK.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any, Callable

from generator.errors import unescape_pointer_token
from generator.loader import load

_COMPONENT = re.compile(r"^#/components/schemas/([^/]+)$")


def as_loaded(source: Path, into: Path) -> Path:
    """`source` as sdkgen loads it, in one JSON file (`api.json` under `into`): what its split
    form is compared with, since loading's own findings (a YAML key given twice) do not
    survive the split."""
    into.mkdir(parents=True)
    root = into / "api.json"
    root.write_text(json.dumps(load(source).data, default=str))
    return root


def split_document(source: Path, into: Path, seed: int) -> Path:
    """Write the split form of `source` under `into`; returns its root file (`api.json`)."""
    choose = random.Random(seed).random
    data = json.loads(json.dumps(load(source).data, default=str))
    schemas = (data.get("components") or {}).get("schemas") or {}
    files = {key: f"s{index}_{re.sub(r'[^A-Za-z0-9_.-]', '_', key)}.json" for index, key in enumerate(schemas)}

    def from_dir(schema_dir: str) -> Callable[[str], str]:
        def moved(ref: str) -> str:
            match = _COMPONENT.match(ref)
            key = unescape_pointer_token(match.group(1)) if match else None
            if key in files and choose() < 0.6:
                return schema_dir + files[key]
            return "../api.json" + ref if ref.startswith("#") else ref

        return moved

    (into / "schemas").mkdir(parents=True)
    (into / "paths").mkdir()
    for key, schema in schemas.items():
        (into / "schemas" / files[key]).write_text(json.dumps(_rewritten(schema, from_dir(""))))
    paths = {}
    for index, (path, item) in enumerate((data.get("paths") or {}).items()):
        if isinstance(item, dict) and "$ref" not in item:
            (into / "paths" / f"{index}.json").write_text(json.dumps(_rewritten(item, from_dir("../schemas/"))))
            item = {"$ref": f"paths/{index}.json"}
        paths[path] = item
    if "paths" in data:
        data["paths"] = paths
    if schemas:
        data["components"]["schemas"] = {key: {"$ref": f"schemas/{files[key]}"} for key in schemas}
    root = into / "api.json"
    root.write_text(json.dumps(data))
    return root


def _rewritten(node: Any, moved: Callable[[str], str]) -> Any:
    """`node` with each `$ref`, and each discriminator mapping's reference, moved."""
    if isinstance(node, list):
        return [_rewritten(item, moved) for item in node]
    if not isinstance(node, dict):
        return node
    found = {k: moved(v) if k == "$ref" and isinstance(v, str) else _rewritten(v, moved) for k, v in node.items()}
    discriminator = node.get("discriminator")
    if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
        mapping = {
            value: moved(ref) if isinstance(ref, str) and ref.startswith("#") else ref
            for value, ref in discriminator["mapping"].items()
        }
        found["discriminator"] = {**discriminator, "mapping": mapping}
    return found
