"""Stage 6, format: black's output, without paying black for every line.

Templates already write code in black's style (exploded brackets end with a magic trailing
comma, long imports are exploded, blank lines sit where black puts them). What they cannot
know is how black splits a long line or re-indents a docstring. So each file is cut into
logical statements; the statements black might change are collected from all files and
formatted by black in a few large batches (each statement dedented, with the line length it
has at its depth), and everything else is kept as written. Runtime modules that are not
written that way go through black whole. Results are cached by content, so regenerating
after a small change formats only what changed. Tests run plain black over generated trees
and require identical bytes.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import os
import re
import sqlite3
import tokenize
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Collection, Iterable, Mapping, Optional

from . import blacksplit
from .errors import Location, Problem, SdkgenError

LINE_LENGTH = 88
BATCH_SIZE = 4000

_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\'')
"""A string literal on one line; runs of plain characters are matched at once (ten times
faster on long strings than a character at a time)."""
_LONE_STRING = re.compile(rf"\s*(?:{_STRING.pattern}),?")
"""A line that is one string (an element of an exploded call, maybe): black cannot split it."""
_NAME = blacksplit.NAME
_UNSPLITTABLE = re.compile(
    rf"\s*(?:{_NAME}(?:\.{_NAME})*,?|{_NAME} as {_NAME},"
    rf"|class {_NAME}\(|(?:async )?def {_NAME}\("
    r"|#.*"
    r'|"[^"\\]*": "[^"\\]*",)'
)
"""Lines black leaves too long: a comment; a name alone (or an imported one, `NAME as NAME,`),
or a block opener's `class NAME(` or `def NAME(`, as black's own splits leave them
(templates write those only as black's split, see `as_black_splits`); an exploded dict's
`"key": "value",` item (no bracket to split at)."""
_CUT = "# sdkgen-cut "
_CUT_LINE = re.compile(r"^# sdkgen-cut (\d+)$", re.M)


@dataclass(frozen=True)
class Statement:
    """Lines `start` to `end` (exclusive) of a file: one logical statement at `indent`."""

    start: int
    end: int
    indent: int
    docstring: bool


@dataclass(frozen=True)
class _Job:
    """One statement that black must format: where it is and its text, dedented."""

    path: str
    statement: Statement
    text: str
    header: bool


def format_files(
    files: dict[str, str],
    python_paths: set[str],
    whole_paths: Iterable[str] = (),
    cache: Optional[Path] = None,
    vouched: Collection[str] = (),
    templates: Optional[Mapping[str, str]] = None,
) -> dict[str, str]:
    """Format the Python files among `files`; `whole_paths` go through black entirely.
    `vouched` lines are black's own however long (`as_black_splits` wrote them). `templates`
    names the override template of a whole path, so that output black cannot parse also
    names the file its author has to fix."""
    whole = set(whole_paths)
    result = dict(files)
    cached = _Cache(cache)
    pending: dict[str, list[str]] = {}
    jobs: list[_Job] = []
    by_path: dict[str, list[tuple[Statement, list[str]]]] = {}
    splits: dict[tuple[str, int, bool, bool], Optional[list[str]]] = {}  # big APIs repeat statements
    for path in sorted(python_paths):
        text = files[path]
        if path not in whole and _as_black_writes_it(text, vouched):
            continue  # most modules: nothing to do, not even a cache lookup
        hit = cached.get(text)
        if hit is not None:
            result[path] = hit
        elif path in whole:
            result[path] = cached.put(text, _black_whole(path, text, (templates or {}).get(path)))
        else:
            lines = text.split("\n")
            pending[path] = lines
            for job in _jobs_of(path, lines, vouched):
                shape = (job.text, job.statement.indent, job.header, job.statement.docstring)
                if shape not in splits:
                    splits[shape] = _split_of(job)
                known = splits[shape]
                if known is None:
                    jobs.append(job)
                else:
                    by_path.setdefault(path, []).append((job.statement, known))
    formatted = _run_jobs(jobs)
    for job, lines in zip(jobs, formatted):
        by_path.setdefault(job.path, []).append((job.statement, lines))
    for path, lines in pending.items():
        text = _splice(lines, by_path.get(path, []))
        result[path] = cached.put(files[path], text)
    cached.close()
    return result


def _as_black_writes_it(text: str, vouched: Collection[str] = ()) -> bool:
    """A quick, conservative verdict that black would leave a module alone: no line too long,
    no trailing whitespace, every docstring as black writes it, blank lines as black keeps them.
    False only means the module goes through the statement-by-statement path."""
    lines = text.split("\n")
    if "\t" in text or " \n" in text:  # (a text that ends in a space does not end in a newline)
        return False
    if "\n\n\n\n" in text or text.startswith("\n") or not text.endswith("\n") or text.endswith("\n\n"):
        return False
    if "\n\n\n" in text and re.search(r"\n\n\n(?:[ \t]|\Z)", text):
        return False  # two blank lines inside a block: black keeps one
    long_lines = []
    if max(map(len, lines)) > LINE_LENGTH:
        long_lines = [index for index, line in enumerate(lines) if len(line) > LINE_LENGTH]
    starts: list[int] = []  # the docstrings' first lines, and the lines after their last
    ends: list[int] = []
    position = line = 0  # where to look for the next docstring: an offset and its line
    while (found := _next_docstring(text, position)) is not None:
        line_start, opened = found
        start = line + text.count("\n", position, line_start)
        closing = text.find('"""', opened)
        if closing >= 0 and text.find("\\", opened, closing) < 0:  # no escapes: its closing quotes
            end = start + text.count("\n", line_start, closing) + 1
            position = text.find("\n", closing) + 1 or len(text)
        else:
            end = _end_of_docstring(lines, start)
            position = line_start + sum(len(text_line) + 1 for text_line in lines[start:end])
        if not _docstring_as_black_writes_it(lines[start:end], opened - 3 - line_start):
            return False
        starts.append(start)
        ends.append(end)
        line = end
    for index in long_lines:
        at = bisect.bisect_right(starts, index) - 1
        if at >= 0 and index < ends[at] or _kept_long(lines[index]) or lines[index] in vouched:
            continue
        if not _exploded_import(lines, index):
            return False  # outside the docstrings black keeps, and a line black would split
    return True


_IMPORT_OPENING = re.compile(r"( *)from [.\w]+ import \(")
_IMPORTED_NAME = re.compile(rf"{_NAME}(?: as {_NAME})?,")


def _exploded_import(lines: list[str], index: int) -> bool:
    """Whether line `index` opens an import exploded one name per line, each with its trailing
    comma (as `py_import` writes it): black's final form, however long the module's name."""
    opening = _IMPORT_OPENING.fullmatch(lines[index])
    if opening is None:
        return False
    pad = opening.group(1)
    inner = pad + "    "
    end = index + 1
    while end < len(lines) and lines[end].startswith(inner) and _IMPORTED_NAME.fullmatch(lines[end], len(inner)):
        end += 1
    return end > index + 1 and end < len(lines) and lines[end] == pad + ")"


def _kept_long(line: str) -> bool:
    """A line too long that black leaves as it is (a string, a name, a comment...), as
    `_needs_black` decides for a statement."""
    return _LONE_STRING.fullmatch(line) is not None or _UNSPLITTABLE.fullmatch(line) is not None


def as_black_splits(
    statement: str,
    indent: int = 0,
    known: Optional[dict[tuple[str, int, str], str]] = None,
    vouched: Optional[set[str]] = None,
    part: str = "",
) -> str:
    """A one-line statement at `indent` as black writes it, when its split is known without
    black (else as it is, for the format stage): templates use it for the lines a big API
    repeats thousands of times (model fields, class headers, union and enum aliases), so
    that their modules pass `_as_black_writes_it` and skip the statement-by-statement path.
    The first line comes without its indentation, which the template writes. `known` holds
    the long statements split before in the run (Kubernetes repeats each six times). With
    a `part`, the line is one line of a statement exploded one item per line: an "item" (a
    parameter, an argument) with its trailing comma, or the "closing" `) -> T:` of a `def`.

    A split may keep a line too long that the quick check cannot vouch for by itself (`name:
    (` after a very long name): with `vouched`, the split is written and that line added to
    it, for `format_files`; without, the statement is left to the format stage."""
    if indent + len(statement) <= LINE_LENGTH or "\n" in statement:
        return statement
    if known is not None and (statement, indent, part) in known:
        return known[statement, indent, part]
    written = statement  # unless black's split is known and has no line the quick check cannot vouch for
    if part:
        lines = blacksplit.predict_part(statement, indent, closing=part == "closing")
    else:
        lines = _split_of(_Job("", Statement(0, 1, indent, False), statement, statement.endswith(":")))
    if lines is not None:
        unvouched = [line for line in lines if len(line) > LINE_LENGTH and not _kept_long(line)]
        if not unvouched or vouched is not None:
            written = "\n".join(lines)[indent:]
            if vouched is not None:
                vouched.update(unvouched)
    if known is not None:
        known[statement, indent, part] = written
    return written


def format_python(path: str, source: str, whole: bool = False) -> str:
    """One module, formatted as `format_files` would format it."""
    return format_files({path: source}, {path}, {path} if whole else ())[path]


def statements(lines: list[str]) -> list[Statement]:
    """Cut lines into logical statements (brackets and triple-quoted strings span lines)."""
    found: list[Statement] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip()
        if not stripped:
            index += 1
            continue
        indent = len(line) - len(stripped)
        start = index
        if stripped.startswith('"""'):
            index = _end_of_docstring(lines, index)
            found.append(Statement(start, index, indent, True))
            continue
        depth = 0
        while True:
            bare = lines[index]
            if '"' in bare or "'" in bare:
                bare = _STRING.sub('""', bare)
            depth += bare.count("(") + bare.count("[") + bare.count("{")
            depth -= bare.count(")") + bare.count("]") + bare.count("}")
            index += 1
            if depth <= 0 or index >= len(lines):
                break
        found.append(Statement(start, index, indent, False))
    return found


def _next_docstring(text: str, position: int) -> Optional[tuple[int, int]]:
    """The next line from `position` (a line's start) that opens with three quotes after
    spaces: its offset, and the offset after the quotes. Found by looking for the quotes
    themselves: a regex for such lines is tried at every position of the text (0.1 s over
    Kubernetes' models)."""
    while (quotes := text.find('"""', position)) >= 0:
        line_start = text.rfind("\n", 0, quotes) + 1
        if not text[line_start:quotes].strip(" "):
            return line_start, quotes + 3
        position = quotes + 3
    return None


def _end_of_docstring(lines: list[str], index: int) -> int:
    first = lines[index].lstrip()[3:]
    if _closes(first):
        return index + 1
    index += 1
    while index < len(lines) and not _closes(lines[index]):
        index += 1
    return index + 1


def _closes(line: str) -> bool:
    """Whether a docstring's line has its closing quotes."""
    return '"""' in (_ESCAPE.sub("", line) if "\\" in line else line)


# A backslash and the character it escapes, dropped before looking for closing quotes: a
# docstring ending in an escaped backslash (two backslashes, then three quotes) is closed there.
_ESCAPE = re.compile(r"\\.")


def _jobs_of(path: str, lines: list[str], vouched: Collection[str] = ()) -> list[_Job]:
    jobs = []
    for statement in statements(lines):
        chunk = lines[statement.start : statement.end]
        if _needs_black(chunk, statement, vouched):
            indent = statement.indent
            text = "\n".join(line[indent:] if not line[:indent].strip() else line for line in chunk)
            header = not statement.docstring and _opens_block(text)
            jobs.append(_Job(path, statement, text, header))
    return jobs


def _opens_block(text: str) -> bool:
    """Whether a statement is a compound statement's header (`if x:`), which black parses
    only with a body: its last token is the colon, before any comment after it."""
    if text.rstrip().endswith(":"):
        return True
    if "#" not in text:
        return False
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in _TRAILING]
    except (tokenize.TokenError, SyntaxError):
        return False
    return bool(tokens) and tokens[-1].type == tokenize.OP and tokens[-1].string == ":"


_TRAILING = frozenset({tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER})


def _needs_black(chunk: list[str], statement: Statement, vouched: Collection[str] = ()) -> bool:
    if statement.docstring:
        return not _docstring_as_black_writes_it(chunk, statement.indent)
    if _exploded_import(chunk, 0):
        return False  # an import exploded one name per line is black's final form, however long
    if any(line != line.rstrip() for line in chunk):
        return True
    long_lines = [line for line in chunk if len(line) > LINE_LENGTH]
    return not all(_kept_long(line) or line in vouched for line in long_lines)


def _docstring_as_black_writes_it(chunk: list[str], indent: int) -> bool:
    """Whether black would leave a docstring as it is: stripped, indented, closed as black closes it."""
    first = chunk[0][indent:]
    if any("\t" in line or line != line.rstrip() for line in chunk) or first[3:4].isspace():
        return False
    last = chunk[-1]
    if not last.endswith('"""'):
        return False
    closing_alone = len(chunk) > 1 and last.strip() == '"""'
    text_end = last[:-3] if not closing_alone else ""
    if text_end.endswith('" '):
        pass  # black's own space: a quote ending the text cannot touch the closing quotes
    elif text_end.endswith((" ", '"', "\\")) and not text_end.endswith('\\"'):
        return False
    if len(chunk) == 1:
        return True
    if not closing_alone and len(last) > LINE_LENGTH:
        return False  # black moves the closing quotes of a too long last line onto a line of their own
    body = chunk[1:-1] if closing_alone else chunk[1:]
    indents = [len(line) - len(line.lstrip()) for line in body if line.strip()]
    return (not indents or min(indents) == indent) and (not closing_alone or last == " " * indent + '"""')


_SUBSCRIPTED = re.compile(
    rf"(?P<prefix>{_NAME}(?:: | = ))(?P<head>[A-Za-z_][\w.]*\[)(?P<body>.*)\](?P<tail>(?: = (?:None|UNSET))?)"
)


def _known_split(job: _Job) -> Optional[list[str]]:
    """Black's split of `NAME = Type[...]` and `NAME: Type[...]` (with a default of None or
    UNSET, as model fields have), the commonest long lines.

    Split after the last opening bracket; the contents go on one line if they fit, else one
    element per line with a trailing comma. Anything less simple is left to black.
    """
    if job.statement.docstring or job.header or "\n" in job.text:
        return None
    match = _SUBSCRIPTED.fullmatch(job.text)
    if match is None or not _balanced(match["body"]):
        return None
    indent = job.statement.indent
    limit = LINE_LENGTH - indent
    first = match["prefix"] + match["head"]
    body = match["body"]
    if len(first) > limit:
        return None
    closing = "]" + match["tail"]
    if match["tail"]:
        # A default after the subscript: when all before it fits with ` = (`, black keeps the
        # subscript whole and wraps the default in parentheses instead.
        kept = job.text[: -len(match["tail"])]
        if len(kept) + len(" = (") <= limit:
            value = match["tail"][len(" = ") :]
            return [" " * indent + line for line in (kept + " = (", "    " + value, ")")]
    if 4 + len(body) <= limit:
        lines = [first, "    " + body, closing]
    else:
        parts = _top_level_items(body)
        if len(parts) < 2 or any(4 + len(part) + 1 > limit for part in parts):
            return None
        lines = [first] + ["    " + part + "," for part in parts] + [closing]
    return [" " * indent + line for line in lines]


def _split_of(job: _Job) -> Optional[list[str]]:
    """Black's lines for a statement, when they are known without black."""
    return _known_split(job) or _predicted(job)


def _predicted(job: _Job) -> Optional[list[str]]:
    if job.statement.docstring:
        return None
    return blacksplit.predict(job.text, job.statement.indent, job.header)


def _balanced(text: str) -> bool:
    depth = 0
    for char in _STRING.sub('""', text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _top_level_items(text: str) -> list[str]:
    """Split at commas that are not inside brackets or strings."""
    items: list[str] = []
    depth = 0
    start = 0
    bare = _STRING.sub(lambda m: "_" * len(m.group()), text)
    for index, char in enumerate(bare):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index].strip())
            start = index + 1
    items.append(text[start:].strip())
    return [item for item in items if item]


def _run_jobs(jobs: list[_Job]) -> list[list[str]]:
    """Black's lines for every job, formatted in batches of statements that share a depth."""
    groups: dict[tuple[bool, int], list[int]] = {}
    for index, job in enumerate(jobs):
        groups.setdefault((job.statement.docstring, job.statement.indent), []).append(index)
    batches = [
        (docstring, indent, [jobs[i] for i in members[start : start + BATCH_SIZE]])
        for (docstring, indent), members in sorted(groups.items())
        for start in range(0, len(members), BATCH_SIZE)
    ]
    sources = [_batch_source(docstring, indent, batch) for docstring, indent, batch in batches]
    workers = min(len(sources), os.cpu_count() or 1)
    try:
        if workers > 1 and sum(len(s) for s, _ in sources) > 200_000:
            from concurrent.futures import ProcessPoolExecutor  # 9 ms to import, for the few runs that need it

            with ProcessPoolExecutor(workers) as pool:
                outputs = list(pool.map(_black_batch, sources))
        else:
            outputs = [_black_batch(source) for source in sources]
    except SdkgenError:
        _raise_at_unparsable([job for _, _, batch in batches for job in batch])
        raise
    results: dict[int, list[str]] = {}
    order = {id(job): i for i, job in enumerate(jobs)}
    for (docstring, indent, batch), output in zip(batches, outputs):
        parts = _split_batch(output, len(batch))
        for job, part in zip(batch, parts):
            results[order[id(job)]] = _place(part, job, docstring, indent)
    return [results[i] for i in range(len(jobs))]


def _batch_source(docstring: bool, indent: int, batch: list[_Job]) -> tuple[str, int]:
    """One module holding a batch of statements, each after a numbered cut marker."""
    pieces = []
    for number, job in enumerate(batch):
        if docstring:
            body = "\n".join(("    " + line) if line.strip() else "" for line in job.text.split("\n"))
            pieces.append(f"{_CUT}{number}\ndef _():\n{body}\n")
        else:
            pieces.append(f"{_CUT}{number}\n{job.text}\n" + ("    pass\n" if job.header else ""))
    # A docstring is formatted one level deep; give it the room it has at its own depth.
    line_length = LINE_LENGTH - indent + (4 if docstring else 0)
    return "".join(pieces), line_length


def _black(text: str, line_length: int, where: str, template: Optional[str] = None) -> str:
    """black itself, imported only when a run needs it (a tenth of a second of start-up).
    Code that does not parse is reported at `where`, naming the `template` that made it."""
    import black
    from black.mode import TargetVersion
    from black.parsing import InvalidInput

    mode = black.Mode(target_versions={TargetVersion.PY39}, line_length=line_length)
    try:
        return black.format_str(text, mode=mode)
    except InvalidInput as exc:
        made = f" (rendered from the template {template})" if template else ""
        raise SdkgenError([Problem(Location(where), f"generated code{made} does not parse: {exc}")]) from None


def _black_batch(source: tuple[str, int]) -> str:
    text, line_length = source
    return _black(text, line_length, "<generated code>")


def _raise_at_unparsable(jobs: list[_Job]) -> None:
    """A batch of statements black cannot parse names no file: black each statement alone to
    say which file and line made it (a template of sdkgen's, or an override)."""
    for job in jobs:
        try:
            _black(*_batch_source(job.statement.docstring, job.statement.indent, [job]), job.path)
        except SdkgenError as error:
            message = error.problems[0].message
            raise SdkgenError([Problem(Location(job.path, "", job.statement.start + 1), message)]) from None


def _split_batch(output: str, count: int) -> list[list[str]]:
    parts = _CUT_LINE.split(output)
    # parts: [before, "0", text0, "1", text1, ...]
    found = {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    if sorted(found) != list(range(count)):
        raise SdkgenError([Problem(Location("<generated code>"), "formatting lost track of a statement")])
    return [found[i].strip("\n").split("\n") for i in range(count)]


def _place(lines: list[str], job: _Job, docstring: bool, indent: int) -> list[str]:
    """Put black's lines back at the statement's depth."""
    if docstring:
        lines = [line[4:] for line in lines[1:]]  # drop the `def _():` stub and its level
    elif job.header:
        lines = lines[:-1]  # drop the `pass` body
    return [(" " * indent + line) if line else line for line in lines]


def _splice(lines: list[str], replacements: list[tuple[Statement, list[str]]]) -> str:
    output: list[str] = []
    cursor = 0
    for statement, new_lines in sorted(replacements, key=lambda item: item[0].start):
        output.extend(lines[cursor : statement.start])
        output.extend(new_lines)
        cursor = statement.end
    output.extend(lines[cursor:])
    return "\n".join(_collapse_blank_lines(output)).rstrip("\n") + "\n"


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    """At most two blank lines before top-level code and one inside blocks, as black allows."""
    result: list[str] = []
    blank = 0
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        if result:
            allowed = 2 if not line.startswith(" ") else 1
            result.extend([""] * min(blank, allowed))
        blank = 0
        result.append(line)
    return result


def _black_whole(path: str, source: str, template: Optional[str] = None) -> str:
    return _black(source, LINE_LENGTH, path, template)


@cache
def _formatter_key() -> str:
    """Cached results are only valid for the same black and the same formatting rules. Worked
    out when the cache is first asked (most runs never ask it): black's version is read from its
    installed metadata, which costs 15 ms to import and look up."""
    from importlib.metadata import version

    return hashlib.sha256(
        f"{version('black')}\0{LINE_LENGTH}\0".encode()
        + Path(__file__).read_bytes()
        + Path(blacksplit.__file__).read_bytes()
    ).hexdigest()


def default_cache_dir() -> Optional[Path]:
    """$SDKGEN_CACHE_DIR, else ~/.cache/sdkgen; `SDKGEN_CACHE_DIR=` (empty) turns the cache off."""
    configured = os.environ.get("SDKGEN_CACHE_DIR")
    if configured is not None:
        return Path(configured) / "format" if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sdkgen" / "format"


class _Cache:
    """Formatted files by the hash of their unformatted text (and of black's version), in one
    SQLite file: thousands of small files cost a cold run seconds of file-system calls. New
    entries are written together by `close`. Any trouble with the file only costs time."""

    FILE = "cache.sqlite3"

    def __init__(self, directory: Optional[Path]) -> None:
        self.directory = directory
        self._db: Optional[sqlite3.Connection] = None
        self._pending: dict[str, str] = {}

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{_formatter_key()}\0{text}".encode()).hexdigest()

    def _connection(self) -> Optional[sqlite3.Connection]:
        if self._db is None and self.directory is not None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.directory / self.FILE, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS formatted (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
                self._db = db
            except (OSError, sqlite3.Error):
                self.directory = None  # no cache this run
        return self._db

    def get(self, text: str) -> Optional[str]:
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT text FROM formatted WHERE key = ?", (self._key(text),)).fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None

    def put(self, text: str, formatted: str) -> str:
        if self.directory is not None:
            self._pending[self._key(text)] = formatted
        return formatted

    def close(self) -> None:
        """Write the new entries in one transaction, and let go of the file."""
        db = self._connection() if self._pending else self._db
        try:
            if db is not None and self._pending:
                with db:
                    db.execute("BEGIN")
                    db.executemany("INSERT OR REPLACE INTO formatted VALUES (?, ?)", self._pending.items())
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs time
        self._pending.clear()
        if self._db is not None:
            self._db.close()
            self._db = None
