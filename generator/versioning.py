"""`versioning: automatic`: the SDK's version follows the changes of its API.

The output keeps a record (`.sdkgen-api.json`): the surface it was generated from, its
version and the changelog so far. The next generation compares the recorded surface with the
new one. No change keeps version and changelog as they are, so generating twice, or `check`
after `generate`, changes nothing; changes bump the version and add a changelog entry.
CHANGELOG.md is rendered from the record, never parsed back. Nothing depends on the clock.

Semantic versioning, with the convention Cargo uses below 1.0.0: in 0.y.z the minor number
plays the part of the major one, so breaking changes give 0.(y+1).0 and anything else
0.y.(z+1). The version in gen.yaml is the first version, and a floor afterwards: raising it
(to release 1.0.0, say) takes effect at the next generation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from .apidiff import AREAS, IMPACTS, Bump, Change, Report, compare
from .apisurface import SURFACE_SHAPE, Surface
from .errors import Location, Problem, SdkgenError
from .loader import SourceFile, display_path
from .shapes import STRING, leaf, list_of, mismatches, object_of

RECORD = ".sdkgen-api.json"
CHANGELOG = "CHANGELOG.md"
RECORD_FORMAT = 1
VERSION_PATTERN = r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"


@dataclass(frozen=True)
class Entry:
    """One version in the changelog; `bump` is `initial` for the first, `manual` when gen.yaml set it."""

    version: str
    bump: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Release:
    """What the output records: the version, the surface it was made from, the changelog newest first."""

    version: str
    surface: Surface
    history: tuple[Entry, ...]

    def to_bytes(self) -> bytes:
        data = {
            "format": RECORD_FORMAT,
            "version": self.version,
            "history": [
                {"version": e.version, "bump": e.bump, "changes": [c.to_json() for c in e.changes]}
                for e in self.history
            ],
            "surface": self.surface,
        }
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def parse_version(text: str) -> Optional[tuple[int, int, int]]:
    """MAJOR.MINOR.PATCH as numbers; None for anything else (pre-releases included)."""
    match = re.fullmatch(VERSION_PATTERN, text)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def bump_version(version: str, bump: Bump) -> str:
    """The next version after `version` for a change of size `bump` (0.x: minor acts as major)."""
    parts = parse_version(version)
    if parts is None:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {version!r}")
    major, minor, patch = parts
    if bump == "none":
        return version
    if major == 0:
        bump = "minor" if bump == "major" else "patch"
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def convention_note(version: str) -> str:
    """A line explaining the 0.x rule, for versions it applies to."""
    if version.startswith("0."):
        return "(below 1.0.0, breaking changes bump the minor version and everything else the patch version)"
    return ""


_VERSION = leaf(lambda v: type(v) is str and parse_version(v) is not None, "a MAJOR.MINOR.PATCH version")
_CHANGE = object_of(
    impact=leaf(lambda v: v in IMPACTS, "one of " + ", ".join(map(repr, IMPACTS))),
    area=leaf(lambda v: v in AREAS, "one of " + ", ".join(map(repr, AREAS))),
    subject=STRING,
    message=STRING,
)
_RECORD_SHAPE = object_of(
    format=leaf(lambda v: type(v) is int and v == RECORD_FORMAT, f"{RECORD_FORMAT} (the format this sdkgen reads)"),
    version=_VERSION,
    history=list_of(object_of(version=STRING, bump=STRING, changes=list_of(_CHANGE))),
    surface=SURFACE_SHAPE,
)
_UNREADABLE = "cannot read the API record of the previous generation"
_START_AGAIN = "delete it to start a new history"


def read_release(out_dir: Path) -> Optional[Release]:
    """The record of the previous generation into `out_dir`, or None when there is none. A
    record that is not what sdkgen writes is an error at each wrong entry: it was edited."""
    path = out_dir / RECORD
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as error:
        message = f"{_UNREADABLE} ({error}); {_START_AGAIN}"
        raise SdkgenError([Problem(Location(display_path(path)), message)]) from None
    wrong = mismatches(data, _RECORD_SHAPE)
    if wrong:
        source = SourceFile(path, text, data)
        where = display_path(path)
        raise SdkgenError(
            Problem(Location(where, pointer, source.line_of(pointer)), f"{_UNREADABLE}: {what}; {_START_AGAIN}")
            for pointer, what in wrong
        )
    history = tuple(
        Entry(e["version"], e["bump"], tuple(Change.from_json(c) for c in e["changes"])) for e in data["history"]
    )
    return Release(data["version"], data["surface"], history)


def next_release(previous: Optional[Release], surface: Surface, configured: str) -> Release:
    """The version and changelog for `surface`, given what the previous generation recorded."""
    if previous is None:
        return Release(configured, surface, (Entry(configured, "initial", ()),))
    report = compare(previous.surface, surface)
    version = bump_version(previous.version, report.bump)
    bump: str = report.bump
    if _key(configured) > _key(version):
        version, bump = configured, "manual"
    if version == previous.version:
        return Release(version, surface, previous.history)
    return Release(version, surface, (Entry(version, bump, report.changes), *previous.history))


def _key(version: str) -> tuple[int, int, int]:
    parts = parse_version(version)
    assert parts is not None, "config.py accepts only MAJOR.MINOR.PATCH with automatic versioning"
    return parts


def changelog_view(release: Release) -> list[dict[str, Any]]:
    """The changelog's entries, ready for the template: version, a note, and titled lists."""
    entries = []
    for entry in release.history:
        sections = [
            {"title": title, "lines": [f"`{c.subject}`: {c.message}" for c in changes]}
            for title, changes in Report(entry.changes).sections()
        ]
        note = {
            "initial": "The first version generated with `versioning: automatic`.",
            "manual": "Version set in gen.yaml.",
        }.get(entry.bump, "")
        entries.append({"version": entry.version, "note": note, "sections": sections})
    return entries
