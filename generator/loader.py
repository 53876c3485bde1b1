"""Stage 1, load: read YAML or JSON documents into plain data and resolve `$ref`s across files.

Data is loaded fast (pyyaml's C loader when present, `json` for JSON) and line numbers are
looked up lazily, only when a problem has to be reported: most runs never need them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union
from urllib.parse import unquote

import yaml

from . import swagger2
from .errors import Location, Problem, SdkgenError, join_pointer, unescape_pointer_token

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
"""The keys of a path item that are operations, in OpenAPI's order."""

_PATH_VARIABLE = re.compile(r"\{([^}]+)\}")


def path_pieces(path: str) -> list[str]:
    """A path key split at its `{variables}`: literal text at even indexes, variable names at
    odd ones. A `#fragment` only tells operations apart; it is no part of the URL. The
    generated code and the validator's path-parameter check read a path the same way."""
    return _PATH_VARIABLE.split(path.split("#", 1)[0])

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader whose keys are always strings (`200:` is a status code, not an int)."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    loader.flatten_mapping(node)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[_key_text(key)] = loader.construct_object(value_node, deep=True)
    return result


def _key_text(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> str:
    """Dates stay text: OpenAPI examples mean the string, not a datetime object."""
    return str(loader.construct_scalar(node))


_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_STR_TAG = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG


def _construct_document(loader: Any, root: yaml.Node) -> Any:
    """The data of a composed document, as the safe loader's own constructors make it, in one
    tight recursion: pyyaml's general machinery (state generators, a record of every object,
    a call per node through several layers) was half of loading Stripe's YAML. Nodes with other
    tags go through that machinery, which knows them or reports them."""
    built: dict[int, Any] = {}  # mappings and sequences by node: an alias is the same object
    building: set[int] = set()
    constructors = loader.yaml_constructors

    def build(node: yaml.Node) -> Any:
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag == _STR_TAG:
                return node.value
            constructor = constructors.get(tag)
            if constructor is None:
                return loader.construct_object(node, deep=True)
            try:
                return constructor(loader, node)
            except ValueError as error:  # an integer of more digits than Python converts (4,300)
                raise yaml.constructor.ConstructorError(None, None, str(error), node.start_mark) from None
        known = built.get(id(node))
        if known is not None:
            return known
        if id(node) in building:  # a node inside itself: the stock loader refuses it too
            raise yaml.constructor.ConstructorError(
                None, None, "found unconstructable recursive node", node.start_mark
            )
        if isinstance(node, yaml.MappingNode) and tag == _MAP_TAG:
            own = node.value
            count = len(own)
            loader.flatten_mapping(node)  # `<<` merge keys, as the stock mapping constructor does
            building.add(id(node))
            data: Any = {_key_text(build(key)): build(value) for key, value in node.value}
            if len(data) != count and node.value is own and len(own) == count:  # repeated (not merged) keys
                loader.repeated_keys += _repeated_keys(node, data, build)
        elif isinstance(node, yaml.SequenceNode) and tag == _SEQ_TAG:
            building.add(id(node))
            data = [build(item) for item in node.value]
        else:
            return loader.construct_object(node, deep=True)
        building.discard(id(node))
        built[id(node)] = data
        return data

    return build(root)


Repeated = tuple[dict[str, Any], str, int, tuple[int, ...]]
"""A mapping that had a key more than once, the key, how many times, and the lines it is on
(none known for JSON)."""


def _repeated_keys(node: yaml.MappingNode, data: dict[str, Any], build: Callable[[yaml.Node], Any]) -> list[Repeated]:
    lines: dict[str, list[int]] = {}
    for key, _ in node.value:
        lines.setdefault(_key_text(build(key)), []).append(key.start_mark.line + 1)
    return [(data, key, len(found), tuple(found)) for key, found in lines.items() if len(found) > 1]


_SpecLoader.add_constructor(_MAP_TAG, _construct_mapping)
_SpecLoader.construct_document = _construct_document
_SpecLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass
class SourceFile:
    """One parsed file of the document, with a lazily built pointer -> line index."""

    path: Path
    text: str
    data: Any
    original_pointer: Optional[Callable[[str], str]] = None
    """For a converted Swagger 2.0 file: where a node of `data` was in the text."""
    notes: tuple[tuple[str, str], ...] = ()
    """What loading could not carry over faithfully (a key given twice, what Swagger 2.0 says
    that OpenAPI 3 cannot): (pointer in the text, message)."""
    _lines: Optional[dict[str, int]] = field(default=None, repr=False)
    _block: Union[None, bool, _BlockText] = field(default=None, repr=False)
    _looked_up: int = field(default=0, repr=False)

    def line_of(self, pointer: str, in_text: bool = False) -> Optional[int]:
        """The 1-based line where the node at `pointer` starts, if it can be found.

        `pointer` points into `data`, or into the text itself when `in_text` is set. The first
        few lookups in block-style YAML read only the lines on the way to the node (see
        `_BlockText`): indexing all of OpenAI's document takes a second, and a run that
        reports a handful of warnings should not pay it. Past those, every node is indexed.
        """
        probe = self.original_pointer(pointer) if self.original_pointer and not in_text else pointer
        if self._lines is None and self._looked_up < _LOOKUPS_BEFORE_INDEXING:
            self._looked_up += 1
            if self._block is None:
                self._block = _BlockText(self.text) if not self.text.lstrip().startswith(("{", "[")) else False
            line = self._block.line(probe) if isinstance(self._block, _BlockText) else None
            if line is not None:
                return line
        if self._lines is None:
            read_as_json = self.path.suffix.lower() == ".json"  # as `_parsed` reads it
            self._lines = _index_json_lines(self.text) if read_as_json else _index_lines(self.text)
        while True:
            if probe in self._lines:
                return self._lines[probe]
            if not probe:
                return None
            probe = probe.rsplit("/", 1)[0]


_LOOKUPS_BEFORE_INDEXING = 256


class _BlockText:
    """Block-style YAML text, searched by indentation for the line where a pointer's node is:
    a key is a line indented as its siblings are, a list item a `- ` line, and a node's lines
    are those below it indented deeper (a list under a key may sit at the key's depth).
    `line` gives None wherever that reading may be wrong or finds nothing (flow style,
    aliases, a key spelled in a way not recognized), and the full index answers instead.
    A node's end is looked for only as far as the search inside it goes."""

    def __init__(self, text: str) -> None:
        self.text = "\n" + text  # every line, the first too, starts after a newline
        self._nodes: dict[tuple[int, int, bool], _Node] = {}
        self._keys: dict[tuple[int, int], list[tuple[int, str]]] = {}

    def _node(self, at: int, depth: int, item: bool) -> _Node:
        """The node at `at`, shared by every lookup: what one learnt of where it ends, the next
        need not search for again (OpenAI's warnings are all under `/components/schemas`,
        whose end is 2.5 MB of text away)."""
        node = self._nodes.get((at, depth, item))
        if node is None:
            node = self._nodes[(at, depth, item)] = _Node(self.text, at, depth, item)
        return node

    def line(self, pointer: str) -> Optional[int]:
        text = self.text
        node = self._node(-1, -1, False)  # the whole document
        content = 0
        tokens = [unescape_pointer_token(t) for t in pointer.split("/")[1:]]
        for depth, token in enumerate(tokens):
            match = _CONTENT_LINE.search(text, content)
            if match is None or not node.holds(match.start()):
                return None  # nothing below: the pointer goes into a scalar or an empty node
            first = match.start()
            opened = node.item and first == node.at
            head = self._line_text(first)
            if opened:
                head = head.replace("-", " ", 1)  # `- name: x` opens the mapping `  name: x`
            indent = len(head) - len(head.lstrip(" "))
            if head[indent:].startswith("- ") or head[indent:] == "-":
                at = None if opened or not token.isdigit() else self._nth_item(node, first, indent, int(token))
                if at is None:
                    return None
                node, content = self._node(at, indent, True), at
                continue
            key = self._key(node, first, indent, token, head if opened else None)
            if key is None:
                return None
            at, after = key
            value = after.split(" #", 1)[0].strip()
            if value.startswith(("{", "[", "*", "!")) and depth < len(tokens) - 1:
                return None  # into flow style, an alias or a tag: the full index reads those
            line_end = text.find("\n", at + 1)
            scalar = value and not value.startswith("&")  # also a block scalar's `|` or `>`
            content = len(text) if scalar or line_end < 0 else line_end  # a scalar has nothing below
            node = self._node(at, indent, False)
        return text.count("\n", 0, node.at) + 1 if node.at >= 0 else 1  # the line after the node's newline

    def _line_text(self, newline: int) -> str:
        end = self.text.find("\n", newline + 1)
        return self.text[newline + 1 : end if end >= 0 else len(self.text)]

    def _nth_item(self, node: _Node, first: int, indent: int, n: int) -> Optional[int]:
        """The newline before the `n`th `- ` line at `indent` of the list that starts at `first`."""
        items = self._node(first, indent, False)  # a list ends where a key at its depth would
        for count, match in enumerate(_item_line(indent).finditer(self.text, first)):
            if not (node.holds(match.start()) and items.holds(match.start())):
                return None
            if count == n:
                return match.start()
        return None

    def _key(
        self, node: _Node, first: int, indent: int, token: str, opened: Optional[str]
    ) -> Optional[tuple[int, str]]:
        """Where the key `token` is written at `indent` in `node` (after which newline), and
        what follows its colon; the last place when it is written twice, as YAML loads it."""
        spellings = (f"{token}:", "'" + token.replace("'", "''") + "':", json.dumps(token, ensure_ascii=False) + ":")
        best: Optional[tuple[int, str]] = None
        if opened is not None:
            rest = opened[indent:]
            for spelling in spellings:
                if rest.startswith(spelling) and rest[len(spelling) : len(spelling) + 1] in ("", " ", "\t", "\r"):
                    best = first, rest[len(spelling) :]
        for at, line in self._lines_at(node, first, indent):
            for spelling in spellings:
                if line.startswith(spelling) and line[len(spelling) : len(spelling) + 1] in ("", " ", "\t", "\r"):
                    best = at, line[len(spelling) :]
        return best

    def _lines_at(self, node: _Node, first: int, indent: int) -> list[tuple[int, str]]:
        """The lines of `node` from `first` on indented by exactly `indent` (its keys), each
        after which newline and with the indent cut off; read once for every lookup (a search
        per key would read on to the end of the node for a spelling it does not use)."""
        found = self._keys.get((first, indent))
        if found is None:
            text, end = self.text, node.finish()
            found = self._keys[(first, indent)] = []
            for match in _indented(indent).finditer(text, first, end):
                line_end = text.find("\n", match.end(), end)
                found.append((match.start(), text[match.end() : line_end if line_end >= 0 else end]))
        return found


class _Node:
    """A node of block-style YAML: whether a line is still inside it, learnt a line at a time
    and only as far as asked."""

    def __init__(self, text: str, at: int, depth: int, item: bool) -> None:
        self.text, self.at, self.depth, self.item = text, at, depth, item
        self.end: Optional[int] = None if at >= 0 else len(text)  # where it ends, once found
        self.checked = at + 1  # no line before this offset ends it

    def holds(self, newline: int) -> bool:
        """Whether the line after `newline` (after this node's own line) is inside the node."""
        if self.end is None and newline >= self.checked:
            match = _node_end(self.depth, self.item).search(self.text, self.checked, newline + 1)
            if match is not None:
                self.end = match.start()
            self.checked = newline + 1
        return self.end is None or newline < self.end

    def finish(self) -> int:
        """Where the node ends (the newline before the first line after it, or the text's end)."""
        if self.end is None:
            self.holds(len(self.text))
        return self.end if self.end is not None else len(self.text)


_CONTENT_LINE = re.compile(r"\n *(?=[^ \r\n#])")


@cache
def _node_end(indent: int, item: bool) -> re.Pattern[str]:
    """A line that ends a node at `indent`: one less indented, or as indented and not a comment
    (nor, under a key, an item of the key's list)."""
    shallower = rf"\n {{0,{indent - 1}}}[^ \r\n#]|" if indent else ""
    same = rf"\n {{{indent}}}[^ \r\n#]" if item else rf"\n {{{indent}}}(?!-[ \r\n])[^ \r\n#]"
    return re.compile(shallower + same)


@cache
def _indented(indent: int) -> re.Pattern[str]:
    return re.compile(rf"\n {{{indent}}}(?=[^ \n])")


@cache
def _item_line(indent: int) -> re.Pattern[str]:
    return re.compile(rf"\n {{{indent}}}-(?=[ \r\n]|$)")


def _index_lines(text: str) -> dict[str, int]:
    """Map every JSON pointer of a YAML/JSON text to the line its node starts on."""
    try:
        root = yaml.compose(text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    stack: list[tuple[str, Any]] = [("", root)]
    while stack:
        pointer, node = stack.pop()
        if node is None:
            continue
        lines.setdefault(pointer, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = join_pointer(pointer, key.value)
                lines[child] = key.start_mark.line + 1
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((join_pointer(pointer, i), item) for i, item in enumerate(node.value))
    return lines


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')
"""A string, a punctuation mark or any other scalar (number, true, false, null) of JSON."""


def _index_json_lines(text: str) -> dict[str, int]:
    """`_index_lines` for a file read as JSON (`json` parsed it: the text is valid JSON).

    YAML is not JSON's superset where the index needs it to be: libyaml refuses an escaped
    surrogate pair (`"\\ud83d\\ude00"`, which `json.dumps` writes for an emoji), and without
    an index nothing in the file had a line. The tokens are read in order instead, each key
    decoded as `json` decodes it, in a third of the time composing takes (Kubernetes' 4 MB:
    1.07 -> 0.35 s). A key given twice points to its last value, as the data does."""
    lines: dict[str, int] = {}
    frames: list[list[Any]] = []  # each open container: [pointer, is a mapping, current key or index]
    expect_key = False
    line, counted = 1, 0
    for match in _JSON_TOKEN.finditer(text):
        start = match.start()
        line += text.count("\n", counted, start)
        counted = start
        token = match.group()
        first = token[0]
        if expect_key and first == '"':
            key = json.loads(token) if "\\" in token else token[1:-1]
            frames[-1][2] = key
            lines[join_pointer(frames[-1][0], key)] = line
            expect_key = False
        elif first == ",":
            if frames[-1][1]:
                expect_key = True
            else:
                frames[-1][2] += 1
        elif first in "}]":
            frames.pop()
        elif first != ":":  # a value: under a key, the key's line is the value's
            here = join_pointer(frames[-1][0], frames[-1][2]) if frames else ""
            if not frames or not frames[-1][1]:
                lines[here] = line
            if first == "{":
                frames.append([here, True, None])
                expect_key = True
            elif first == "[":
                frames.append([here, False, 0])
    return lines


@dataclass
class Document:
    """A loaded OpenAPI document: its root file and every file its `$ref`s reach."""

    root: Path
    files: dict[Path, SourceFile]

    @property
    def data(self) -> Any:
        return self.files[self.root].data

    def locate(self, pointer: str, file: Optional[Path] = None) -> Location:
        """Location of a node, for error messages."""
        source = self.files.get(file or self.root)
        path = file or self.root
        line = source.line_of(pointer) if source else None
        if source is not None and source.original_pointer is not None:
            pointer = source.original_pointer(pointer)  # a converted Swagger 2.0 file: as written
        return Location(display_path(path), pointer, line)

    def resolve(self, ref: str, base: Optional[Path] = None) -> tuple[Path, str, Any]:
        """Follow one `$ref` from file `base`: returns (file, pointer, value) or raises KeyError."""
        target, pointer = split_ref(ref, base or self.root)
        source = self.files.get(target)
        if source is None:
            raise KeyError(ref)
        return target, pointer, get_pointer(source.data, pointer)


def display_path(path: Path) -> str:
    """A path as users typed it: relative to the working directory when possible."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def split_ref(ref: str, base: Path) -> tuple[Path, str]:
    """Split `other.yaml#/a/b` into (absolute file, pointer); a bare `#/a` stays in `base`."""
    file_part, _, fragment = ref.partition("#")
    target = _resolved(base.parent, unquote(file_part)) if file_part else base
    return target, unquote(fragment)


@lru_cache(maxsize=8192)
def _resolved(directory: Path, relative: str) -> Path:
    """The real path of a referenced file. Resolving looks at every directory on the way
    (DigitalOcean's 2,900 files make 10,000 references: 0.4 s of `lstat`), and a run asks
    for the same few hundred again and again. A path no file system accepts (a NUL byte) is
    left as it is: reading it fails as a located problem."""
    try:
        return (directory / relative).resolve()
    except (OSError, ValueError):
        return directory / relative


def get_pointer(data: Any, pointer: str) -> Any:
    """The node at a JSON pointer, or KeyError."""
    node = data
    if not pointer:
        return node
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    for raw in pointer[1:].split("/"):
        token = unescape_pointer_token(raw)
        if isinstance(node, dict):
            node = node[token]
        elif isinstance(node, list):
            try:
                node = node[int(token)]
            except (ValueError, IndexError) as exc:
                raise KeyError(pointer) from exc
        else:
            raise KeyError(pointer)
    return node


def _parsed(text: str, path: Path) -> tuple[Any, list[Repeated]]:
    """The data of JSON or YAML text, and the keys a mapping of it has more than once (both
    formats keep the last value; the others are lost); raises SdkgenError with the line of a
    syntax error."""
    repeated: list[Repeated] = []
    if path.suffix.lower() == ".json":

        def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            data = dict(pairs)
            if len(data) != len(pairs):
                times = Counter(key for key, _ in pairs)
                repeated.extend((data, key, times[key], ()) for key in data if times[key] > 1)
            return data

        try:
            return json.loads(text, object_pairs_hook=mapping), repeated
        except RecursionError:
            raise SdkgenError([_too_deep_to_load(text, path)]) from None
        except json.JSONDecodeError as exc:
            where = Location(display_path(path), "", exc.lineno)
            raise SdkgenError([Problem(where, f"invalid JSON: {exc.msg} (column {exc.colno})")]) from None
    try:
        loader = _SpecLoader(text)
        loader.repeated_keys = repeated
        try:
            return loader.get_single_data(), repeated
        finally:
            loader.dispose()
    except RecursionError:
        raise SdkgenError([_too_deep_to_load(text, path)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "syntax error"
        where = Location(display_path(path), "", line)
        raise SdkgenError([Problem(where, f"invalid YAML: {reason}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: at a position, not a mark
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
        message = f"invalid YAML: character #x{code:04x} is not allowed ({exc.reason})"
        raise SdkgenError([Problem(Location(display_path(path), "", line), message)]) from None
    except yaml.YAMLError as exc:
        where = Location(display_path(path), "")
        raise SdkgenError([Problem(where, f"invalid YAML: {exc}")]) from None


def written_data(source: SourceFile) -> Any:
    """The data of a file as its text has it: for a converted Swagger 2.0 file, not `data`."""
    return _parsed(source.text, source.path)[0]


def read_file(path: Path) -> SourceFile:
    """Read and parse one file; a missing or unreadable file is a located problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SdkgenError([Problem(Location(display_path(path)), "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise SdkgenError([_not_utf8(path, exc)]) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise SdkgenError([Problem(Location(display_path(path)), f"cannot read file: {exc}")]) from None
    data, repeated = _parsed(text, path)
    if _SURROGATE_ESCAPE.search(text):
        _refuse_lone_surrogates(SourceFile(path, text, data))
    notes = _repeated_notes(data, repeated)
    if swagger2.is_swagger2(data):
        conversion = swagger2.convert(data)
        notes += [(pointer, f"Swagger 2.0: {message}") for pointer, message in conversion.notes]
        return SourceFile(path, text, conversion.document, conversion.original, tuple(notes))
    mentioned = "#/definitions/" in text or "#\\/definitions\\/" in text  # JSON may escape "/"
    if mentioned:
        notes += _redirect_definitions(data)
    return SourceFile(path, text, data, notes=tuple(notes))


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""`\ud800`-style escapes: JSON (and YAML's double quotes) can spell half of a UTF-16 pair."""


def _refuse_lone_surrogates(source: SourceFile) -> None:
    """A string with half of a surrogate pair parses, but no UTF-8 file can hold it: the SDK
    could not be written. Looked for only in a text that has such an escape."""
    pending: list[tuple[str, Any]] = [("", source.data)]
    while pending:
        pointer, node = pending.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            here = join_pointer(pointer, key)
            for text in (key, value) if isinstance(key, str) else (value,):
                if isinstance(text, str) and not text.isascii() and _unencodable(text):
                    where = Location(display_path(source.path), here, source.line_of(here))
                    raise SdkgenError([Problem(where, _LONE_SURROGATE)])
            if isinstance(value, (dict, list)):
                pending.append((here, value))


_LONE_SURROGATE = "a string with a lone UTF-16 surrogate (half of a \\ud83d\\ude00 pair) cannot be written as UTF-8"


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def undecodable_at(raw: bytes, start: int) -> tuple[int, int]:
    """The line and column (in characters) of the first byte that is not UTF-8, at `start`."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, line_start) + 1
    return line, len(raw[line_start:start].decode("utf-8")) + 1  # all good up to the bad byte


def _not_utf8(path: Path, error: UnicodeDecodeError) -> Problem:
    """Where a file stops being UTF-8: the line and column (in characters) of its first bad
    byte, not its offset, which no editor shows."""
    raw = error.object
    line, column = undecodable_at(raw, error.start)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "not UTF-8: the file starts with a UTF-16 byte order mark (save it as UTF-8)"
    else:
        message = f"not UTF-8: byte 0x{raw[error.start]:02x} at line {line}, column {column} (save the file as UTF-8)"
    return Problem(Location(display_path(path), "", line), message)


def _repeated_notes(data: Any, repeated: list[Repeated]) -> list[tuple[str, str]]:
    """A note for each key given more than once in a mapping, at the key's pointer."""
    if not repeated:
        return []
    pointers = _pointers_of(data, {id(mapping) for mapping, _, _, _ in repeated})
    notes = []
    for mapping, key, times, lines in repeated:
        if id(mapping) not in pointers:  # inside a value a later duplicate replaced: lost with it
            continue
        where = f"lines {', '.join(map(str, lines[:-1]))} and {lines[-1]}" if lines else f"{times} times"
        message = f"duplicate key '{key}' ({where}): only the last value is kept"
        notes.append((join_pointer(pointers[id(mapping)], key), message))
    return notes


def _pointers_of(data: Any, wanted: set[int]) -> dict[int, str]:
    """Where in `data` each of the containers whose id is in `wanted` is first found."""
    found: dict[int, str] = {}
    pending: list[tuple[Any, str]] = [(data, "")]
    seen: set[int] = set()
    while pending and len(found) < len(wanted):
        node, pointer = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if id(node) in wanted:
            found.setdefault(id(node), pointer)
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        pending += [(value, join_pointer(pointer, key)) for key, value in items if isinstance(value, (dict, list))]
    return found


def _redirect_definitions(data: Any) -> list[tuple[str, str]]:
    """`#/definitions/X` in an OpenAPI 3 document, where only `#/components/schemas/X` exists:
    a Swagger 2.0 habit. Point such refs at the component, and say so."""
    if not isinstance(data, dict) or "definitions" in data:
        return []
    schemas = (data.get("components") or {}).get("schemas") or {}
    notes = []
    for pointer, ref in iter_refs(data):
        if ref.startswith("#/definitions/") and unescape_pointer_token(ref.split("/", 2)[2]) in schemas:
            new_ref = "#/components/schemas/" + ref.split("/", 2)[2]
            get_pointer(data, pointer.rsplit("/", 1)[0])["$ref"] = new_ref
            notes.append((pointer, f"Swagger 2.0: $ref '{ref}' does not exist; using '{new_ref}'"))
    return notes


def load(path: Path) -> Document:
    """Load the document at `path` and every file reachable through its `$ref`s."""
    root = path.resolve()
    files: dict[Path, SourceFile] = {root: read_file(root)}
    pending = [root]
    unreadable: set[Path] = set()
    problems: list[Problem] = []
    while pending:
        current = pending.pop()
        for pointer, ref in iter_refs(files[current].data):
            target, _ = split_ref(ref, current)
            if target in files or target in unreadable:
                continue
            try:
                files[target] = read_file(target)
            except SdkgenError as exc:
                unreadable.add(target)
                if is_extension_pointer(pointer):
                    continue  # refs inside x-* extensions are not needed; the validator warns about them
                where = Location(display_path(current), pointer, files[current].line_of(pointer))
                reason = "; ".join(p.message for p in exc.problems)
                problems.append(Problem(where, f"$ref '{ref}' points to a file that cannot be loaded: {reason}"))
                continue
            pending.append(target)
    if problems:
        raise SdkgenError(problems)
    return Document(root, files)


def is_extension_pointer(pointer: str) -> bool:
    """Whether a pointer lies inside a vendor extension (`x-...`), which generation ignores."""
    return any(token.startswith("x-") for token in pointer.split("/"))


def iter_refs(data: Any, pointer: str = "") -> list[tuple[str, str]]:
    """Every (pointer of the $ref key's parent, ref string) in a tree, in document order.

    Only containers are walked and only their pointers built: most nodes are scalars.
    """
    found: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [(pointer, data)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.append((here + "/$ref", ref))
            children = [
                (join_pointer(here, key), value)
                for key, value in node.items()
                if isinstance(value, (dict, list))
            ]
            stack.extend(reversed(children))
        elif isinstance(node, list):
            items = [(f"{here}/{index}", value) for index, value in enumerate(node) if isinstance(value, (dict, list))]
            stack.extend(reversed(items))
    return found


DEEPEST_SHOWN = 3
"""How far down the deepest path a nesting problem is placed: `/components/schemas/Deep`
says where to look; the pointer of the innermost value (thousands of characters) does not."""

TOO_DEEP = "too deep for sdkgen (Python's recursion limit was reached: a few hundred levels at most)"


def deepest_nesting(path: Path) -> Optional[tuple[Location, int]]:
    """Where the document at `path` nests deepest (the value `DEEPEST_SHOWN` levels down its
    deepest path, in whichever of its files) and how many levels deep it goes: for the error of
    a document too deep to generate. None if it cannot be loaded to look."""
    try:
        document = load(path)
    except (SdkgenError, RecursionError, OSError):
        return None
    found = [(_deepest_path(source.data, _data_children), file) for file, source in document.files.items()]
    (depth, tokens, _), file = max(found, key=lambda f: f[0][0])
    return document.locate(join_pointer("", *tokens) if tokens else "", file), depth


def _too_deep_to_load(text: str, path: Path) -> Problem:
    """The error of a file nested deeper than loading can recurse, placed by composing its
    YAML nodes (libyaml's composer does not recurse in Python; JSON is YAML enough here)."""
    try:
        root = yaml.compose(text, Loader=_BaseLoader)
    except (yaml.YAMLError, RecursionError):
        root = None
    if root is None:  # deeper than libyaml goes too (1,000 levels): JSON's brackets still tell the line
        depth, line = _deepest_bracket(text) if path.suffix.lower() == ".json" else (0, None)
        if line is None:
            return Problem(Location(display_path(path)), f"nests {TOO_DEEP}")
        return Problem(
            Location(display_path(path), "", line), f"a value on this line nests {depth} levels deep, {TOO_DEEP}"
        )
    key_lines: dict[int, int] = {}  # a value's line is its key's, as `SourceFile.line_of` has it
    collections = (yaml.MappingNode, yaml.SequenceNode)  # as `_data_children`: values that hold values

    def children(node: Any) -> Iterator[tuple[str, Any]]:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(value, collections):
                    key_lines[id(value)] = key.start_mark.line + 1
                    yield str(getattr(key, "value", "")), value
        elif isinstance(node, yaml.SequenceNode):
            yield from ((str(i), v) for i, v in enumerate(node.value) if isinstance(v, collections))

    depth, tokens, node = _deepest_path(root, children)
    line = key_lines.get(id(node), node.start_mark.line + 1)
    where = Location(display_path(path), join_pointer("", *tokens) if tokens else "", line)
    return Problem(where, f"this value nests {depth} levels deep, {TOO_DEEP}")


_JSON_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}\n]')


def _deepest_bracket(text: str) -> tuple[int, Optional[int]]:
    """How deep JSON text's brackets nest, and the line where they are deepest first."""
    depth = deepest = 0
    line, at = 1, None
    for token in _JSON_BRACKET.finditer(text):
        mark = token.group()
        if mark == "\n":
            line += 1
        elif mark in "[{":
            depth += 1
            if depth > deepest:
                deepest, at = depth, line
        elif mark in "]}":
            depth -= 1
    return deepest, at


def _data_children(node: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        yield from ((str(k), v) for k, v in node.items() if isinstance(v, (dict, list)))
    elif isinstance(node, list):
        yield from ((str(i), v) for i, v in enumerate(node) if isinstance(v, (dict, list)))


def _deepest_path(root: Any, children: Callable[[Any], Iterator[tuple[str, Any]]]) -> tuple[int, list[str], Any]:
    """The depth of the deepest value under `root`, and the keys and value `DEEPEST_SHOWN`
    levels down the way to it; iterative, as what it measures is too deep to recurse."""
    parents: list[tuple[int, str, Any]] = [(-1, "", root)]  # (parent's index, key, value) of each value seen
    stack: list[tuple[int, int]] = [(0, 0)]  # (index in parents, depth)
    deepest = (0, 0)
    while stack:
        index, depth = stack.pop()
        if depth > deepest[1]:
            deepest = (index, depth)
        for key, child in children(parents[index][2]):
            parents.append((index, key, child))
            stack.append((len(parents) - 1, depth + 1))
    way = []
    at = deepest[0]
    while at > 0:
        way.append(at)
        at = parents[at][0]
    way.reverse()
    shown = way[:DEEPEST_SHOWN]
    return deepest[1], [parents[i][1] for i in shown], parents[shown[-1]][2] if shown else root
