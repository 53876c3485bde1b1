"""The change report between two versions of an API, in the SDK's own terms, and the bump it implies.

Both versions are read off the IR as surfaces (`apisurface.py`), so changes are named as
users of the SDK see them: the method `dedicated.image.generate`, its argument `seed`, the
model `ImageInput`, never paths and schemas.

Whether a change breaks depends on which way data flows: a new required field breaks code
that builds the model (it is written, reached from method arguments), not code that reads it
(it is read, reached from return types). A type reached from neither counts as both: the
cautious choice. Enum values: the SDK admits unknown values wherever an enum sits in a model,
so a new value breaks only an enum returned bare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal, Optional

from .apisurface import Surface, surface_of
from .ir import Api

Impact = Literal["breaking", "compatible", "docs"]
Area = Literal["client", "operation", "type"]
Bump = Literal["major", "minor", "patch", "none"]

IMPACTS: tuple[Impact, ...] = ("breaking", "compatible", "docs")
AREAS: tuple[Area, ...] = ("client", "operation", "type")
SECTION_TITLES: dict[Impact, str] = {
    "breaking": "Breaking changes",
    "compatible": "Compatible changes",
    "docs": "Documentation",
}
AREA_TITLES: dict[Area, str] = {"client": "Client", "operation": "Methods", "type": "Models"}
BUMP_OF: dict[Impact, Bump] = {"breaking": "major", "compatible": "minor", "docs": "patch"}
BUMP_REASONS: dict[Bump, str] = {
    "major": "breaking changes",
    "minor": "additions or compatible changes, nothing breaking",
    "patch": "documentation only",
    "none": "no change to the SDK's surface",
}


@dataclass(frozen=True)
class Change:
    """One difference users of the SDK can notice; `subject` is a method path or a type name."""

    impact: Impact
    area: Area
    subject: str
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {"impact": self.impact, "area": self.area, "subject": self.subject, "message": self.message}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Change:
        impact, area = str(data["impact"]), str(data["area"])
        if impact not in IMPACTS or area not in AREAS:
            raise ValueError(f"unknown change kind {impact}/{area}")
        return Change(impact, area, str(data["subject"]), str(data["message"]))


@dataclass(frozen=True)
class Report:
    """The changes, sorted by impact, area, subject and message (a stable order)."""

    changes: tuple[Change, ...]

    @property
    def bump(self) -> Bump:
        for impact in IMPACTS:
            if any(c.impact == impact for c in self.changes):
                return BUMP_OF[impact]
        return "none"

    def sections(self) -> list[tuple[str, list[Change]]]:
        """(title, changes) for each impact that has changes, most severe first."""
        found = []
        for impact in IMPACTS:
            changes = [c for c in self.changes if c.impact == impact]
            if changes:
                found.append((SECTION_TITLES[impact], changes))
        return found


def diff_apis(old: Api, new: Api) -> Report:
    """What changed for users of the SDK from `old` to `new`."""
    return compare(surface_of(old), surface_of(new))


def compare(old: Surface, new: Surface) -> Report:
    """The same as `diff_apis`, on surfaces (a recorded one, for instance)."""
    flow = _Flow.of(old).merge(_Flow.of(new))
    changes = [
        *_client(old["client"], new["client"]),
        *_operations(old["operations"], new["operations"]),
        *_types(old["types"], new["types"], flow),
    ]
    order = {impact: i for i, impact in enumerate(IMPACTS)}
    areas = {area: i for i, area in enumerate(AREAS)}
    changes.sort(key=lambda c: (order[c.impact], areas[c.area], c.subject, c.message))
    return Report(tuple(changes))


# -- which way data flows ----------------------------------------------------------------


@dataclass(frozen=True)
class _Flow:
    written: frozenset[str]
    """Types users build: reached from method arguments (or from nothing)."""
    read: frozenset[str]
    """Types users read: reached from return types (or from nothing)."""
    closed: frozenset[str]
    """Enums returned bare, where the SDK rejects values it does not know."""

    @staticmethod
    def of(surface: Surface) -> _Flow:
        types: dict[str, Any] = surface["types"]
        operations = surface["operations"].values()
        arguments = [a["type"] for op in operations for a in op["arguments"].values()]
        arguments += [op["body"] for op in operations]  # flattened into arguments, still built by users
        returns = [op["returns"] for op in operations]
        written, read = _reach(types, arguments), _reach(types, returns)
        unused = set(types) - written - read
        closed = {n for n in _names(returns, types) if types[n]["kind"] == "enum"}
        return _Flow(frozenset(written | unused), frozenset(read | unused), frozenset(closed))

    def merge(self, other: _Flow) -> _Flow:
        return _Flow(self.written | other.written, self.read | other.read, self.closed | other.closed)


def _names(spellings: Iterable[str], types: dict[str, Any]) -> set[str]:
    """The declared types a few type spellings (`List[ImageInput]`) mention."""
    return {w for s in spellings for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", s) if w in types}


def _reach(types: dict[str, Any], roots: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = sorted(_names(roots, types))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = types[name]
        if shape["kind"] == "model":
            todo.extend(_names([f["type"] for f in shape["fields"].values()], types))
        elif shape["kind"] == "union":
            todo.extend(_names(shape["variants"], types))
    return seen


# -- the comparisons -----------------------------------------------------------------------


def _impact(breaks: bool) -> Impact:
    return "breaking" if breaks else "compatible"


def _client(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    before, after = old["credentials"], new["credentials"]
    for name in sorted(set(before) - set(after)):
        yield Change("breaking", "client", "client", f"credential argument `{name}` removed")
    for name in sorted(set(after) - set(before)):
        yield Change("compatible", "client", "client", f"credential argument `{name}` added")


def _operations(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for key in sorted(old.keys() - new.keys()):
        yield Change("breaking", "operation", key, "method removed")
    for key in sorted(new.keys() - old.keys()):
        yield Change("compatible", "operation", key, "method added")
    for key in sorted(old.keys() & new.keys()):
        yield from _operation(key, old[key], new[key])


def _operation(key: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    def change(impact: Impact, message: str) -> Change:
        return Change(impact, "operation", key, message)

    yield from _members("operation", key, "argument", old["arguments"], new["arguments"], written=True, read=False)
    if old["returns"] != new["returns"]:
        yield change("breaking", f"return type changed from `{old['returns']}` to `{new['returns']}`")
    if old["paginated"] != new["paginated"]:
        pages = f"`{key.rsplit('.', 1)[-1]}_pages`"
        yield change("compatible", f"{pages} added") if new["paginated"] else change("breaking", f"{pages} removed")
    if old["deprecated"] != new["deprecated"]:
        yield change("compatible", "deprecated" if new["deprecated"] else "no longer deprecated")
    if old["doc"] != new["doc"]:
        yield change("docs", "description changed")


def _types(old: dict[str, Any], new: dict[str, Any], flow: _Flow) -> Iterator[Change]:
    for name in sorted(old.keys() - new.keys()):
        yield Change("breaking", "type", name, f"{old[name]['kind']} removed")
    for name in sorted(new.keys() - old.keys()):
        yield Change("compatible", "type", name, f"{new[name]['kind']} added")
    for name in sorted(old.keys() & new.keys()):
        before, after = old[name], new[name]
        if before["kind"] != after["kind"]:
            yield Change("breaking", "type", name, f"changed from {before['kind']} to {after['kind']}")
            continue
        written, read = name in flow.written, name in flow.read
        if before["kind"] == "model":
            yield from _members("type", name, "field", before["fields"], after["fields"], written=written, read=read)
        elif before["kind"] == "enum":
            yield from _values(name, before["values"], after["values"], closed=name in flow.closed)
        else:
            yield from _variants(name, before["variants"], after["variants"], written=written, read=read)
        if before["doc"] != after["doc"]:
            yield Change("docs", "type", name, "description changed")


def _members(
    area: Area, subject: str, what: str, old: dict[str, Any], new: dict[str, Any], *, written: bool, read: bool
) -> Iterator[Change]:
    """Arguments of a method or fields of a model; `written`/`read` say how users touch them."""
    for name in sorted(old.keys() - new.keys()):
        yield Change("breaking", area, subject, f"{what} `{name}` removed")
    for name in sorted(new.keys() - old.keys()):
        required = new[name]["required"]
        yield Change(_impact(required and written), area, subject, f"{what} `{name}` added ({_optionality(required)})")
    for name in sorted(old.keys() & new.keys()):
        yield from _member(area, subject, f"{what} `{name}`", old[name], new[name], written=written, read=read)


def _member(
    area: Area, subject: str, label: str, old: dict[str, Any], new: dict[str, Any], *, written: bool, read: bool
) -> Iterator[Change]:
    if old["type"] != new["type"]:
        yield Change("breaking", area, subject, f"{label} type changed from `{old['type']}` to `{new['type']}`")
    if old["required"] != new["required"]:
        # required: callers must now pass it; optional: readers may now find it unset
        breaks = written if new["required"] else read
        yield Change(_impact(breaks), area, subject, f"{label} became {_optionality(new['required'])}")
    if old["nullable"] != new["nullable"]:
        breaks = read if new["nullable"] else written
        may = "may now" if new["nullable"] else "may no longer"
        yield Change(_impact(breaks), area, subject, f"{label} {may} be None")
    if old["doc"] != new["doc"]:
        yield Change("docs", area, subject, f"{label} description changed")


def _optionality(required: bool) -> str:
    return "required" if required else "optional"


def _values(name: str, old: list[Any], new: list[Any], *, closed: bool) -> Iterator[Change]:
    for value in [v for v in old if v not in new]:
        yield Change("breaking", "type", name, f"value {value!r} removed")
    for value in [v for v in new if v not in old]:
        yield Change(_impact(closed), "type", name, f"value {value!r} added")


def _variants(name: str, old: list[str], new: list[str], *, written: bool, read: bool) -> Iterator[Change]:
    for variant in [v for v in old if v not in new]:
        yield Change(_impact(written), "type", name, f"variant `{variant}` removed")
    for variant in [v for v in new if v not in old]:
        yield Change(_impact(read), "type", name, f"variant `{variant}` added")


# -- output --------------------------------------------------------------------------------


def format_text(report: Report, versions: Optional[tuple[str, str]] = None, note: str = "") -> str:
    """The report for people: grouped by impact, then by area; the bump last."""
    lines: list[str] = [] if report.changes else ["No API changes.", ""]
    for title, changes in report.sections():
        lines.append(f"{title} ({len(changes)}):")
        for area in AREAS:
            in_area = [c for c in changes if c.area == area]
            if in_area:
                lines.append(f"  {AREA_TITLES[area]}:")
                lines.extend(f"    - {c}" for c in in_area)
        lines.append("")
    bump = f"Version bump: {report.bump} ({BUMP_REASONS[report.bump]})"
    if versions is not None:
        bump += f": {versions[0]} -> {versions[1]}"
    lines.append(bump)
    if note:
        lines.append(note)
    return "\n".join(lines) + "\n"


def to_json(report: Report, versions: Optional[tuple[str, str]] = None) -> dict[str, Any]:
    """The report for scripts."""
    return {
        "bump": report.bump,
        "breaking": report.bump == "major",
        "version": {"from": versions[0], "to": versions[1]} if versions else None,
        "changes": [c.to_json() for c in report.changes],
    }
