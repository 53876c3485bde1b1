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
  checks request bodies as it checks responses, in both versions, and so the other schemas
  the stock walk passes by: a parameter's or header's `content`, a response's headers, and
  the path items of callbacks and webhooks (their schemas only: a callback's key is an
  expression and a webhook's a name, not paths whose parameters could be checked).
- Located: the walk's findings about operations (an operationId used twice, a path parameter
  missing or left over), parameters and tags listed twice, and a schema's `required` come
  without a path; here each is a `WalkFinding` that says where it is. The path parameters'
  check is sdkgen's, which tells the two ways round apart and reads a path as the generated
  code does (the stock one raises on `/a/{x`, which stopped the whole walk).

Anything these classes cannot set up (another version of the libraries) falls back to the
stock validators: slower, less stable, blind to request bodies or vague about places as the
stock ones are.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, Callable, Hashable, Optional

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation import keywords
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    OpenAPIValidationError,
    ParameterDuplicateError,
    UnresolvableParameterError,
)

from .loader import HTTP_METHODS, path_pieces

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
        _with_complete_walk(_with_schema_keyword(OpenAPIV30SpecValidator, keywords.OpenAPIV30SchemaValidator))
    )


@cache
def _v31_class() -> Any:
    return _with_crawled_schema(
        _with_complete_walk(_with_schema_keyword(OpenAPIV31SpecValidator, keywords.OpenAPIV31SchemaValidator))
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

        def __call__(self, schema: Any, require_properties: bool = True, meta_checked: bool = False) -> Iterator[Any]:
            for error in super().__call__(schema, require_properties, meta_checked):
                # Errors the keyword makes itself have no path; those of its nested calls come located.
                placeless = error.validator is _UNSET and not isinstance(error, WalkFinding)
                yield _schema_finding(schema, error) if placeless else error

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


def _with_complete_walk(cls: Any) -> Any:
    """`cls` (a subclass of a stock class, or that class) whose walk over an operation also
    checks the schemas of its request body, reached through `$ref` as the walk reaches
    responses (the stock walk skips `requestBody`: see the module's docstring), and whose
    findings about operations, parameters and tags say where they are (`WalkFinding`)."""
    mapping = getattr(cls, "keyword_validators", None)
    if not isinstance(mapping, dict) or "content" not in mapping:
        return cls
    stock = mapping.get("operation")
    if not (isinstance(stock, type) and issubclass(stock, keywords.OperationValidator)):
        return cls

    class OperationKeyword(stock):  # type: ignore[misc, valid-type]
        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            self.first_with_id: dict[str, str] = {}
            """The first operation (`get '/a'`) with each operationId."""

        def __call__(self, url: str, name: str, operation: Any, path_parameters: Any) -> Iterator[Any]:
            if "requestBody" in operation:  # first: a body comes before the responses in most documents
                body = operation / "requestBody"
                if "content" in body:
                    yield from self.registry["content"](body / "content")
            value = operation.read_value()
            operation_id = value.get("operationId") if isinstance(value, dict) else None
            for error in super().__call__(url, name, operation, path_parameters):
                if isinstance(error, UnresolvableParameterError):
                    continue  # told apart and located by _path_parameter_findings
                if isinstance(error, DuplicateOperationIDError):
                    first = self.first_with_id.get(operation_id) if isinstance(operation_id, str) else None
                    also = f" ({first} has it too)" if first else ""
                    error = WalkFinding(error.message + also, "operation-id", value, ("operationId",))
                yield error
            if isinstance(operation_id, str):
                self.first_with_id.setdefault(operation_id, f"{name} {url!r}")
            yield from _path_parameter_findings(url, name, operation, path_parameters)
            if "callbacks" in operation:
                for _, callback in (operation / "callbacks").items():
                    for _, path_item in callback.items():
                        yield from _path_item_schemas(self.registry, path_item)

        def _get_path_params_from_url(self, url: str) -> Iterator[str]:
            return iter(())  # the stock check is replaced, and its reading of a path raises on '/a/{x'

        def _get_path_param_names(self, params: Any) -> Iterator[str]:
            return iter(())

    overrides: dict[str, Any] = {"operation": OperationKeyword}
    parameter, response, root = mapping.get("parameter"), mapping.get("response"), mapping.get("__root__")
    if isinstance(parameter, type) and issubclass(parameter, keywords.ParameterValidator):
        overrides["parameter"] = _parameter_content_keyword(parameter)
    if isinstance(response, type) and issubclass(response, keywords.OpenAPIV3ResponseValidator):
        overrides["response"] = _response_headers_keyword(response)
    if isinstance(root, type) and issubclass(root, keywords.RootValidator):
        overrides["__root__"] = _webhooks_keyword(root)
    parameters, tags = mapping.get("parameters"), mapping.get("tags")
    if isinstance(parameters, type) and issubclass(parameters, keywords.ParametersValidator):
        overrides["parameters"] = _repeated_parameters_keyword(parameters)
    if isinstance(tags, type) and issubclass(tags, keywords.TagsValidator):
        overrides["tags"] = _repeated_tags_keyword(tags)
    if cls in (OpenAPIV30SpecValidator, OpenAPIV31SpecValidator):
        cls = type(cls.__name__, (cls,), {})  # the stock class itself stays as it is
    cls.keyword_validators = {**mapping, **overrides}
    return cls


def _path_item_schemas(registry: Any, path_item: Any) -> Iterator[Any]:
    """The schemas of a path item that no client calls (a callback's, a webhook's): its
    parameters, and each operation's parameters, request body and responses. Only schemas:
    its URL is an expression or a name, not a path, and its operations are the server's."""
    value = path_item.read_value()
    if not isinstance(value, dict):
        return
    if "parameters" in path_item:
        for parameter in path_item / "parameters":
            yield from registry["parameter"](parameter)
    for method in HTTP_METHODS:
        if method not in value:
            continue
        operation = path_item / method
        if "parameters" in operation:
            for parameter in operation / "parameters":
                yield from registry["parameter"](parameter)
        if "requestBody" in operation and "content" in (body := operation / "requestBody"):
            yield from registry["content"](body / "content")
        if "responses" in operation:
            yield from registry["responses"](operation / "responses")


def _parameter_content_keyword(stock: Any) -> Any:
    class ParameterKeyword(stock):  # type: ignore[misc]
        """A parameter (or header) described by `content` has its schema there: checked as a
        body's is (the stock keyword checks `schema` alone)."""

        def __call__(self, parameter: Any) -> Iterator[Any]:
            yield from super().__call__(parameter)
            if "content" in parameter:
                yield from self.registry["content"](parameter / "content")

    return ParameterKeyword


def _response_headers_keyword(stock: Any) -> Any:
    class ResponseKeyword(stock):  # type: ignore[misc]
        """A response's headers have schemas (or `content`) as parameters do: checked as
        parameters are (the stock keyword checks the response's `content` alone)."""

        def __call__(self, response_code: str, response: Any) -> Iterator[Any]:
            yield from super().__call__(response_code, response)
            if "headers" in response:
                for _, header in (response / "headers").items():
                    yield from self.registry["parameter"](header)

    return ResponseKeyword


def _webhooks_keyword(stock: Any) -> Any:
    class RootKeyword(stock):  # type: ignore[misc]
        """A 3.1 document's webhooks are path items the stock walk never visits."""

        def __call__(self, spec: Any) -> Iterator[Any]:
            yield from super().__call__(spec)
            if "webhooks" in spec:
                for _, path_item in (spec / "webhooks").items():
                    yield from _path_item_schemas(self.registry, path_item)

    return RootKeyword


class WalkFinding(OpenAPIValidationError):
    """A finding of the walk over the document about a place the library knows but does not
    say (its findings about operations, parameters, tags and a schema's `required` come
    without a path): `tokens` below `node`, a mapping or list of the validated document, or,
    when `node` is None, from the document's top. `kind` tells the findings apart for their
    severity, which is the validator's to decide."""

    def __init__(self, message: str, kind: str, node: Any, tokens: tuple[object, ...]) -> None:
        super().__init__(message)
        self.kind, self.node, self.tokens = kind, node, tokens


_UNSET = OpenAPIValidationError("").validator
"""What jsonschema's errors have for a validator keyword when they come from none."""


def _schema_finding(schema: Any, error: Any) -> WalkFinding:
    """A finding the schema keyword made about `schema` itself (a `required` name no
    property of an `allOf` defines, an unknown dialect, a schema that is no mapping), at it."""
    value = schema.read_value()
    kind, tokens = "schema", ()  # type: tuple[str, tuple[object, ...]]
    if isinstance(error, ExtraParametersError):
        kind, tokens = "required-undefined", ("required",)
    elif error.message.startswith("Unknown JSON Schema dialect"):
        if not (isinstance(value, dict) and "$schema" in value):
            return WalkFinding(error.message, "dialect-unknown", None, ("jsonSchemaDialect",))
        kind, tokens = "dialect-unknown", ("$schema",)
    if isinstance(value, (dict, list)):
        return WalkFinding(error.message, kind, value, tokens)
    return WalkFinding(error.message, kind, None, (*getattr(schema, "parts", ()), *tokens))


def _path_parameter_findings(url: str, method: str, operation: Any, path_parameters: Any) -> Iterator[WalkFinding]:
    """The library reports both of these as "Path parameter 'x' ... was not resolved", at no
    place: a `{name}` in the path that no path parameter of the operation or its path item
    declares (at the operation; the SDK would send `{name}` as written), and a path parameter
    whose name is not in the path (at the parameter; its argument would never be sent). The
    path is read as the SDK reads it: variables before any `#fragment`."""
    in_path = dict.fromkeys(path_pieces(url)[1::2])
    declared: dict[str, tuple[Any, int]] = {}  # the operation's over its path item's, as modeling merges them
    own = operation / "parameters" if "parameters" in operation else None
    for listed in (path_parameters, own):
        if listed is None or not isinstance(listed.read_value(), list):
            continue
        for index, parameter in enumerate(listed):
            value = parameter.read_value()
            if isinstance(value, dict) and value.get("in") == "path" and value.get("name") is not None:
                declared[str(value["name"])] = (listed.read_value(), index)  # `name: 1` is '1', as modeling reads it
    for name in in_path:
        if name not in declared:
            message = (
                f"path parameter {name!r} of {url!r} is not declared for {method} (nor in its path item): "
                f"calls would send '{{{name}}}' as written"
            )
            yield WalkFinding(message, "path-parameter-undeclared", operation.read_value(), ())
    for name, (node, index) in declared.items():
        if name not in in_path:
            message = f"path parameter {name!r} is not in the path {url!r}: its argument would never be sent"
            yield WalkFinding(message, "path-parameter-unused", node, (index,))


def _repeated_parameters_keyword(stock: Any) -> Any:
    class ParametersKeyword(stock):  # type: ignore[misc]
        """A parameter listed again in the same list (same name and location) is located at
        the repeat (the stock keyword names it only); modeling keeps the last one."""

        def __call__(self, parameters: Any) -> Iterator[Any]:
            for error in super().__call__(parameters):
                if not isinstance(error, ParameterDuplicateError):
                    yield error
            listed = parameters.read_value()
            seen: set[tuple[str, str]] = set()
            for index, parameter in enumerate(parameters if isinstance(listed, list) else ()):
                value = parameter.read_value()
                if not isinstance(value, dict):
                    continue
                key = (str(value.get("name")), str(value.get("in")))  # as modeling merges them
                if key in seen:
                    message = f"parameter {key[0]!r} in {key[1]} is listed more than once: the last one is used"
                    yield WalkFinding(message, "parameter-repeated", listed, (index,))
                seen.add(key)

    return ParametersKeyword


def _repeated_tags_keyword(stock: Any) -> Any:
    class TagsKeyword(stock):  # type: ignore[misc]
        """A tag defined again is located at the repeat (the stock keyword names it only)."""

        def __call__(self, tags: Any) -> Iterator[Any]:
            for error in super().__call__(tags):
                if not error.message.startswith("Duplicate tag name"):
                    yield error
            listed = tags.read_value()
            seen: set[Any] = set()
            for index, tag in enumerate(listed if isinstance(listed, list) else ()):
                name = tag.get("name") if isinstance(tag, dict) else None
                if isinstance(name, str) and name in seen:
                    message = f"tag {name!r} is defined more than once"
                    yield WalkFinding(message, "tag-repeated", listed, (index, "name"))
                seen.add(name)

    return TagsKeyword


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
