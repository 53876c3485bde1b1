"""Stage 5, render: Jinja2 with StrictUndefined, one template per kind of file."""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
import pickle
import posixpath
import traceback
from collections import deque
from collections.abc import Iterator
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Optional

import jinja2
import jinja2.bccache
import jinja2.meta
from jinja2.loaders import split_template_path

from . import pysyntax
from .errors import Location, Problem, SdkgenError
from .formatting import as_black_splits, default_cache_dir
from .loader import display_path, undecodable_at
from .plan import PlannedFile


def templates_dir() -> Path:
    """Templates ship inside the installed package; in a checkout they sit at the top level."""
    here = Path(__file__).resolve().parent
    installed = here / "templates"
    return installed if installed.is_dir() else here.parent / "templates"


def py_value(value: Any) -> str:
    """A one-line Python literal of a scalar (None, bool, number or string)."""
    return pysyntax.py_literal(value)


def py_tuple(values: Any) -> str:
    """A one-line tuple literal of strings."""
    items = [pysyntax.py_str(v) for v in values]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def toml_str(text: Any) -> str:
    """A TOML basic string of any text, for pyproject.toml. `py_str` is Python's spelling: it
    may choose single quotes, which TOML reads as a literal string without escapes. JSON's
    escapes are TOML's, but TOML also wants DEL escaped."""
    return encode_basestring(str(text)).replace("\x7f", "\\u007f")


class _Environment(jinja2.Environment):
    """Jinja's environment, with `x.name` on a plan's dict looked up as its key first. Jinja
    tries the attribute first and catches the AttributeError a dict raises: 0.4 us an access,
    and a big API's templates make 430,000 of them (Kubernetes: 0.17 s). A key named like a
    dict method (`items`) is the key; templates call no dict methods."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class _UnreadableTemplate(jinja2.TemplateError):
    """A template file that cannot be read as UTF-8 text: Jinja's own UnicodeDecodeError names
    neither the file nor the line."""

    def __init__(self, filename: str, lineno: Optional[int], message: str) -> None:
        super().__init__(message)
        self.filename = filename
        self.lineno = lineno


class _Loader(jinja2.FileSystemLoader):
    """Jinja's file loader, with a file it cannot read reported as `_UnreadableTemplate`."""

    def get_source(self, environment: jinja2.Environment, template: str) -> Any:
        try:
            return super().get_source(environment, template)
        except jinja2.TemplateNotFound:  # an OSError too, but no file was read
            raise
        except UnicodeDecodeError:
            filename = self._filename(template)
            line, reason = _decoding_problem(Path(filename).read_bytes())
            raise _UnreadableTemplate(filename, line, f"the template is not UTF-8 text: {reason}") from None
        except OSError as exc:
            filename = str(exc.filename or template)
            raise _UnreadableTemplate(filename, None, f"cannot read the template: {exc.strerror}") from None

    def _filename(self, template: str) -> str:
        """The file Jinja read for `template`: the first search directory that has it."""
        candidates = (posixpath.join(d, *split_template_path(template)) for d in self.searchpath)
        return next(c for c in candidates if Path(c).is_file())


def _decoding_problem(data: bytes) -> tuple[Optional[int], str]:
    """The line of the first byte of `data` that is not UTF-8, and what is wrong with it
    (Jinja's decoder reads in chunks: its error's offset is within a chunk)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return undecodable_at(data, exc.start)[0], f"byte 0x{data[exc.start]:02x}: {exc.reason}"
    return None, "it changed while it was read"


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by an earlier run, kept beside the format cache: compiling the
    built-in ones costs each generation 0.1 s, most of a small API's. Jinja keys an entry by
    the template's file and checks it against the source's hash, so an edited template (or
    override) is compiled again; the key also has Jinja's version and the source of this
    module, which sets the options a template is compiled with. Any trouble with the files
    only costs time."""

    def get_cache_key(self, name: str, filename: Optional[str] = None) -> str:
        return super().get_cache_key(f"{_COMPILED_WITH}\0{name}", filename)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # unreadable or not Jinja's: compiled again

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


_COMPILED_WITH = hashlib.sha256(f"{jinja2.__version__}\0".encode() + Path(__file__).read_bytes()).hexdigest()


def _compiled_templates() -> Optional[jinja2.BytecodeCache]:
    cache_dir = default_cache_dir()
    if cache_dir is None:
        return None  # the cache is off
    directory = cache_dir.parent / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _CompiledTemplates(str(directory))


def environment(
    directory: Path, overrides: Optional[Path] = None, vouched: Optional[set[str]] = None
) -> jinja2.Environment:
    """Templates are looked up in `overrides` first, so a file there replaces the built-in one of
    the same name (and templates it includes or imports are found in either place). The long
    lines of black's splits that `black_splits`, `black_item` and `black_closing` write are
    added to `vouched`."""
    search = [str(overrides), str(directory)] if overrides is not None else [str(directory)]
    env = _Environment(
        loader=_Loader(search),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,  # one run renders thousands of files from a few templates: no stat per file
        bytecode_cache=_compiled_templates(),
    )
    env.filters["py_str"] = pysyntax.py_str
    env.filters["py_docstring"] = pysyntax.py_docstring
    env.filters["py_value"] = py_value
    env.filters["py_tuple"] = py_tuple
    env.filters["toml_str"] = toml_str
    env.filters["py_import"] = pysyntax.py_import
    known: dict[tuple[str, int, str], str] = {}  # one environment per run
    env.filters["black_splits"] = partial(as_black_splits, known=known, vouched=vouched)
    env.filters["black_item"] = partial(as_black_splits, known=known, vouched=vouched, part="item")
    env.filters["black_closing"] = partial(as_black_splits, known=known, vouched=vouched, part="closing")
    return env


def overridden(files: list[PlannedFile], overrides: Optional[Path]) -> dict[str, str]:
    """The planned files whose template the overrides directory replaces, each with that
    template's file as users name it (for errors in what it renders)."""
    if overrides is None:
        return {}
    return {p.path: display_path(overrides / p.template) for p in files if (overrides / p.template).is_file()}


def unused_overrides(overrides: Path) -> list[Problem]:
    """A warning for each file of the overrides directory that nothing renders from: it has no
    built-in template's name and no template of yours that is used includes, imports or extends
    it (a misspelt `python/model.py.jinja` would otherwise change nothing without a word).
    Nothing is said when a used template names its templates by a computed expression."""
    if not overrides.is_dir():
        return []  # `rendered_files` reports it
    builtin = set(_template_names(templates_dir()))
    mine = _template_names(overrides)
    env = jinja2.Environment()
    used = [name for name in mine if name in builtin]
    seen = set(used)
    queue = deque(used)
    while queue:
        name = queue.popleft()
        try:
            source = (overrides / name).read_text(encoding="utf-8")
            referenced = list(jinja2.meta.find_referenced_templates(env.parse(source)))
        except (OSError, UnicodeError, jinja2.TemplateSyntaxError):
            continue  # rendering reports what is wrong with a used template
        if None in referenced:
            return []
        for other in referenced:
            if other is not None and other in mine and other not in seen:
                seen.add(other)
                queue.append(other)
    problems = []
    for name in mine:
        if name in seen:
            continue
        close = difflib.get_close_matches(name, sorted(builtin), n=1, cutoff=0.8)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        message = (
            f"`{name}` replaces no built-in template and no template of yours uses it: nothing is made from it{hint}"
        )
        problems.append(Problem(Location(display_path(overrides / name)), message, "warning"))
    return problems


def _template_names(directory: Path) -> list[str]:
    """The templates under `directory` as Jinja names them (`python/model.py.jinja`), sorted;
    hidden files and directories left out."""
    names: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        base = Path(root).relative_to(directory)
        names.extend((base / f).as_posix() for f in files if not f.startswith("."))
    return sorted(names)


def render(
    files: list[PlannedFile], overrides: Optional[Path] = None, vouched: Optional[set[str]] = None
) -> dict[str, str]:
    """Every planned file rendered: see `rendered_files`."""
    return dict(rendered_files(files, overrides, vouched))


def rendered_files(
    files: list[PlannedFile], overrides: Optional[Path] = None, vouched: Optional[set[str]] = None
) -> Iterator[tuple[str, str]]:
    """Each planned file's path and text, in order, as it is rendered (a caller can encode a big
    page and let its text go before the next is rendered); a template error names the template
    (and where it came from) and the file. `vouched` collects the long lines black keeps that
    the `black_*` filters wrote (for `format_files`)."""
    if overrides is not None and not overrides.is_dir():
        raise SdkgenError([Problem(Location(str(overrides)), "templates directory not found")])
    env = environment(templates_dir(), overrides, vouched)
    assert isinstance(env.loader, jinja2.FileSystemLoader)
    search = [Path(os.path.normpath(d)) for d in env.loader.searchpath]  # as Jinja spells its files
    templates: dict[str, jinja2.Template] = {}
    for planned in files:
        try:
            template = templates.get(planned.template)
            if template is None:
                template = templates[planned.template] = env.get_template(planned.template)
            text = template.render(planned.context)
        except Exception as exc:  # an override template can fail in any way
            problem = _render_problem(exc, planned, search)
            if problem is None:
                raise  # a built-in template failed on a built-in context: a bug in sdkgen
            raise SdkgenError([problem]) from None
        yield planned.path, text


def _render_problem(exc: Exception, planned: PlannedFile, search: list[Path]) -> Optional[Problem]:
    """Where rendering `planned` failed: the innermost template line, read off the traceback
    (Jinja rewrites the frames of compiled templates to their template file and line),
    naming the templates that included or called it. `search` is the overrides directory, if
    any, then the built-in one. None when no override template had a part in an error that
    is not Jinja's: that is sdkgen's bug, not the user's input."""
    chain = _template_lines(exc, search)
    if isinstance(exc, (jinja2.TemplateSyntaxError, _UnreadableTemplate)) and exc.filename:
        chain.append((exc.filename, exc.lineno))  # the template that failed to load
    chain = list(dict.fromkeys(chain))  # a template including itself: each line once
    if not isinstance(exc, jinja2.TemplateError) and not any(_within(f, search[:-1]) for f, _ in chain):
        return None
    reason = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
    message = f"cannot render {planned.path}: {reason}"
    if not chain:
        return Problem(Location(f"templates/{planned.template}"), message)
    (filename, line), callers = chain[-1], chain[-2::-1]
    if callers:
        message += " (reached from " + ", from ".join(_at(f, n) for f, n in callers) + ")"
    return Problem(Location(display_path(Path(filename)), "", line), message)


def _template_lines(exc: BaseException, directories: list[Path]) -> list[tuple[str, Optional[int]]]:
    """The (template file, line) of each template frame of `exc`'s traceback, outermost first."""
    return [
        (frame.f_code.co_filename, line)
        for frame, line in traceback.walk_tb(exc.__traceback__)
        if _within(frame.f_code.co_filename, directories)
    ]


def _within(filename: str, directories: list[Path]) -> bool:
    return any(Path(filename).is_relative_to(d) for d in directories)


def _at(filename: str, line: Optional[int]) -> str:
    where = display_path(Path(filename))
    return where if line is None else f"{where}:{line}"
