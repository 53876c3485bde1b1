"""Python spellings of IR types and values, for the templates of the SDK (used as Jinja filters).

Everything from the spec that lands in generated code goes through `py_str` or `py_literal`,
so no description, example or enum value can break out of its string.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring
from typing import Any, Callable, Iterable, Sequence, Union

from .ir import ListOf, MapOf, Named, Primitive, Repeated, TypeRef

LINE_LENGTH = 88
PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "bytes": "bytes", "any": "Any"}
BASE64_BYTES = "Base64Bytes"
"""The models' spelling of `bytes` (`models/_base.py`): base64 text in JSON, as `format: byte` says."""


Prefix = Union[str, Callable[[Named], str]]
"""How a named type is reached: a plain prefix (`models.`), or a function of the type."""


def _reach(named: Named, prefix: Prefix, suffix: str = "") -> str:
    return f"{prefix(named) if callable(prefix) else prefix}{named.name}{suffix}"


def py_type(type_ref: TypeRef, prefix: Prefix = "", open_enums: bool = False, base64_bytes: bool = False) -> str:
    """The annotation of a value: `List[models.ImageInput]` with prefix `models.`.

    With `open_enums`, an enum also admits values the document does not list yet
    (`Union[Status, UnrecognizedStr]`), so a server that adds a value breaks no client.
    With `base64_bytes` (model fields), bytes are `Base64Bytes`: still `bytes`, base64 text in JSON.
    """
    if isinstance(type_ref, Primitive):
        return BASE64_BYTES if base64_bytes and type_ref.kind == "bytes" else PRIMITIVES[type_ref.kind]
    if isinstance(type_ref, ListOf):
        item = py_type(type_ref.item, prefix, open_enums, base64_bytes)
        return f"List[{_maybe_none(item, type_ref.item_nullable)}]"
    if isinstance(type_ref, MapOf):
        value = py_type(type_ref.value, prefix, open_enums, base64_bytes)
        return f"Dict[str, {_maybe_none(value, type_ref.value_nullable)}]"
    if open_enums and type_ref.kind == "enum":
        return f"Union[{_reach(type_ref, prefix)}, UnrecognizedStr]"
    return _reach(type_ref, prefix)


def _maybe_none(annotation: str, nullable: bool) -> str:
    return f"Optional[{annotation}]" if nullable and annotation != "Any" else annotation


def py_typeddict_type(type_ref: TypeRef, prefix: Prefix = "") -> str:
    """The same type spelled with TypedDict twins, the shape users pass as plain dicts."""
    if isinstance(type_ref, ListOf):
        return f"List[{_maybe_none(py_typeddict_type(type_ref.item, prefix), type_ref.item_nullable)}]"
    if isinstance(type_ref, MapOf):
        return f"Dict[str, {_maybe_none(py_typeddict_type(type_ref.value, prefix), type_ref.value_nullable)}]"
    if isinstance(type_ref, Named) and type_ref.kind != "enum":
        return _reach(type_ref, prefix, "TypedDict")
    return py_type(type_ref, prefix)


def has_models(type_ref: TypeRef) -> bool:
    """Whether values of this type may hold models (and so need converting to JSON data)."""
    if isinstance(type_ref, ListOf):
        return has_models(type_ref.item)
    if isinstance(type_ref, MapOf):
        return has_models(type_ref.value)
    return isinstance(type_ref, Named) and type_ref.kind != "enum"


def input_type(type_ref: TypeRef, prefix: str = "") -> str:
    """What a method accepts: the model type or its TypedDict twin."""
    model = py_type(type_ref, prefix)
    plain = py_typeddict_type(type_ref, prefix)
    return model if model == plain else f"Union[{model}, {plain}]"


def wrap(annotation: str, required: bool, nullable: bool) -> str:
    """Optional/nullable wrappers, as in the reference SDK (`OptionalNullable[T]` etc.)."""
    if required:
        return f"Nullable[{annotation}]" if nullable else annotation
    return f"OptionalNullable[{annotation}]" if nullable else f"Optional[{annotation}]"


def default_of(required: bool, nullable: bool) -> str:
    """The default of an optional argument or field: UNSET when None is a meaningful value."""
    if required:
        return ""
    return "UNSET" if nullable else "None"


def named_refs(types: Iterable[TypeRef]) -> list[Named]:
    """The named types reachable (shallowly) from some types, in first-use order."""
    found: list[Named] = []
    stack = list(types)[::-1]
    while stack:
        type_ref = stack.pop()
        if isinstance(type_ref, ListOf):
            stack.append(type_ref.item)
        elif isinstance(type_ref, MapOf):
            stack.append(type_ref.value)
        elif isinstance(type_ref, Named) and type_ref not in found:
            found.append(type_ref)
    return found


def py_import(module: str, names: Sequence[str], indent: int = 0) -> str:
    """`from module import a, b`, exploded one name per line when too long (black's way for imports).

    The first line carries no indentation: the template that places it supplies it.
    """
    line = f"from {module} import {', '.join(names)}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    pad = " " * indent
    return f"from {module} import (\n" + "".join(f"{pad}    {name},\n" for name in names) + f"{pad})"


def py_str(text: Any) -> str:
    """A Python string literal of any text, quoted as black would quote it.

    Double quotes, unless single quotes need fewer backslashes (text full of `"`).
    """
    double = encode_basestring(str(text))  # json.dumps(text, ensure_ascii=False), without building an encoder
    if '\\"' not in double:
        return double
    single = double[1:-1].replace('\\"', '"').replace("'", "\\'")
    return f"'{single}'" if single.count("\\") < double.count("\\") else double


def py_docstring(text: str, indent: int = 0, closes: bool = False) -> str:
    """Text safe inside a triple-quoted docstring, laid out as black lays it out at `indent`.
    With `closes`, the closing quotes follow the text: black moves them onto a line of their
    own when they would make the last line of a multi-line docstring too long. Text of more
    than one line is a whole docstring: black dedents its lines after the first."""
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    if text.startswith('"'):
        text = "\\" + text
    pad = " " * indent
    lines = _dedented(_LINE_BREAK.split(text) if "\r" in text else text.split("\n"))
    text = "\n".join([lines[0]] + [pad + line if line else "" for line in lines[1:]])
    if text.endswith('"'):
        text += " "  # as black writes it: a quote cannot touch the closing quotes
    if closes and len(lines) > 1 and len(text) - text.rfind("\n") - 1 + 3 > LINE_LENGTH:
        text += "\n" + pad
    return text


_LINE_BREAK = re.compile(r"\r\n|[\r\n]")


def _dedented(lines: list[str]) -> list[str]:
    """Docstring lines as black re-indents them (PEP 257's rule): leading tabs expanded to
    four columns, the indentation the lines after the first share removed, trailing
    whitespace dropped. Descriptions often indent their lists by two spaces or a tab."""
    expanded = [_leading_tabs_expanded(line) for line in lines]
    margin = min((len(line) - len(line.lstrip()) for line in expanded[1:] if line.lstrip()), default=0)
    return [expanded[0].strip()] + [line[margin:].rstrip() for line in expanded[1:]]


def _leading_tabs_expanded(line: str) -> str:
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def py_literal(value: Any, indent: int = 0) -> str:
    """A Python literal of a JSON value, one element per line with trailing commas (black's style)."""
    pad = " " * indent
    inner = " " * (indent + 4)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = "".join(f"{inner}{py_str(k)}: {py_literal(v, indent + 4)},\n" for k, v in value.items())
        return "{\n" + items + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = "".join(f"{inner}{py_literal(v, indent + 4)},\n" for v in value)
        return "[\n" + items + pad + "]"
    if isinstance(value, Repeated):
        # black's layout: the operator follows a bracket closed on its own line
        unit = py_literal(value.unit, indent)
        return f"{unit}\n{pad}* {value.count}" if "\n" in unit else f"{unit} * {value.count}"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, float) and not math.isfinite(value):
        return f'float("{value}")'  # nan, inf, -inf (YAML's .nan, .inf): no literal spells them
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, bytes):
        return "b" + py_str(value.decode()) if value.isascii() else repr(value)
    return py_str(value)


def usage_snippet(
    package: str,
    client_class: str,
    credentials: Sequence[tuple[str, str]],
    call_path: str,
    arguments: Sequence[tuple[str, Any]],
    returns: bool,
    is_async: bool = False,
) -> str:
    """The docs' usage example of one method: a complete script, formatted as black would.

    `credentials` are (constructor keyword, environment variable) pairs the call needs.
    """
    imports = (["import asyncio"] if is_async else []) + (["import os"] if credentials else [])
    opening = f"{'async ' if is_async else ''}with {client_class}("
    body = (
        [opening + ")" + f" as {package}:"]
        if not credentials
        else [opening] + [f'    {arg}=os.getenv("{env}", ""),' for arg, env in credentials] + [f") as {package}:"]
    )
    call = f"{'await ' if is_async else ''}{package}.{call_path}("
    prefix = "    res = " if returns else "    "
    if arguments:
        args = "".join(f"        {name}={py_literal(value, 8)},\n" for name, value in arguments)
        body.append(f"{prefix}{call}\n{args}    )")
    else:
        body.append(f"{prefix}{call})")
    body += ["", "    # Handle response", "    print(res)"] if returns else []
    lines = imports + ([""] if imports else []) + [f"from {package} import {client_class}", ""]
    if not is_async:
        return "\n".join(lines + body)
    indented = "\n".join(("    " + line) if line else "" for line in "\n".join(body).split("\n"))
    return "\n".join(lines + ["", "async def main() -> None:", indented, "", "", "asyncio.run(main())"])
