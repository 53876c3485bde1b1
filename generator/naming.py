"""Every name the SDK uses is decided here, once: identifiers, classes, modules, doc pages.

Other stages never derive a name themselves; they read it from the IR built with these rules.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Container
from functools import cache

# Attributes of pydantic's BaseModel (and our base) that a field must not shadow.
_MODEL_RESERVED = frozenset(
    # names a model's annotations use (builtins and modules): a field named like one hides it
    {"bool", "int", "float", "str", "bytes", "pydantic", "typing", "typing_extensions"}
    | {
        "copy",
        "dict",
        "json",
        "schema",
        "schema_json",
        "validate",
        "construct",
        "fields",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
    }
)
# Names the generated modules import from typing, typing_extensions and the SDK's runtime:
# a model must not shadow them.
TYPING_NAMES = frozenset(
    {
        "Any",
        "Dict",
        "List",
        "Literal",
        "Mapping",
        "Optional",
        "Union",
        "ClassVar",
        "FrozenSet",
        "Annotated",
        "NotRequired",
        "Required",
        "TypedDict",
        "Nullable",
        "OptionalNullable",
        "Unset",
        "UNSET",
        "BaseModel",
        "TypeAdapter",
        "Tuple",
        "IO",
    }
)
MAX_FILE_STEM = 150
"""Longest module or docs page stem: file systems refuse names past 255 bytes, and Python adds
up to 22 characters to a module's (`__pycache__/NAME.cpython-313.opt-2.pyc`); the corpus's
longest stem is 146 (Stripe)."""
# Names a generated method's own keyword arguments already use.
METHOD_RESERVED = frozenset(
    {"self", "retries", "server_url", "timeout_ms", "http_headers"}
    # names a generated method body uses (its locals, and module names it calls): an argument
    # named like one would shadow it
    | {"body", "headers", "query", "response", "error", "arguments", "page", "models", "warnings"}
    | {"status_matches", "query_params", "header_params", "cookie_header", "to_json_data", "to_float"}
    | {"next_arguments", "path_value", "is_json", "is_event_stream"}
)

_WORD_BOUNDARY = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


def words(text: str) -> list[str]:
    """Split any spelling (camelCase, kebab-case, snake_case, 'Title Case') into words."""
    return _WORD_BOUNDARY.findall(text)


@cache  # pure, and asked again for every pass and stage
def snake_case(text: str) -> str:
    """`dedicatedImagesGenerate` -> `dedicated_images_generate`, `X-Friendli-Team` -> `x_friendli_team`."""
    if re.fullmatch(r"[a-z_][a-z0-9_]*", text):
        return text
    return "_".join(w.lower() for w in words(text)) or "value"


@cache
def pascal_case(text: str) -> str:
    """`response_format` -> `ResponseFormat`; names already in PascalCase are kept (`URLImageItem`)."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", text):
        return text
    return "".join(w[:1].upper() + w[1:] for w in words(text)) or "Model"


@cache
def constant_case(text: str) -> str:
    """Enum member names: `jpeg` -> `JPEG`, `image/png` -> `IMAGE_PNG`."""
    name = "_".join(w.upper() for w in words(text))
    if not name:
        return "EMPTY"
    return name if name[0].isalpha() else f"VALUE_{name}"


def python_identifier(name: str) -> str:
    """Make a snake_case word a legal, unshadowing, public Python identifier."""
    name = name.lstrip("_")  # private to Python and pydantic, and the SDK's own (`_send`)
    if not name or not name[0].isalpha():
        name = f"field_{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in _MODEL_RESERVED:
        name = f"{name}_"
    return name


@cache
def field_name(wire_name: str) -> str:
    """The Python attribute for a property or parameter of the given wire name."""
    return python_identifier(snake_case(wire_name))


def argument_name(wire_name: str) -> str:
    """A method argument: like a field, but also clear of the method's own arguments."""
    name = field_name(wire_name)
    return f"{name}_" if name in METHOD_RESERVED else name


CLASS_SCOPE_RESERVED = frozenset({"models", "httpx"})
"""Modules a resource class's annotations name: a method or sub-resource called like one would
hide it from every signature of the class."""


def member_name(text: str) -> str:
    """The attribute of a method or sub-resource on a resource class."""
    name = python_identifier(snake_case(text))
    return f"{name}_" if name in CLASS_SCOPE_RESERVED else name


@cache
def class_name(text: str) -> str:
    """A PascalCase class name that is a legal identifier."""
    name = pascal_case(text)
    if not name[0].isalpha():
        name = f"Model{name}"
    if keyword.iskeyword(name) or name in TYPING_NAMES:
        name = f"{name}_"
    return name


def module_name(class_name_: str) -> str:
    """Module and doc page stem of a model: its class name lowercased, as Speakeasy users know,
    with an underscore when that is a keyword (a model `Return` cannot live in `return.py`);
    shortened past `MAX_FILE_STEM`."""
    name = class_name_.lower()
    return file_stem(f"{name}_" if keyword.iskeyword(name) else name)


def file_stem(name: str) -> str:
    """`name`, or when it is longer than `MAX_FILE_STEM`, its start and a hash of all of it:
    stays an identifier, is the same on every run, and two long names keep apart."""
    if len(name) <= MAX_FILE_STEM:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_FILE_STEM - 9]}_{digest}"


def unique(name: str, taken: Container[str]) -> str:
    """`name`, or `name2`, `name3`... whichever is not taken yet."""
    if name not in taken:
        return name
    index = 2
    while f"{name}{index}" in taken:
        index += 1
    return f"{name}{index}"
