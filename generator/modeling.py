"""Stage 3, model: a pure function from a validated document to the IR (`ir.Api`).

Names of inline schemas depend on the whole document (a short name such as `Data` is used
when it is unique, the qualified `ParentProperty` form otherwise), so the builder walks the
document twice: the first walk only counts candidate names, the second decides them.

A valid document can still hold what has no SDK, and each such thing is a located error
(`Problem`), never a crash:

- a `$ref` to a node of the wrong shape (a response `$ref` to a string in an `x-` extension,
  which validation does not look into): every response, request body, parameter, path item,
  operation, security scheme and schema reached by `$ref` passes `_object_at` or `_schema_at`;
- a loop of references on the same value (`A: {$ref: B}`, `B: {$ref: A}`; `A: {allOf: [A]}`;
  `A: {oneOf: [B]}`, `B: {anyOf: [A]}`): following `$ref`, `allOf`, `oneOf` and `anyOf` comes
  back to where it started without going into a property, an item or a map value, so no value
  can ever be checked against the schema (`_on_loop`);
- `x-speakeasy-retries` values that are not what the extension defines (`_retry_problems`).

Recursion that does go into a value is fine: through a named model or union it is typed by
name; where it passes through none (`A: {type: array, items: {$ref: A}}`), the `$ref` that
comes back is typed Any, with a warning naming the loop (Python has no finite spelling of
`List[List[...]]`). Lists and maps nested deeper than `MAX_NESTING` in one annotation are Any
from there on, with a warning: Python's parser allows 200 nested brackets.

Usage-example samples stay small whatever the schema asks: see `_repeated` and `MAX_SAMPLE_DEPTH`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from . import naming
from .errors import Problem, SdkgenError, Severity, join_pointer, unescape_pointer_token
from .ir import (
    Api,
    Argument,
    Body,
    Credential,
    Enum,
    EnumMember,
    ErrorResponse,
    Example,
    Field,
    Group,
    ListOf,
    MapOf,
    Model,
    Named,
    NamedKind,
    NamedType,
    Operation,
    Pagination,
    Parameter,
    Primitive,
    Repeated,
    Response,
    RetryPolicy,
    Security,
    Server,
    Settings,
    TypeRef,
    UnionType,
)
from .loader import HTTP_METHODS, Document, display_path, get_pointer, split_ref
from .regexsample import sample_matching

JSON_TYPES = ("application/json",)

MAX_INLINE_DEPTH = 64
"""Inline schemas nested deeper than this are typed Any from there on: each is a model module
that imports the next, and past about 150 such imports in a chain Python's recursion limit
stops the SDK's import (real documents nest a handful)."""

MAX_NESTING = 32
"""Lists and maps nested deeper than this within one annotation are typed Any from there on.
Python's parser refuses more than 200 nested brackets, and each level may take two
(`List[Optional[...]]`) besides the wrappers of an argument (`Optional[Union[...]]`); real
documents nest four or five (GeoJSON's multipolygons)."""

SPELLED_OUT = 16
"""Samples of lists with more items than this, and of strings with more than ten times as many
characters, are `Repeated`: `["a"] * 100000000` in the docs, where the items one per line
would be a hundred million lines."""

MAX_SAMPLE_DEPTH = 8
"""How deep samples follow array items: a list that contains itself has no finite sample."""

Key = tuple[Path, str]
"""A node of the document: its file and JSON pointer."""


@dataclass(frozen=True)
class NameSite:
    """Where an inline schema sits: its short name and the name qualified by its parent."""

    short: str
    qualified: str


def build_api(document: Document, settings: Settings) -> Api:
    """The IR of a validated document. A first pass counts how often each short name for an
    inline schema comes up (a name used once is kept short); it walks the document as the
    second does, and leaves out what cannot change a name (samples, usage examples)."""
    counting = _Builder(document, settings, None)
    counting.build()
    return _Builder(document, settings, counting.short_name_counts, frozenset(counting.ref_names)).build()


def _described(settings: Settings, title: str) -> Settings:
    """Settings whose package description says what the package is, when gen.yaml does not."""
    if settings.description:
        return settings
    name = " ".join(title.split()) or settings.sdk_title
    api = "" if name.lower().endswith("api") else " API"
    return dataclasses.replace(settings, description=f"Python client for the {name}{api}.")


def _description(schema: Any) -> str:
    text = schema.get("description", "") if isinstance(schema, dict) else ""
    return text.strip() if isinstance(text, str) else ""


def _example(node: Any) -> Optional[Example]:
    if not isinstance(node, dict):
        return None
    if "example" in node:
        return Example(node["example"])
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        return Example(examples[0])
    if isinstance(examples, dict):
        for item in examples.values():
            if isinstance(item, dict) and "value" in item:
                return Example(item["value"])
    return None


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or schema.get("enum") == [None])


def _kind_of(value: Any) -> str:
    """What a JSON value is, for messages: `a string`, `a list`..."""
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if value is None:
        return "null"
    kinds = {str: "a string", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    return next((text for kind, text in kinds.items() if isinstance(value, kind)), "a value")


def _wrong_shape(value: Any, kind: str) -> Optional[str]:
    """What keeps `value` from being a `kind` object as modeling reads it (None: nothing)."""
    if not isinstance(value, dict):
        return _kind_of(value)
    if kind == "parameter":
        for key in ("name", "in"):  # spelled as text (YAML's `name: 1` is a fine name)
            if value.get(key) is None or isinstance(value.get(key), (dict, list)):
                return f"a mapping whose `{key}` is {_kind_of(value.get(key))}, not a name"
    if kind in ("response", "request body") and value.get("content") is not None:
        content = value["content"]
        if not isinstance(content, dict):
            return f"a mapping whose `content` is {_kind_of(content)}, not a map of media types"
        for media_type, media in content.items():
            if media is not None and not isinstance(media, dict):
                return f"a mapping whose `content` maps {media_type!r} to {_kind_of(media)}, not a media type object"
    return None


class _Builder:
    """Mutable while it walks the document; what it returns is frozen."""

    def __init__(
        self,
        document: Document,
        settings: Settings,
        counts: Optional[Counter[str]],
        wanted: frozenset[str] = frozenset(),
    ) -> None:
        self.document = document
        self.settings = settings
        self.counts = counts
        self.short_name_counts: Counter[str] = Counter()
        self.ref_names: set[str] = set()
        """The counting pass's record of the classes that schemas reached by `$ref` outside
        `components/schemas` want (their files' or pointers' last names), as modules."""
        self.wanted = wanted
        """The counting pass's `ref_names`: an inline schema yields these names to the schemas
        the document names, whichever of the two is reached first."""
        self.types: dict[str, NamedType] = {}
        self.type_names = naming.Namespace(naming.module_name, (naming.TYPED_DICT,))
        """Type names in use, by module: names that differ only in case would share a file."""
        self.components: dict[str, str] = {}
        self.aliased: dict[tuple[Path, str], str] = {}
        """Schemas outside `components/schemas` that a component is only a `$ref` to (`Pet:
        {$ref: schemas/Pet.yaml}`, as split documents write them), by the component's key:
        the component names its target, which is one type, not a second one named `Pet2`."""
        self.refs: dict[tuple[Path, str], Named] = {}
        self.pending: deque[tuple[Named, Any, Path, str]] = deque()
        self.problems: dict[Problem, None] = {}
        """Errors, in the order found, each once."""
        self.warnings: dict[Problem, None] = {}
        """Warnings, in the order found, each once: looser types, names changed for others' sake."""
        self.inlining: list[Key] = []
        """The `$ref` targets being converted inline (not as named types), outermost first."""
        self.nesting = 0
        """How many lists and maps the annotation being converted is already inside."""
        self.inline_depth = 0
        """How many inline schemas (each a module of its own) the one being declared is inside."""
        self.loop_state: dict[Key, bool] = {}
        """Schemas the search for same-value loops has met: False while it is inside them."""
        self.looping: set[Key] = set()
        """Schemas on a loop of references on the same value (reported as errors)."""
        self.retry_policies: dict[Key, Optional[RetryPolicy]] = {}

    # -- entry -------------------------------------------------------------------------
    def build(self) -> Api:
        data = self.document.data
        root = self.document.root
        schemas = (data.get("components") or {}).get("schemas") or {}
        self.components = {
            key: self._claim_schema(key, root, join_pointer("/components/schemas", key)) for key in schemas
        }
        for key in self.components:
            target = self._alias_target(join_pointer("/components/schemas", key))
            if target is not None:
                self.aliased.setdefault(target, key)  # two components naming one schema: the first
        self.security = self._security()
        for key in schemas:
            self._named_ref(root, join_pointer("/components/schemas", key))
        for file, pointer in self.aliased:  # modeled as every component is, used or not
            self._named_ref(file, pointer)
        operations = self._operations()
        request_models = tuple(self._request_model(op) for op in operations if op.request_model)
        self._drain()
        if self.problems:
            raise SdkgenError(self.problems)
        info = data.get("info") or {}
        title = str(info.get("title", ""))
        return Api(
            title=title,
            version=str(info.get("version", "")),
            description=_description(info),
            settings=_described(self.settings, title),
            servers=tuple(
                Server(_server_url(s), _description(s)) for s in data.get("servers") or [] if isinstance(s, dict)
            ),
            security=self.security,
            root=_group_tree(operations, self.settings),
            operations=operations,
            types=tuple(self.types.values()),
            request_models=tuple(m for m in request_models if m is not None),
            warnings=tuple(self.warnings),
        )

    # -- problems ----------------------------------------------------------------------
    def _report(self, file: Path, pointer: str, message: str, severity: Severity = "error") -> None:
        """A problem at a node; the same one found again (a schema converted at each use) counts once."""
        problem = Problem(self.document.locate(pointer, file), message, severity)
        (self.problems if severity == "error" else self.warnings)[problem] = None

    # -- named types -------------------------------------------------------------------
    def _deref(self, schema: Any, file: Path, pointer: str) -> tuple[Any, Path, str]:
        seen = set()
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            key = (file, schema["$ref"])
            if key in seen:
                break
            seen.add(key)
            file, pointer, schema = self.document.resolve(schema["$ref"], file)
        return schema, file, pointer

    def _object_at(self, node: Any, file: Path, pointer: str, kind: str) -> Optional[tuple[dict[str, Any], Path, str]]:
        """`node`, a `kind` (response, request body, parameter...) written in place or by `$ref`,
        as the mapping it is and where that is written; anything else is a located error, and
        None. Validation checks what is written in place, not what a `$ref` into an `x-`
        extension finds, and modeling reads fields off it."""
        found = self._followed(node, file, pointer)
        if found is None:
            return None
        resolved, where, at = found
        wrong = _wrong_shape(resolved, kind)
        if wrong is None:
            return resolved, where, at
        self._wrong(node, file, pointer, wrong, kind)
        return None

    def _schema_at(
        self, node: Any, file: Path, pointer: str, quiet: bool = False, one_hop: bool = False
    ) -> Optional[tuple[Any, Path, str]]:
        """A schema followed through its `$ref`s (`one_hop`: its own only), as `_object_at` does,
        where it decides a type: a schema is a mapping (or, in 3.1, true or false). A schema on a
        loop of references on the same value (see `_on_loop`) has already been reported, and is
        None too. `quiet` where `pointer` is not known: the same node is reported where it is."""
        found = self._followed(node, file, pointer, quiet, one_hop)
        if found is None:
            return None
        resolved, where, at = found
        if not isinstance(resolved, (dict, bool)):
            if not quiet:
                self._wrong(node, file, pointer, _kind_of(resolved), "schema")
            return None
        if isinstance(node, dict) and "$ref" in node and self._on_loop(where, at):
            return None
        return resolved, where, at

    def _followed(
        self, node: Any, file: Path, pointer: str, quiet: bool = False, one_hop: bool = False
    ) -> Optional[tuple[Any, Path, str]]:
        """`node` through its `$ref`s (`one_hop`: its own only) and where that is written; a
        `$ref` that does not resolve is a located error (unless `quiet`), and None."""
        try:
            if one_hop and isinstance(node, dict) and isinstance(node.get("$ref"), str):
                where, at, resolved = self.document.resolve(node["$ref"], file)
                return resolved, where, at
            return self._deref(node, file, pointer)
        except KeyError:  # validation reports those it sees; not those behind an `x-` extension
            if not quiet:
                self._report(file, join_pointer(pointer, "$ref"), f"$ref {node['$ref']!r} does not resolve")
            return None

    def _wrong(self, node: Any, file: Path, pointer: str, wrong: str, kind: str) -> None:
        expected = f"where {'an' if kind[0] in 'aeiou' else 'a'} {kind} object belongs"
        if isinstance(node, dict) and isinstance(node.get("$ref"), str):
            self._report(file, join_pointer(pointer, "$ref"), f"$ref {node['$ref']!r} points to {wrong}, {expected}")
        else:
            self._report(file, pointer, f"this is {wrong}, {expected}")

    def _on_loop(self, file: Path, pointer: str) -> bool:
        """Whether the schema at `pointer` is on a loop of references on the same value: one that
        `$ref`, `allOf`, `oneOf` and `anyOf` lead back to without going into a property, an item
        or a map value. Checking a value against it never ends, and converting it would not
        either: each loop is an error at the `$ref` that closes it, naming the loop.

        A depth-first search over those references, kept across calls: a schema it has left is
        never searched again, so each is searched once per document."""
        start = (file, pointer)
        if start in self.loop_state:
            return start in self.looping
        path: list[Key] = []
        work: list[tuple[Key, Iterator[tuple[Key, Path, str, str]]]] = []

        def enter(key: Key) -> None:
            self.loop_state[key] = False
            path.append(key)
            work.append((key, iter(self._same_value_refs(key))))

        enter(start)
        while work:
            key, edges = work[-1]
            edge = next(edges, None)
            if edge is None:
                work.pop()
                path.pop()
                self.loop_state[key] = True
                continue
            target, ref_file, ref_pointer, ref = edge
            if target not in self.loop_state:
                enter(target)
            elif not self.loop_state[target]:  # still inside it: a loop
                loop = path[path.index(target) :]
                self.looping.update(loop)
                chain = " -> ".join(self._ref_text(k) for k in [*loop, target])
                self._report(
                    ref_file,
                    join_pointer(ref_pointer, "$ref"),
                    f"{chain}: the schema refers back to itself through $ref, allOf, oneOf or anyOf only, never "
                    "inside a property, an item or a map value, so no value can be checked against it",
                )
        return start in self.looping

    def _same_value_refs(self, key: Key) -> list[tuple[Key, Path, str, str]]:
        """The `$ref`s a schema and its inline `allOf`, `oneOf` and `anyOf` parts make on the same
        value: (target, file and pointer of the node that holds the `$ref`, the `$ref` as written)."""
        file, pointer = key
        source = self.document.files.get(file)
        try:
            node = get_pointer(source.data, pointer) if source is not None else None
        except KeyError:
            return []
        found: list[tuple[Key, Path, str, str]] = []
        stack: list[tuple[Any, str]] = [(node, pointer)]
        while stack:
            schema, at = stack.pop()
            if not isinstance(schema, dict):
                continue
            ref = schema.get("$ref")
            if isinstance(ref, str):
                found.append((split_ref(ref, file), file, at, ref))
            parts: list[tuple[Any, str]] = []
            for keyword in ("allOf", "oneOf", "anyOf"):
                listed = schema.get(keyword)
                if isinstance(listed, list):
                    parts += [(part, join_pointer(at, keyword, index)) for index, part in enumerate(listed)]
            stack += reversed(parts)  # document order
        return found

    def _ref_text(self, key: Key) -> str:
        """A schema as a `$ref` names it: `#/components/schemas/A`, `other.yaml#/A` in another file."""
        file, pointer = key
        return f"#{pointer}" if file == self.document.root else f"{display_path(file)}#{pointer}"

    def _substantive_all_of(self, schema: dict[str, Any], file: Path) -> tuple[list[int], bool]:
        """The allOf parts that constrain the value (not only describe it), by index, and whether
        any of them is an object: only then is the allOf a model to merge into."""
        parts: list[int] = []
        objects = False
        for index, part in enumerate(schema.get("allOf") or []):
            if not isinstance(part, dict) or all(k in _ANNOTATIONS or k.startswith("x-") for k in part):
                continue
            parts.append(index)
            found = self._schema_at(part, file, "", quiet=True)
            resolved = found[0] if found is not None else None
            if isinstance(resolved, dict) and (
                resolved.get("properties")
                or resolved.get("allOf")
                or "additionalProperties" in resolved
                or resolved.get("type") == "object"
                or (isinstance(resolved.get("type"), list) and "object" in resolved["type"])
            ):
                objects = True
        return parts, objects

    def _sample_of(self, schema: Any, file: Path) -> Optional[Example]:
        """`_sample` of a schema written in `file`, its `$ref`s followed (each relative to the
        file it is written in); a reference that cannot be followed just gives no sample."""
        if self.counts is None:
            return None  # the counting pass: samples name nothing

        def resolve(node: Any, at: Path) -> tuple[Any, Path]:
            resolved, where, _ = self._deref(node, at, "")
            return resolved, where

        try:
            return _sample(*resolve(schema, file), resolve)
        except KeyError:
            return None

    def _named_kind(self, schema: Any, file: Optional[Path] = None) -> Optional[NamedKind]:
        if not isinstance(schema, dict):
            return None
        if [v for v in schema.get("enum") or [] if v is not None]:
            return "enum"
        for key in ("oneOf", "anyOf"):
            variants = [v for v in schema.get(key) or [] if not _is_null_schema(v) and not _constraint_only(v)]
            if len(variants) > 1:
                return "union"
        if schema.get("properties"):
            return "model"
        if schema.get("allOf"):
            parts, objects = self._substantive_all_of(schema, file or self.document.root)
            if objects and (len(parts) > 1 or self._adds_required(schema, file or self.document.root)):
                return "model"
        types = schema.get("type")
        if isinstance(types, list) and len([t for t in types if t != "null"]) > 1:
            return "union"
        return None

    def _named_ref(self, file: Path, pointer: str) -> Optional[Named]:
        """The Named type for a schema reached by `$ref`, registering it on first sight."""
        key = (file, pointer)
        if key in self.refs:
            return self.refs[key]
        if self._on_loop(file, pointer):
            return None
        schema = get_pointer(self.document.files[file].data, pointer)
        kind = self._named_kind(schema, file)
        if kind is None:
            return None
        token = unescape_pointer_token(pointer.rsplit("/", 1)[-1]) if pointer else file.stem
        component = self._component_key(file, pointer)
        if component is not None:
            name = self.components[component]
        elif key in self.aliased:
            name = self.components[self.aliased[key]]
        else:
            if self.counts is None:
                self.ref_names.add(naming.module_name(naming.class_name(token)))
            name = self._claim_schema(token, file, pointer)
        named = Named(name, kind, naming.module_name(name))
        self.refs[key] = named
        self.types[name] = Model(name, named.module, "", ())  # placeholder keeps document order
        self.pending.append((named, schema, file, pointer))
        return named

    def _end_of(self, file: Path, pointer: str) -> tuple[Path, str]:
        """Where the schema at (`file`, `pointer`) leads through schemas that are only references
        (a component listing its file), as modeling follows them; KeyError if one dangles."""
        _, file, pointer = self._deref(get_pointer(self.document.files[file].data, pointer), file, pointer)
        return file, pointer

    def _named_through(self, file: Path, pointer: str) -> Optional[Named]:
        """The Named type a `$ref` to (`file`, `pointer`) leads to: a discriminator's mapping and
        its variants may name one type by different references."""
        return self._named_ref(*self._end_of(file, pointer))

    def _alias_target(self, pointer: str) -> Optional[tuple[Path, str]]:
        """Where the component at `pointer` leads when it is only a `$ref` to a schema that is
        no component of its own; None otherwise."""
        try:
            file, at = self._end_of(self.document.root, pointer)
        except KeyError:
            return None  # reported where the reference is converted
        if self._component_key(file, at) is not None:
            return None  # itself, or another component: named as components are
        return file, at

    def _component_key(self, file: Path, pointer: str) -> Optional[str]:
        """The key of the component schema at (`file`, `pointer`) (`#/components/schemas/KEY`
        of the root document), or None when it is no component."""
        if file != self.document.root:
            return None
        head, _, last = pointer.rpartition("/")
        return unescape_pointer_token(last) if head == "/components/schemas" else None

    def _inline_name(self, site: NameSite, file: Path, pointer: str) -> str:
        if self.counts is None:
            self.short_name_counts[site.short] += 1
            name = site.qualified
        elif (
            self.counts[site.short] == 1
            and site.short not in self.type_names
            and naming.module_name(naming.type_name(site.short)) not in self.wanted
        ):
            name = site.short
        else:
            name = site.qualified
        where = pointer if file == self.document.root else f"{file.name}#{pointer}"
        return self._claim(name, f"the inline schema at `{where}`")

    def _claim(self, base: str, holder: str) -> str:
        """`base`, or `base2`, `base3`...: the first type name free in the models package."""
        return self.type_names.claim(naming.type_name(base), holder)

    def _claim_schema(self, key: str, file: Path, pointer: str) -> str:
        """The class of a schema the document names (`components/schemas/KEY`, or a `$ref`'s
        last token); a warning when another name took it."""
        wanted = naming.class_name(key)
        conflict = self.type_names.conflict(wanted)
        name = self._claim(wanted, f"schema `{key}`")
        if conflict is not None:
            self._renamed(file, pointer, f"schema `{key}` is the class `{name}`: {conflict}")
        return name

    def _renamed(self, file: Path, pointer: str, message: str) -> None:
        """Warn where the document chose a name that had to change for another's sake."""
        if self.counts is not None:  # the counting pass would say it twice
            self._report(file, pointer, message, "warning")

    def _drain(self) -> None:
        inlining, self.inlining = self.inlining, []  # a named type is built on its own, not inside another
        depth, self.inline_depth = self.inline_depth, 0
        try:
            while self.pending:
                named, schema, file, pointer = self.pending.popleft()
                self.types[named.name] = self._build_named(named, schema, file, pointer)
        finally:
            self.inlining = inlining
            self.inline_depth = depth

    def _declare(self, kind: NamedKind, site: NameSite, schema: Any, file: Path, pointer: str) -> TypeRef:
        if self.inline_depth >= MAX_INLINE_DEPTH:
            message = f"inline schemas nested more than {MAX_INLINE_DEPTH} deep: typed Any from here on"
            self._report(file, pointer, message, "warning")
            return Primitive("any")
        name = self._inline_name(site, file, pointer)
        named = Named(name, kind, naming.module_name(name))
        self.types[name] = Model(name, named.module, "", ())
        self.inline_depth += 1
        try:
            self.types[name] = self._build_named(named, schema, file, pointer)
        finally:
            self.inline_depth -= 1
        return named

    def _build_named(self, named: Named, schema: Any, file: Path, pointer: str) -> NamedType:
        nesting, self.nesting = self.nesting, 0  # each field or variant is an annotation of its own
        try:
            if named.kind == "enum":
                return self._enum(named, schema)
            if named.kind == "union":
                return self._union(named, schema, file, pointer)
            return self._model(named, schema, file, pointer)
        finally:
            self.nesting = nesting

    def _enum(self, named: Named, schema: dict[str, Any]) -> Enum:
        members: list[EnumMember] = []
        used: set[str] = set()
        for value in schema.get("enum") or []:
            if value is None:
                continue
            member = naming.unique(naming.constant_case(str(value)), used)
            used.add(member)
            members.append(EnumMember(member, value if isinstance(value, int) else str(value)))
        return Enum(named.name, named.module, _description(schema), tuple(members))

    def _union(self, named: Named, schema: dict[str, Any], file: Path, pointer: str) -> UnionType:
        variants: list[TypeRef] = []
        key = "oneOf" if schema.get("oneOf") else "anyOf"
        raw = schema.get(key)
        if raw is None:  # a 3.1 type array such as [string, integer]
            raw = [{"type": t} for t in schema.get("type", []) if t != "null"]
        for index, variant in enumerate(raw):
            if _is_null_schema(variant) or _constraint_only(variant):
                continue
            site = NameSite(f"{named.name}{index + 1}", f"{named.name}{index + 1}")
            type_ref, _ = self.convert(variant, file, join_pointer(pointer, key, index), site)
            if type_ref not in variants:
                variants.append(type_ref)
        raw_discriminator = schema.get("discriminator")
        discriminator: dict[str, Any] = raw_discriminator if isinstance(raw_discriminator, dict) else {}
        prop = discriminator.get("propertyName")
        return UnionType(
            named.name,
            named.module,
            _description(schema),
            tuple(variants),
            discriminator=str(prop) if prop else None,
            mapping=self._discriminator_mapping(discriminator, raw, file) if prop else (),
        )

    def _discriminator_mapping(
        self, discriminator: dict[str, Any], variants: Any, file: Path
    ) -> tuple[tuple[str, str], ...]:
        """Discriminator value -> variant name: the explicit `mapping` (a schema's name in
        `components/schemas`, or a reference), then, for variants it does not name, the schema's
        own name (OpenAPI's implicit rule)."""
        mapping: list[tuple[str, str]] = []
        for value, ref in (discriminator.get("mapping") or {}).items():
            ref = str(ref)
            named_component = ref in self.components and not ref.startswith(("#", ".")) and "/" not in ref
            try:
                if named_component:  # `Pet` names the root's component, from whichever file
                    named = self._named_through(self.document.root, join_pointer("/components/schemas", ref))
                else:  # `#/...`, `other.yaml#/...`, or a file of its own (`Pet.json`)
                    named = self._named_through(*split_ref(ref, file))
            except KeyError:
                named = None
            if named is not None:
                mapping.append((str(value), named.name))
        mapped = {name for _, name in mapping}
        values = {value for value, _ in mapping}
        for variant in variants if isinstance(variants, list) else []:
            ref = variant.get("$ref") if isinstance(variant, dict) else None
            if not isinstance(ref, str):
                continue
            try:
                named = self._named_through(*split_ref(ref, file))
            except KeyError:
                continue  # reported where the variant is converted
            if named is None:
                continue
            # Documents often map one value of a variant whose property lists several: each
            # value the variant's own schema allows for the property names that variant too,
            # and then the schema's name (which that property could never hold) does not.
            allowed = self._property_values(variant, file, str(discriminator.get("propertyName")))
            implicit = [] if named.name in mapped or allowed else [self._schema_name(ref, file)]
            for value in allowed + implicit:
                if value not in values:
                    mapping.append((value, named.name))
                    values.add(value)
            mapped.add(named.name)
        return tuple(mapping)

    def _schema_name(self, ref: str, file: Path) -> str:
        """The name a discriminator's implicit mapping gives the schema `ref` leads to: the key of
        the component that lists it (one holding only a `$ref` to its file, too), else the
        reference's last name."""
        return self.aliased.get(self._end_of(*split_ref(ref, file))) or unescape_pointer_token(ref.rsplit("/", 1)[-1])

    def _property_values(self, variant: Any, file: Path, prop: str) -> list[str]:
        """The string values (`enum` or `const`) a variant's schema allows for one property."""
        schema, schema_file, pointer = self._deref(variant, file, "")
        if not isinstance(schema, dict):
            return []
        props, _ = self._object_parts(schema, schema_file, pointer)
        for name, prop_schema, prop_file, _ in props:
            if name == prop:
                resolved, _, _ = self._deref(prop_schema, prop_file, "")
                if isinstance(resolved, dict):
                    listed = resolved.get("enum") or ([resolved["const"]] if "const" in resolved else [])
                    return [v for v in listed if isinstance(v, str)]
        return []

    def _object_parts(
        self, schema: Any, file: Path, pointer: str, quiet: bool = False
    ) -> tuple[list[tuple[str, Any, Path, str]], set[str]]:
        """Properties (with where they are) and required names, allOf parts merged in order
        (`quiet` where `pointer` is not known, as in `_schema_at`)."""
        properties: dict[str, tuple[str, Any, Path, str]] = {}
        required: set[str] = set(schema.get("required") or [])
        for index, part in enumerate(schema.get("allOf") or []):
            found = self._schema_at(part, file, join_pointer(pointer, "allOf", index), quiet)
            if found is None:
                continue
            resolved, part_file, part_pointer = found
            if isinstance(resolved, dict):
                sub_props, sub_required = self._object_parts(resolved, part_file, part_pointer, quiet)
                properties.update({p[0]: p for p in sub_props})
                required |= sub_required
        listed, listed_file, listed_pointer = self._properties(schema, file, pointer)
        for prop, prop_schema in listed.items():
            properties[prop] = (prop, prop_schema, listed_file, join_pointer(listed_pointer, prop))
        return list(properties.values()), required

    def _adds_required(self, schema: dict[str, Any], file: Path) -> bool:
        """Whether `required` beside an allOf makes properties of its parts required that the
        parts leave optional (DigitalOcean's `{allOf: [check_updatable], required: [name]}`):
        then the allOf is a model of its own, not just its one part."""
        wanted = {name for name in schema.get("required") or [] if isinstance(name, str)}
        if not wanted:
            return False
        props, _ = self._object_parts(schema, file, "", quiet=True)
        already: set[str] = set()
        for part in schema.get("allOf") or []:
            found = self._schema_at(part, file, "", quiet=True)
            if found is not None and isinstance(found[0], dict):
                already |= self._object_parts(found[0], found[1], found[2], quiet=True)[1]
        return bool((wanted - already) & {prop[0] for prop in props})

    def _properties(self, schema: dict[str, Any], file: Path, pointer: str) -> tuple[dict[str, Any], Path, str]:
        """A schema's `properties` map and where it is written. DigitalOcean writes the whole
        map as `properties: {$ref: attributes.yml#/...}`; a property schema is never a string,
        so that is a reference to the map, and it is followed (as bundlers and Prism do)."""
        listed = schema.get("properties")
        at = join_pointer(pointer, "properties")
        if isinstance(listed, dict) and len(listed) == 1 and isinstance(listed.get("$ref"), str):
            listed, file, at = self._deref(listed, file, at)
        return (listed if isinstance(listed, dict) else {}), file, at

    def _model(self, named: Named, schema: dict[str, Any], file: Path, pointer: str) -> Model:
        props, required = self._object_parts(schema, file, pointer)
        fields: list[Field] = []
        used: set[str] = set()
        for prop, prop_schema, prop_file, prop_pointer in props:
            site = NameSite(naming.class_name(prop), named.name + naming.class_name(prop))
            type_ref, nullable = self.convert(prop_schema, prop_file, prop_pointer, site)
            name = naming.unique(naming.field_name(prop), used)
            used.add(name)
            fields.append(
                Field(
                    name=name,
                    alias=prop,
                    type=type_ref,
                    required=prop in required,
                    nullable=nullable,
                    description=_description(prop_schema),
                    example=_example(prop_schema),
                    sample=self._sample_of(prop_schema, prop_file),
                    deprecated=bool(prop_schema.get("deprecated")) if isinstance(prop_schema, dict) else False,
                    read_only=bool(prop_schema.get("readOnly")) if isinstance(prop_schema, dict) else False,
                    write_only=bool(prop_schema.get("writeOnly")) if isinstance(prop_schema, dict) else False,
                )
            )
        # `required: [grant_type]` with no such property (Box, OpenAI): the API wants it, and
        # without a field no call could send it. Optional, so that a response leaving it out
        # still reads; usage examples give it as they give required fields.
        undeclared = sorted({name for name in required if isinstance(name, str)} - {prop[0] for prop in props})
        if undeclared:
            at = join_pointer(pointer, "required") if schema.get("required") else pointer
            names = ", ".join(f"`{name}`" for name in undeclared)
            self._report(file, at, f"`required` names {names}, which no property declares: typed Any", "warning")
        for prop in undeclared:
            name = naming.unique(naming.field_name(prop), used)
            used.add(name)
            fields.append(Field(name, prop, Primitive("any"), required=False, nullable=True, description=UNDECLARED))
        return Model(
            named.name,
            named.module,
            _description(schema),
            tuple(fields),
            _example(schema),
            _excluded_together(schema),
            (*_first_required_alternative(schema), *undeclared),
        )

    # -- schemas to types ---------------------------------------------------------------
    def convert(self, schema: Any, file: Path, pointer: str, site: NameSite) -> tuple[TypeRef, bool]:
        """The type of a schema, and whether it admits null."""
        if not isinstance(schema, dict):
            return Primitive("any"), False
        if isinstance(schema.get("$ref"), str):
            # one step at a time: a target that is itself a `$ref` may be a named type of its own
            found = self._schema_at(schema, file, pointer, one_hop=True)
            if found is None:
                return Primitive("any"), False
            target, target_file, target_pointer = found
            named = self._named_ref(target_file, target_pointer)
            if named is not None:
                return named, bool(schema.get("nullable")) or _is_nullable(target)
            target_key = (target_file, target_pointer)
            if target_key in self.inlining:  # it contains itself (in an item or a map value), no name on the way
                looped = self.inlining[self.inlining.index(target_key) :]
                loop = " -> ".join(self._ref_text(k) for k in [*looped, target_key])
                self._report(
                    file,
                    join_pointer(pointer, "$ref"),
                    f"{loop}: the schema contains itself with no model or union on the way, which no Python "
                    "type spells: typed Any here",
                    "warning",
                )
                return Primitive("any"), False
            self.inlining.append(target_key)
            try:
                converted, nullable = self.convert(target, target_file, target_pointer, site)
            finally:
                self.inlining.pop()
            return converted, nullable or bool(schema.get("nullable"))  # as beside a named type's `$ref`
        nullable = _is_nullable(schema)
        if schema.get("allOf") and not schema.get("properties"):
            parts, objects = self._substantive_all_of(schema, file)
            # `allOf: [X, {description: ...}]`: X, described; unless `required` beside it asks more of X
            if len(parts) <= 1 and not (objects and self._adds_required(schema, file)):
                inner: TypeRef = Primitive("any")
                inner_nullable = False
                if parts:
                    index = parts[0]
                    at = join_pointer(pointer, "allOf", index)
                    inner, inner_nullable = self.convert(schema["allOf"][index], file, at, site)
                # `{nullable: true}` beside X makes X nullable; Box's `{nullable: false}` beside a
                # nullable X does not stop its server sending null, so it is not taken away.
                for index, part in enumerate(schema["allOf"]):
                    if index not in parts and isinstance(part, dict) and part.get("nullable") is True:
                        inner_nullable = True
                return inner, nullable or inner_nullable
            if not objects:  # `allOf: [{type: string}, {nullable: false}]`: one schema, merged
                merged: dict[str, Any] = {}
                parts_nullable = False
                for index, part in enumerate(schema["allOf"]):
                    found = self._schema_at(part, file, join_pointer(pointer, "allOf", index))
                    resolved = found[0] if found is not None else {}
                    merged.update(resolved if isinstance(resolved, dict) else {})
                    parts_nullable = parts_nullable or _is_nullable(resolved)
                merged.update((k, v) for k, v in schema.items() if k != "allOf")
                # Box writes `[{type: string, nullable: true}, {nullable: false}]` and still sends
                # null: accepting null where any part allows it costs nothing when parsing.
                merged["nullable"] = parts_nullable or _is_nullable(schema)
                return self.convert(merged, file, pointer, site)
        kind = self._named_kind(schema, file)
        if kind == "union":
            return self._declare("union", site, schema, file, pointer), nullable
        for key in ("oneOf", "anyOf"):
            listed = enumerate(schema.get(key) or [])
            variants = [(i, v) for i, v in listed if not _is_null_schema(v) and not _constraint_only(v)]
            if len(variants) == 1:
                index, only = variants[0]
                inner, inner_nullable = self.convert(only, file, join_pointer(pointer, key, index), site)
                return inner, nullable or inner_nullable
        if kind == "enum":
            return self._declare("enum", site, schema, file, pointer), nullable
        if kind == "model":
            return self._declare("model", site, schema, file, pointer), nullable
        if "const" in schema and schema["const"] is not None:
            enum_schema = dict(schema, enum=[schema["const"]])
            return self._declare("enum", site, enum_schema, file, pointer), nullable
        return self._structural(schema, file, pointer, site), nullable

    def _structural(self, schema: dict[str, Any], file: Path, pointer: str, site: NameSite) -> TypeRef:
        types = schema.get("type")
        kind = next((t for t in types if t != "null"), None) if isinstance(types, list) else types
        if kind == "array" or (kind is None and "items" in schema):
            if self._too_deep(file, pointer):
                return Primitive("any")
            self.nesting += 1
            try:
                item, item_nullable = self.convert(schema.get("items", {}), file, join_pointer(pointer, "items"), site)
            finally:
                self.nesting -= 1
            return ListOf(item, item_nullable)
        if kind == "object" or (kind is None and "additionalProperties" in schema):
            extra = schema.get("additionalProperties", True)
            if self._too_deep(file, pointer):
                return Primitive("any")
            if isinstance(extra, dict) and extra:
                self.nesting += 1
                try:
                    at = join_pointer(pointer, "additionalProperties")
                    value, value_nullable = self.convert(extra, file, at, site)
                finally:
                    self.nesting -= 1
                return MapOf(value, value_nullable)
            return MapOf(Primitive("any"))
        if kind == "string":
            # `contentEncoding: base64` (3.1) is text the caller encodes, like data URIs: a str
            binary = schema.get("format") in ("byte", "binary") or schema.get("contentEncoding") == "binary"
            binary = binary or schema.get("contentMediaType") == "application/octet-stream"
            return Primitive("bytes" if binary else "string")
        if kind in ("integer", "number", "boolean"):
            return Primitive(kind)
        return Primitive("any")

    def _too_deep(self, file: Path, pointer: str) -> bool:
        """Whether a list or map here would nest deeper than `MAX_NESTING` (then it is Any)."""
        if self.nesting < MAX_NESTING:
            return False
        message = f"lists and maps nested more than {MAX_NESTING} deep: typed Any from here on"
        self._report(file, pointer, message, "warning")
        return True

    # -- operations ----------------------------------------------------------------------
    def _operations(self) -> tuple[Operation, ...]:
        data = self.document.data
        root = self.document.root
        listed: list[tuple[str, str, dict[str, Any], dict[str, Any], Path, str]] = []
        for path, path_item in (data.get("paths") or {}).items():
            if str(path).startswith("x-"):
                continue  # an extension of the Paths object, not a path
            item_pointer = join_pointer("/paths", path)
            found = self._object_at(path_item, root, item_pointer, "path item")
            if found is None:
                continue
            path_item, item_file, item_pointer = found
            for method, raw_op in path_item.items():
                if method not in HTTP_METHODS:
                    continue
                found_op = self._object_at(raw_op, item_file, join_pointer(item_pointer, method), "operation")
                if found_op is None:
                    continue
                op, op_file, op_pointer = found_op
                listed.append((path, method, op, path_item, op_file, op_pointer))
        members = _members(_group_path(op) for _, _, op, *_ in listed)
        return tuple(self._operation(*item, members) for item in listed)

    def _operation(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        path_item: dict[str, Any],
        file: Path,
        pointer: str,
        members: dict[tuple[str, ...], naming.Namespace],
    ) -> Operation:
        operation_id = str(op.get("operationId") or naming.snake_case(f"{method} {path}"))
        type_prefix = naming.class_name(operation_id)
        group_path = _group_path(op)
        parameters = self._parameters(op, path_item, file, pointer, type_prefix)
        body, body_example = self._body(op, file, pointer, type_prefix)
        arguments = _arguments(parameters, body)
        pagination = _pagination(op.get("x-speakeasy-pagination"), arguments)
        method_name = self._method_name(
            str(op.get("x-speakeasy-name-override") or operation_id),
            operation_id,
            group_path,
            pagination,
            members[group_path],
            file,
            pointer,
        )
        return Operation(
            operation_id=operation_id,
            method_name=method_name,
            group_path=group_path,
            http_method=method,
            path=path,
            summary=str(op.get("summary") or "").strip(),
            description=_description(op),
            parameters=parameters,
            body=body,
            arguments=arguments,
            response=self._response(op, file, pointer, type_prefix),
            errors=(ErrorResponse(("4XX", "5XX"), "*/*", "SDKError"),),
            retries=self._retries(op, file, pointer),
            request_model=f"{type_prefix}Request" if parameters else None,
            usage_example=self._usage_example(arguments, body, body_example),
            deprecated=bool(op.get("deprecated")),
            pagination=pagination,
            security=self._requirements(op),
            server=next(
                (_server_url(s) for s in op.get("servers") or path_item.get("servers") or [] if isinstance(s, dict)),
                None,
            ),
        )

    def _method_name(
        self,
        text: str,
        operation_id: str,
        group_path: tuple[str, ...],
        pagination: Optional[Pagination],
        members: naming.Namespace,
        file: Path,
        pointer: str,
    ) -> str:
        """The operation's method on its group's class, clear of the group's sub-resources and
        of the methods before it (also as `NAME_pages`); a warning when it is not the name asked for."""
        wanted = naming.member_name(text, on_client=not group_path)
        companions = (naming.PAGES_METHOD,) if pagination is not None else ()
        conflict = members.conflict(wanted, companions)
        name = members.claim(wanted, f"operation `{operation_id}`", companions)
        if conflict is not None:
            where = ".".join((*group_path, name))
            self._renamed(file, pointer, f"the method of operation `{operation_id}` is `{where}`: {conflict}")
        return name

    def _parameters(
        self, op: dict[str, Any], path_item: dict[str, Any], file: Path, pointer: str, prefix: str
    ) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[Any, Path, str]] = {}
        sources = [
            (path_item.get("parameters") or [], pointer.rsplit("/", 1)[0]),
            (op.get("parameters") or [], pointer),
        ]
        for params, base in sources:
            for index, raw in enumerate(params):
                found = self._object_at(raw, file, join_pointer(base, "parameters", index), "parameter")
                if found is not None:
                    param, param_file, param_pointer = found
                    merged[(str(param.get("name")), str(param.get("in")))] = (param, param_file, param_pointer)
        result: list[Parameter] = []
        used: set[str] = set()
        for (wire_name, location), (param, param_file, param_pointer) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            site = NameSite(naming.class_name(wire_name), prefix + naming.class_name(wire_name))
            schema = param.get("schema", {})
            type_ref, nullable = self.convert(schema, param_file, join_pointer(param_pointer, "schema"), site)
            default_style = "form" if location in ("query", "cookie") else "simple"
            style = str(param.get("style", default_style))
            name = naming.unique(naming.argument_name(wire_name), used)
            used.add(name)
            result.append(
                Parameter(
                    name=name,
                    wire_name=wire_name,
                    location=location,  # type: ignore[arg-type]
                    type=type_ref,
                    required=bool(param.get("required")) or location == "path",
                    nullable=nullable,
                    description=_description(param),
                    example=_example(param) or _example(schema),
                    sample=self._sample_of(schema, param_file),
                    style=style,
                    explode=bool(param.get("explode", style == "form")),
                    deprecated=bool(param.get("deprecated")),
                )
            )
        return tuple(result)

    def _body(
        self, op: dict[str, Any], file: Path, pointer: str, prefix: str
    ) -> tuple[Optional[Body], Optional[Example]]:
        if "requestBody" not in op:
            return None, None
        found = self._object_at(op["requestBody"], file, join_pointer(pointer, "requestBody"), "request body")
        if found is None:
            return None, None
        body, body_file, body_pointer = found
        content = body.get("content") or {}
        if not content:
            return None, None
        content_type = _preferred_media_type(content)
        media = content[content_type] or {}
        site = NameSite(f"{prefix}RequestBody", f"{prefix}RequestBody")
        media_pointer = join_pointer(body_pointer, "content", content_type, "schema")
        type_ref, _ = self.convert(media.get("schema", {}), body_file, media_pointer, site)
        if "*" in content_type:  # `consumes: */*` (Kubernetes) names no type to send: say what is sent
            content_type = "application/octet-stream" if type_ref == Primitive("bytes") else "application/json"
        fields: tuple[Field, ...] = ()
        field_name = "request_body"
        example = _example(media)
        demanded: Optional[tuple[str, ...]] = None
        if isinstance(type_ref, Named):
            field_name = naming.field_name(type_ref.name)
            self._drain()
            named_type = self.types[type_ref.name]
            if isinstance(named_type, Model):
                fields, demanded = named_type.fields, named_type.demanded
                example = example or named_type.example
        if demanded is None:
            resolved = self._schema_at(media.get("schema", {}), body_file, media_pointer, quiet=True)
            demanded = _first_required_alternative(resolved[0] if resolved is not None else None)
        return (
            Body(content_type, type_ref, bool(body.get("required")), field_name, fields, _description(body), demanded),
            example,
        )

    def _response(self, op: dict[str, Any], file: Path, pointer: str, prefix: str) -> Optional[Response]:
        responses = op.get("responses") or {}
        success = [status for status in responses if str(status).startswith("2")]
        if not success and "default" in responses:
            success = ["default"]  # only a default response: it describes what success returns
        for status in success:
            found = self._object_at(responses[status], file, join_pointer(pointer, "responses", status), "response")
            if found is None:
                continue
            response, resp_file, resp_pointer = found
            content = response.get("content") or {}
            if not content:
                return Response(str(status), "", None, _description(response))
            events = sentinel = None
            envelope = False
            stream_type = next((t for t in content if t.split(";")[0].strip() == "text/event-stream"), None)
            if stream_type is not None:
                media = content[stream_type] or {}
                site = NameSite(f"{prefix}Event", f"{prefix}Event{status}")
                events, _ = self.convert(
                    media.get("schema", {}),
                    resp_file,
                    join_pointer(resp_pointer, "content", stream_type, "schema"),
                    site,
                )
                sentinel = media.get("x-speakeasy-sse-sentinel")
                self._drain()
                event_model = self.types.get(events.name) if isinstance(events, Named) else None
                envelope = isinstance(event_model, Model) and any(f.alias == "data" for f in event_model.fields)
                content = {k: v for k, v in content.items() if k != stream_type}
            if not content:
                return Response(str(status), "", None, _description(response), events, sentinel, envelope)
            content_type = _preferred_media_type(content)
            site = NameSite(f"{prefix}Response", f"{prefix}Response{status}")
            schema_pointer = join_pointer(resp_pointer, "content", content_type, "schema")
            schema = (content[content_type] or {}).get("schema", {})
            type_ref, nullable = self.convert(schema, resp_file, schema_pointer, site)
            return Response(
                str(status), content_type, type_ref, _description(response), events, sentinel, envelope, nullable
            )
        return None

    def _retries(self, op: dict[str, Any], file: Path, pointer: str) -> Optional[RetryPolicy]:
        """The operation's `x-speakeasy-retries`, or the document's: checked once per place it is written."""
        if RETRIES in op:
            key = (file, join_pointer(pointer, RETRIES))
            raw = op[RETRIES]
        else:
            key = (self.document.root, join_pointer("", RETRIES))
            raw = self.document.data.get(RETRIES)
        if key not in self.retry_policies:
            problems = _retry_problems(raw)
            for at, message in problems:
                self._report(key[0], key[1] + at, message)
            self.retry_policies[key] = None if problems else _retry_policy(raw)
        return self.retry_policies[key]

    def _request_model(self, op: Operation) -> Optional[Model]:
        """The documented request shape: parameters, then the body under its own field."""
        if op.request_model is None:
            return None
        fields = [
            Field(p.name, p.wire_name, p.type, p.required, p.nullable, p.description, p.example) for p in op.parameters
        ]
        if op.body is not None:
            body_example = next((v for k, v in op.usage_example if False), None)
            example = self._body_example(op)
            fields.append(
                Field(
                    op.body.field_name,
                    op.body.field_name,
                    op.body.type,
                    op.body.required,
                    False,
                    op.body.description,
                    example,
                )
            )
            del body_example
        name = self._claim(op.request_model, f"the request model of operation `{op.operation_id}`")
        return Model(name, naming.module_name(name), "", tuple(fields))

    def _body_example(self, op: Operation) -> Optional[Example]:
        if op.body is None or not isinstance(op.body.type, Named):
            return None
        self._drain()
        body_type = self.types.get(op.body.type.name)
        return body_type.example if isinstance(body_type, Model) else None

    # -- usage examples ------------------------------------------------------------------
    def _usage_example(
        self, arguments: tuple[Argument, ...], body: Optional[Body], body_example: Optional[Example]
    ) -> tuple[tuple[str, Any], ...]:
        """Argument values for the docs' usage snippet: required ones always, others when documented."""
        self._drain()
        if self.counts is None:
            return ()  # the counting pass: the values name nothing
        body_values = body_example.value if body_example and isinstance(body_example.value, dict) else {}
        # Fields a body needs when it is sent at all, even if the body itself is optional.
        required_fields = {f.alias for f in body.fields if f.required} if body is not None else set()
        required_fields |= set(body.example_required) if body is not None else set()
        values: list[tuple[str, Any]] = []
        for argument in arguments:
            required = argument.required or argument.wire_name in required_fields
            documented = self._documented_value(argument.type, argument.example, depth=0)
            if argument.source == "body_field" and argument.wire_name in body_values:
                values.append((argument.name, _as_bytes(body_values[argument.wire_name], argument.type)))
            elif documented is not None:
                values.append((argument.name, _as_bytes(documented.value, argument.type)))
            elif required:
                sample = argument.sample.value if argument.sample else self._placeholder(argument.type, depth=0)
                values.append((argument.name, _as_bytes(sample, argument.type)))
        return tuple(values)

    def _documented_value(self, type_ref: TypeRef, example: Optional[Example], depth: int) -> Optional[Example]:
        if example is not None:
            return example
        if depth > 4:
            return None
        if isinstance(type_ref, ListOf):
            item = self._documented_value(type_ref.item, None, depth + 1)
            return Example([item.value]) if item else None
        if isinstance(type_ref, Named):
            named = self.types.get(type_ref.name)
            if isinstance(named, Model):
                if named.example is not None:
                    return named.example
                found: dict[str, Any] = {}
                documented = False
                for field in named.fields:
                    value = self._documented_value(field.type, field.example, depth + 1)
                    if value is not None:
                        found[field.alias] = value.value
                        documented = True
                    elif field.required or field.alias in named.demanded:
                        found[field.alias] = self._placeholder(field.type, depth + 1)
                _leave_out_excluded(found, named)
                return Example(found) if documented else None
        return None

    def _placeholder(self, type_ref: TypeRef, depth: int) -> Any:
        if isinstance(type_ref, Primitive):
            values = {"string": PLACEHOLDER_STRING, "integer": 1, "number": 1.0, "boolean": False, "bytes": "example"}
            return values.get(type_ref.kind, "<value>")
        if isinstance(type_ref, ListOf):
            return [] if depth > 7 else [self._placeholder(type_ref.item, depth + 1)]
        if isinstance(type_ref, MapOf):
            return {}
        named = self.types.get(type_ref.name)
        if isinstance(named, Enum) and named.members:
            return named.members[0].value
        if isinstance(named, UnionType) and named.variants:
            value = self._placeholder(named.variants[0], depth + 1)
            first = named.variants[0]
            if named.discriminator and isinstance(value, dict) and isinstance(first, Named):
                tag = next((v for v, target in named.mapping if target == first.name), first.name)
                value[named.discriminator] = tag
            return value
        if isinstance(named, Model) and depth <= 7:
            return {
                f.alias: f.sample.value if f.sample else self._placeholder(f.type, depth + 1)
                for f in named.fields
                if f.required or f.alias in named.demanded
            }
        return {}

    def _security(self) -> tuple[Security, ...]:
        """The supported schemes of the document, each with its constructor keywords."""
        schemes = (self.document.data.get("components") or {}).get("securitySchemes") or {}
        found: list[Security] = []
        used = {"server_url", "client", "async_client", "retry_config", "timeout_ms", "self"}
        for name, raw in schemes.items():
            at = join_pointer("/components/securitySchemes", name)
            resolved = self._object_at(raw, self.document.root, at, "security scheme")
            if resolved is None:
                continue
            scheme = resolved[0]
            kind = _scheme_kind(scheme)
            if kind is None:
                continue
            own = naming.field_name(str(scheme.get("x-speakeasy-name-override") or name))
            if kind == "http_basic":
                arguments = ["username", "password"]
            elif kind == "oauth2_client_credentials":
                arguments = ["client_id", "client_secret"]
            elif kind == "oauth2":
                arguments = [own, "client_id", "client_secret"]
            else:
                arguments = [own]
            credentials = []
            for argument in arguments:
                unique_name = naming.unique(argument, used)
                used.add(unique_name)
                env_var = f"{self.settings.package_name}_{unique_name}".upper()
                credentials.append(Credential(unique_name, env_var))
            location = str(scheme.get("in", "header")) if kind == "api_key" else "header"
            wire_name = str(scheme.get("name", "")) if kind == "api_key" else "Authorization"
            if kind in ("oauth2_client_credentials", "oauth2"):
                wire_name = str(scheme["flows"]["clientCredentials"].get("tokenUrl", ""))  # where tokens come from
            found.append(Security(name, kind, location, wire_name, tuple(credentials)))  # type: ignore[arg-type]
        return tuple(found)

    def _requirements(self, op: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
        raw = op["security"] if "security" in op else self.document.data.get("security")
        supported = {s.scheme for s in self.security}
        alternatives = []
        for requirement in raw or []:
            if isinstance(requirement, dict) and all(name in supported for name in requirement):
                alternatives.append(tuple(requirement))
        return tuple(alternatives)


_TOKEN_FLOWS = ("authorizationCode", "implicit", "password")
"""OAuth2 flows whose tokens the caller gets (a browser, a user's password): the SDK takes them."""


def _scheme_kind(scheme: dict[str, Any]) -> Optional[str]:
    kind = scheme.get("type")
    if kind == "http":
        return {"bearer": "http_bearer", "basic": "http_basic"}.get(str(scheme.get("scheme", "")).lower())
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        return "api_key"
    raw_flows = scheme.get("flows")
    flows: dict[str, Any] = raw_flows if isinstance(raw_flows, dict) else {}
    if kind == "oauth2" and isinstance(flows.get("clientCredentials"), dict):
        if any(isinstance(flows.get(flow), dict) for flow in _TOKEN_FLOWS):
            return "oauth2"  # a token the caller got (a user's, say), or client credentials
        return "oauth2_client_credentials"  # the SDK fetches and refreshes tokens itself
    if kind in ("oauth2", "openIdConnect"):
        return "http_bearer"  # the caller brings an access token; it is sent as a bearer token
    return None


_FORMAT_SAMPLES = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "email": "user@example.com",
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "12:00:00",
    "uri": "https://example.com",
    "url": "https://example.com",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
}


Resolve = Callable[[Any, Path], tuple[Any, Path]]


def _sample(schema: Any, file: Path, resolve: Resolve, depth: int = 0) -> Optional[Example]:
    """A value the schema (written in `file`) accepts, from its default, enum, bounds, format or
    pattern: for usage examples. `resolve` follows a `$ref` (of array items) from a file.
    Bounds that are not finite numbers (`minimum: .inf`) are ignored: no sample is better than
    a crash. Sizes past `SPELLED_OUT` are `Repeated`; patterns past regexsample's `MAX_LENGTH`
    and lists of more than `SPELLED_OUT` unique numbers give no sample."""
    if not isinstance(schema, dict) or depth > MAX_SAMPLE_DEPTH:
        return None
    if "default" in schema and schema["default"] is not None:
        return Example(schema["default"])
    values = [v for v in schema.get("enum") or [] if v is not None]
    if values:
        return Example(values[0])
    if "const" in schema:
        return Example(schema["const"])
    kind = schema.get("type")
    kind = next((t for t in kind if t != "null"), None) if isinstance(kind, list) else kind
    if kind is None and isinstance(variants := schema.get("oneOf", schema.get("anyOf")), list):
        # the variant a placeholder takes: the first that is not null (`format` counts there too)
        for variant, at in (resolve(v, file) for v in variants):
            if isinstance(variant, dict) and not _is_null_schema(variant) and not _constraint_only(variant):
                return _sample(variant, at, resolve, depth + 1)
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        if isinstance(low, (int, float)) and not isinstance(low, bool) and math.isfinite(low):
            step = 1 if "exclusiveMinimum" in schema and "minimum" not in schema else 0
            return Example(int(low) + step if kind == "integer" else low + step)
        return None
    form = schema.get("format")
    if kind == "string" and isinstance(form, str) and form in _FORMAT_SAMPLES:  # 3.1 lets any value by (a warning)
        return Example(_FORMAT_SAMPLES[form])
    if kind == "string" or (kind is None and ("pattern" in schema or "minLength" in schema)):
        return _string_sample(schema)
    if kind == "array" or (kind is None and "items" in schema):
        # as many items as `minItems` asks (Discord's bulk deletes want two), each one valid
        minimum = schema.get("minItems")
        count = minimum if isinstance(minimum, int) else 1
        items_schema, items_file = resolve(schema.get("items"), file)
        item = _sample(items_schema, items_file, resolve, depth + 1)
        if item is None:
            return None
        if count <= 1 or not schema.get("uniqueItems"):
            return Example(_repeated([item.value], max(count, 1)))
        distinct = _distinct_values(item.value, items_schema, count)
        return Example(distinct) if distinct is not None else None
    return None


def _distinct_values(first: Any, schema: Any, count: int) -> Optional[list[Any]]:
    """`count` different values like `first` that `schema` still accepts (for `uniqueItems`):
    other enum values, following numbers, or strings whose last character steps on."""
    enum = [v for v in schema.get("enum") or [] if v is not None] if isinstance(schema, dict) else []
    if enum:
        return enum[:count] if len(enum) >= count else None
    if isinstance(first, bool) or not isinstance(first, (int, float, str)):
        return None
    if not isinstance(first, str):  # more than SPELLED_OUT distinct numbers have no short spelling
        return [first + step for step in range(count)] if count <= SPELLED_OUT else None
    if not first:
        return None
    pattern = schema.get("pattern") if isinstance(schema, dict) else None
    alphabet = "0123456789" if first[-1].isdigit() else "abcdefghijklmnopqrstuvwxyz"
    start = alphabet.find(first[-1].lower())
    values = [first] + [first[:-1] + alphabet[(start + step) % len(alphabet)] for step in range(1, len(alphabet))]
    if isinstance(pattern, str):
        try:
            values = [v for v in values if re.search(pattern, v)]
        except re.error:
            return None
    return values[:count] if len(values) >= count else None


def _string_sample(schema: dict[str, Any]) -> Optional[Example]:
    """A string within `pattern`, `minLength` and `maxLength`, when the placeholder is not."""
    raw_low, raw_high = schema.get("minLength"), schema.get("maxLength")
    low = raw_low if isinstance(raw_low, int) else 0
    high = raw_high if isinstance(raw_high, int) else None
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        found = sample_matching(pattern, low, high)
        return Example(found) if found is not None else None
    if low > len(PLACEHOLDER_STRING) or (high is not None and high < len(PLACEHOLDER_STRING)):
        return Example(_repeated("x", max(low, min(high or 1, 1))))
    return None


def _repeated(unit: Any, count: int) -> Any:
    """`unit * count` (a string, or a list of one item), or the `Repeated` that stands for it
    when that is too long to spell out: the docs write `"x" * 1000000000`, not the billion x's."""
    limit = SPELLED_OUT * 10 if isinstance(unit, str) else SPELLED_OUT
    return unit * count if count <= limit else Repeated(unit, count)


def _pagination(raw: Any, arguments: tuple[Argument, ...]) -> Optional[Pagination]:
    """The paging of an operation, when `x-speakeasy-pagination` names an argument it has."""
    if not isinstance(raw, dict):
        return None
    raw_outputs = raw.get("outputs")
    outputs: dict[str, Any] = raw_outputs if isinstance(raw_outputs, dict) else {}
    by_wire = {a.wire_name: a.name for a in arguments}
    for item in raw.get("inputs") or []:
        if not isinstance(item, dict) or item.get("type") not in ("offset", "page", "cursor"):
            continue
        name = by_wire.get(str(item.get("name")))
        if name is not None:
            return Pagination(
                item["type"], name, _dotted(outputs.get("results", "$")), _dotted(outputs.get("nextCursor", ""))
            )
    return None


def _dotted(path: Any) -> str:
    """`$.data.items` -> `data.items` (the simple JSONPaths pagination uses)."""
    return str(path or "").removeprefix("$").lstrip(".")


def _server_url(server: dict[str, Any]) -> str:
    """A server's URL with its variables at their defaults."""
    url = str(server.get("url", ""))
    for name, variable in (server.get("variables") or {}).items():
        if isinstance(variable, dict) and "default" in variable:
            url = url.replace("{" + str(name) + "}", str(variable["default"]))
    return url


def _as_bytes(value: Any, type_ref: TypeRef) -> Any:
    """Example text for a file or binary argument, as the bytes the method takes."""
    if isinstance(type_ref, Primitive) and type_ref.kind == "bytes" and isinstance(value, str):
        return value.encode()
    if isinstance(type_ref, ListOf) and isinstance(value, list):
        return [_as_bytes(item, type_ref.item) for item in value]
    if isinstance(value, Repeated) and isinstance(type_ref, (Primitive, ListOf)):
        return Repeated(_as_bytes(value.unit, type_ref), value.count)
    return value


def _leave_out_excluded(values: dict[str, Any], model: Model) -> None:
    """An example with every property of a `not: {required: [...]}` breaks the rule: keep the
    one the first required-alternative asks for (or the first), drop the optional others."""
    if not model.exclusive or not all(name in values for name in model.exclusive):
        return
    required = {f.alias for f in model.fields if f.required}
    keep = next((n for n in model.exclusive if n in model.demanded), model.exclusive[0])
    for name in model.exclusive:
        if name != keep and name not in required:
            del values[name]


def _excluded_together(schema: dict[str, Any]) -> tuple[str, ...]:
    """`not: {required: [a, b]}`: the properties that must not all be present at once."""
    rule = schema.get("not")
    names = rule.get("required") if isinstance(rule, dict) and set(rule) == {"required"} else None
    return tuple(str(n) for n in names) if isinstance(names, list) and len(names) > 1 else ()


def _first_required_alternative(schema: Any) -> tuple[str, ...]:
    """`anyOf: [{required: [a]}, {required: [b]}]`: the properties the first alternative demands,
    so that an example body satisfies the rule."""
    if not isinstance(schema, dict):
        return ()
    for key in ("oneOf", "anyOf"):
        variants = schema.get(key) or []
        if variants and all(_constraint_only(v) for v in variants):
            return tuple(str(name) for name in variants[0].get("required") or [])
    return ()


def _constraint_only(variant: Any) -> bool:
    """`anyOf: [{required: [a]}, {required: [b]}]` beside `properties`: rules about which
    properties must be present, not alternative types."""
    return isinstance(variant, dict) and bool(variant) and all(k in _CONSTRAINTS for k in variant)


_CONSTRAINTS = frozenset({"required", "not", "minProperties", "maxProperties", "dependentRequired", "description"})

PLACEHOLDER_STRING = "example"
UNDECLARED = "Required by the document, which declares no schema for it."

_ANNOTATIONS = frozenset(
    {"description", "title", "example", "examples", "default", "nullable", "deprecated", "readOnly", "writeOnly"}
    | {"externalDocs", "xml", "$comment"}
)
"""Schema keywords that describe a value without constraining its type."""


def _is_nullable(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    types = schema.get("type")
    if schema.get("nullable") is True or (isinstance(types, list) and "null" in types):
        return True
    if None in (schema.get("enum") or []):
        return True
    return any(_is_null_schema(v) for key in ("oneOf", "anyOf") for v in schema.get(key) or [])


def _preferred_media_type(content: dict[str, Any]) -> str:
    for media_type in content:
        if media_type.split(";")[0].strip() in JSON_TYPES or media_type.endswith("+json"):
            return media_type
    return next(iter(content))


def _group_path(op: dict[str, Any]) -> tuple[str, ...]:
    group = op.get("x-speakeasy-group")
    if not group and op.get("tags"):
        group = op["tags"][0]
    if not group:
        return ()
    parts = [part for part in str(group).split(".") if part]
    return tuple(naming.member_name(part, on_client=index == 0) for index, part in enumerate(parts))


def _members(paths: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], naming.Namespace]:
    """The member names of each group's class, its sub-resources claimed first: they keep their
    names (a path is the document's), and a method named like one takes another."""
    members: dict[tuple[str, ...], naming.Namespace] = {(): naming.Namespace()}
    for path in paths:
        for depth in range(1, len(path) + 1):
            if path[:depth] not in members:
                members[path[:depth]] = naming.Namespace()
                members[path[: depth - 1]].claim(path[depth - 1], f"the sub-resource `{'.'.join(path[:depth])}`")
    return members


def _arguments(parameters: tuple[Parameter, ...], body: Optional[Body]) -> tuple[Argument, ...]:
    """Method arguments: parameters then body fields (flattened), required ones first."""
    candidates: list[Argument] = [
        Argument(
            p.name,
            p.wire_name,
            p.location,
            p.type,
            p.required,
            p.nullable,
            p.description,
            p.example,
            p.sample,
            p.deprecated,
        )
        for p in parameters
    ]
    if body is not None and body.fields:
        candidates += [
            Argument(
                f.name,
                f.alias,
                "body_field",
                f.type,
                f.required and body.required,
                f.nullable,
                f.description,
                f.example,
                f.sample,
                f.deprecated,
            )
            for f in body.fields
            if not f.read_only
        ]
    elif body is not None:
        candidates.append(
            Argument(body.field_name, body.field_name, "body", body.type, body.required, False, body.description)
        )
    used: set[str] = set()
    unique_args: list[Argument] = []
    for argument in candidates:
        reserved = argument.name in naming.METHOD_RESERVED  # body fields come named as model fields
        name = naming.unique(f"{argument.name}_" if reserved else argument.name, used)
        used.add(name)
        unique_args.append(argument if name == argument.name else dataclasses.replace(argument, name=name))
    return tuple([a for a in unique_args if a.required] + [a for a in unique_args if not a.required])


RETRIES = "x-speakeasy-retries"
_INTERVALS = ("initialInterval", "maxInterval", "maxElapsedTime")
_STATUS_CODE = re.compile(r"[1-5](?:[0-9][0-9]|XX)", re.IGNORECASE)


def _retry_problems(raw: Any) -> list[tuple[str, str]]:
    """What is wrong with an `x-speakeasy-retries` value, each as (pointer below it, message).
    Its values end up as literals in the SDK's code and drive its sleeps: `.nan` or `x` there
    would be a module that does not import, or a retry loop that raises."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [("", f"expected a mapping with `strategy: backoff`, got {_kind_of(raw)}")]
    problems: list[tuple[str, str]] = []
    if raw.get("strategy") not in ("backoff", "none"):
        problems.append(("/strategy", f"expected 'backoff' (or 'none': no retries), got {raw.get('strategy')!r}"))
    backoff = raw.get("backoff")
    if backoff is not None and not isinstance(backoff, dict):
        problems.append(("/backoff", f"expected a mapping of intervals and exponent, got {_kind_of(backoff)}"))
    for name, value in (backoff if isinstance(backoff, dict) else {}).items():
        if name in _INTERVALS and not _whole_milliseconds(value):
            problems.append((f"/backoff/{name}", f"expected a whole number of milliseconds, 0 or more, got {value!r}"))
        if name == "exponent" and not _positive_number(value):
            problems.append((f"/backoff/{name}", f"expected a finite number greater than 0, got {value!r}"))
    codes = raw.get("statusCodes")
    if codes is not None and not isinstance(codes, list):
        problems.append(("/statusCodes", f"expected a list of status codes (429, '5XX'), got {_kind_of(codes)}"))
    for index, code in enumerate(codes if isinstance(codes, list) else []):
        if isinstance(code, bool) or not (
            (isinstance(code, int) and 100 <= code <= 599) or (isinstance(code, str) and _STATUS_CODE.fullmatch(code))
        ):
            problems.append((f"/statusCodes/{index}", f"expected a status code such as 429 or '5XX', got {code!r}"))
    connection = raw.get("retryConnectionErrors")
    if connection is not None and not isinstance(connection, bool):
        problems.append(("/retryConnectionErrors", f"expected true or false, got {connection!r}"))
    return problems


def _whole_milliseconds(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value >= 0 and (isinstance(value, int) or (math.isfinite(value) and value.is_integer()))


def _positive_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(float(value)) and value > 0
    except OverflowError:  # an int too big for a float
        return False


def _retry_policy(raw: Any) -> Optional[RetryPolicy]:
    """The policy of a checked `x-speakeasy-retries` (see `_retry_problems`); None: no retries."""
    if not isinstance(raw, dict) or raw.get("strategy") != "backoff":
        return None
    backoff = raw.get("backoff") or {}
    return RetryPolicy(
        initial_interval_ms=int(backoff.get("initialInterval", 500)),
        max_interval_ms=int(backoff.get("maxInterval", 60000)),
        exponent=float(backoff.get("exponent", 1.5)),
        max_elapsed_time_ms=int(backoff.get("maxElapsedTime", 3600000)),
        status_codes=tuple(str(code) for code in raw.get("statusCodes") or []),
        retry_connection_errors=bool(raw.get("retryConnectionErrors", False)),
    )


def _group_tree(operations: Iterable[Operation], settings: Settings) -> Group:
    """Nest operations into groups by their group path, in order of first appearance.

    Built from the deepest groups up, not by a recursive closure: a closure that calls itself
    sits in a reference cycle, which would keep the operations it saw alive until the cycle
    collector runs (generation turns it off)."""
    members: dict[tuple[str, ...], list[Operation]] = {(): []}
    for op in operations:
        for depth in range(1, len(op.group_path) + 1):
            members.setdefault(op.group_path[:depth], [])
        members[op.group_path].append(op)
    children: dict[tuple[str, ...], list[Group]] = {path: [] for path in members}
    built: dict[tuple[str, ...], Group] = {}
    names = _group_names(members, settings)
    for path in sorted(members, key=len, reverse=True):  # stable: siblings keep their order
        name, module, doc_page = names[path]
        built[path] = Group(
            path=path,
            attribute=path[-1] if path else "",
            class_name=name,
            module=module,
            doc_page=doc_page,
            operations=tuple(members[path]),
            children=tuple(children[path]),
        )
        if path:
            children[path[:-1]].append(built[path])
    return built[()]


def _group_names(paths: Iterable[tuple[str, ...]], settings: Settings) -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Each group's class, module and docs page, claimed in order of first appearance (the root
    first): two paths may spell the same (`a.b` and `a_b` are both `a_b.py`, `AB`), and a group
    may be spelled like the root's (`root`) or the client's docs page (the package's name)."""
    classes = naming.Namespace(str.lower, (naming.ASYNC_CLASS,))  # `Async` twins share the module
    modules = naming.Namespace(naming.file_stem)
    pages = naming.Namespace(lambda page: naming.file_stem(page.lower()))
    pages.claim(settings.package_name, "the client")
    names = {}
    for path in paths:
        holder = f"the group `{'.'.join(path)}`"
        name = classes.claim(naming.group_class_name(path), holder)
        module = naming.file_stem(modules.claim(naming.group_module(path), holder))
        page = naming.file_stem(pages.claim(name.lower(), holder)) if path else settings.package_name
        names[path] = (name, module, page)
    return names
