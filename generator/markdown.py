"""Markdown for the docs pages, in final form: tables are padded here, not in templates."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from .ir import Example, ListOf, MapOf, Named, Primitive, TypeRef
from .pysyntax import PRIMITIVES, py_type


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table whose columns all share the widest cell's width (line breaks count as one character)."""
    cells = [list(header)] + [list(r) for r in rows]
    width = max(len(c) for row in cells for c in row)

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(width).replace("\n", "<br/>") for c in row) + " |"

    return "\n".join([line(cells[0]), line(["-" * width] * len(header))] + [line(r) for r in cells[1:]])


@dataclass(frozen=True)
class Table:
    """A table padded only when a page is rendered (`str`). Padded tables are most of a big API's
    docs (Kubernetes: 130 MB); planned padded, all of them stay in memory until the last page
    is rendered, and the first touch of each page of that memory costs the kernel a fault
    (Kubernetes: 37,000 faults, 0.3 s). Padded as each page is rendered, the memory of one
    page's tables is used again for the next."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]

    def __str__(self) -> str:
        return table(self.header, self.rows)


def cell(text: str) -> str:
    """Text made safe for a table cell."""
    return text.replace("|", "\\|").replace("\r", "")


def description_cell(text: str) -> str:
    return cell(text) if text else "N/A"


def deprecated_text(description: str) -> str:
    """The description of a deprecated field or argument, flagged where readers look first."""
    return ":warning: **Deprecated.**" + (f" {description}" if description else "")


def example_cell(example: Optional[Example]) -> str:
    if example is None:
        return ""
    value = example.value
    if isinstance(value, str):
        return cell(value)
    return cell(json.dumps(value, indent=0, sort_keys=True, ensure_ascii=False))


def type_text(type_ref: TypeRef, link_base: str) -> str:
    """How docs spell a type: `*str*`, `List[[models.X](../models/x.md)]`."""
    if isinstance(type_ref, Primitive):
        return f"*{PRIMITIVES[type_ref.kind]}*"
    if isinstance(type_ref, ListOf):
        return f"List[{type_text(type_ref.item, link_base)}]"
    if isinstance(type_ref, MapOf):
        return f"Dict[str, {type_text(type_ref.value, link_base)}]"
    return f"[models.{type_ref.name}]({link_base}{type_ref.module}.md)"


def field_type_text(type_ref: TypeRef, required: bool, nullable: bool, link_base: str) -> str:
    """A field's type with its Optional/Nullable wrapper (containers are shown bare)."""
    wrapper = _wrapper(required, nullable)
    if not wrapper or isinstance(type_ref, (ListOf, MapOf)):
        return type_text(type_ref, link_base)
    if isinstance(type_ref, Primitive):
        return f"*{wrapper}[{PRIMITIVES[type_ref.kind]}]*"
    assert isinstance(type_ref, Named)
    return f"[{wrapper}[models.{type_ref.name}]]({link_base}{type_ref.module}.md)"


def _wrapper(required: bool, nullable: bool) -> str:
    if required:
        return "Nullable" if nullable else ""
    return "OptionalNullable" if nullable else "Optional"


def variant_text(type_ref: TypeRef) -> str:
    """A union member as the union's page names it: `List[models.URLImageItem]`."""
    return py_type(type_ref, "models.")


def required_mark(required: bool) -> str:
    return ":heavy_check_mark:" if required else ":heavy_minus_sign:"


def fields_table(rows: Sequence[tuple[str, str, bool, str, Optional[Example]]], first: str = "Field") -> Table:
    """The Field/Type/Required/Description[/Example] table of a model or an operation."""
    with_examples = any(r[4] is not None for r in rows)
    header = [first, "Type", "Required", "Description"] + (["Example"] if with_examples else [])
    body = []
    for name, type_, required, description, example in rows:
        row = [f"`{name}`", type_, required_mark(required), description_cell(description)]
        body.append(row + ([example_cell(example)] if with_examples else []))
    return Table(header, body)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
