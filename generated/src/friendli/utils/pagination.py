"""Paging through results: what to pass for the next page, from the page just received."""

from __future__ import annotations

from typing import Any, Dict, Optional


def _at(data: Any, path: str) -> Any:
    """The value at a dotted path (`data.items`) of a response dumped to JSON data."""
    for part in [p for p in path.split(".") if p]:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def next_arguments(
    page: Any,
    arguments: Dict[str, Any],
    kind: str,
    argument: str,
    results: str,
    next_cursor: str,
) -> Optional[Dict[str, Any]]:
    """The arguments of the next call, or None when this page was the last (empty, or no cursor)."""
    data = (
        page.model_dump(mode="json", by_alias=True)
        if hasattr(page, "model_dump")
        else page
    )
    items = _at(data, results)
    if not items:
        return None
    current = arguments.get(argument)
    if kind == "cursor":
        cursor = _at(data, next_cursor)
        return dict(arguments, **{argument: cursor}) if cursor else None
    if kind == "page":
        start = current if isinstance(current, int) else 1
        return dict(arguments, **{argument: start + 1})
    start = current if isinstance(current, int) else 0
    return dict(arguments, **{argument: start + len(items)})
