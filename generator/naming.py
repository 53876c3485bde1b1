"""Every name the SDK uses is decided here, once: identifiers, classes, modules, doc pages.

Other stages never derive a name themselves; they read it from the IR built with these rules.
One rule, in three steps, for every name (method, sub-resource, field, argument, class, module):

1. spelled for its place (snake_case, PascalCase, CONSTANT_CASE), a legal identifier that never
   starts with an underscore: those are Python's and pydantic's private names (a field `_id`
   would be dropped) and the SDK's internals (`_config`, `_send`);
2. a word the place already means something else by (a keyword, a builtin, a typing or pydantic
   name, a class, module or method of the SDK itself) gets a trailing underscore: `class_`,
   `close_`, `SDKError_`, `root_`;
3. within its `Namespace` (a class's members, a package's modules and classes), a name another
   part of the document already has takes the first free number (`get_pets2`, `Pet2`, `a_b2`),
   together with the names the SDK derives from it (`PetTypedDict`, `AsyncPets`, `list_pages`).
   The model warns where the document chose a name that had to change this way.

File stems never pass `MAX_FILE_STEM` characters: longer ones are cut, with a hash of the whole
name, so that they stay unique and the same from one run to the next.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Container
from functools import cache
from typing import Callable, Optional

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
MODELS_OWN_NAMES = frozenset(
    # what the models package exports itself (sdkerror.py), and what model modules import
    # besides typing and other models (from _base and ..types)
    {"SDKError", "ResponseValidationError", "Base64Bytes", "UnrecognizedStr"}
)
"""Classes of the models package's own that a model must not shadow (in `models.__getattr__`,
or in a module that imports both)."""
RESOURCES_OWN_NAMES = frozenset(
    # what resource modules import besides typing (basesdk, utils), and the root resource
    {"BaseSDK", "OperationSpec", "RetryConfig", "BackoffStrategy", "EventStream", "EventStreamAsync"}
    | {"Iterator", "AsyncIterator", "Root", "AsyncRoot"}
)
"""Names a resource module holds besides its own classes: a group's class must not shadow them."""
# Names a generated method's own keyword arguments already use.
METHOD_RESERVED = frozenset(
    {"self", "retries", "server_url", "timeout_ms", "http_headers"}
    # names a generated method body uses (its locals, and module names it calls): an argument
    # named like one would shadow it
    | {"body", "headers", "query", "response", "error", "arguments", "page", "models", "warnings"}
    | {"status_matches", "query_params", "header_params", "cookie_header", "to_json_data", "to_float"}
    | {"next_arguments", "path_value", "is_json", "is_event_stream"}
)
CLIENT_METHODS = frozenset({"close", "aclose"})
"""Methods the clients (`SyncSdk`, `AsyncSdk`) define on top of the root resource: an operation
or sub-resource there named like one would be hidden by it. (Their other members, `__init__`,
`__enter__`, `_config`, `_send`..., start with an underscore, which no generated name does.)"""
MODEL_MODULES = frozenset({"sdkerror"})
"""Modules of the models package that hold no generated type."""
ROOT_MODULE = "root"
ROOT_CLASS = "Root"
"""The resource module and class of the operations outside any group (the clients' base)."""
TYPED_DICT = "{}TypedDict"
ASYNC_CLASS = "Async{}"
PAGES_METHOD = "{}_pages"
"""Names the SDK derives from a model (its TypedDict twin), a resource class (its coroutine
twin) and a paginated method (its iterator over pages): each takes its place in the namespace
beside the name it comes from."""

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


CLASS_SCOPE_RESERVED = frozenset({"models", "httpx", "cached_property"})
"""Names a resource class's body reads: modules its annotations name, and the decorator of its
sub-resources. A method or sub-resource called like one would hide it from the rest of the class."""


CLIENT_RESERVED = frozenset(
    # what the client module binds (templates/python/sdk.py.jinja)
    {"os", "TYPE_CHECKING", "Any", "Optional", "Root", "AsyncRoot", "SDKConfiguration", "Token", "UNSET"}
    | {"OptionalNullable", "httpx", "RetryConfig", "_given"}
    # what the package binds (package_init.py.jinja), and its modules
    | {"VERSION", "sdk", "__title__", "__version__", "__all__", "__getattr__", "__dir__", "_version"}
    | {"basesdk", "models", "resources", "sdkconfiguration", "types", "utils"}
)
"""Names in the scope of the client classes: gen.yaml's sync_class or async_class called like one
would hide it from the module that defines the clients or from the package that exports them."""


def member_name(text: str, on_client: bool = False) -> str:
    """The attribute of a method or sub-resource on a resource class (`on_client`: on the root
    resource, which the clients extend)."""
    name = python_identifier(snake_case(text))
    reserved = name in CLASS_SCOPE_RESERVED or (on_client and name in CLIENT_METHODS)
    return f"{name}_" if reserved else name


@cache
def class_name(text: str) -> str:
    """A PascalCase class name that is a legal identifier."""
    name = pascal_case(text)
    if not name[0].isalpha():
        name = f"Model{name}"
    return type_name(name)


def type_name(name: str) -> str:
    """A model's class name clear of keywords and of the models package's own names: checked
    again on whole names built from parts (`Typed` + `Dict`)."""
    return f"{name}_" if _reserved_class(name, MODELS_OWN_NAMES) else name


def _reserved_class(name: str, own: frozenset[str]) -> bool:
    return keyword.iskeyword(name) or name in TYPING_NAMES or name in own


@cache  # the fold of the models' namespace: asked for every candidate name
def module_name(class_name_: str) -> str:
    """Module and doc page stem of a model: its class name lowercased, as Speakeasy users know,
    with an underscore when that is a keyword (a model `Return` cannot live in `return.py`) or
    a module of the package's own; shortened past `MAX_FILE_STEM`."""
    name = class_name_.lower()
    return file_stem(f"{name}_" if keyword.iskeyword(name) or name in MODEL_MODULES else name)


def file_stem(name: str) -> str:
    """`name`, or when it is longer than `MAX_FILE_STEM`, its start and a hash of all of it:
    stays an identifier, is the same on every run, and two long names keep apart."""
    if len(name) <= MAX_FILE_STEM:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[: MAX_FILE_STEM - 9]}_{digest}"


def group_class_name(path: tuple[str, ...]) -> str:
    """The resource class of a group: its path's parts in PascalCase (`dedicated.image` ->
    `DedicatedImage`); clear of the SDK's names, also as the coroutine twin (`AsyncIterator`)."""
    if not path:
        return ROOT_CLASS
    name = "".join(class_name(part) for part in path)
    twin = ASYNC_CLASS.format(name)
    reserved = _reserved_class(name, RESOURCES_OWN_NAMES) or _reserved_class(twin, RESOURCES_OWN_NAMES)
    return f"{name}_" if reserved else name


def group_module(path: tuple[str, ...]) -> str:
    """The resource module of a group: its path joined by underscores (`dedicated_image`), before
    it is made unique and shortened (`file_stem`)."""
    if not path:
        return ROOT_MODULE
    name = "_".join(path)
    return f"{name}_" if name == ROOT_MODULE else name


def typed_dict_name(class_name_: str) -> str:
    """The TypedDict twin of a model or union: the shape users may pass as a plain dict."""
    return TYPED_DICT.format(class_name_)


def unique(name: str, taken: Container[str]) -> str:
    """`name`, or `name2`, `name3`... whichever is not taken yet."""
    if name not in taken:
        return name
    index = 2
    while f"{name}{index}" in taken:
        index += 1
    return f"{name}{index}"


class Namespace(Container[str]):
    """The names given so far in one namespace of the SDK, and who holds each.

    A name occupies its `fold` (lowercased where names become files: `Pet` and `pet.py` would
    share a file on macOS) and those of its companions, the names the SDK derives from it
    (`TYPED_DICT`...): `claim` gives the first name by `unique` whose keys are all free."""

    def __init__(self, fold: Callable[[str], str] = str, companions: tuple[str, ...] = ()) -> None:
        self._fold = fold
        self._companions = companions
        self._held: dict[str, tuple[str, str]] = {}
        """Folded key -> (holder, the name as it was given)."""

    def _names(self, name: str, companions: tuple[str, ...]) -> list[str]:
        return [name] + [companion.format(name) for companion in self._companions + companions]

    def _taken(self, name: str, companions: tuple[str, ...]) -> Optional[str]:
        """The first of `name` and its companions already held (asked for every candidate)."""
        fold, held = self._fold, self._held
        if fold(name) in held:
            return name
        for companion in self._companions + companions if companions else self._companions:
            derived = companion.format(name)
            if fold(derived) in held:
                return derived
        return None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._taken(name, ()) is not None

    def conflict(self, name: str, companions: tuple[str, ...] = ()) -> Optional[str]:
        """Why `name` (with its companions) is not free: `` `x` is taken by ... ``; None if it is."""
        wanted = self._taken(name, companions)
        if wanted is None:
            return None
        holder, given = self._held[self._fold(wanted)]
        return f"`{wanted}` is taken by {holder}" + (f" (as `{given}`)" if given != wanted else "")

    def claim(self, name: str, holder: str, companions: tuple[str, ...] = ()) -> str:
        """`name` or the first free `name2`, `name3`..., now held by `holder`; `companions` are
        derived names this one needs free besides the namespace's own (`PAGES_METHOD`)."""
        given = unique(name, _Needing(self, companions) if companions else self)
        for derived in self._names(given, companions):
            self._held[self._fold(derived)] = (holder, derived)
        return given


class _Needing(Container[str]):
    """A namespace as `unique` sees it for a name that brings companions of its own."""

    def __init__(self, namespace: Namespace, companions: tuple[str, ...]) -> None:
        self.namespace = namespace
        self.companions = companions

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.namespace._taken(name, self.companions) is not None
