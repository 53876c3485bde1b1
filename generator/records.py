"""Small JSON records kept in the cache (validation verdicts, what an output was made from).

A record is written whole or not at all (a temporary file, then a rename), so a reader never
sees half of one; one that cannot be read or written only costs time, never a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_record(record: Path) -> Any:
    """The data of `record`, or None when it is missing, unreadable or not JSON."""
    try:
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_record(record: Path, data: Any) -> None:
    """Keep `data` (plain JSON) at `record`, replacing what was there in one step."""
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        temporary = record.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, record)
    except OSError:
        pass  # a cache that cannot be written only costs time
