"""The SDK's public surface, read off the IR as plain JSON-ready data.

What users of the SDK touch: the client's credentials, each method (by its path in the
resource tree) with its arguments and return type, and each model, enum and union with its
fields or values. Descriptions are kept as short fingerprints, so a documentation change is
seen without storing the text. The request models made for methods (`<Method>Request`)
are left out: they mirror the arguments, whose changes are reported once, as arguments.

Being plain data, a surface can be compared with another (`apidiff.py`) and recorded in
the output for the next generation (`versioning.py`).
"""

from __future__ import annotations

import hashlib
from typing import Any, Optional

from .ir import Api, Argument, Enum, Field, Model, NamedType, Operation, Response
from .pysyntax import py_type
from .shapes import FLAG, STRING, leaf, list_of, mapping_of, object_of, tagged

Surface = dict[str, Any]
"""{"client": {"credentials": [...]}, "operations": {key: {...}}, "types": {name: {...}}}"""

_MEMBER = object_of(type=STRING, required=FLAG, nullable=FLAG, doc=STRING)  # an argument or a field
_SCALAR = leaf(lambda v: v is None or type(v) in (str, int, float, bool), "a string, number, boolean or null")

SURFACE_SHAPE = object_of(
    client=object_of(credentials=list_of(STRING)),
    operations=mapping_of(
        object_of(
            arguments=mapping_of(_MEMBER), body=STRING, returns=STRING, paginated=FLAG, deprecated=FLAG, doc=STRING
        )
    ),
    types=mapping_of(
        tagged(
            "kind",
            {
                "model": object_of(fields=mapping_of(_MEMBER), doc=STRING),
                "enum": object_of(values=list_of(_SCALAR), doc=STRING),
                "union": object_of(variants=list_of(STRING), doc=STRING),
            },
        )
    ),
)
"""What `surface_of` returns, for checking a surface read back from a file (`shapes.py`)."""


def surface_of(api: Api) -> Surface:
    """Everything of `api` that code using the SDK can depend on."""
    return {
        "client": {"credentials": [c.argument for s in api.security for c in s.credentials]},
        "operations": {operation_key(op): _operation(op) for op in api.operations},
        "types": {t.name: _type(t) for t in api.types},
    }


def operation_key(op: Operation) -> str:
    """How users reach a method: `dedicated.image.generate`."""
    return ".".join((*op.group_path, op.method_name))


def fingerprint(text: str) -> str:
    """A short stand-in for a description: equal texts, equal fingerprints."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] if text else ""


def _operation(op: Operation) -> dict[str, Any]:
    return {
        "arguments": {a.name: _argument(a) for a in op.arguments},
        "body": py_type(op.body.type) if op.body is not None else "None",
        "returns": _returns(op.response),
        "paginated": op.pagination is not None,
        "deprecated": op.deprecated,
        "doc": fingerprint(f"{op.summary}\n{op.description}"),
    }


def _argument(argument: Argument) -> dict[str, Any]:
    return {
        "type": py_type(argument.type),
        "required": argument.required,
        "nullable": argument.nullable,
        "doc": fingerprint(argument.description),
    }


def _returns(response: Optional[Response]) -> str:
    """The return type as users see it; a stream of events is spelled `EventStream[...]`."""
    if response is None:
        return "None"
    shapes = [py_type(response.type)] if response.type is not None else []
    if response.events is not None:
        shapes.append(f"EventStream[{py_type(response.events)}]")
    return " | ".join(shapes) or "None"


def _type(named: NamedType) -> dict[str, Any]:
    if isinstance(named, Model):
        fields = {f.name: _field(f) for f in named.fields}
        return {"kind": "model", "fields": fields, "doc": fingerprint(named.description)}
    if isinstance(named, Enum):
        values = [m.value for m in named.members]
        return {"kind": "enum", "values": values, "doc": fingerprint(named.description)}
    variants = [py_type(v) for v in named.variants]
    return {"kind": "union", "variants": variants, "doc": fingerprint(named.description)}


def _field(f: Field) -> dict[str, Any]:
    return {"type": py_type(f.type), "required": f.required, "nullable": f.nullable, "doc": fingerprint(f.description)}
