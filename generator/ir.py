"""The intermediate representation: what the SDK is, with every name already decided.

Frozen dataclasses only. The IR knows nothing of Jinja, files or Python syntax beyond names;
`modeling.py` builds it from a validated document, later stages only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

from .errors import Problem

PrimitiveKind = Literal["string", "integer", "number", "boolean", "bytes", "any"]
NamedKind = Literal["model", "enum", "union"]
ParameterLocation = Literal["path", "query", "header", "cookie"]
ArgumentSource = Literal["path", "query", "header", "cookie", "body_field", "body"]


@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind


@dataclass(frozen=True)
class ListOf:
    item: TypeRef
    item_nullable: bool = False
    """Whether items may be null (`List[Optional[X]]`)."""


@dataclass(frozen=True)
class MapOf:
    value: TypeRef
    value_nullable: bool = False


@dataclass(frozen=True)
class Named:
    """A reference to a model, enum or union declared once in `Api.types`."""

    name: str
    kind: NamedKind
    module: str


TypeRef = Union[Primitive, ListOf, MapOf, Named]


@dataclass(frozen=True)
class Example:
    """An example value from the document (a box, so that `None` can be an example)."""

    value: Any


@dataclass(frozen=True)
class Repeated:
    """A sample value too long to spell out: `unit * count`, where `unit` is a string, bytes or
    a one-item list (`"x" * 1000000`, `["a"] * 100000000`). A schema's `minLength` or `minItems`
    may ask for any size; this stands for the value without holding it, and the docs spell it
    the same way in Python, valid at any size."""

    unit: Union[str, bytes, list[Any]]
    count: int


@dataclass(frozen=True)
class Field:
    """A property of a model; `name` is the Python attribute, `alias` the JSON key."""

    name: str
    alias: str
    type: TypeRef
    required: bool
    nullable: bool
    description: str = ""
    example: Optional[Example] = None
    deprecated: bool = False
    read_only: bool = False
    write_only: bool = False
    sample: Optional[Example] = None
    """A valid value derived from the schema (default, enum, bounds), for usage examples only."""


@dataclass(frozen=True)
class Model:
    name: str
    module: str
    description: str
    fields: tuple[Field, ...]
    example: Optional[Example] = None
    exclusive: tuple[str, ...] = ()
    """Wire names that must not all be present at once (`not: {required: [...]}`)."""
    demanded: tuple[str, ...] = ()
    """Wire names usage examples give beside the required fields: those the first of its
    `anyOf`/`oneOf` of required-lists asks for, and those `required` names without a schema."""
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class EnumMember:
    name: str
    value: Union[str, int]


@dataclass(frozen=True)
class Enum:
    name: str
    module: str
    description: str
    members: tuple[EnumMember, ...]
    kind: Literal["enum"] = "enum"


@dataclass(frozen=True)
class UnionType:
    name: str
    module: str
    description: str
    variants: tuple[TypeRef, ...]
    kind: Literal["union"] = "union"
    discriminator: Optional[str] = None
    """The property whose value tells the variants apart, with `mapping` from value to variant name."""
    mapping: tuple[tuple[str, str], ...] = ()


NamedType = Union[Model, Enum, UnionType]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    nullable: bool
    description: str = ""
    example: Optional[Example] = None
    sample: Optional[Example] = None
    style: str = "simple"
    explode: bool = False
    deprecated: bool = False


@dataclass(frozen=True)
class Body:
    """A request body; when its type is a model, `fields` are flattened into arguments."""

    content_type: str
    type: TypeRef
    required: bool
    field_name: str
    fields: tuple[Field, ...] = ()
    description: str = ""
    example_required: tuple[str, ...] = ()
    """Fields a `oneOf`/`anyOf` of required-lists demands first: usage examples include them."""


@dataclass(frozen=True)
class Argument:
    """One keyword argument of a generated method, and where its value goes on the wire."""

    name: str
    wire_name: str
    source: ArgumentSource
    type: TypeRef
    required: bool
    nullable: bool
    description: str
    example: Optional[Example] = None
    sample: Optional[Example] = None
    deprecated: bool = False
    """Passing a value warns (`DeprecationWarning`) at call time."""


@dataclass(frozen=True)
class Response:
    """The success response; `content_type` is empty when there is no body."""

    status: str
    content_type: str
    type: Optional[TypeRef]
    description: str = ""
    events: Optional[TypeRef] = None
    """The type of each server-sent event's data, when the response can be an event stream."""
    sentinel: Optional[str] = None
    """The event data that ends the stream (`x-speakeasy-sse-sentinel`), not passed on."""
    event_envelope: bool = False
    """Whether the events' schema describes whole events (a `data` field) rather than their data."""
    nullable: bool = False
    """Whether the body may be JSON `null` (the method then returns None for it)."""


@dataclass(frozen=True)
class ErrorResponse:
    """Statuses answered by raising `error` (the SDK's fallback error class by default)."""

    statuses: tuple[str, ...]
    content_type: str
    error: str


@dataclass(frozen=True)
class RetryPolicy:
    initial_interval_ms: int
    max_interval_ms: int
    exponent: float
    max_elapsed_time_ms: int
    status_codes: tuple[str, ...]
    retry_connection_errors: bool


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method_name: str
    group_path: tuple[str, ...]
    http_method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: Optional[Body]
    arguments: tuple[Argument, ...]
    response: Optional[Response]
    errors: tuple[ErrorResponse, ...]
    retries: Optional[RetryPolicy]
    request_model: Optional[str]
    usage_example: tuple[tuple[str, Any], ...] = ()
    deprecated: bool = False
    security: tuple[tuple[str, ...], ...] = ()
    """Alternatives of security schemes (by name), any one of which authorises the call."""
    server: Optional[str] = None
    """The operation's own server, when the document gives one."""
    pagination: Optional[Pagination] = None


@dataclass(frozen=True)
class Pagination:
    """`x-speakeasy-pagination`: which argument moves through pages, and where results are.

    `kind` is `offset` (the argument grows by the number of results), `page` (it grows by
    one) or `cursor` (it takes the value at `next_cursor`); paths are dotted JSON paths.
    """

    kind: Literal["offset", "page", "cursor"]
    argument: str
    results: str
    next_cursor: str = ""


@dataclass(frozen=True)
class Group:
    """A node of the resource tree (`dedicated` -> `image`)."""

    path: tuple[str, ...]
    attribute: str
    class_name: str
    module: str
    doc_page: str
    operations: tuple[Operation, ...]
    children: tuple[Group, ...] = ()


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""


@dataclass(frozen=True)
class Credential:
    """One keyword of the client constructor that carries a secret, and its environment variable."""

    argument: str
    env_var: str


@dataclass(frozen=True)
class Security:
    """A security scheme the client supports; `credentials` are the constructor's keywords.
    `oauth2` takes an access token the caller brings (the first credential) or, without one,
    client credentials (the other two) the SDK exchanges for a token at `wire_name`: a scheme
    whose flows include client credentials and one where the caller gets the token."""

    scheme: str
    kind: Literal["http_bearer", "http_basic", "api_key", "oauth2_client_credentials", "oauth2"]
    location: Literal["header", "query", "cookie"]
    wire_name: str
    credentials: tuple[Credential, ...]

    @property
    def argument(self) -> str:
        return self.credentials[0].argument

    @property
    def env_var(self) -> str:
        return self.credentials[0].env_var


@dataclass(frozen=True)
class Settings:
    """SDK settings from gen.yaml."""

    package_name: str
    version: str
    description: str
    author: str
    sync_class: str
    async_class: str
    sdk_title: str
    python_requires: str
    versioning: str = "manual"
    """`manual`: `version` as written; `automatic`: bumped by the API's changes (see versioning.py)."""
    json_bytes: str = "base64"
    """How `format: byte` fields of models travel in JSON: `base64`, as OpenAPI says, or `text`
    (the field holds the text's UTF-8 bytes, undecoded: what friendli 0.12.1 does)."""


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    settings: Settings
    servers: tuple[Server, ...]
    security: tuple[Security, ...]
    root: Group
    operations: tuple[Operation, ...]
    types: tuple[NamedType, ...]
    request_models: tuple[Model, ...] = field(default=())
    warnings: tuple[Problem, ...] = field(default=())
    """What modeling tells about the document, located, reported beside validation's warnings:
    where it gave a looser type than the document asks (a list that contains itself, lists
    nested too deep), and names the document chose that had to change for others."""

    @property
    def fetches_tokens(self) -> bool:
        """Whether the SDK may exchange client credentials for OAuth2 tokens: only then does
        it carry the code that fetches and keeps them."""
        return any(s.kind in ("oauth2", "oauth2_client_credentials") for s in self.security)

    def groups(self) -> tuple[Group, ...]:
        """Every group of the tree, depth first, parents before children."""
        found: list[Group] = []
        stack = [self.root]
        while stack:
            group = stack.pop()
            found.append(group)
            stack.extend(reversed(group.children))
        return tuple(found)
