"""Stage 5, render: Jinja2 with StrictUndefined, one template per kind of file."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Optional

import jinja2

from . import pysyntax
from .errors import Location, Problem, SdkgenError
from .formatting import as_black_splits
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


def environment(
    directory: Path, overrides: Optional[Path] = None, vouched: Optional[set[str]] = None
) -> jinja2.Environment:
    """Templates are looked up in `overrides` first, so a file there replaces the built-in one of
    the same name (and templates it includes or imports are found in either place). The long
    lines of black's splits that `black_splits`, `black_item` and `black_closing` write are
    added to `vouched`."""
    search = [str(overrides), str(directory)] if overrides is not None else [str(directory)]
    env = _Environment(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,  # one run renders thousands of files from a few templates: no stat per file
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


def overridden(files: list[PlannedFile], overrides: Optional[Path]) -> set[str]:
    """The planned files whose template the overrides directory replaces."""
    if overrides is None:
        return set()
    return {p.path for p in files if (overrides / p.template).is_file()}


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
    templates: dict[str, jinja2.Template] = {}
    for planned in files:
        try:
            template = templates.get(planned.template)
            if template is None:
                template = templates[planned.template] = env.get_template(planned.template)
            text = template.render(planned.context)
        except jinja2.TemplateError as exc:
            line = getattr(exc, "lineno", None)
            name = getattr(exc, "filename", None) or f"templates/{planned.template}"
            problem = Problem(Location(str(name), "", line), f"cannot render {planned.path}: {exc}")
            raise SdkgenError([problem]) from None
        yield planned.path, text
