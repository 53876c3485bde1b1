"""openapi-spec-validator's validators, made faster, deterministic and complete through its own
extension points (a validator class's `schema_validator` and `keyword_validators`).

- Faster: the whole-document check of a 3.1 document resolves `$dynamicRef: "#meta"` at every
  schema, and each resolution crawled the OAS 3.1 schema's registry afresh because the crawl
  was never kept. Handing the validator a registry crawled once finds the same errors in about
  two thirds of the time (OpenAI: 13.2 s -> 8.5 s of CPU). Lookups are remembered by where they
  are made from (OpenAI: 8.2 s -> 5.3 s), and the schema keyword's lists of visited schemas,
  searched at every schema, are sets. Within one validation (`validation_memos`), each
  validator jsonschema evolves is made once, and a value found valid against a subschema
  is not checked against it again.
- Deterministic: a schema checked against its dialect reported the first error jsonschema
  found, and jsonschema walks a schema's extra property names as a set, whose order changes
  with PYTHONHASHSEED. The check here collects every error and reports the first in document
  order, so the same document gives the same findings on every run.
- Complete: the stock walk over the document visits an operation's parameters and responses,
  never its `requestBody`. The OpenAPI 3.0 schema spells out what a schema is, so a broken
  body schema still fails the whole-document check; the 3.1 schema only asks a schema to be
  an object or a boolean (`$dynamicRef: "#meta"`) and leaves its dialect to the walk, so a
  3.1 body schema was never checked (`allOf: 5` went on to crash modeling). The walk here
  checks request bodies as it checks responses, in both versions.

Anything these classes cannot set up (another version of the libraries) falls back to the
stock validators: slower, less stable, or blind to request bodies as the stock ones are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, Callable, Hashable, Optional

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import keywords

_evolved: Optional[dict[tuple[int, int, int, int], tuple[Any, ...]]] = None
"""While `validation_memos` is active: jsonschema validators made by `evolve`, by what they
were made from (kept alive with them, so that no id is reused)."""
_valid_descents: Optional[dict[tuple[int, int, int, Hashable], tuple[Any, ...]]] = None
"""While `validation_memos` is active: the (validator, subschema, resolver, instance's value)
found valid, the first three kept alive as the value."""
_valid_references: Optional[dict[tuple[int, int, Hashable], tuple[Any, ...]]] = None
"""While `validation_memos` is active: the (validator, subschema, instance's value) found
valid at a `$dynamicRef`, the first two kept alive as the value."""
_values: Optional[_ContentIds] = None
"""While `validation_memos` is active: the identity of each instance's value."""


@contextmanager
def validation_memos(descents: bool = True) -> Iterator[None]:
    """Within this block, jsonschema does no work twice.

    - It makes a new validator object (`evolve`) at every subschema it descends into: a third
      of the time of checking OpenAI. A validator is an immutable value, so the one made from
      the same validator, subschema and resolver is the same; nine in ten are asked for again
      (OpenAI: 299,000 made, 31,000 different). Each is made once.
    - Big documents repeat their values (a `$ref` to a shared parameter, `{"type": "string"}`,
      a whole response), and checking one against a subschema is the same work every time:
      Kubernetes' check against the OpenAPI schema descends 306,000 times into 62,000
      different (validator, subschema, value). A descent already found valid is skipped,
      whatever the value's place (the check against the OpenAPI schema, in process:
      Kubernetes 2.0 -> 0.5 s, Stripe 1.06 -> 0.7 s, DigitalOcean 1.05 -> 0.5 s). Only valid
      ones are remembered: an invalid value is checked again, so each error is found where
      it is, with its own instance.
    - Without `descents` (the keyword walk, whose descents are mostly different schemas
      checked against their dialect: remembering every descent costs more than it saves),
      only the values checked at a `$dynamicRef` are remembered: there a 3.1 dialect check
      reaches every subschema (OpenAI's keyword part: 2.07 -> 1.68 s; with every descent
      remembered, 1.9 s)."""
    global _evolved, _valid_descents, _valid_references, _values
    _install_remembering()
    _fast_subscriptable_check()
    outer = _evolved, _valid_descents, _valid_references, _values
    _evolved, _valid_descents, _valid_references, _values = {}, {} if descents else None, {}, _ContentIds()
    try:
        yield
    finally:
        _evolved, _valid_descents, _valid_references, _values = outer


@cache
def _install_remembering() -> None:
    """Wrap `evolve`, `descend` and the `$dynamicRef` keyword of the validator classes
    openapi-spec-validator uses; outside `validation_memos` the wrappers call the stock
    ones and nothing else."""
    import inspect

    import jsonschema.validators
    import openapi_schema_validator

    classes = set(getattr(jsonschema.validators, "_VALIDATORS", {}).values())
    classes |= {getattr(openapi_schema_validator, name, None) for name in ("OAS30Validator", "OAS31Validator")}
    for cls in classes:
        stock = cls.__dict__.get("evolve") if isinstance(cls, type) else None
        if stock is not None:
            cls.evolve = _remembering(stock)
        descend = cls.__dict__.get("descend") if isinstance(cls, type) else None
        if descend is not None and list(inspect.signature(descend).parameters) == _DESCEND_PARAMETERS:
            cls.descend = _skipping_valid(descend)
        keywords = getattr(cls, "VALIDATORS", None)
        if isinstance(keywords, dict) and callable(keywords.get("$dynamicRef")):
            keywords["$dynamicRef"] = _skipping_valid_reference(keywords["$dynamicRef"])


_DESCEND_PARAMETERS = ["self", "instance", "schema", "path", "schema_path", "resolver"]


def _remembering(stock: Callable[..., Any]) -> Callable[..., Any]:
    def evolve(self: Any, **changes: Any) -> Any:
        memo = _evolved
        if memo is None or not changes.keys() <= {"schema", "_resolver"} or self._ref_resolver is not None:
            return stock(self, **changes)  # (a legacy ref resolver has state: its scopes)
        schema, resolver = changes.get("schema", _NOTHING), changes.get("_resolver", _NOTHING)
        key = (id(self), id(schema), id(resolver), len(changes))
        found = memo.get(key)
        if found is None:
            found = memo[key] = (stock(self, **changes), self, schema, resolver)
        return found[0]

    return evolve


def _skipping_valid(stock: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """`descend`, which yields no errors for a value (a mapping or list) the same validator
    found valid against the same subschema (and resolver) before. A validator is an
    immutable value (schema, resolver with its dynamic scope), so its verdict on an equal
    value is the same. Not a generator itself: a scalar's descent is the stock one, with no
    layer added (most descents are into scalars)."""

    def descend(
        self: Any, instance: Any, schema: Any, path: Any = None, schema_path: Any = None, resolver: Any = None
    ) -> Iterator[Any]:
        valid, values = _valid_descents, _values
        if valid is None or values is None or type(instance) not in _CONTAINERS or self._ref_resolver is not None:
            return stock(self, instance, schema, path, schema_path, resolver)
        key = (id(self), id(schema), id(resolver), values.of(instance))
        if key in valid:
            return iter(())
        kept = (self, schema, resolver)
        return _remembered_if_valid(stock(self, instance, schema, path, schema_path, resolver), valid, key, kept)

    return descend


def _remembered_if_valid(
    errors: Iterator[Any], valid: dict[Any, Any], key: tuple[Any, ...], keep: tuple[Any, ...]
) -> Iterator[Any]:
    """`errors` as they come (a caller asking whether there is one stops at the first); a
    check that ends without any is remembered in `valid`, with `keep` kept alive."""
    found = False
    for error in errors:
        found = True
        yield error
    if not found:
        valid[key] = keep


_CONTAINERS = (dict, list)


def _skipping_valid_reference(stock: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """The `$dynamicRef` keyword, skipped before its reference is even looked up for a value
    the same validator found valid there before: a 3.1 dialect check reaches every subschema
    through `$dynamicRef: "#meta"`."""

    def dynamic_ref(validator: Any, ref: Any, instance: Any, schema: Any) -> Iterator[Any]:
        valid, values = _valid_references, _values
        if valid is None or values is None or type(instance) not in _CONTAINERS:
            return stock(validator, ref, instance, schema)
        key = (id(validator), id(schema), values.of(instance))
        if key in valid:
            return iter(())
        return _remembered_if_valid(stock(validator, ref, instance, schema), valid, key, (validator, schema))

    return dynamic_ref


class _ContentIds:
    """Equal values get equal identities, in one pass over each value however often it is
    asked for: a dict or list is named by its items' identities (hash-consing), a scalar by
    its type and itself (so 1, 1.0 and True, or 200 and "200", stay apart)."""

    def __init__(self) -> None:
        self._of_object: dict[int, tuple[int, Any]] = {}  # id -> (identity, the object, kept alive)
        self._interned: dict[tuple[Any, ...], int] = {}

    def of(self, value: Any) -> Hashable:
        if isinstance(value, (dict, list)):
            known = self._of_object.get(id(value))
            if known is None:
                if isinstance(value, dict):
                    parts: tuple[Any, ...] = ("{",) + tuple((key, self.of(item)) for key, item in value.items())
                else:
                    parts = ("[",) + tuple(self.of(item) for item in value)
                known = self._of_object[id(value)] = (self._interned.setdefault(parts, len(self._interned)), value)
            return known[0]
        if value is None or isinstance(value, (str, int, float)):
            return (type(value), value)
        known = self._of_object.get(id(value))
        if known is None:  # anything else YAML may make (a set, a date): itself only
            known = self._of_object[id(value)] = (-1 - len(self._of_object), value)
        return known[0]


_NOTHING = object()


def prepared(version: str) -> None:
    """Everything a validation of an `openapi` version builds once: its classes (with the
    crawled registry) and the wrappers `validation_memos` needs."""
    spec_validator_class(version)
    _install_remembering()


@cache
def _fast_subscriptable_check() -> None:
    """pathable checks every node it steps into with `isinstance(node, Subscriptable)`, a
    runtime-checkable Protocol, which Python 3.11 answers by listing the protocol's members
    anew each time: a third of the keyword walk's time (Kubernetes 1.32 -> 0.80 s without).
    The same check (each member defined somewhere in the class's MRO, and not None) as an
    ABC's subclass hook is asked once per class. Left alone for another pathable."""
    import abc
    import typing

    from pathable import accessors, protocols

    stock = getattr(accessors, "Subscriptable", None)
    members = getattr(typing, "_get_protocol_attrs", lambda cls: None)(stock)
    if stock is not protocols.Subscriptable or members != _SUBSCRIPTABLE_MEMBERS:
        return

    class Subscriptable(abc.ABC):  # noqa: B024 (a check of what classes define, nothing to implement)
        @classmethod
        def __subclasshook__(cls, other: type) -> bool:
            return all(_defined(other, member) for member in _SUBSCRIPTABLE_MEMBERS)

    accessors.Subscriptable = Subscriptable  # type: ignore[attr-defined, assignment]


_SUBSCRIPTABLE_MEMBERS = {"__contains__", "__getitem__", "__len__"}


def _defined(cls: type, member: str) -> bool:
    """As a Protocol's check finds a member: in the nearest class of the MRO that has it,
    and not set to None there."""
    for base in cls.__mro__:
        if member in base.__dict__:
            return base.__dict__[member] is not None
    return False


def spec_validator_class(version: str) -> Any:
    """The validator class for an `openapi` version string (3.0.x or 3.1.x)."""
    return _v31_class() if version.startswith("3.1") else _v30_class()


@cache
def _v30_class() -> Any:
    return _with_crawled_schema(
        _with_request_bodies(_with_schema_keyword(OpenAPIV30SpecValidator, keywords.OpenAPIV30SchemaValidator))
    )


@cache
def _v31_class() -> Any:
    return _with_crawled_schema(
        _with_request_bodies(_with_schema_keyword(OpenAPIV31SpecValidator, keywords.OpenAPIV31SchemaValidator))
    )


def _with_crawled_schema(cls: Any) -> Any:
    """`cls` (a subclass of a stock class, or that class) whose whole-document check uses a
    crawled registry and remembers its lookups."""
    crawled = _crawled(cls.schema_validator)
    if crawled is None:
        return cls
    if cls in (OpenAPIV30SpecValidator, OpenAPIV31SpecValidator):
        cls = type(cls.__name__, (cls,), {})  # the stock class itself stays as it is
    cls.schema_validator = crawled
    return cls


def _crawled(validator: Any) -> Optional[Any]:
    """The same jsonschema validator with its registry crawled up front and its lookups
    remembered, or None."""
    try:
        resolver = validator._resolver
        registry = resolver._registry.crawl()
        crawled = registry.resolver(base_uri=resolver._base_uri)
        return validator.evolve(_resolver=_RememberingResolver(crawled, {}))
    except Exception:  # another backend (jsonschema-rs) or library version: the stock one is used
        return None


class _RememberingResolver:
    """A `referencing.Resolver` that looks each reference up once per place it is looked up
    from. Checking a 3.1 schema resolves `$dynamicRef: "#meta"` at every subschema, and each
    resolution walks the whole dynamic scope, which grows with nesting: a third of the time of
    checking OpenAI's schemas. A resolver is an immutable value (base URI, registry, dynamic
    scope) and so is a crawled registry, so a lookup's answer depends on nothing else.

    referencing forbids subclassing its classes, so this wraps one and hands out wrapped
    resolvers: everything but `lookup` and `in_subresource` is the wrapped resolver's."""

    __slots__ = ("_wrapped", "_remembered")

    def __init__(self, wrapped: Any, remembered: dict[tuple[str, str, Any, int], tuple[Any, Any]]) -> None:
        self._wrapped = wrapped
        self._remembered = remembered

    def lookup(self, ref: str) -> Any:
        wrapped = self._wrapped
        key = (ref, wrapped._base_uri, wrapped._previous, id(wrapped._registry))
        found = self._remembered.get(key)
        if found is None:
            resolved = wrapped.lookup(ref)
            resolver = _RememberingResolver(resolved.resolver, self._remembered)
            resolved = type(resolved)(contents=resolved.contents, resolver=resolver)
            # The registry is kept with the answer so that its id cannot be reused by another.
            found = self._remembered[key] = (resolved, wrapped._registry)
        return found[0]

    def in_subresource(self, subresource: Any) -> Any:
        inner = self._wrapped.in_subresource(subresource)
        return self if inner is self._wrapped else _RememberingResolver(inner, self._remembered)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._wrapped, name)


def _with_schema_keyword(base: Any, stock_keyword: Any) -> Any:
    """A subclass of `base` whose schema keyword validator checks dialects deterministically."""
    mapping = getattr(base, "keyword_validators", None)
    if not isinstance(mapping, dict) or mapping.get("schema") is not stock_keyword:
        return base
    if not hasattr(stock_keyword, "_get_schema_checker"):
        return base

    class SchemaKeyword(stock_keyword):  # type: ignore[misc]
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            self.visited_schema_ids = _IdSet()
            self.meta_checked_schema_ids = _IdSet()
            self.checked: dict[tuple[int, tuple[Any, ...], str], Any] = {}
            """The schema each reported dialect error was found in, by the error's identity."""

        def _get_schema_checker(self, schema: Any, schema_value: Any) -> Callable[[Any], None]:
            stock = super()._get_schema_checker(schema, schema_value)
            return _first_in_document_order(stock, lambda error: self.checked.__setitem__(_key(error), schema_value))

    overrides: dict[str, Any] = {"schema": SchemaKeyword}
    stock_default = mapping.get("default")
    if isinstance(stock_default, type) and issubclass(stock_default, keywords.ValueValidator):

        class DefaultKeyword(stock_default):  # type: ignore[misc, valid-type]
            def __init__(self, registry: Any) -> None:
                super().__init__(registry)
                self.checked: dict[tuple[int, tuple[Any, ...], str], Any] = {}
                """The schema whose `default` each error was found in, by the error's identity."""

            def __call__(self, schema: Any, value: Any) -> Iterator[Any]:
                for error in super().__call__(schema, value):
                    self.checked[_key(error)] = schema.read_value()
                    yield error

        overrides["default"] = DefaultKeyword
    return type(base.__name__, (base,), {"keyword_validators": {**mapping, **overrides}})


def _with_request_bodies(cls: Any) -> Any:
    """`cls` (a subclass of a stock class, or that class) whose walk over an operation also
    checks the schemas of its request body, reached through `$ref` as the walk reaches
    responses: the stock walk skips `requestBody` (see the module's docstring)."""
    mapping = getattr(cls, "keyword_validators", None)
    if not isinstance(mapping, dict) or "content" not in mapping:
        return cls
    stock = mapping.get("operation")
    if not (isinstance(stock, type) and issubclass(stock, keywords.OperationValidator)):
        return cls

    class OperationKeyword(stock):  # type: ignore[misc, valid-type]
        def __call__(self, url: str, name: str, operation: Any, path_parameters: Any) -> Iterator[Any]:
            if "requestBody" in operation:  # first: a body comes before the responses in most documents
                body = operation / "requestBody"
                if "content" in body:
                    yield from self.registry["content"](body / "content")
            yield from super().__call__(url, name, operation, path_parameters)

    if cls in (OpenAPIV30SpecValidator, OpenAPIV31SpecValidator):
        cls = type(cls.__name__, (cls,), {})  # the stock class itself stays as it is
    cls.keyword_validators = {**mapping, "operation": OperationKeyword}
    return cls


class _IdSet(set[int]):
    """The schema ids the stock keyword keeps in lists, which it searches on every schema it
    visits (quadratic: about a second on OpenAI); a set with the list's `append`."""

    append = set.add


def checked_schema(validator: Any, error: Any, keyword: str = "schema") -> Optional[Any]:
    """The schema (an object of the document) in which `validator` found the dialect error
    `error`, whose path is relative to that schema; None for other errors. With `keyword`
    "default": the schema whose default value `error` is about (its path is relative to
    that value)."""
    registry = getattr(validator, "keyword_validators_registry", None)
    found_by = registry.get(keyword) if isinstance(registry, dict) else None
    checked = getattr(found_by, "checked", None)
    return checked.get(_key(error)) if isinstance(checked, dict) else None


def _key(error: Any) -> tuple[int, tuple[Any, ...], str]:
    return id(error.instance), tuple(error.path), str(error.message)


def _first_in_document_order(checker: Callable[..., None], found_in: Callable[[Any], None]) -> Callable[[Any], None]:
    """`checker` (a dialect's `check_schema`, which raises the first error its meta-schema
    validator yields), made to raise the error that comes first in the checked schema instead.
    `found_in` is told each error raised."""
    method = getattr(checker, "func", checker)  # 3.1 gives a partial, 3.0 the classmethod itself
    owner = getattr(method, "__self__", None)
    if getattr(owner, "META_SCHEMA", None) is None:
        return checker
    arguments = getattr(checker, "keywords", None) or {}
    format_checker = arguments.get("format_checker", getattr(owner, "FORMAT_CHECKER", None))
    validator = _meta_validator(owner, format_checker)
    if validator is None:
        return checker

    def check(schema_value: Any) -> None:
        from jsonschema.exceptions import SchemaError

        errors = list(validator.iter_errors(schema_value))
        if errors:
            first = min(errors, key=lambda error: (_document_order(schema_value, list(error.path)), error.message))
            error = SchemaError.create_from(first)
            found_in(error)
            raise error

    return check


@cache
def _meta_validator(owner: Any, format_checker: Any) -> Optional[Any]:
    """The validator `check_schema` builds for the dialect `owner`, built once and crawled."""
    try:
        from jsonschema.validators import validator_for
        from openapi_schema_validator._specifications import REGISTRY
    except ImportError:
        return None
    meta = owner.META_SCHEMA
    validator_class = validator_for(meta, default=owner)
    validator = validator_class(meta, format_checker=format_checker, registry=REGISTRY)
    return _crawled(validator) or validator


def _document_order(node: Any, path: list[Any]) -> tuple[int, ...]:
    """Where `path` leads in `node`, as the positions of its keys and indexes: earlier is smaller."""
    positions: list[int] = []
    for token in path:
        if isinstance(node, dict):
            keys = list(node)
            positions.append(keys.index(token) if token in node else len(keys))
            node = node.get(token)
        elif isinstance(node, list) and isinstance(token, int):
            positions.append(token)
            node = node[token] if 0 <= token < len(node) else None
        else:
            positions.append(0)
            node = None
    return tuple(positions)
