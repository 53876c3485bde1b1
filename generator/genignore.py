"""`.genignore`: the output paths the user owns even though the generator would produce them.

The file sits in the output directory and holds one pattern per line, like `.gitignore`:

- blank lines and lines starting with `#` are skipped; trailing spaces are dropped;
- `src/pkg/models/pet.py` names one file; `docs/` (trailing slash) a directory and all below it;
  a pattern naming a directory without the slash also covers everything below it;
- a pattern with a slash at its start or in its middle is relative to the output directory
  (`/README.md` is only the top one); one without (`README.md`, `*.md`) matches at any depth;
- `*` matches any characters but `/`, `?` one character but `/`; `**` as a whole segment
  matches any number of directories (`**/README.md`, `docs/**`, `src/**/models`);
- `!pattern` takes a path back; the last matching line decides, so unlike git `!` also works
  below an ignored directory (`docs/` then `!docs/models/pet.md`);
- `\\` escapes the next character (`\\#notes`, `\\!x`); character classes (`[abc]`) are not supported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Location, Problem, SdkgenError
from .loader import display_path

GENIGNORE = ".genignore"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    directories_only: bool
    negated: bool


@dataclass(frozen=True)
class GenIgnore:
    rules: tuple[Rule, ...] = ()

    @staticmethod
    def parse(text: str) -> GenIgnore:
        return GenIgnore(tuple(rule for line in text.splitlines() if (rule := _rule(line)) is not None))

    @staticmethod
    def load(out_dir: Path) -> GenIgnore:
        """The rules of `out_dir/.genignore`; none when there is no such file. A file that
        cannot be read is an error, not an empty list: guessing would overwrite the user's files."""
        path = out_dir / GENIGNORE
        try:
            return GenIgnore.parse(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return GenIgnore()
        except (OSError, UnicodeDecodeError) as error:
            raise SdkgenError([Problem(Location(display_path(path)), f"cannot read .genignore: {error}")]) from None

    def ignores(self, path: str) -> bool:
        """Whether the `/`-separated path, relative to the output directory, belongs to the user."""
        directories = parent_directories(path)
        ignored = False
        for rule in self.rules:
            candidates = directories if rule.directories_only else [*directories, path]
            if any(rule.pattern.fullmatch(c) for c in candidates):
                ignored = not rule.negated
        return ignored


def parent_directories(path: str) -> list[str]:
    """The directories a `/`-separated path is in, outermost first: `a/b/c` -> `a`, `a/b`."""
    parts = path.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


def _rule(line: str) -> Rule | None:
    text = _strip_trailing_spaces(line)
    if not text or text.startswith("#"):
        return None
    negated = text.startswith("!")
    if negated:
        text = text[1:]
    directories_only = text.endswith("/")
    body = text.rstrip("/")
    if not body:
        return None
    anchored = "/" in body
    segments = body.lstrip("/").split("/")
    regex = "" if anchored else "(?:.*/)?"
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == "**":
            regex += ".*" if last else "(?:.*/)?"
        else:
            regex += _segment(segment) + ("" if last else "/")
    return Rule(re.compile(regex), directories_only, negated)


def _segment(segment: str) -> str:
    out = []
    chars = iter(segment)
    for char in chars:
        if char == "\\":
            out.append(re.escape(next(chars, "\\")))
        elif char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _strip_trailing_spaces(line: str) -> str:
    """Drop trailing spaces unless escaped (`a\\ `), as git does."""
    text = line.rstrip("\r\n")
    while text.endswith(" ") and not text.endswith("\\ "):
        text = text[:-1]
    return text
