"""Stage 2, validate: the OpenAPI rules (openapi-spec-validator) plus what we cannot generate.

Problems are collected, not raised one at a time, so a user fixes a document in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator, Optional

from .bundle import BUNDLED, bundled, origin
from .errors import Location, Problem, SdkgenError, Severity, join_pointer, unescape_pointer_token
from .loader import (
    Document,
    SourceFile,
    display_path,
    get_pointer,
    is_extension_pointer,
    iter_refs,
    split_ref,
    written_data,
)

SUPPORTED_VERSIONS = ("3.0", "3.1")


PARTS = ("document", "openapi-keywords")
"""The two halves of `validate`, which a big document's validation runs side by side
(validation_job.py): everything up to openapi-spec-validator's check of the document against
the OpenAPI schema, and its walk over paths, parameters and schemas (3.1: each schema against
its dialect). Together and in this order they find exactly what one pass would."""

Key = Optional[tuple[str, str]]
"""Findings of the OpenAPI rules with the same key are reported once; None: never merged."""


@dataclass
class Findings:
    """What one part of `validate` found; `last`: the parts after it are not counted (an error
    before the OpenAPI rules, or the validator failing, ends a single pass there)."""

    found: list[tuple[Key, Problem]] = field(default_factory=list)
    last: bool = False


def validate(document: Document, strict: bool = False) -> list[Problem]:
    """All problems of the document; raises SdkgenError if any is an error, returns warnings.

    Harmless breaches (repeated `required` entries, unknown fields, a `$ref` where text is
    expected, broken refs inside extensions) are warnings; `strict` makes them errors.
    """
    return verdict([findings(document, part) for part in PARTS], strict)


def prepare_for_parts(document: Document) -> bool:
    """Whether validating `document` is the longest path of its generation, and if so,
    openapi-spec-validator set up, before the parts are forked.

    A 3.1 document's keyword part checks every schema against its dialect, and outlasts the
    generation going on beside it (OpenAI: 1.8 s of walk against the parent's 1.5 s).
    Importing and building the validator once here instead of in both children takes 0.4 s
    of CPU off them; with the children at the parent's priority, OpenAI's cold generation
    takes 2.75 s instead of 3.0. For 3.0 the generation is the longest path, and this would
    only lengthen it."""
    version = str(document.data.get("openapi", ""))
    if not version.startswith("3.1"):
        return False
    from .specvalidator import prepared

    prepared(version)
    return True


def verdict(parts: list[Findings], strict: bool = False) -> list[Problem]:
    """The parts' findings as one pass reports them; raises SdkgenError if any is an error."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for part in parts:
        for key, problem in part.found:
            if key is None or key not in seen:
                problems.append(problem)
                if key is not None:
                    seen.add(key)
        if part.last:
            break
    errors = [p if p.severity == "error" else as_strict_error(p) for p in problems if p.severity == "error" or strict]
    if errors:
        raise SdkgenError(errors)
    return problems


def as_strict_error(warning: Problem) -> Problem:
    """A warning as `--strict` reports it: an error that says why it is one."""
    return replace(warning, severity="error", message=f"{warning.message} (an error under --strict)")


def findings(document: Document, part: str) -> Findings:
    """One of `PARTS` of the validation of `document`."""
    if part == PARTS[0]:
        problems = [
            Problem(
                Location(display_path(path), pointer, source.line_of(pointer, in_text=True)),
                message,
                "warning",
            )
            for path, source in document.files.items()
            for pointer, message in source.notes
        ]
        problems += _check_version(document)
        if not [p for p in problems if p.severity == "error"]:
            problems += _check_refs(document)
        result = Findings([(None, p) for p in problems])
        if [p for p in problems if p.severity == "error"]:
            result.last = True
            return result
        more = _check_openapi(document, keywords=False)
    elif any(p.severity == "error" for p in _check_version(document)):
        return Findings(last=True)  # the first part reports it
    else:
        result, more = Findings(), _check_openapi(document, keywords=True)
    for key, problem in more:
        result.found.append((key, problem))
        result.last = result.last or key == _FAILED
    return result


def _check_version(document: Document) -> Iterator[Problem]:
    data = document.data
    if not isinstance(data, dict):
        yield Problem(document.locate(""), "an OpenAPI document must be a mapping at the top level")
        return
    version = data.get("openapi")
    if "swagger" in data:
        swagger = str(data["swagger"])
        message = f"unsupported Swagger version {swagger!r}: sdkgen reads Swagger 2.0 and OpenAPI 3.0 and 3.1"
        yield Problem(document.locate("/swagger"), message)
    elif not isinstance(version, str):
        yield Problem(
            document.locate("/openapi" if "openapi" in data else ""), "missing or invalid 'openapi' version field"
        )
    elif not version.startswith(SUPPORTED_VERSIONS):
        yield Problem(document.locate("/openapi"), f"unsupported OpenAPI version {version!r} (supported: 3.0, 3.1)")


def _check_refs(document: Document) -> Iterator[Problem]:
    """Every `$ref` must point somewhere: a dangling one is reported where it is written, as
    it is written (a converted Swagger 2.0 file's refs point into the conversion)."""
    for path, source in document.files.items():
        written = _written_refs(source)
        for pointer, ref in iter_refs(source.data):
            target, fragment = split_ref(ref, path)
            target_file = document.files.get(target)
            try:
                if target_file is None:
                    raise KeyError(ref)
                get_pointer(target_file.data, fragment)
            except (KeyError, TypeError):
                ref = written(pointer, ref)
                if is_extension_pointer(pointer):
                    message = f"$ref '{ref}' does not resolve (inside an extension, ignored)"
                    yield Problem(document.locate(pointer, path), message, "warning")
                else:
                    yield Problem(document.locate(pointer, path), f"$ref '{ref}' does not resolve")


def _written_refs(source: SourceFile) -> Callable[[str, str], str]:
    """The text of the `$ref` at a pointer of `source.data`, as the file has it. Only a
    converted file differs; its original is parsed again, and only for a ref that dangles."""
    original: list[Any] = []

    def written(pointer: str, ref: str) -> str:
        if source.original_pointer is None:
            return ref
        try:
            if not original:
                original.append(written_data(source))
            found = get_pointer(original[0], source.original_pointer(pointer))
        except (KeyError, TypeError, SdkgenError):
            return ref
        return found if isinstance(found, str) else ref

    return written


_FAILED = ("", "the validator failed")
VALIDATOR_STOPPED = "the OpenAPI validator stopped on this document"
"""How the warning of a validation cut short begins: `validate` then says less than "valid"."""


def _check_openapi(document: Document, keywords: bool) -> Iterator[tuple[Key, Problem]]:
    """openapi-spec-validator's findings: its check of the document against the OpenAPI schema
    or (`keywords`) its walk over the document, in the order its `iter_errors` gives them."""
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    from .specvalidator import WalkFinding, checked_schema, spec_validator_class, validation_memos

    version = str(document.data["openapi"])
    data, origins, read_as = bundled(document)
    data, respelled = _spelled_for_3_0(data) if version.startswith("3.0") else (data, [])

    def locate(pointer: str) -> Location:
        file, there = origin(origins, pointer, document.root)
        return document.locate(there, file)

    if not keywords:
        for file, pointer, message in read_as:
            yield None, Problem(document.locate(pointer, file), message, "warning")
        for pointer, message in respelled:
            yield None, Problem(locate(pointer), message, "warning")
    validator = spec_validator_class(version)(data, base_uri=document.root.as_uri())
    places: dict[int, str] = {}
    with validation_memos(descents=not keywords):  # consumed at once by `findings`: nothing else validates meanwhile
        try:
            if keywords:
                errors = validator.root_validator(validator.schema_path)
            else:
                errors = validator.schema_validator.iter_errors(validator.schema)
            for error in errors:
                if not isinstance(error, OpenAPIValidationError):
                    error = OpenAPIValidationError.create_from(error)  # as the library's iter_errors does
                relative = list(getattr(error, "path", ()))
                owner = checked_schema(validator, error, keyword="default")
                if owner is not None:
                    # A default checked against its own schema: not about the API's shape.
                    places = places or _places(data)
                    pointer = join_pointer(places[id(owner)], "default", *relative) if id(owner) in places else ""
                    message = f"the default value does not match its schema: {_shorten(error.message)}"
                    yield (pointer, message), Problem(locate(pointer), message, "warning")
                    continue
                if isinstance(error, WalkFinding):  # the walk's own findings: an operation, a parameter...
                    places = places or _places(data)
                    pointer = join_pointer("" if error.node is None else places.get(id(error.node), ""), *error.tokens)
                    severity = _WALK_SEVERITY.get(error.kind) or _severity(data, pointer, error.message)
                    yield (pointer, error.message), Problem(locate(pointer), _shorten(error.message), severity)
                    continue
                schema = checked_schema(validator, error)
                if schema is not None:  # a schema that breaks its dialect: the path is inside it
                    places = places or _places(data)
                    pointer = join_pointer(places.get(id(schema), ""), *relative)
                else:
                    pointer = _absolute_pointer(data, join_pointer("", *relative), error.instance)
                severity = _severity(data, pointer, error.message)
                yield (pointer, error.message), Problem(locate(pointer), _shorten(error.message), severity)
        except Exception as exc:  # the validator itself can fail on documents it cannot walk
            # Said the same for `validate` and `generate`: which of them goes on is not the validator's to tell.
            reason = _shorten(str(exc))
            message = f"{VALIDATOR_STOPPED} ({reason}): its rules are checked only that far"
            yield _FAILED, Problem(locate(""), message, "warning")


_WALK_SEVERITY: dict[str, Severity] = {
    "operation-id": "warning",  # an operationId used twice: the SDK's methods are named apart (get_a, get_a2)
    "path-parameter-undeclared": "error",  # the SDK would call the path with `{x}` in it
    "path-parameter-unused": "warning",  # an argument that is never sent
    "parameter-repeated": "warning",  # the last one is used
    "tag-repeated": "warning",  # tags defined at the top only describe
    "required-undefined": "warning",  # JSON Schema allows a required name no property defines
    "dialect-unknown": "warning",  # the schema is not checked against a dialect, and read as sdkgen reads any
}
"""The severity of each kind of `WalkFinding`; any other goes by `_severity`."""

# Keys whose values are data (or an extension's), never schemas.
_VALUE_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def _spelled_for_3_0(data: Any) -> tuple[Any, list[tuple[str, str]]]:
    """Two harmless breaches of 3.0 that its schema reports only as a vague "not valid under
    any of the given schemas" at the whole schema (a schema is one of Schema or Reference):
    `type: 'null'` and lists of types, OpenAPI 3.1's spelling, which the generator reads as
    3.1 does; and a name listed twice in `required`, still just required. The validator gets
    a copy spelled the 3.0 way (`nullable: true`, each name once), and each breach is a
    warning at its place. Unchanged parts are shared with `data` (the bundle of all the
    document's files: the copies of other files' schemas under its extension too)."""
    found: list[tuple[str, str]] = []

    def respell(node: Any, here: str) -> Any:
        if isinstance(node, list):
            items = [respell(item, join_pointer(here, i)) for i, item in enumerate(node)]
            return items if any(a is not b for a, b in zip(items, node)) else node
        if not isinstance(node, dict):
            return node
        changed = {
            key: respell(value, join_pointer(here, key))
            for key, value in node.items()
            if key not in _VALUE_KEYS
            and (key == BUNDLED or not key.startswith("x-"))
            and isinstance(value, (dict, list))
        }
        changed = {key: value for key, value in changed.items() if value is not node[key]}
        types = node.get("type")
        spelled = _nullable_spelling(node, types) if isinstance(types, (str, list)) else None
        once = _listed_once(node.get("required"))
        if spelled is None and once is None and not changed:
            return node
        result = {**node, **changed}
        if spelled is not None:
            del result["type"]
            result.update(spelled)
            found.append((join_pointer(here, "type"), _respelled_message(types, spelled)))
        if once is not None:
            twice = sorted({name for name in node["required"] if node["required"].count(name) > 1})
            result["required"] = once
            message = f"{', '.join(map(repr, twice))} listed more than once in `required`: still just required"
            found.append((join_pointer(here, "required"), message))
        return result

    return respell(data, ""), found


def _listed_once(required: Any) -> Optional[list[str]]:
    """A schema's `required` names each once, when some name is listed more than once."""
    if not isinstance(required, list) or not all(isinstance(name, str) for name in required):
        return None
    once = list(dict.fromkeys(required))
    return once if len(once) != len(required) else None


def _nullable_spelling(node: dict[str, Any], types: Any) -> Optional[dict[str, Any]]:
    """The 3.0 spelling of the 3.1 `type` value of `node`, or None when it needs none (or has
    none: several types where `anyOf` is taken)."""
    if types == "null":
        return {"nullable": True, "enum": [None]}
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        return None
    others = [t for t in types if t != "null"]
    spelled: dict[str, Any]
    if len(others) > 1:
        if "anyOf" in node:
            return None
        spelled = {"anyOf": [{"type": t} for t in others]}
    else:
        spelled = {"type": others[0]} if others else {"enum": [None]}
    if "null" in types:
        spelled["nullable"] = True
    return spelled


def _respelled_message(types: Any, spelled: dict[str, Any]) -> str:
    if types == "null":
        return "type 'null' is OpenAPI 3.1, not 3.0 (3.0 has `nullable: true`); read as a value that can only be null"
    if "anyOf" in spelled:
        reading = "any of " + ", ".join(t["type"] for t in spelled["anyOf"])
    else:
        reading = f"type: {spelled['type']}" if "type" in spelled else "null only"
    if spelled.get("nullable") and "enum" not in spelled:
        reading += ", nullable: true"
    return f"a list of types ({', '.join(types)}) is OpenAPI 3.1, not 3.0; read as {reading}"


# Schema keywords that only constrain or describe values: a mistake in them cannot change the
# generated code, so the validator's complaints about them are warnings.
_DESCRIPTIVE_KEYWORDS = frozenset(
    {
        "default",
        "example",
        "examples",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minimum",
        "maximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "title",
        "description",
        "$comment",
        "$recursiveAnchor",
        "$recursiveRef",
        "$anchor",
        "$dynamicAnchor",
        "$schema",
        "$id",
        "deprecated",
        "xml",
        "externalDocs",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "contentMediaType",
        "contentEncoding",
    }
)
# Keys under which the next token is a name chosen by the author, not a keyword.
_NAMING_KEYS = frozenset({"properties", "patternProperties", "$defs", "definitions", "schemas", "paths"})


def _severity(data: Any, pointer: str, message: str) -> Severity:
    """Which validator findings cannot hurt generation: those become warnings."""
    tokens = [unescape_pointer_token(t) for t in pointer.split("/")[1:]]
    if "has non-unique elements" in message:
        return "warning"  # a name listed twice in `required` is still just required
    if "was unexpected" in message and "properties are not allowed" in message:
        # Unknown keys of fixed-field objects are ignored; in maps (responses) they are real keys.
        return "error" if tokens and tokens[-1] == "responses" else "warning"
    if tokens and tokens[0] == "servers" and "enum" in tokens:
        return "warning"  # a server variable's enum value that is not a string, used as text
    node = _node(data, pointer)
    if tokens and tokens[-1] == "name":  # 3.1 says it at the name, 3.0 at the parameter
        node = _node(data, pointer.rsplit("/", 1)[0])
    if isinstance(node, dict) and "in" in node and "name" in node and not isinstance(node["name"], str):
        return "warning"  # a parameter named by a number (YAML `name: 1`): its text is the name
    if _node_has_ref(data, pointer) and _wants_mapping(message):
        return "warning"  # a $ref where OpenAPI allows none (an operation): it is followed anyway
    for index, token in enumerate(tokens):
        if token in _DESCRIPTIVE_KEYWORDS and (index == 0 or tokens[index - 1] not in _NAMING_KEYS):
            return "warning"
    return "error"


def _wants_mapping(message: str) -> bool:
    """Whether a finding about a `$ref` object is about a place where a mapping belongs: only
    there is the `$ref` followed. Where text or a list belongs (a `required` entry, a `type`),
    it is not, and generation would read the object as the text or the list. (A `$ref` where
    text only describes, as in a tag's description, is a warning by its keyword.)"""
    return "is not of type" not in message or "is not of type 'object'" in message


def _node(data: Any, pointer: str) -> Any:
    try:
        return get_pointer(data, pointer)
    except (KeyError, TypeError):
        return None


def _node_has_ref(data: Any, pointer: str) -> bool:
    try:
        node = get_pointer(data, pointer)
    except (KeyError, TypeError):
        return False
    return isinstance(node, dict) and "$ref" in node


def _containers(data: Any) -> Iterator[tuple[str, Any]]:
    """Every mapping and list of the document with its pointer, in document order; one reached
    twice through a YAML alias, at its first place only."""
    seen: set[int] = set()
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        here, node = stack.pop()
        if not isinstance(node, (dict, list)) or id(node) in seen:
            continue
        seen.add(id(node))
        yield here, node
        items = node.items() if isinstance(node, dict) else enumerate(node)
        stack.extend((join_pointer(here, k), v) for k, v in reversed(list(items)))


def _places(data: Any) -> dict[int, str]:
    """The pointer of every mapping and list of the document, by identity."""
    return {id(node): here for here, node in _containers(data)}


def _absolute_pointer(data: Any, pointer: str, instance: Any) -> str:
    """Schema errors come with paths relative to the schema checked; find that schema in the document."""
    for here, node in _containers(data):
        if _points_to(node, pointer, instance):
            return here + pointer
    return pointer


def _points_to(node: Any, pointer: str, instance: Any) -> bool:
    try:
        found = get_pointer(node, pointer)
    except (KeyError, TypeError):
        return False
    return bool(found is instance or found == instance)


def _shorten(message: str, limit: int = 300) -> str:
    """Validator messages can quote whole sub-documents; keep them readable."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 3] + "..."
