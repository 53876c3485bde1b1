"""Stage 4, plan: which files exist, and for each its template and context.

Contexts carry what templates would otherwise compute (annotations, imports, tables), so
templates stay loops and conditionals over ready-made values.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Literal, Optional, Union

from . import markdown as md
from . import naming
from . import pysyntax as py
from .cycles import ImportGraph, deep_imports, import_cycles, import_graph
from .ir import (
    Api,
    Argument,
    Enum,
    Example,
    Field,
    Group,
    ListOf,
    MapOf,
    Model,
    Named,
    NamedType,
    Operation,
    Primitive,
    Response,
    TypeRef,
    UnionType,
)
from .loader import path_pieces
from .versioning import CHANGELOG, RECORD, Release, changelog_view

FileKind = Literal["python", "text"]
"""`python` files are written in black's style by their templates (black sees only the long
statements whose split blacksplit.py cannot predict); `text` files are written as rendered."""

TYPING_NAMES = (
    "TYPE_CHECKING",
    "Any",
    "AsyncIterator",
    "ClassVar",
    "Dict",
    "FrozenSet",
    "Iterator",
    "List",
    "Literal",
    "Mapping",
    "Optional",
    "Union",
)
TYPING_EXTENSIONS_NAMES = ("Annotated", "NotRequired", "TypedDict")
TYPES_NAMES = ("UNSET", "Nullable", "OptionalNullable", "UnrecognizedStr")


@dataclass(frozen=True)
class PlannedFile:
    path: str
    template: str
    context: dict[str, Any]
    kind: FileKind


def plan(api: Api, generator_version: str, release: Optional[Release] = None) -> list[PlannedFile]:
    """Every file of the SDK, in a fixed order; with a release (automatic versioning), its changelog and record."""
    settings = api.settings
    src = f"src/{settings.package_name}"
    base = {"api": api, "settings": settings, "generator_version": generator_version}
    files: list[PlannedFile] = []

    def add(path: str, template: str, kind: FileKind = "python", **context: Any) -> None:
        files.append(PlannedFile(path, template, {**base, **context}, kind))

    add("pyproject.toml", "python/pyproject.toml.jinja", "text")
    add("README.md", "docs/README.md.jinja", "text", view=readme_view(api))
    add(f"{src}/__init__.py", "python/package_init.py.jinja")
    add(f"{src}/_version.py", "python/version.py.jinja")
    add(f"{src}/py.typed", "python/py.typed.jinja", "text")
    add(f"{src}/types.py", "python/types.py.jinja")
    add(f"{src}/sdkconfiguration.py", "python/sdkconfiguration.py.jinja")
    add(f"{src}/basesdk.py", "python/basesdk.py.jinja")
    add(f"{src}/sdk.py", "python/sdk.py.jinja")
    add(f"{src}/utils/__init__.py", "python/utils/__init__.py.jinja")
    add(f"{src}/utils/retries.py", "python/utils/retries.py.jinja")
    add(f"{src}/utils/serializers.py", "python/utils/serializers.py.jinja")
    add(f"{src}/utils/eventstreaming.py", "python/utils/eventstreaming.py.jinja")
    add(f"{src}/utils/pagination.py", "python/utils/pagination.py.jinja")
    add(f"{src}/resources/__init__.py", "python/resources/init.py.jinja")
    for group in api.groups():
        add(f"{src}/resources/{group.module}.py", "python/resource.py.jinja", view=resource_view(api, group))
    imports = import_graph((*api.types, *api.request_models))
    add(f"{src}/models/__init__.py", "python/models/init.py.jinja", view=models_init_view(api, imports))
    add(f"{src}/models/_base.py", "python/models/base.py.jinja")
    add(f"{src}/models/sdkerror.py", "python/models/sdkerror.py.jinja")
    cycles = import_cycles(imports)
    for named in (*api.types, *api.request_models):
        path, template, kind, context = _type_module(src, named, cycles, api.settings.json_bytes == "base64")
        add(path, template, kind, **context)
    for group in api.groups():
        if group.operations:
            add(f"docs/sdks/{group.doc_page}/README.md", "docs/group.md.jinja", "text", view=group_doc_view(api, group))
    for named in (*api.types, *api.request_models):
        add(f"docs/models/{named.module}.md", f"docs/{named.kind}.md.jinja", "text", view=type_doc_view(named))
    add("docs/models/utils/retryconfig.md", "docs/retryconfig.md.jinja", "text")
    if release is not None:
        add(CHANGELOG, "docs/changelog.md.jinja", "text", entries=changelog_view(release))
        add(RECORD, "api-record.json.jinja", "text", record=release.to_bytes().decode("utf-8"))
    return files


def _type_module(
    src: str, named: NamedType, cycles: dict[str, int], base64_bytes: bool
) -> tuple[str, str, FileKind, Any]:
    path = f"{src}/models/{named.module}.py"
    if isinstance(named, Model):
        view = model_view(named, cycles, base64_bytes)
        return path, "python/models/model.py.jinja", "python", {"model": named, "view": view}
    if isinstance(named, Enum):
        literal = "Literal[" + ", ".join(py.py_literal(m.value) for m in named.members) + "]"
        return path, "python/models/enum.py.jinja", "python", {"enum": named, "literal": literal}
    return path, "python/models/union.py.jinja", "python", {"union": named, "view": union_view(named)}


# -- Python views ------------------------------------------------------------------------


def used_names(texts: Iterable[str], names: Iterable[str]) -> list[str]:
    """Which of `names` occur as identifiers in some code snippets, in the given order."""
    found = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", " ".join(texts)))
    return [n for n in names if n in found]


def _import_lines(texts: list[str]) -> list[str]:
    lines = []
    typing_names = used_names(texts, TYPING_NAMES)
    if typing_names:
        lines.append(py.py_import("typing", typing_names))
    ext_names = used_names(texts, TYPING_EXTENSIONS_NAMES)
    if ext_names:
        lines.append(py.py_import("typing_extensions", ext_names))
    return lines


def model_view(model: Model, cycles: Optional[dict[str, int]] = None, base64_bytes: bool = True) -> dict[str, Any]:
    """A model module; types in an import cycle with it are reached through their module.
    With `base64_bytes`, bytes fields are base64 text in JSON (gen.yaml's `json_bytes`)."""
    cycles = cycles or {}
    own_cycle = cycles.get(model.name)

    def in_cycle(named: Named) -> bool:
        return named.name != model.name and own_cycle is not None and cycles.get(named.name) == own_cycle

    def reach(named: Named) -> str:
        return f"_{named.module}." if in_cycle(named) else ""

    fields = []
    for f in model.fields:
        annotation = py.py_type(f.type, reach, open_enums=True, base64_bytes=base64_bytes)
        annotation = py.wrap(annotation, f.required, f.nullable)
        options = [f"alias={py.py_str(f.alias)}"] if f.alias != f.name else []
        if f.deprecated:
            options.append(f"deprecated={py.py_str(f.name + ' is deprecated')}")
        if options:
            annotation = f"Annotated[{annotation}, pydantic.Field({', '.join(options)})]"
        typed = py.wrap(py.py_typeddict_type(f.type, reach), True, f.nullable)
        fields.append(
            {
                "name": f.name,
                "annotation": annotation,
                "typeddict_annotation": typed if f.required else f"NotRequired[{typed}]",
                "default": py.default_of(f.required, f.nullable),
                "description": f.description,
            }
        )
    used = [n for n in py.named_refs(f.type for f in model.fields) if n.name != model.name]
    code = [x["annotation"] + " " + x["typeddict_annotation"] + " " + x["default"] for x in fields]
    code.append("TypedDict")
    local = sorted(
        py.py_import(f".{n.module}", [n.name] if n.kind == "enum" else [n.name, naming.typed_dict_name(n.name)])
        for n in used
        if not in_cycle(n)
    )
    types_names = used_names(code, TYPES_NAMES)
    if types_names:
        local.insert(0, py.py_import("..types", types_names))
    local.insert(0, py.py_import("._base", used_names(code, (py.BASE64_BYTES,)) + ["BaseModel"]))
    typing_imports = _import_lines(code)
    if any("pydantic.Field" in c for c in code):
        typing_imports.append("")
        typing_imports.append("import pydantic")
    return {
        "fields": fields,
        "typing_imports": typing_imports,
        "local_imports": local,
        "late_imports": [
            py.py_import(".", [f"{n.module} as _{n.module}"])
            for n in sorted(used, key=lambda n: n.module)
            if in_cycle(n)
        ],
    }


def discriminator_tags(union: UnionType) -> Optional[dict[str, str]]:
    """Discriminator value -> variant class, when the discriminator alone can pick the variant:
    every variant a model, each reachable by at least one value. Otherwise None (a smart union)."""
    names = {v.name for v in union.variants if isinstance(v, Named) and v.kind == "model"}
    if not union.discriminator or len(names) < 2 or len(names) != len(union.variants):
        return None
    tags = {value: name for value, name in union.mapping if name in names}
    return tags if set(tags.values()) == names else None


def _without_self(type_ref: TypeRef, name: str) -> TypeRef:
    """A union alias cannot name itself (Python evaluates it at import): its own name becomes Any."""
    if isinstance(type_ref, ListOf):
        return dataclasses.replace(type_ref, item=_without_self(type_ref.item, name))
    if isinstance(type_ref, MapOf):
        return dataclasses.replace(type_ref, value=_without_self(type_ref.value, name))
    if isinstance(type_ref, Named) and type_ref.name == name:
        return Primitive("any")
    return type_ref


def union_view(union: UnionType) -> dict[str, Any]:
    """A union module; a discriminated union is parsed by its discriminator, not by trying each variant."""
    union = dataclasses.replace(union, variants=tuple(_without_self(v, union.name) for v in union.variants))
    annotation = f"Union[{', '.join(py.py_type(v) for v in union.variants)}]"
    typed = f"Union[{', '.join(py.py_typeddict_type(v) for v in union.variants)}]"
    if len(union.variants) == 1:
        annotation, typed = py.py_type(union.variants[0]), py.py_typeddict_type(union.variants[0])
    tags = discriminator_tags(union)
    extra_imports = []
    if tags is not None and union.discriminator is not None:
        tagged = ", ".join(
            f"Annotated[{py.py_type(v)}, pydantic.Tag({py.py_str(py.py_type(v))})]" for v in union.variants
        )
        table = ", ".join(f"{py.py_str(value)}: {py.py_str(name)}" for value, name in sorted(tags.items()))
        classes = ", ".join(py.py_type(v) for v in union.variants)
        discriminate = f"discriminate({py.py_str(union.discriminator)}, {{{table}}}, ({classes}))"
        annotation = f"Annotated[Union[{tagged}], pydantic.Discriminator({discriminate})]"
        extra_imports = ["", "import pydantic"]
    lines = ["from ._base import discriminate"] if tags is not None else []
    for named in py.named_refs(union.variants):
        if named.name != union.name:
            names = [named.name] if named.kind == "enum" else [named.name, naming.typed_dict_name(named.name)]
            lines.append(py.py_import(f".{named.module}", names))
    return {
        "annotation": annotation,
        "typeddict_annotation": typed,
        "typing_imports": _import_lines([annotation, typed]) + extra_imports,
        "local_imports": sorted(lines),
    }


def models_init_view(api: Api, imports: ImportGraph) -> dict[str, Any]:
    exports: list[tuple[str, list[str]]] = []
    for named in (*api.types, *api.request_models):
        names = [named.name] if named.kind == "enum" else [named.name, naming.typed_dict_name(named.name)]
        exports.append((named.module, names))
    exports.append(("sdkerror", ["ResponseValidationError", "SDKError"]))
    deep = deep_imports(imports)
    return {"exports": sorted(exports), "imported_first": deep}


def _retry_literal(op: Operation) -> str:
    r = op.retries
    if r is None:
        return "None"
    return (
        f'RetryConfig("backoff", BackoffStrategy({r.initial_interval_ms}, {r.max_interval_ms}, '
        f"{r.exponent!r}, {r.max_elapsed_time_ms}), {r.retry_connection_errors})"
    )


def _adapter(annotation: str, adapters: list[dict[str, str]], ids: Iterator[int]) -> str:
    """The name of a new module-level function that gives a `TypeAdapter` of `annotation`
    (built on first use), added to `adapters`, the module's; `ids` numbers them."""
    function = f"_adapter_{next(ids)}"
    adapters.append({"function": function, "annotation": annotation})
    return function


def _event_view(response: Response, adapters: list[dict[str, str]], ids: Iterator[int]) -> dict[str, Any]:
    """How a method turns an event stream's data into typed events."""
    assert response.events is not None
    annotation = py.py_type(response.events, "models.")
    envelope = response.event_envelope
    if isinstance(response.events, Named) and response.events.kind == "model":
        decode = f"models.{response.events.name}.model_validate"
    else:
        decode = f"{_adapter(annotation, adapters, ids)}().validate_python"
    return {
        "type": annotation,
        "decode": decode,
        "sentinel": py.py_str(response.sentinel) if response.sentinel is not None else "None",
        "envelope": str(envelope),
        "check": _status_check(response.status) + " and is_event_stream(response)",
    }


def _sent_in(
    op: Operation, where: str, adapters: list[dict[str, str]], helpers: set[str], ids: Iterator[int]
) -> list[dict[str, str]]:
    """The parameters sent in `where` (path, header, query, cookie): each wire name, and the value's
    expression. Models and TypedDicts become JSON data by wire name first, so that the
    serializers write an object's fields in the parameter's style, not its Python repr."""
    sent = []
    for arg in op.arguments:
        if arg.source != where:
            continue
        value = arg.name
        if py.has_models(arg.type):
            helpers.add("param_json")
            value = f"param_json({_adapter(py.py_type(arg.type, 'models.'), adapters, ids)}(), {arg.name})"
        sent.append({"wire_name": arg.wire_name, "value": value})
    return sent


def _named_by(op: Operation, location: str, explode: bool) -> tuple[str, ...]:
    """Wire names of the parameters in `location` whose `explode` is `explode`."""
    return tuple(p.wire_name for p in op.parameters if p.location == location and p.explode == explode)


def _query_styles(op: Operation) -> list[tuple[str, str]]:
    """Query parameters not in the default style (`form`, exploded), by wire name."""
    styles = []
    for param in op.parameters:
        if param.location != "query":
            continue
        style = "form-flat" if param.style == "form" and not param.explode else param.style
        if style != "form":
            styles.append((param.wire_name, style))
    return styles


def _accept(response: Optional[Response]) -> str:
    """The Accept header: what the success response may be, JSON first, then events."""
    kinds = [response.content_type] if response is not None and response.content_type else []
    if response is not None and response.events:
        kinds.append("text/event-stream")
    return ", ".join(kinds) or "*/*"


def _media_kind(content_type: str) -> str:
    """How a response body is read: JSON into models, text as str, anything else as bytes."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json" or kind.endswith("+json") or kind in ("*/*", ""):
        return "json"
    if kind.startswith("text/") or kind in ("application/xml", "application/yaml"):
        return "text"
    return "binary"


def _tuple_literal(alternatives: tuple[tuple[str, ...], ...]) -> str:
    """`(("a",), ("b", "c"))`: tuples of strings, spelled as black spells them."""

    def one(items: tuple[str, ...]) -> str:
        inner = ", ".join(py.py_str(i) for i in items)
        return f"({inner},)" if len(items) == 1 else f"({inner})"

    parts = [one(a) for a in alternatives]
    return "()" if not parts else f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"


def _status_check(status: str) -> str:
    if status.upper().endswith("XX"):
        return f'status_matches(response.status_code, ("{status.upper()}",))'
    if status == "default":
        return 'status_matches(response.status_code, ("2XX",))'
    return f"response.status_code == {int(status)}"


def _wire_value(arg: Argument, adapters: list[dict[str, str]], helpers: set[str], ids: Iterator[int]) -> str:
    """The expression that turns an argument into JSON data for the body."""
    if py.has_models(arg.type):
        annotation = py.py_type(arg.type, "models.")
        function = _adapter(f"Optional[{annotation}]" if arg.nullable else annotation, adapters, ids)
        helpers.add("to_json_data")
        return f"to_json_data({function}(), {arg.name})"
    item = arg.type.item if isinstance(arg.type, ListOf) else arg.type
    if isinstance(item, Primitive) and item.kind == "number":
        helpers.add("to_float")
        return f"to_float({arg.name})"
    return arg.name


def operation_view(op: Operation, ids: Iterator[int]) -> dict[str, Any]:
    """What the resource template needs for one method; `ids` numbers the module's type adapters."""
    adapters: list[dict[str, str]] = []
    helpers: set[str] = set()
    signature = []
    values: dict[str, str] = {}
    for arg in op.arguments:
        annotation = py.wrap(py.input_type(arg.type, "models."), arg.required, arg.nullable)
        signature.append(
            {"name": arg.name, "annotation": annotation, "default": py.default_of(arg.required, arg.nullable)}
        )
        if arg.source in ("body_field", "body"):
            values[arg.name] = _wire_value(arg, adapters, helpers, ids)
    body_argument = next((values[a.name] for a in op.arguments if a.source == "body"), None)
    body_fields = []
    if op.body is not None and op.body.fields:
        by_alias = {a.wire_name: a for a in op.arguments if a.source == "body_field"}
        for f in op.body.fields:
            field_arg = by_alias.get(f.alias)
            if field_arg is not None:
                body_fields.append(
                    {
                        "name": field_arg.name,
                        "alias": f.alias,
                        "required": field_arg.required,
                        "unset": "UNSET" if field_arg.nullable else "None",
                        "value": values[field_arg.name],
                    }
                )
    headers, query, cookies = (_sent_in(op, where, adapters, helpers, ids) for where in ("header", "query", "cookie"))
    if cookies:
        helpers.add("cookie_header")
    if headers:
        helpers.add("header_params")
    if query:
        helpers.add("query_params")
    path_values = {sent["wire_name"]: sent["value"] for sent in _sent_in(op, "path", adapters, helpers, ids)}
    path_expression = _path_expression(op, path_values)
    if "path_value(" in path_expression:
        helpers.add("path_value")
    response = op.response
    response_check = response_parse = None
    return_annotation = "None"
    kind = _media_kind(response.content_type) if response is not None else "none"
    if response is not None and "*" in response.content_type and response.type == Primitive("string"):
        kind = "text"  # Kubernetes' proxies: `produces: */*` and a string, whatever the server sends
    if response is not None and op.http_method == "head":  # no body, whatever the document says
        response = dataclasses.replace(response, content_type="", type=None, events=None)
    if response is not None and not (response.type is None and response.events):
        response_check = _status_check(response.status)
        if response.type is None:
            response_parse = "None"
        elif kind == "text":
            response_parse, return_annotation = "response.text", "str"
        elif kind == "binary":
            response_parse, return_annotation = "response.content", "bytes"
        else:
            response_check += " and is_json(response)"
            helpers.add("is_json")
            return_annotation = py.wrap(py.py_type(response.type, "models."), True, response.nullable)
            if isinstance(response.type, Named) and response.type.kind == "model" and not response.nullable:
                response_parse = f"models.{response.type.name}.model_validate_json(response.content)"
            else:
                response_parse = f"{_adapter(return_annotation, adapters, ids)}().validate_json(response.content)"
    events = _event_view(response, adapters, ids) if response is not None and response.events else None
    if events is not None:
        sync_return = f"EventStream[{events['type']}]"
        return_annotation = (
            sync_return
            if response_check is None or response_parse == "None"
            else f"Union[{return_annotation}, {sync_return}]"
        )
    return {
        "events": events,
        "spec_name": f"_{op.method_name.upper()}",
        "operation": op,
        "accept": _accept(response),
        "wire_path": op.path.split("#", 1)[0],
        "content_type": op.body.content_type if op.body else None,
        "retry_statuses": op.retries.status_codes if op.retries else (),
        "default_retries": _retry_literal(op),
        "security": _tuple_literal(op.security),
        "server": py.py_str(op.server) if op.server else "None",
        "adapters": adapters,
        "helpers": sorted(helpers),
        "signature": signature,
        "docstring": _docstring(op),
        "deprecated": op.deprecated,
        "deprecated_arguments": [
            {"name": a.name, "unset": "UNSET" if a.nullable else "None"}
            for a in op.arguments
            if a.deprecated and not a.required
        ],
        "has_body_fields": bool(body_fields),
        "body_fields": body_fields,
        "body_argument": body_argument,
        "body_required": any(a.required for a in op.arguments if a.source == "body"),
        "body_name": next((a.name for a in op.arguments if a.source == "body"), ""),
        "body_nullable": any(a.nullable for a in op.arguments if a.source == "body"),
        "headers": headers,
        "query": query,
        "cookies": cookies,
        "query_styles": _query_styles(op),
        "exploded_headers": _named_by(op, "header", explode=True),
        "flat_cookies": _named_by(op, "cookie", explode=False),
        "pagination": op.pagination,
        "call_arguments": ", ".join(f"{a.name}={a.name}" for a in op.arguments),
        "path_expression": path_expression,
        "response_check": response_check,
        "response_parse": response_parse,
        "return_annotation": return_annotation,
        "async_return_annotation": return_annotation.replace("EventStream[", "EventStreamAsync["),
        "error_statuses": tuple(s for e in op.errors for s in e.statuses),
    }


def _docstring(op: Operation) -> str:
    parts = [p for p in (op.summary, op.description) if p]
    params = [f":param {a.name}: {' '.join(a.description.split())}".rstrip() for a in op.arguments]
    params += [
        ":param retries: Override the default retry configuration for this method",
        ":param server_url: Override the default server URL for this method",
        ":param timeout_ms: Override the default request timeout configuration for this method in milliseconds",
        ":param http_headers: Additional headers to set or replace on requests.",
    ]
    return "\n\n".join(parts + ["\n".join(params)])


def _path_expression(op: Operation, by_wire: dict[str, str]) -> str:
    """The path as an expression: its text, and `by_wire`'s value of each parameter in it."""
    pieces = path_pieces(op.path)
    terms = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            if piece:
                terms.append(py.py_str(piece))
        elif piece in by_wire:
            terms.append(f"path_value({by_wire[piece]})")
        else:
            terms.append(py.py_str("{" + piece + "}"))
    return " + ".join(terms) or '""'


def resource_view(api: Api, group: Group) -> dict[str, Any]:
    ids = itertools.count(1)
    operations = [operation_view(op, ids) for op in group.operations]
    children = [
        {
            "attribute": child.attribute,
            "class_name": child.class_name,
            "class_prefix": "Async",
            "module": child.module,
            "description": f"The `{'.'.join(child.path)}` operations.",
        }
        for child in group.children
    ]
    code = [a["annotation"] for op in operations for a in op["signature"]]
    code += [op["return_annotation"] for op in operations] + [
        a["annotation"] for op in operations for a in op["adapters"]
    ]
    body = any(op["has_body_fields"] for op in operations)
    if operations:
        code += ["Mapping Optional TYPE_CHECKING"]
    else:
        code += ["TYPE_CHECKING"]
    if body:
        code.append("Dict Any")
    stdlib = []
    functools = [
        n
        for n, used in (("cached_property", children), ("lru_cache", any(op["adapters"] for op in operations)))
        if used
    ]
    if functools:
        stdlib.append(py.py_import("functools", functools))
    if any(op["pagination"] for op in operations):
        code.append("AsyncIterator Iterator Dict Any Optional")
    if any(op["deprecated"] or op["deprecated_arguments"] for op in operations):
        stdlib.insert(0, "import warnings")
    stdlib += _import_lines(code)
    package = []
    if operations:
        package.append("from .. import models")
    package.append("from ..basesdk import BaseSDK" + (", OperationSpec" if operations else ""))
    if operations:
        types_names = used_names(code + ["UNSET OptionalNullable"], TYPES_NAMES)
        package.append(py.py_import("..types", types_names))
        retry_names = ["BackoffStrategy"] if any(op["operation"].retries for op in operations) else []
        package.append(py.py_import("..utils.retries", retry_names + ["RetryConfig", "status_matches"]))
        serializer_names = sorted({h for op in operations for h in op["helpers"]})
        if serializer_names:
            package.append(py.py_import("..utils.serializers", serializer_names))
        if any(op["pagination"] for op in operations):
            package.append("from ..utils.pagination import next_arguments")
        if any(op["events"] for op in operations):
            stream_names = ["EventStream", "EventStreamAsync", "is_event_stream"]
            package.append(py.py_import("..utils.eventstreaming", stream_names))
    type_checking = []
    for child in children:
        names = [f"Async{child['class_name']}", child["class_name"]]
        type_checking.append(py.py_import(f".{child['module']}", names, 4))
    if any(op["adapters"] for op in operations):
        type_checking.insert(0, "from pydantic import TypeAdapter")
    label = ".".join(group.path)
    title = f"The `{label}` resource of the {api.title}." if label else f"The top-level resource of the {api.title}."
    return {
        "title": title,
        "class_name": group.class_name,
        "children": children,
        "operations": operations,
        "stdlib_imports": stdlib,
        "package_imports": package,
        "type_checking_imports": type_checking,
    }


# -- docs views ----------------------------------------------------------------------------

_SDK_PAGE_LINKS = "../../models/"
_MODEL_PAGE_LINKS = "../models/"


def group_doc_view(api: Api, group: Group) -> dict[str, Any]:
    label = ".".join(group.path)
    settings = api.settings
    ops = []
    for op in group.operations:
        token = credentials_for(api, op)
        rows = _table_rows(op.arguments, _SDK_PAGE_LINKS)
        if op.retries is not None:
            retries_row = (
                "retries",
                f"[Optional[utils.RetryConfig]]({_SDK_PAGE_LINKS}utils/retryconfig.md)",
                False,
                "Configuration to override the default retry behavior of the client.",
                None,
            )
            rows.append(retries_row)
        parameters = md.fields_table(rows, first="Parameter")
        call_path = ".".join((*group.path, op.method_name))
        response = op.response
        texts = []
        if response is not None and response.type is not None:
            texts.append(md.type_text(response.type, _SDK_PAGE_LINKS))
        if response is not None and response.events is not None:
            texts.append(f"EventStream[{md.type_text(response.events, _SDK_PAGE_LINKS)}]")
        response_text = f"**{' or '.join(texts) or 'None'}**"
        errors = md.Table(
            ["Error Type", "Status Code", "Content Type"],
            [
                [f"models.{e.error}", ", ".join(e.statuses), md.cell(e.content_type).replace("*", "\\*")]
                for e in op.errors
            ],
        )
        ops.append(
            {
                "operation": op,
                "summary": op.summary,
                "description": op.description,
                "snippet": py.usage_snippet(
                    settings.package_name,
                    settings.sync_class,
                    token,
                    call_path,
                    op.usage_example,
                    response is not None and response.type is not None,
                ),
                "parameters": parameters,
                "has_parameters": bool(op.arguments or op.retries),
                "response": response_text,
                "errors": errors,
            }
        )
    title = group.class_name if group.path else settings.sync_class
    return {"title": title, "label": label, "operations": ops}


def _table_rows(
    items: Iterable[Union[Argument, Field]], links: str
) -> list[tuple[str, str, bool, str, Optional[Example]]]:
    """Rows of a Field/Parameter table: the same columns for a model's fields and a method's arguments."""
    return [
        (
            i.name,
            md.field_type_text(i.type, i.required, i.nullable, links),
            i.required,
            md.deprecated_text(i.description) if i.deprecated else i.description,
            i.example,
        )
        for i in items
    ]


def type_doc_view(named: NamedType) -> dict[str, Any]:
    if isinstance(named, Model):
        rows = _table_rows(named.fields, _MODEL_PAGE_LINKS)
        return {"name": named.name, "description": named.description, "table": md.fields_table(rows) if rows else ""}
    if isinstance(named, Enum):
        values = [[f"`{m.name}`", md.cell(str(m.value))] for m in named.members]
        return {"name": named.name, "description": named.description, "table": md.Table(["Name", "Value"], values)}
    return {
        "name": named.name,
        "description": named.description,
        "variants": [md.variant_text(v) for v in named.variants],
    }


def credentials_for(api: Api, op: Operation) -> list[tuple[str, str]]:
    """The constructor keywords (and environment variables) the first way to authorise `op` needs:
    for an `oauth2` scheme, its access token (client credentials are the other way)."""
    schemes = {s.scheme: s for s in api.security}
    requirement = op.security[0] if op.security else ()
    found = []
    for name in requirement:
        credentials = schemes[name].credentials
        found += [(c.argument, c.env_var) for c in (credentials[:1] if schemes[name].kind == "oauth2" else credentials)]
    return found


def readme_view(api: Api) -> dict[str, Any]:
    settings = api.settings
    first = next(iter(api.operations), None)
    token = credentials_for(api, first) if first else []
    snippet = ""
    async_snippet = ""
    if first is not None:
        call_path = ".".join((*first.group_path, first.method_name))
        returns = first.response is not None and first.response.type is not None
        snippet = py.usage_snippet(
            settings.package_name, settings.sync_class, token, call_path, first.usage_example, returns
        )
        async_snippet = py.usage_snippet(
            settings.package_name, settings.async_class, token, call_path, first.usage_example, returns, is_async=True
        )
    groups = []
    for group in api.groups():
        for op in group.operations:
            groups.append((group, op))
    return {
        "snippet": snippet,
        "async_snippet": async_snippet,
        "operations": [
            {
                "label": ".".join(g.path) or settings.package_name,
                "doc_page": g.doc_page,
                "method": op.method_name,
                "summary": op.summary,
                "group": g.class_name,
            }
            for g, op in groups
        ],
        "first": first,
    }
