"""Stage 2, validate: the OpenAPI rules (openapi-spec-validator) plus what we cannot generate.

Problems are collected, not raised one at a time, so a user fixes a document in one pass.
"""

from __future__ import annotations

from typing import Any, Iterator

from .errors import Problem, SdkgenError, join_pointer
from .loader import Document, get_pointer, iter_refs, split_ref

SUPPORTED_VERSIONS = ("3.0", "3.1")


def validate(document: Document) -> list[Problem]:
    """All problems of the document; raises SdkgenError if any is an error, returns warnings."""
    problems = list(_check_version(document))
    if not problems:
        problems = list(_check_refs(document))
    if not problems:
        problems = list(_check_openapi(document))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise SdkgenError(errors)
    return problems


def _check_version(document: Document) -> Iterator[Problem]:
    data = document.data
    if not isinstance(data, dict):
        yield Problem(document.locate(""), "an OpenAPI document must be a mapping at the top level")
        return
    version = data.get("openapi")
    if "swagger" in data:
        yield Problem(document.locate("/swagger"), "Swagger 2.0 documents are not supported; convert to OpenAPI 3")
    elif not isinstance(version, str):
        yield Problem(
            document.locate("/openapi" if "openapi" in data else ""), "missing or invalid 'openapi' version field"
        )
    elif not version.startswith(SUPPORTED_VERSIONS):
        yield Problem(document.locate("/openapi"), f"unsupported OpenAPI version {version!r} (supported: 3.0, 3.1)")


def _check_refs(document: Document) -> Iterator[Problem]:
    """Every `$ref` must point somewhere: a dangling one is reported where it is written."""
    for path, source in document.files.items():
        for pointer, ref in iter_refs(source.data):
            target, fragment = split_ref(ref, path)
            target_file = document.files.get(target)
            try:
                if target_file is None:
                    raise KeyError(ref)
                get_pointer(target_file.data, fragment)
            except (KeyError, TypeError):
                yield Problem(document.locate(pointer, path), f"$ref '{ref}' does not resolve")


def _check_openapi(document: Document) -> Iterator[Problem]:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    data = document.data
    cls: Any = OpenAPIV31SpecValidator if str(data["openapi"]).startswith("3.1") else OpenAPIV30SpecValidator
    validator = cls(data, base_uri=document.root.as_uri())
    seen: set[tuple[str, str]] = set()
    try:
        for error in validator.iter_errors():
            pointer = _absolute_pointer(data, join_pointer("", *getattr(error, "path", ())), error.instance)
            key = (pointer, error.message)
            if key in seen:
                continue
            seen.add(key)
            yield Problem(document.locate(pointer), _shorten(error.message))
    except Exception as exc:  # the validator itself can fail on documents it cannot walk
        yield Problem(document.locate(""), f"the OpenAPI validator could not check this document: {_shorten(str(exc))}")


def _absolute_pointer(data: Any, pointer: str, instance: Any) -> str:
    """Schema errors come with paths relative to the schema checked; find that schema in the document."""
    if _points_to(data, pointer, instance):
        return pointer
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        here, node = stack.pop()
        if _points_to(node, pointer, instance):
            return here + pointer
        if isinstance(node, dict):
            stack.extend((join_pointer(here, k), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((join_pointer(here, i), v) for i, v in reversed(list(enumerate(node))))
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
