"""Swagger 2.0 -> OpenAPI 3.0.3, on load, so every later stage only ever sees OpenAPI 3.

`convert` is a pure function: it reads the 2.0 document, never changes it, and returns a new
document (nothing shared with the input) plus located notes for whatever OpenAPI 3 cannot say
the same way. Key order follows the input, so generation stays deterministic.

Not converted: other files reached by `$ref` (their fragments are rewritten, assuming those
files get converted too), tuple-style `items`, and anything the notes mention.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from .errors import join_pointer, unescape_pointer_token

OPENAPI_VERSION = "3.0.3"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
DEFAULT_MEDIA_TYPE = "application/json"
URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"

# Fields of a non-body parameter, a header or `items` that describe its value: they form the schema.
_VALUE_FIELDS = frozenset(
    {
        "type", "format", "items", "default", "enum", "multipleOf", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "x-nullable",
    }
)  # fmt: skip
_PARAMETER_FIELDS = ("name", "in", "description", "required", "deprecated")
_PARAMETER_LOCATIONS = ("query", "header", "path")
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_REF_PREFIXES = (
    ("/definitions/", "/components/schemas/"),
    ("/responses/", "/components/responses/"),
    ("/securityDefinitions/", "/components/securitySchemes/"),
)
_OAUTH2_FLOWS = {
    "implicit": ("implicit", ("authorizationUrl",)),
    "password": ("password", ("tokenUrl",)),
    "application": ("clientCredentials", ("tokenUrl",)),
    "accessCode": ("authorizationCode", ("authorizationUrl", "tokenUrl")),
}
_DELIMITED_STYLES = {"ssv": "spaceDelimited", "pipes": "pipeDelimited"}

Notes = list[tuple[str, str]]


@dataclass(frozen=True)
class Conversion:
    """The converted document, notes `(original pointer, message)`, and where moved nodes came from.

    `origins` maps pointers of the converted document to pointers of the original for the nodes
    that move: every component (`/components/schemas/X` -> `/definitions/X`, parameters,
    requestBodies, responses, securitySchemes), every operation, path-item and operation
    parameter (by new index), request body and its schemas (`.../requestBody/content/<type>/schema`
    -> the body parameter's `schema`; a form property -> its formData parameter), every response
    and its content schemas and headers, and `/servers`. Below a covered node the structure is
    unchanged, so `original` maps any pointer by its longest covered prefix.
    """

    document: dict[str, Any]
    notes: Notes
    origins: dict[str, str]

    def original(self, pointer: str) -> str:
        """The original pointer for a converted one: longest covered prefix, same suffix."""
        probe = pointer
        while True:
            if probe in self.origins:
                return self.origins[probe] + pointer[len(probe) :]
            if not probe:
                return pointer
            probe = probe.rsplit("/", 1)[0]


def is_swagger2(document: Any) -> bool:
    """True for a Swagger 2.0 document (YAML may have read `swagger: 2.0` as a float)."""
    return isinstance(document, dict) and str(document.get("swagger", "")).startswith("2.")


def convert(document: dict[str, Any]) -> Conversion:
    """Convert a Swagger 2.0 document to OpenAPI 3.0.3; raises ValueError for anything else."""
    if not is_swagger2(document):
        raise ValueError("not a Swagger 2.0 document")
    converter = _Converter(document)
    return Conversion(converter.run(), converter.notes, converter.origins)


def _copy(value: Any) -> Any:
    """Deep copy of JSON-like data: the output must not share containers with the input."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _dict(value: Any) -> dict[str, Any]:
    """The value if it is a mapping, else an empty one: malformed input must not crash us."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """The value if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def _local_name(ref: Any, section: str) -> Optional[str]:
    """`X` for a local `#/<section>/X` ref, else None (external refs cannot be looked into)."""
    prefix = f"#/{section}/"
    if not isinstance(ref, str) or not ref.startswith(prefix) or "/" in ref[len(prefix) :]:
        return None
    return unescape_pointer_token(ref[len(prefix) :])


def _most_common(votes: Counter[tuple[str, ...]]) -> tuple[str, ...]:
    """The media types most operations use (ties: the first seen), to give a component."""
    return votes.most_common(1)[0][0]


class _Converter:
    """One conversion's state: the source, its notes and origins, and facts found up front."""

    def __init__(self, source: dict[str, Any]) -> None:
        self.source = source
        self.notes: Notes = []
        self.origins: dict[str, str] = {}
        self.parameters = _dict(source.get("parameters"))
        self.responses = _dict(source.get("responses"))
        self.body_names = {n for n, p in self.parameters.items() if _dict(p).get("in") == "body"}
        self.form_names = {n for n, p in self.parameters.items() if _dict(p).get("in") == "formData"}
        self.body_media: dict[str, tuple[str, ...]] = {}
        self.response_media: dict[str, tuple[str, ...]] = {}

    def note(self, pointer: str, message: str) -> None:
        self.notes.append((pointer, message))

    def origin(self, new: str, old: str) -> None:
        self.origins[new] = old

    # --- document -------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        """Top level in document order; `openapi` first, servers and components where 2.0 had theirs."""
        self.scan_component_media()
        out: dict[str, Any] = {"openapi": OPENAPI_VERSION}
        for key, value in self.source.items():
            self.top_level_field(out, key, value)
        return out

    def top_level_field(self, out: dict[str, Any], key: str, value: Any) -> None:
        if key in ("host", "basePath", "schemes"):
            if "servers" not in out and (servers := self.servers()):
                out["servers"] = servers
                self.origin("/servers", "/host" if "host" in self.source else "/basePath")
        elif key in ("definitions", "parameters", "responses", "securityDefinitions"):
            if "components" not in out and (components := self.components()):
                out["components"] = components
        elif key == "paths":
            out["paths"] = self.paths(_dict(value))
        elif key in ("info", "tags", "externalDocs", "security") or key.startswith("x-"):
            out[key] = _copy(value)
        elif key not in ("swagger", "consumes", "produces"):
            self.note(join_pointer("", key), f"'{key}' is not a Swagger 2.0 field; dropped")

    def servers(self) -> list[dict[str, Any]]:
        """host + basePath + schemes -> server URLs; no host means a URL relative to the document."""
        host = self.source.get("host")
        base = str(self.source.get("basePath") or "")
        if not host:
            return [{"url": base}] if base else []
        schemes = _list(self.source.get("schemes"))
        if not schemes:
            self.note("/host", "no 'schemes' given; assumed https")
            schemes = ["https"]
        return [{"url": f"{scheme}://{host}{base}"} for scheme in schemes]

    def declared_consumes(self, operation: dict[str, Any]) -> Optional[list[Any]]:
        """The operation's consumes, else the document's; None when neither says."""
        value = operation.get("consumes", self.source.get("consumes"))
        return value if isinstance(value, list) else None

    def consumes(self, operation: dict[str, Any]) -> tuple[str, ...]:
        return tuple(str(m) for m in self.declared_consumes(operation) or [DEFAULT_MEDIA_TYPE])

    def produces(self, operation: dict[str, Any]) -> tuple[str, ...]:
        value = operation.get("produces", self.source.get("produces"))
        return tuple(str(m) for m in _list(value) or [DEFAULT_MEDIA_TYPE])

    # --- components -----------------------------------------------------------------------

    def scan_component_media(self) -> None:
        """A body or response component gets the media types most operations using it have,
        so those operations can keep a `$ref`; the others get an inline copy."""
        body_votes: dict[str, Counter[tuple[str, ...]]] = {}
        response_votes: dict[str, Counter[tuple[str, ...]]] = {}
        for item in _dict(self.source.get("paths")).values():
            shared = _list(_dict(item).get("parameters"))
            for method, value in _dict(item).items():
                if method not in METHODS:
                    continue
                operation = _dict(value)
                for parameter in shared + _list(operation.get("parameters")):
                    name = _local_name(_dict(parameter).get("$ref"), "parameters")
                    if name in self.body_names:
                        body_votes.setdefault(name, Counter())[self.consumes(operation)] += 1
                for response in _dict(operation.get("responses")).values():
                    name = _local_name(_dict(response).get("$ref"), "responses")
                    if name is not None:
                        response_votes.setdefault(name, Counter())[self.produces(operation)] += 1
        self.body_media = {name: _most_common(votes) for name, votes in body_votes.items()}
        self.response_media = {name: _most_common(votes) for name, votes in response_votes.items()}

    def components(self) -> dict[str, Any]:
        """definitions, parameters (body ones become requestBodies), responses, securityDefinitions."""
        parts = {
            "schemas": self.schema_components(),
            "parameters": self.parameter_components(),
            "requestBodies": self.body_components(),
            "responses": self.response_components(),
            "securitySchemes": self.security_components(),
        }
        return {key: value for key, value in parts.items() if value}

    def schema_components(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, schema in _dict(self.source.get("definitions")).items():
            old, new = join_pointer("/definitions", name), join_pointer("/components/schemas", name)
            out[name] = self.schema(schema, old)
            self.origin(new, old)
        return out

    def parameter_components(self) -> dict[str, Any]:
        """Non-body, non-form parameters; formData ones are inlined into the forms using them."""
        out: dict[str, Any] = {}
        for name, parameter in self.parameters.items():
            if name in self.body_names or name in self.form_names:
                continue
            old, new = join_pointer("/parameters", name), join_pointer("/components/parameters", name)
            converted = self.parameter(_dict(parameter), old)
            if converted is not None:
                out[name] = converted
                self.origin(new, old)
        return out

    def body_components(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.parameters:
            if name in self.body_names:
                new = join_pointer("/components/requestBodies", name)
                media = self.body_media.get(name) or self.consumes({})
                out[name] = self.request_body(self.parameters[name], media, join_pointer("/parameters", name), new)
        return out

    def response_components(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, response in self.responses.items():
            old, new = join_pointer("/responses", name), join_pointer("/components/responses", name)
            media = self.response_media.get(name) or self.produces({})
            out[name] = self.response(_dict(response), media, old, new)
        return out

    def security_components(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, scheme in _dict(self.source.get("securityDefinitions")).items():
            old = join_pointer("/securityDefinitions", name)
            out[name] = self.security_scheme(_dict(scheme), old)
            self.origin(join_pointer("/components/securitySchemes", name), old)
        return out

    # --- security -------------------------------------------------------------------------

    def security_scheme(self, scheme: dict[str, Any], pointer: str) -> dict[str, Any]:
        """basic -> http basic; apiKey as is; oauth2's single flow -> `flows`."""
        kind = scheme.get("type")
        out: dict[str, Any] = {}
        for key, value in scheme.items():
            if key == "type":
                out.update(self.security_type(scheme, pointer))
            elif key in ("description", "name", "in") or key.startswith("x-"):
                out[key] = _copy(value)
        if kind not in ("basic", "apiKey", "oauth2"):
            self.note(pointer, f"unknown security scheme type {kind!r}; copied as is")
            return _dict(_copy(scheme))
        return out

    def security_type(self, scheme: dict[str, Any], pointer: str) -> dict[str, Any]:
        kind = scheme.get("type")
        if kind == "basic":
            return {"type": "http", "scheme": "basic"}
        if kind == "oauth2":
            return {"type": "oauth2", "flows": self.oauth2_flows(scheme, pointer)}
        return {"type": kind}

    def oauth2_flows(self, scheme: dict[str, Any], pointer: str) -> dict[str, Any]:
        flow = scheme.get("flow")
        if flow not in _OAUTH2_FLOWS:
            self.note(join_pointer(pointer, "flow"), f"unknown oauth2 flow {flow!r}; dropped")
            return {}
        name, urls = _OAUTH2_FLOWS[str(flow)]
        body: dict[str, Any] = {url: _copy(scheme.get(url, "")) for url in urls}
        body["scopes"] = _copy(_dict(scheme.get("scopes")))
        return {name: body}

    # --- paths and operations -------------------------------------------------------------

    def paths(self, paths: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for path, item in paths.items():
            pointer = join_pointer("/paths", path)
            out[path] = _copy(item) if path.startswith("x-") else self.path_item(_dict(item), pointer)
        return out

    def path_item(self, item: dict[str, Any], pointer: str) -> dict[str, Any]:
        """Path-level body and form parameters move down into each operation (3.0 has no path body)."""
        shared = self.entries(_list(item.get("parameters")), join_pointer(pointer, "parameters"))
        out: dict[str, Any] = {}
        for key, value in item.items():
            if key in METHODS:
                here = join_pointer(pointer, key)
                out[key] = self.operation(_dict(value), shared, here)
                self.origin(here, here)
            elif key == "parameters":
                kept = [entry for entry in shared if entry.kind == "plain"]
                if kept:
                    out["parameters"] = self.emit_parameters(kept, join_pointer(pointer, "parameters"))
            elif key == "$ref":
                out[key] = self.rewrite_ref(value)
                self.note(join_pointer(pointer, key), "a referenced path item is not converted here")
            else:
                out[key] = _copy(value)
        return out

    def operation(self, operation: dict[str, Any], shared: list[_Entry], pointer: str) -> dict[str, Any]:
        """Operation fields in document order; the request body goes right after the parameters."""
        entries = self.merge(shared, self.entries(_list(operation.get("parameters")), pointer + "/parameters"))
        body = self.operation_body(operation, entries, pointer)
        out: dict[str, Any] = {}
        placed = False
        for key, value in operation.items():
            if not placed and (key == "parameters" or (key == "responses" and body is not None)):
                self.place_parameters(out, entries, body, pointer)
                placed = True
            if key == "responses":
                out[key] = self.operation_responses(_dict(value), operation, pointer)
            elif key == "schemes":
                self.operation_servers(out, value)
            elif key not in ("parameters", "consumes", "produces"):
                out[key] = _copy(value)
        if not placed:
            self.place_parameters(out, entries, body, pointer)
        return out

    def place_parameters(
        self, out: dict[str, Any], entries: list[_Entry], body: Optional[dict[str, Any]], pointer: str
    ) -> None:
        plain = [entry for entry in entries if entry.kind == "plain"]
        if plain:
            out["parameters"] = self.emit_parameters(plain, join_pointer(pointer, "parameters"))
        if body is not None:
            out["requestBody"] = body

    def operation_servers(self, out: dict[str, Any], schemes: Any) -> None:
        """Operation schemes only matter when they differ and a host makes them a URL."""
        if schemes == self.source.get("schemes") or not self.source.get("host") or not isinstance(schemes, list):
            return
        base = str(self.source.get("basePath") or "")
        out["servers"] = [{"url": f"{scheme}://{self.source['host']}{base}"} for scheme in schemes]

    # --- parameters -----------------------------------------------------------------------

    def entries(self, parameters: list[Any], pointer: str) -> list[_Entry]:
        """Each listed parameter with its pointer and, for local refs, what it refers to."""
        out = []
        for index, raw in enumerate(parameters):
            here = join_pointer(pointer, index)
            ref = _dict(raw).get("$ref")
            name = _local_name(ref, "parameters")
            if isinstance(ref, str) and name is None and not ref.startswith("#"):
                self.note(here, "external parameter assumed not to be a body or form parameter")
            target = _dict(self.parameters.get(name)) if name is not None else _dict(raw)
            out.append(_Entry(here, _dict(raw), target, name))
        return out

    def merge(self, shared: list[_Entry], own: list[_Entry]) -> list[_Entry]:
        """An operation parameter overrides a path-level one of the same name and location."""
        own_keys = {entry.key for entry in own}
        inherited = [e for e in shared if e.kind != "plain" and e.key not in own_keys]
        return inherited + own

    def emit_parameters(self, entries: list[_Entry], pointer: str) -> list[Any]:
        out: list[Any] = []
        for entry in entries:
            converted = self.parameter_entry(entry)
            if converted is not None:
                self.origin(join_pointer(pointer, len(out)), entry.pointer)
                out.append(converted)
        return out

    def parameter_entry(self, entry: _Entry) -> Optional[dict[str, Any]]:
        ref = entry.raw.get("$ref")
        if isinstance(ref, str):
            return {"$ref": self.rewrite_ref(ref)}
        return self.parameter(entry.raw, entry.pointer)

    def parameter(self, parameter: dict[str, Any], pointer: str) -> Optional[dict[str, Any]]:
        """A query/header/path parameter: value fields -> `schema`, collectionFormat -> style/explode."""
        where = parameter.get("in")
        if where not in _PARAMETER_LOCATIONS:
            self.note(pointer, f"parameter location {where!r} has no OpenAPI 3 equivalent here; dropped")
            return None
        out: dict[str, Any] = {}
        for key, value in parameter.items():
            self.parameter_field(out, parameter, key, value, pointer)
        out.update(self.style(parameter, pointer))
        if where == "path" and out.get("required") is not True:
            self.note(pointer, "path parameter not marked required; made required")
            out["required"] = True
        if where == "header" and str(parameter.get("name", "")).lower() in _IGNORED_HEADERS:
            self.note(pointer, f"OpenAPI 3 ignores a header parameter named {parameter.get('name')!r}")
        return out

    def parameter_field(
        self, out: dict[str, Any], parameter: dict[str, Any], key: str, value: Any, pointer: str
    ) -> None:
        if key in _VALUE_FIELDS:
            if "schema" not in out:
                out["schema"] = self.value_schema(parameter, pointer)
        elif key in _PARAMETER_FIELDS or key.startswith("x-") or _query_flag(parameter, key):
            out[key] = _copy(value)
        elif key not in ("collectionFormat", "allowEmptyValue"):
            self.note(join_pointer(pointer, key), f"'{key}' is not a Swagger 2.0 parameter field; dropped")

    def style(self, parameter: dict[str, Any], pointer: str) -> dict[str, Any]:
        """collectionFormat -> style/explode; csv is the 2.0 default, but 3.0's query default explodes."""
        if parameter.get("type") != "array":
            return {}
        where = parameter.get("in")
        form = where in ("query", "formData")
        fmt = parameter.get("collectionFormat", "csv")
        here = join_pointer(pointer, "collectionFormat")
        if not isinstance(fmt, str):
            self.note(here, f"collectionFormat must be a string, not {fmt!r}; treated as csv")
            fmt = "csv"
        if fmt == "multi" and form:
            return {"style": "form", "explode": True}
        if fmt in _DELIMITED_STYLES and form:
            return {"style": _DELIMITED_STYLES[fmt], "explode": False}
        if fmt != "csv":
            self.note(here, f"collectionFormat {fmt!r} has no OpenAPI 3 equivalent in {where}; treated as csv")
        return {"style": "form", "explode": False} if form else {}

    def value_schema(self, described: dict[str, Any], pointer: str) -> dict[str, Any]:
        """The schema of a non-body parameter, header or `items`: its value fields, in order."""
        out: dict[str, Any] = {}
        for key, value in described.items():
            here = join_pointer(pointer, key)
            if key == "items" and isinstance(value, dict):
                if value.get("type") == "array" and "collectionFormat" in value:
                    self.note(join_pointer(here, "collectionFormat"), "nested collectionFormat has no equivalent")
                out[key] = self.value_schema(value, here)
            elif key in _VALUE_FIELDS:
                self.schema_field(out, described, key, value, here)
        return out

    # --- request bodies -------------------------------------------------------------------

    def operation_body(
        self, operation: dict[str, Any], entries: list[_Entry], pointer: str
    ) -> Optional[dict[str, Any]]:
        """The body parameter, or the formData parameters, as a requestBody."""
        bodies = [entry for entry in entries if entry.kind == "body"]
        forms = [entry for entry in entries if entry.kind == "form"]
        if len(bodies) > 1 or (bodies and forms):
            extra = bodies[-1] if len(bodies) > 1 else forms[0]
            self.note(extra.pointer, "only one body parameter and no form parameters beside it; extras dropped")
        new = join_pointer(pointer, "requestBody")
        if bodies:
            return self.body_entry(bodies[0], self.consumes(operation), new)
        if forms:
            return self.form_body(forms, operation, pointer, new)
        return None

    def body_entry(self, entry: _Entry, media: tuple[str, ...], new: str) -> dict[str, Any]:
        """A `$ref` to the component when its media types match; an inline copy otherwise."""
        if entry.name is not None and self.body_media.get(entry.name, self.consumes({})) == media:
            self.origin(new, entry.pointer)
            return {"$ref": "#/components/requestBodies/" + entry.raw["$ref"][len("#/parameters/") :]}
        old = join_pointer("/parameters", entry.name) if entry.name is not None else entry.pointer
        return self.request_body(entry.target, media, old, new)

    def request_body(self, parameter: Any, media: tuple[str, ...], old: str, new: str) -> dict[str, Any]:
        parameter = _dict(parameter)
        schema = self.schema(parameter.get("schema", {}), join_pointer(old, "schema"))
        out: dict[str, Any] = {}
        if "description" in parameter:
            out["description"] = _copy(parameter["description"])
        out["content"] = self.content(schema, media, join_pointer(old, "schema"), join_pointer(new, "content"))
        if parameter.get("required") is True:
            out["required"] = True
        out.update({key: _copy(value) for key, value in parameter.items() if key.startswith("x-")})
        self.origin(new, old)
        return out

    def content(self, schema: Any, media: tuple[str, ...], old: str, new: str) -> dict[str, Any]:
        """One media type object per type, each with its own copy of the schema."""
        out: dict[str, Any] = {}
        for index, media_type in enumerate(media):
            out[media_type] = {"schema": schema if index == 0 else _copy(schema)}
            self.origin(join_pointer(new, media_type, "schema"), old)
        return out

    def form_body(self, forms: list[_Entry], operation: dict[str, Any], pointer: str, new: str) -> dict[str, Any]:
        """formData parameters -> one object schema, urlencoded or multipart as consumes says."""
        media = self.form_media(forms, operation, pointer)
        schema: dict[str, Any] = {"type": "object", "properties": {}}
        encoding: dict[str, Any] = {}
        olds: dict[str, str] = {}
        for entry in forms:
            name = str(entry.target.get("name", ""))
            old = join_pointer("/parameters", entry.name) if entry.name is not None else entry.pointer
            schema["properties"][name] = self.form_property(entry.target, old)
            olds[name] = old
            if entry.target.get("required") is True:
                schema.setdefault("required", []).append(name)
            if style := self.style(entry.target, old):
                encoding[name] = style
        content = self.content(schema, media, join_pointer(pointer, "parameters"), join_pointer(new, "content"))
        for media_type in content:
            self.origin(join_pointer(new, "content", media_type), join_pointer(pointer, "parameters"))
            for name, old in olds.items():
                self.origin(join_pointer(new, "content", media_type, "schema", "properties", name), old)
            if encoding and media_type == URLENCODED:
                content[media_type]["encoding"] = encoding
        self.origin(new, join_pointer(pointer, "parameters"))
        return {"content": content, "required": True} if "required" in schema else {"content": content}

    def form_property(self, parameter: dict[str, Any], old: str) -> dict[str, Any]:
        prop: dict[str, Any] = {}
        if "description" in parameter:
            prop["description"] = _copy(parameter["description"])
        prop.update(self.value_schema(parameter, old))
        return prop

    def form_media(self, forms: list[_Entry], operation: dict[str, Any], pointer: str) -> tuple[str, ...]:
        declared = [str(m) for m in self.declared_consumes(operation) or []]
        chosen = tuple(m for m in declared if m in (URLENCODED, MULTIPART))
        has_file = any(entry.target.get("type") == "file" for entry in forms)
        if has_file and chosen == (URLENCODED,):
            self.note(pointer, "file parameters need multipart/form-data, but consumes only allows urlencoded")
        if chosen:
            return chosen
        if declared:
            used = MULTIPART if has_file else URLENCODED
            self.note(pointer, f"form parameters but consumes has no form media type; used {used}")
        return (MULTIPART,) if has_file else (URLENCODED,)

    # --- responses ------------------------------------------------------------------------

    def operation_responses(self, responses: dict[str, Any], operation: dict[str, Any], pointer: str) -> dict[str, Any]:
        media = self.produces(operation)
        out: dict[str, Any] = {}
        for code, response in responses.items():
            old = new = join_pointer(pointer, "responses", code)
            if code.startswith("x-"):
                out[code] = _copy(response)
            elif (name := _local_name(_dict(response).get("$ref"), "responses")) in self.responses:
                out[code] = self.response_ref(str(name), media, old)
            elif isinstance(_dict(response).get("$ref"), str):
                out[code] = {"$ref": self.rewrite_ref(response["$ref"])}
                self.origin(new, old)
            else:
                out[code] = self.response(_dict(response), media, old, new)
        return out

    def response_ref(self, name: str, media: tuple[str, ...], pointer: str) -> dict[str, Any]:
        """A `$ref` to the component when its media types match; an inline copy otherwise."""
        if self.response_media.get(name, self.produces({})) == media:
            self.origin(pointer, pointer)
            return {"$ref": "#/components/responses/" + _escape(name)}
        return self.response(_dict(self.responses[name]), media, join_pointer("/responses", name), pointer)

    def response(self, response: dict[str, Any], media: tuple[str, ...], old: str, new: str) -> dict[str, Any]:
        """schema -> content per produced type; examples -> each type's example; headers -> schemas."""
        self.origin(new, old)
        out: dict[str, Any] = {}
        for key, value in response.items():
            if key == "schema":
                schema = self.schema(value, join_pointer(old, "schema"))
                out["content"] = self.content(schema, media, join_pointer(old, "schema"), join_pointer(new, "content"))
            elif key == "headers":
                out["headers"] = self.headers(_dict(value), join_pointer(old, "headers"), join_pointer(new, "headers"))
            elif key != "examples":
                out[key] = _copy(value)
        self.examples(out, _dict(response.get("examples")))
        return out

    def examples(self, out: dict[str, Any], examples: dict[str, Any]) -> None:
        for media_type, example in examples.items():
            out.setdefault("content", {}).setdefault(media_type, {})["example"] = _copy(example)

    def headers(self, headers: dict[str, Any], old: str, new: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, header in headers.items():
            here = join_pointer(old, name)
            header = _dict(header)
            converted: dict[str, Any] = {}
            if "description" in header:
                converted["description"] = _copy(header["description"])
            converted["schema"] = self.value_schema(header, here)
            converted.update({key: _copy(value) for key, value in header.items() if key.startswith("x-")})
            if header.get("type") == "array" and header.get("collectionFormat", "csv") != "csv":
                self.note(join_pointer(here, "collectionFormat"), "OpenAPI 3 headers are csv only; treated as csv")
            out[name] = converted
            self.origin(join_pointer(new, name), here)
        return out

    # --- schemas and refs -----------------------------------------------------------------

    def schema(self, schema: Any, pointer: str) -> Any:
        """A 2.0 schema -> 3.0: refs, x-nullable, string discriminator, type file; recursively."""
        if not isinstance(schema, dict):
            return _copy(schema)
        if "$ref" in schema and schema.get("x-nullable") is True:
            return self.nullable_ref(schema, pointer)
        out: dict[str, Any] = {}
        for key, value in schema.items():
            self.schema_field(out, schema, key, value, join_pointer(pointer, key))
        return out

    def nullable_ref(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        """3.0 ignores siblings of `$ref`, so a nullable reference needs an allOf wrapper."""
        rest = {key: value for key, value in schema.items() if key not in ("$ref", "x-nullable")}
        out: dict[str, Any] = self.schema(rest, pointer)
        out["allOf"] = [{"$ref": self.rewrite_ref(schema["$ref"])}]
        out["nullable"] = True
        return out

    def schema_field(self, out: dict[str, Any], schema: dict[str, Any], key: str, value: Any, pointer: str) -> None:
        if key == "x-nullable":
            if value is True:
                out["nullable"] = True
        elif key.startswith("x-") or key in ("example", "default", "enum"):
            out[key] = _copy(value)
        elif key == "$ref" and isinstance(value, str):
            out[key] = self.rewrite_ref(value)
        elif key == "properties" and isinstance(value, dict):
            out[key] = {name: self.schema(sub, join_pointer(pointer, name)) for name, sub in value.items()}
        elif key in ("additionalProperties", "not"):
            out[key] = self.schema(value, pointer)
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [self.schema(sub, join_pointer(pointer, index)) for index, sub in enumerate(value)]
        else:
            self.schema_keyword(out, schema, key, value, pointer)

    def schema_keyword(self, out: dict[str, Any], schema: dict[str, Any], key: str, value: Any, pointer: str) -> None:
        if key == "items":
            out[key] = self.items(value, pointer)
        elif key == "discriminator" and isinstance(value, str):
            out[key] = {"propertyName": value}
        elif key == "type" and value == "file":
            out.update({"type": "string", "format": "binary"})
        elif key == "format" and schema.get("type") == "file":
            pass
        elif key == "required" and value == []:
            pass  # 3.0 requires at least one name; an empty list says nothing
        else:
            out[key] = _copy(value)

    def items(self, value: Any, pointer: str) -> Any:
        if not isinstance(value, list):
            return self.schema(value, pointer)
        self.note(pointer, "tuple-style items cannot be expressed in OpenAPI 3.0; converted to anyOf")
        return {"anyOf": [self.schema(sub, join_pointer(pointer, index)) for index, sub in enumerate(value)]}

    def rewrite_ref(self, ref: str) -> str:
        """Point a 2.0 ref at its 3.0 home; the file part of another file's ref is kept."""
        file_part, hash_sign, fragment = ref.partition("#")
        if not hash_sign:
            return ref
        return f"{file_part}#{self.rewrite_fragment(fragment, local=not file_part)}"

    def rewrite_fragment(self, fragment: str, local: bool) -> str:
        for old, new in _REF_PREFIXES:
            if fragment.startswith(old):
                return new + fragment[len(old) :]
        if fragment.startswith("/parameters/"):
            name = unescape_pointer_token(fragment[len("/parameters/") :].split("/", 1)[0])
            section = "requestBodies" if local and name in self.body_names else "parameters"
            return f"/components/{section}/" + fragment[len("/parameters/") :]
        return fragment


def _query_flag(parameter: dict[str, Any], key: str) -> bool:
    """allowEmptyValue survives only on query parameters in 3.0."""
    return key == "allowEmptyValue" and parameter.get("in") == "query"


def _escape(name: str) -> str:
    """A name as one pointer token."""
    return join_pointer("", name)[1:]


@dataclass(frozen=True)
class _Entry:
    """One listed parameter: where it is written, as written, and what it stands for."""

    pointer: str
    raw: dict[str, Any]
    target: dict[str, Any]
    name: Optional[str]  # the component name for a local `#/parameters/X` ref

    @property
    def kind(self) -> str:
        """body, form, or plain (everything 3.0 still calls a parameter)."""
        where = self.target.get("in")
        return "body" if where == "body" else "form" if where == "formData" else "plain"

    @property
    def key(self) -> tuple[Any, Any]:
        """What makes two parameters the same one: name and location."""
        if not self.target and "$ref" in self.raw:
            return (_comparable(self.raw["$ref"]), None)
        return (_comparable(self.target.get("name")), _comparable(self.target.get("in")))


def _comparable(value: Any) -> Any:
    """A value as a dictionary key: a name or location written as a mapping or list (a mistake
    the validator reports after conversion) compares by its JSON text."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else json.dumps(value, default=str)
