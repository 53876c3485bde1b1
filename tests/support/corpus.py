"""The spec corpus harness: generate an SDK per document, check it works, exercise it.

Shared by ``bench/corpus.py`` (a Markdown report) and ``tests/test_corpus.py``
(pytest cases). The corpus (``/work/shared/specs``, or ``$SDKGEN_CORPUS_DIR``) is
read-only: every output goes to a directory the caller gives.

* :func:`documents` reads ``MANIFEST.tsv``;
* :func:`generate` runs ``sdkgen generate`` in a subprocess and measures the output;
* :func:`check_working` compiles, imports and ``mypy --strict``-checks it, and looks
  for its docs pages;
* :func:`exercise_with_prism` runs every documented usage snippet against
  ``prism mock`` of the document (``--errors``, then ``--dynamic``).

Every subprocess has a timeout, so no case can hang.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import select
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import referencing.exceptions
import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.errors import join_pointer
from generator.loader import get_pointer
from support.prism import (
    PROBLEM_TYPE_PREFIX,
    REPO_ROOT,
    REQUEST_REJECTIONS,
    PrismError,
    PrismServer,
    prism_mock,
)

CORPUS_DIR = Path(os.environ.get("SDKGEN_CORPUS_DIR", "/work/shared/specs"))
MANIFEST = CORPUS_DIR / "MANIFEST.tsv"
VENV_BIN = REPO_ROOT / ".venv" / "bin"
SDKGEN = VENV_BIN / "sdkgen"
MYPY = VENV_BIN / "mypy"
PYTHON = VENV_BIN / "python"

SMALL_LIMIT = 300 * 1024  # bytes, per MANIFEST's size_bytes: bigger documents are "large" (Spotify, 286 KB, is small)
GENERATE_TIMEOUT = 900.0
IMPORT_TIMEOUT = 300.0
MYPY_TIMEOUT = 900.0
CALL_TIMEOUT = 60.0  # one usage snippet, interpreter start included
CLIENT_TIMEOUT_MS = 20_000  # given to the client as timeout_ms
MAX_LISTED = 30  # problems listed per kind before "... and N more"

# Files of models/ that are SDK infrastructure, not API models.
MODEL_INFRASTRUCTURE = frozenset({"__init__.py", "_base.py", "sdkerror.py"})

# `file:line: /json/pointer: message`, the CLI's format for every problem (after `error: `).
LOCATED_RE = re.compile(r"^(?:error: )?(?P<file>[^\s:][^:]*):(?P<line>\d+): (?P<pointer>/.*?): (?P<message>\S.*)$")
# An operation method (or a property) of a resource class; group 2 marks properties.
_METHOD_RE = re.compile(r"^( *)(@[\w.]*property\n\1)?(async )?def (\w+)\(\n?\s*self\b", re.M)
# Attribute values may hold `>` (DigitalOcean's path `/<upload_url>`): quoted text is skipped whole.
_SNIPPET_RE = re.compile(
    r'<!-- UsageSnippet (?P<attrs>(?:[^>"]|"[^"]*")*?)\s*-->\s*\n```python\n(?P<code>.*?)```', re.S
)
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_CONSTRUCTOR_RE = re.compile(r"\bwith (\w+)\(")
_ENV_RE = re.compile(r"""os\.(?:getenv\(|environ\.get\(|environ\[)\s*["'](\w+)["']""")
_MYPY_ERROR_RE = re.compile(r"^\S+:\d+: error: ")
_DEPRECATED_RE = re.compile(r"\bis deprecated\b")
_SDK_HEADING_RE = re.compile(r"^## (\w+)\s*$", re.M)


# ------------------------------------------------------------------------ documents


@dataclass(frozen=True)
class Document:
    """One corpus document and what sdkgen should make of it."""

    name: str
    path: Path
    expected: str  # "sdk" or "error"
    size_bytes: int
    operations: int | None  # per MANIFEST
    notes: str

    @property
    def large(self) -> bool:
        """Too slow for CI by default (size per MANIFEST)."""
        return self.size_bytes >= SMALL_LIMIT


def _locate(name: str, path_in_repo: str) -> Path:
    """The corpus file of a MANIFEST row: ``name.<ext>``, or the root file of a ``name/`` tree."""
    tree = CORPUS_DIR / name
    if tree.is_dir():
        root = tree / Path(path_in_repo).name
        if root.is_file():
            return root
        raise FileNotFoundError(f"{name}: no {root.name} in {tree}")
    found = sorted(p for p in CORPUS_DIR.glob(f"{name}.*") if p.suffix in {".yaml", ".yml", ".json"})
    if len(found) != 1:
        raise FileNotFoundError(f"{name}: expected one {name}.yaml/.yml/.json in {CORPUS_DIR}, found {found}")
    return found[0]


def documents() -> list[Document]:
    """Every MANIFEST row, in MANIFEST order; ``opc-err-*`` (invalid on purpose) expect an error.

    Documents that are not APIs in the usual sense (e.g. ``oai-webhook-example``, 0
    operations) still expect an SDK.
    """
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    result = []
    for row in rows:
        name = row["name"]
        notes = row.get("notable_features", "")
        broken = name.startswith("opc-err-") or "INVALID ON PURPOSE" in notes
        ops = row.get("operations", "").strip()
        result.append(
            Document(
                name=name,
                path=_locate(name, row["path_in_repo"]),
                expected="error" if broken else "sdk",
                size_bytes=int(row["size_bytes"]),
                operations=int(ops) if ops.isdigit() else None,
                notes=notes,
            )
        )
    return result


# ----------------------------------------------------------------------- generation


@dataclass
class Outcome:
    """What ``sdkgen generate`` did with one document."""

    document: str
    expected: str
    exit_code: int | None  # None: timed out
    seconds: float
    stderr_first: str
    stderr: str
    out_entries: int  # entries in the out dir afterwards
    operations: int = 0
    models: int = 0
    files: int = 0
    lines: int = 0

    @property
    def problem(self) -> str | None:
        """Why the outcome is not what the document expects, or None."""
        if self.exit_code is None:
            return f"timeout after {self.seconds:.0f}s"
        if self.expected == "sdk":
            if self.exit_code != 0:
                return f"exit {self.exit_code}: {self.stderr_first}"
            return None
        if self.exit_code != 1:
            return f"exit {self.exit_code} (expected 1): {self.stderr_first or 'no message'}"
        if not LOCATED_RE.match(self.stderr_first):
            return f"message not in `file:line: /pointer: message` form: {self.stderr_first!r}"
        if self.out_entries:
            return f"out dir not empty after the error ({self.out_entries} entries)"
        return None

    @property
    def status(self) -> str:
        """``sdk``, ``error (expected)`` or ``FAIL``."""
        if self.problem is not None:
            return "FAIL"
        return "sdk" if self.expected == "sdk" else "error (expected)"


def package_dir(out: Path) -> Path | None:
    """The generated package: the one ``src/<name>/__init__.py``."""
    found = sorted(p.parent for p in (out / "src").glob("*/__init__.py"))
    return found[0] if len(found) == 1 else None


def _operation_methods(source: str) -> list[str]:
    """Sync operation methods of a resource module (no properties, no private names)."""
    return [
        m.group(4)
        for m in _METHOD_RE.finditer(source)
        if not m.group(2) and not m.group(3) and not m.group(4).startswith("_")
    ]


def operations_by_module(package: Path) -> dict[str, list[str]]:
    """``{resource module stem: [operation method names]}`` for modules with operations."""
    result = {}
    for module in sorted((package / "resources").glob("*.py")):
        methods = _operation_methods(module.read_text(encoding="utf-8"))
        if methods:
            result[module.stem] = methods
    return result


def model_files(package: Path) -> list[Path]:
    """The API models: files of models/ minus the infrastructure."""
    return sorted(
        p for p in (package / "models").glob("*.py") if p.name not in MODEL_INFRASTRUCTURE
    )


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def generate(
    doc: Document, out: Path, *, config: Path | None = None, timeout: float = GENERATE_TIMEOUT
) -> Outcome:
    """Run ``sdkgen generate`` on ``doc`` into ``out`` (which should not exist yet)."""
    command = [str(SDKGEN), "generate", str(doc.path), "--out", str(out), "--quiet"]
    if config is not None:
        command += ["--config", str(config)]
    started = time.monotonic()
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        exit_code: int | None = proc.returncode
        stderr = proc.stderr
    except subprocess.TimeoutExpired as exc:
        exit_code = None
        raw = exc.stderr or b""
        stderr = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    seconds = time.monotonic() - started
    first = next((line.strip() for line in stderr.splitlines() if line.strip()), "")
    entries = sum(1 for _ in out.iterdir()) if out.is_dir() else 0
    outcome = Outcome(doc.name, doc.expected, exit_code, seconds, first, stderr, entries)
    package = package_dir(out) if exit_code == 0 else None
    if package is not None:
        outcome.operations = sum(len(m) for m in operations_by_module(package).values())
        outcome.models = len(model_files(package))
        files = [p for p in out.rglob("*") if p.is_file()]
        outcome.files = len(files)
        outcome.lines = sum(_count_lines(p) for p in files)
    return outcome


# --------------------------------------------------------------------- working SDK


@dataclass
class CheckReport:
    """Problems of a generated SDK, and how long mypy took."""

    problems: list[str] = field(default_factory=list)
    mypy_seconds: float | None = None


_IMPORT_SCRIPT = """\
import importlib, json, sys, traceback
failed = {}
def attempt(name, load):
    try:
        load()
    except BaseException as exc:
        failed[name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
models = sys.argv[1].split(".")[0] + ".models"
if models in sys.argv[1:]:  # first as users reach them: each name the models package exports
    attempt(models, lambda: importlib.import_module(models))
    for export in getattr(sys.modules.get(models), "__all__", []):
        attempt(f"{models}.{export}", lambda: getattr(sys.modules[models], export))
for name in sys.argv[1:]:
    attempt(name, lambda: importlib.import_module(name))
print(json.dumps(failed))
"""


def _capped(kind: str, items: Sequence[str]) -> list[str]:
    """``kind: item`` each, at most MAX_LISTED, then one ``... and N more`` line."""
    listed = [f"{kind}: {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        listed.append(f"{kind}: ... and {len(items) - MAX_LISTED} more")
    return listed


def _module_names(package: Path) -> list[str]:
    """Dotted names of every module of the package."""
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _child_env(src: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for a child interpreter that must see only the generated package."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.update(PYTHONPATH=str(src), PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
    env.update(extra or {})
    return env


def _check_imports(out: Path, package: Path, timeout: float) -> list[str]:
    """Import every module of the package in a fresh interpreter."""
    try:
        proc = subprocess.run(
            [str(PYTHON), "-c", _IMPORT_SCRIPT, *_module_names(package)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_child_env(out / "src"),
            cwd=out,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [f"import: timeout after {timeout:.0f}s"]
    try:
        failed: dict[str, str] = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return [f"import: checker crashed: {proc.stderr.strip()[-300:]}"]
    return _capped("import", [f"{name}: {error}" for name, error in failed.items()])


def _check_mypy(out: Path, timeout: float, report: CheckReport) -> list[str]:
    """``mypy --strict src`` from within out/ (it reads out/pyproject.toml's [tool.mypy]).

    The SDKs generated side by side share one mypy cache: most of a cold run (about 4 s of
    4.5 for a small SDK) is typeshed, pydantic and httpx, which are the same for all of them.
    mypy checks each cached module against its file's path and hash, so another SDK's
    modules of the same name are checked again, never trusted (a type error planted in the
    second of two SDKs is still found)."""
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [str(MYPY), "--strict", "--cache-dir", str(out.parent / ".mypy-cache-shared"), "src"],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=out,
            env=_child_env(out / "src"),
            check=False,
        )
    except subprocess.TimeoutExpired:
        report.mypy_seconds = time.monotonic() - started
        return [f"mypy: timeout after {timeout:.0f}s"]
    report.mypy_seconds = time.monotonic() - started
    if proc.returncode == 0:
        return []
    errors = [line for line in proc.stdout.splitlines() if _MYPY_ERROR_RE.match(line)]
    if not errors:
        return [f"mypy: exit {proc.returncode}: {(proc.stdout + proc.stderr).strip()[-300:]}"]
    return _capped("mypy", errors)


def _check_docs(out: Path, package: Path) -> list[str]:
    """A docs/sdks page listing every resource module's operations; a page per model."""
    problems = []
    pages = {
        page: set(_SDK_HEADING_RE.findall(page.read_text(encoding="utf-8")))
        for page in (out / "docs" / "sdks").glob("*/README.md")
    }
    for module, methods in operations_by_module(package).items():
        if not any(set(methods) <= headings for headings in pages.values()):
            problems.append(f"resource group {module} ({', '.join(methods)}): no docs/sdks/*/README.md documents it")
    for model in model_files(package):
        if not (out / "docs" / "models" / f"{model.stem}.md").is_file():
            problems.append(f"model {model.stem}: docs/models/{model.stem}.md missing")
    return _capped("docs", problems)


def check_working_report(
    out: Path, *, import_timeout: float = IMPORT_TIMEOUT, mypy_timeout: float = MYPY_TIMEOUT
) -> CheckReport:
    """pyproject.toml, compile, import, ``mypy --strict``, docs pages: all problems found."""
    report = CheckReport()
    if not (out / "pyproject.toml").is_file():
        report.problems.append("layout: pyproject.toml missing")
    package = package_dir(out)
    if package is None:
        report.problems.append(f"layout: no single package src/<name>/__init__.py in {out}")
        return report
    syntax = []
    for path in sorted(package.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            lineno = getattr(exc, "lineno", None)
            syntax.append(f"{path.relative_to(out)}:{lineno}: {type(exc).__name__}: {exc}")
    report.problems += _capped("compile", syntax)
    report.problems += _check_imports(out, package, import_timeout)
    report.problems += _check_mypy(out, mypy_timeout, report)
    report.problems += _check_docs(out, package)
    return report


def check_working(out: Path) -> list[str]:
    """Problems that keep the SDK in ``out`` from being a working package (empty: fine)."""
    return check_working_report(out).problems


# ---------------------------------------------------------------------------- prism


@dataclass(frozen=True)
class Snippet:
    """A documented usage example of one operation."""

    operation_id: str
    method: str
    path: str
    page: Path
    code: str


def usage_snippets(out: Path) -> list[Snippet]:
    """Every ``<!-- UsageSnippet ... -->`` python block of docs/sdks/*/README.md."""
    snippets = []
    for page in sorted((out / "docs" / "sdks").glob("*/README.md")):
        for match in _SNIPPET_RE.finditer(page.read_text(encoding="utf-8")):
            attrs = dict(_ATTR_RE.findall(match.group("attrs")))
            snippets.append(
                Snippet(
                    operation_id=attrs.get("operationID", "?"),
                    method=attrs.get("method", "?").upper(),
                    path=attrs.get("path", "?"),
                    page=page,
                    code=match.group("code"),
                )
            )
    return snippets


def point_at(code: str, url: str) -> str | None:
    """The snippet with ``server_url``, ``retry_config=None`` and ``timeout_ms`` given
    to its client constructor (a minimal textual edit); None if there is no ``with Cls(``."""
    inserted = f"server_url={url!r}, retry_config=None, timeout_ms={CLIENT_TIMEOUT_MS}, "
    edited, count = _CONSTRUCTOR_RE.subn(lambda m: f"{m.group(0)}{inserted}", code, count=1)
    return edited if count == 1 else None


# Runs in the child: runs the snippets it is sent one after another (each line of stdin holds
# a snippet's path and where its result goes), records every httpx exchange of each, and says
# `done` on the pipe it is given once a result is written. The SDK is imported once, by the first.
_SNIPPET_RUNNER = """\
import json, os, sys, traceback
import httpx

done = os.fdopen(int(sys.argv[1]), "w")
exchanges = []

def record(request, response):
    try:
        sent = request.content.decode("utf-8", "replace")[:1000]
    except Exception:
        sent = "<streamed>"
    exchanges.append({
        "method": request.method, "url": str(request.url), "request_body": sent,
        "status": response.status_code,
        "content_type": response.headers.get("content-type", ""),
        "sl_violations": response.headers.get("sl-violations"),
        "body": response.content.decode("utf-8", "replace")[:4000],
        "whole_body": response.content.decode("utf-8", "replace") if len(response.content) <= 2_000_000 else None,
    })

real_send, real_async_send = httpx.Client.send, httpx.AsyncClient.send

def send(self, request, **kwargs):
    response = real_send(self, request, **kwargs)
    response.read()
    record(request, response)
    return response

async def async_send(self, request, **kwargs):
    response = await real_async_send(self, request, **kwargs)
    await response.aread()
    record(request, response)
    return response

httpx.Client.send, httpx.AsyncClient.send = send, async_send
for line in sys.stdin:
    snippet_path, result_path = json.loads(line)
    exchanges.clear()
    error = None
    try:
        with open(snippet_path, encoding="utf-8") as handle:
            code = compile(handle.read(), snippet_path, "exec")
        exec(code, {"__name__": "__main__"})
    except BaseException as exc:
        error = {
            "type": type(exc).__name__,
            "mro": [cls.__name__ for cls in type(exc).__mro__],
            "module": type(exc).__module__,
            "message": str(exc)[:2000],
            "where": traceback.format_exc().strip().splitlines()[-3:-1],
        }
    with open(result_path, "w", encoding="utf-8") as handle:
        json.dump({"exchanges": list(exchanges), "error": error}, handle)
    sys.stdout.flush()
    sys.stderr.flush()
    done.write("done\\n")
    done.flush()
"""


@dataclass
class CallResult:
    """One snippet run: what went over the wire, what the client raised, what Prism logged."""

    exchanges: list[dict[str, Any]]
    error: dict[str, Any] | None
    log_errors: list[str]
    timed_out: bool = False
    stderr: str = ""


class SnippetRunner:
    """Runs snippets one after another in one child interpreter (PYTHONPATH=out/src).

    Why one child for all: starting an interpreter and importing the SDK was most of a
    snippet's run (0.2-0.5 s each, hundreds per corpus run). A snippet that hangs or kills
    its child costs only a fresh child for the snippets after it.
    """

    def __init__(self, src: Path, credentials: dict[str, str], workdir: Path) -> None:
        self._env = _child_env(src, credentials)
        self._workdir = workdir
        self._output = workdir / "child-output.txt"  # the snippets' stdout and stderr
        self._process: subprocess.Popen[bytes] | None = None
        self._done = -1  # the read end of the child's `done` pipe
        self._count = 0

    def __enter__(self) -> SnippetRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, code: str, timeout: float) -> tuple[dict[str, Any] | None, bool, str]:
        """(the child's result, whether it timed out, what it wrote meanwhile); no result
        when the child died or timed out (it is then replaced for the next snippet)."""
        self._count += 1
        script, result = self._workdir / f"snippet{self._count}.py", self._workdir / f"result{self._count}.json"
        script.write_text(code, encoding="utf-8")
        deadline = time.monotonic() + timeout
        process = self._started()
        written = self._output.stat().st_size
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps([str(script), str(result)]).encode() + b"\n")
            process.stdin.flush()
        except OSError:
            pass  # it died: reading the pipe says so
        answered = self._wait_done(deadline)
        with self._output.open("rb") as handle:
            handle.seek(written)
            output = handle.read().decode("utf-8", "replace")
        if answered is not True:
            self.close()
            return None, answered is None, output
        return json.loads(result.read_text(encoding="utf-8")), False, output

    def close(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            assert self._process.stdin is not None
            with contextlib.suppress(OSError):
                self._process.stdin.close()
            os.close(self._done)
            self._process = None

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            read, write = os.pipe()
            with self._output.open("ab") as output:
                self._process = subprocess.Popen(
                    [str(PYTHON), "-c", _SNIPPET_RUNNER, str(write)],
                    stdin=subprocess.PIPE,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    env=self._env,
                    cwd=self._workdir,
                    pass_fds=(write,),
                )
            os.close(write)
            self._done = read
        return self._process

    def _wait_done(self, deadline: float) -> bool | None:
        """True once the child says `done`, False when it died first, None at the deadline."""
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self._done], [], [], remaining)
            if ready:
                return os.read(self._done, 64).startswith(b"done")  # b"": the child is gone
        return None


def run_snippet(code: str, server: PrismServer, runner: SnippetRunner, *, timeout: float = CALL_TIMEOUT) -> CallResult:
    """Run edited snippet code in ``runner``'s child against ``server``; Prism's log lines
    for its requests are those up to the barrier sent once it is done."""
    mark = server.mark()
    data, timed_out, output = runner.run(code, timeout)
    log_errors = server.validator_errors(since=mark, until=server.barrier(), settle=0)
    if timed_out:
        return CallResult([], None, log_errors, timed_out=True)
    if data is None:
        return CallResult([], {"type": "RunnerCrash", "mro": [], "message": output.strip()[-500:]}, log_errors)
    return CallResult(data["exchanges"], data["error"], log_errors, stderr=output)


def _prism_kind(exchange: dict[str, Any]) -> str | None:
    """Prism's own error kind (``UNPROCESSABLE_ENTITY``...) of a problem+json answer, if any."""
    if "problem+json" not in exchange.get("content_type", ""):
        return None
    try:
        body = json.loads(exchange["body"])
    except ValueError:
        return None
    kind = body.get("type") if isinstance(body, dict) else None
    return kind[len(PROBLEM_TYPE_PREFIX) :] if isinstance(kind, str) and kind.startswith(PROBLEM_TYPE_PREFIX) else None


_LOCATION_RE = re.compile(r'"location":\[([^\]]*)\][^{}]*?"message":"((?:[^"\\]|\\.)*)"')


def _parse_violations(header: str) -> list[dict[str, Any]]:
    """Prism's `sl-violations` header: a JSON list, or when there are many, `Too many
    violations! ` and a JSON list cut short; what can be read of it is kept, by location."""
    start = header.find("[")
    try:
        parsed = json.loads(header[start:]) if start >= 0 else None
    except ValueError:
        parsed = None
    if isinstance(parsed, list):
        return [item for item in parsed if isinstance(item, dict)]
    found = [
        {"location": [part.strip().strip('"') for part in location.split(",") if part.strip()], "message": message}
        for location, message in _LOCATION_RE.findall(header)
    ]
    return found or [{"location": ["request"], "message": header}]


def _wire_violations(exchange: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(request-side, response-side) violations: ``sl-violations`` and problem+json bodies.

    Warnings (e.g. a deprecated parameter) are left out.
    """
    items: list[dict[str, Any]] = []
    if exchange.get("sl_violations"):
        items += _parse_violations(exchange["sl_violations"])
    kind = _prism_kind(exchange)
    if kind is not None:
        body = json.loads(exchange["body"])
        validation = body.get("validation")
        if isinstance(validation, list):
            items += [v for v in validation if isinstance(v, dict)]
        elif kind in REQUEST_REJECTIONS:
            items.append({"location": ["request"], "message": str(body.get("title", kind))})
    request: list[str] = []
    response: list[str] = []
    for item in items:
        if str(item.get("severity", "Error")).lower() not in {"error", "0"}:
            continue
        location = [str(part) for part in item.get("location", [])]
        text = f"{'.'.join(location) or 'request'}: {item.get('message', '')}"
        (response if location[:1] == ["response"] else request).append(text)
    return list(dict.fromkeys(request)), list(dict.fromkeys(response))


def _merge(entries: list[str]) -> list[str]:
    """Distinct violations: Prism's log ``Violation: request.x msg`` as ``request.x: msg``,
    and a bare message dropped when a located twin is there."""
    located = []
    for entry in entries:
        match = re.match(r"Violation: (\S+) (.*)$", entry)
        located.append(f"{match.group(1)}: {match.group(2)}" if match else entry)
    unique = list(dict.fromkeys(located))
    return [e for e in unique if not any(o != e and o.endswith(f": {e}") for o in unique)]


def _where(exchange: dict[str, Any]) -> str:
    """``GET /path?query`` (no host: Prism's port changes between passes)."""
    url = urlsplit(exchange["url"])
    query = url.query if len(url.query) <= 60 else url.query[:57] + "..."
    return f"{exchange['method']} {url.path}" + (f"?{query}" if query else "")


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


ResponseCheck = Callable[[dict[str, Any]], "str | None"]
"""Why an exchange's response breaks the document's own schema for it, or None."""


def classify(call: CallResult, package: str, breaks_schema: ResponseCheck | None = None) -> tuple[str, str] | None:
    """``("fail", why)`` when a snippet run failed (``prism``, ``client``, ``parse``,
    ``timeout``), ``("note", what)`` when it proved nothing but is no SDK fault, else None.

    No SDK faults: the spec's own example violating its schema (``--errors`` 500), a
    response Prism cannot mock, a spec-defined error status answered to a valid request
    (operations without a 2xx response) that the SDK raised as its own error.
    """
    if call.timed_out:
        return "fail", f"timeout: no result within {CALL_TIMEOUT:.0f}s"
    request_side: list[str] = []
    response_side: list[str] = []
    for exchange in call.exchanges:
        req, resp = _wire_violations(exchange)
        request_side += req
        response_side += resp
    logged = [e for e in call.log_errors if not e.startswith("Violation: response")]
    request_side = _merge(request_side + [e for e in logged if not _DEPRECATED_RE.search(e)])
    last = call.exchanges[-1] if call.exchanges else None
    error = call.error
    if request_side:
        where = f"{last['status']} on {_where(last)}" if last else "(no response)"
        return "fail", _short(f"prism {where}: " + "; ".join(request_side))
    if error is None:
        return None if call.exchanges else ("fail", "client: the snippet sent no request")
    message = f"{error['type']}: {error['message']}"
    if "ResponseValidationError" in error.get("mro", []):
        why = breaks_schema(last) if last is not None and breaks_schema is not None else None
        if why is not None:  # the SDK refused what the document forbids: right
            return "note", _short(f"prism's response breaks the document's schema ({why}): {message}")
        return "fail", _short(f"parse: {message}")
    if last is None:
        where = re.sub(r'File "[^"]*/(snippet\.py)"', r"\1", " ".join(error.get("where", [])))
        return "fail", _short(f"client: {message} [{where}]")
    own_error = str(error.get("module", "")).split(".")[0] == package
    if last["status"] >= 400 and own_error:
        kind = _prism_kind(last)
        if kind == "VIOLATIONS" and response_side:
            return "note", _short(f"spec example violates the spec: {'; '.join(response_side)}")
        if kind is not None and kind not in REQUEST_REJECTIONS:
            return "note", _short(f"prism cannot mock the response ({kind}): {last['body']}")
        if kind is None:
            return "note", f"valid request answered {last['status']} by the spec's own response"
        return "fail", _short(f"prism {last['status']} on {_where(last)}: {last['body']}")
    return "fail", _short(f"client: {message} (after {last['status']} {last['content_type']})")


@dataclass
class PrismReport:
    """Per-operation failures against Prism, and how much was exercised."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    operations: int = 0
    failed: int = 0
    seconds: float = 0.0


PASSES: tuple[tuple[str, bool, bool], ...] = (("errors", True, False), ("dynamic", False, True))


def _prism_reason(error: PrismError) -> str:
    """The telling line of Prism's output when it refused to start."""
    text = str(error)
    lines = [line.strip() for line in text.split("output:", 1)[-1].splitlines() if line.strip()]
    telling = [line for line in lines if re.search(r"error|invalid|cannot|unable|fatal", line, re.I)]
    return _short((telling or lines or [text])[0])


def exercise_report(doc: Document, out: Path, *, call_timeout: float = CALL_TIMEOUT) -> PrismReport:
    """Run every usage snippet against ``prism mock --errors``, then ``--dynamic``.

    The dynamic pass runs without ``--errors``, as the Friendli contract test does: with
    it, Prism would replace each random body violating the spec by a 500. Request-side
    violations still show in ``sl-violations`` and Prism's log there.
    """
    started = time.monotonic()
    report = PrismReport()
    snippets = usage_snippets(out)
    report.operations = len(snippets)
    if not snippets:
        return report
    package = package_dir(out)
    name = package.name if package else ""
    failures: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    credentials = {name: f"prism-corpus-{name.lower()}" for s in snippets for name in _ENV_RE.findall(s.code)}
    checker = ResponseChecker(doc.path)
    for label, errors, dynamic in PASSES:
        try:
            stack = contextlib.ExitStack()
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sdkgen-snippets-")))
            runner = stack.enter_context(SnippetRunner(out / "src", credentials, workdir))
            server = stack.enter_context(prism_mock(doc.path, errors=errors, dynamic=dynamic))
            try:
                for snippet in snippets:
                    if server.process.poll() is not None:
                        # A request Prism cannot handle (an odd media type) can kill it; the
                        # operations after it deserve a live server.
                        server.stop()
                        server = stack.enter_context(prism_mock(doc.path, errors=errors, dynamic=dynamic))
                    code = point_at(snippet.code, server.url)
                    verdict = (
                        classify(run_snippet(code, server, runner, timeout=call_timeout), name, checker.bind(snippet))
                        if code is not None
                        else ("fail", "snippet: no `with Client(` constructor to give server_url")
                    )
                    if verdict is not None:
                        kind, text = verdict
                        shared = _shared_url(snippet, snippets)
                        if kind == "fail" and shared is not None:
                            kind, text = "note", f"Prism takes the URL for {shared}'s: {text}"
                        (failures if kind == "fail" else notes).setdefault(snippet.operation_id, []).append(
                            f"[{label}] {text}"
                        )
            finally:
                stack.close()
        except PrismError as exc:
            report.problems = [f"prism cannot serve {doc.name} ({label}): {_prism_reason(exc)}"]
            report.failed = len(snippets)
            report.seconds = time.monotonic() - started
            return report
    report.problems = [f"{op}: {_passes(found)}" for op, found in failures.items()]
    report.notes = [f"{op}: {_passes(found)}" for op, found in notes.items()]
    report.failed = len(failures)
    report.seconds = time.monotonic() - started
    return report


class ResponseChecker:
    """Checks a response Prism sent against the document's own schema for it.

    Why: with ``--errors`` Prism answers with the document's examples, and some break their
    schema (Box's ``created_by`` example is a list where an object is due). An SDK refusing
    such a body is right; one refusing a body the schema accepts is not. Only what can be
    known is told: a response, media type or ``$ref`` that cannot be followed gives no verdict.
    """

    def __init__(self, spec: Path) -> None:
        text = spec.read_text(encoding="utf-8")
        self._data: Any = json.loads(text) if spec.suffix == ".json" else yaml.load(text, Loader=yaml.CSafeLoader)
        version = str(self._data.get("openapi", "")) if isinstance(self._data, dict) else ""
        self._validator = OAS31Validator if version.startswith("3.1") else OAS30Validator
        draft = DRAFT202012 if version.startswith("3.1") else DRAFT4
        self._registry: Registry[Any] = Registry().with_resource(
            _DOCUMENT_URI, Resource.from_contents(self._data, default_specification=draft)
        )

    def bind(self, snippet: Snippet) -> ResponseCheck:
        return lambda exchange: self.breaks(snippet, exchange)

    def breaks(self, snippet: Snippet, exchange: dict[str, Any]) -> str | None:
        pointer = self._schema_pointer(snippet, exchange)
        body = exchange.get("whole_body")
        if pointer is None or body is None:
            return None
        try:
            instance = json.loads(body)
            validator = self._validator({"$ref": f"{_DOCUMENT_URI}#{pointer}"}, registry=self._registry)
            errors = sorted(validator.iter_errors(instance), key=lambda e: [str(part) for part in e.absolute_path])
        except _UNKNOWABLE:  # a body that is not JSON, a schema the validator cannot use
            return None
        found = list(
            dict.fromkeys(
                f"/{'/'.join(str(part) for part in e.absolute_path)}: "
                + (e.message if len(e.message) <= 80 else f"fails `{e.validator}`")
                for e in errors
            )
        )
        return "; ".join(found[:3]) + (f"; {len(found) - 3} more" if len(found) > 3 else "") if found else None

    def _schema_pointer(self, snippet: Snippet, exchange: dict[str, Any]) -> str | None:
        """The JSON pointer of the schema of the response with the exchange's status and
        media type (Swagger 2.0: its one schema), followed through one local ``$ref`` of the
        response object."""
        operation = ((self._data.get("paths") or {}).get(snippet.path) or {}).get(snippet.method.lower())
        responses = operation.get("responses") if isinstance(operation, dict) else None
        if not isinstance(responses, dict):
            return None
        status = str(exchange["status"])
        key = next((k for k in (status, f"{status[0]}XX", f"{status[0]}xx", "default") if k in responses), None)
        if key is None:
            return None
        pointer = join_pointer("", "paths", snippet.path, snippet.method.lower(), "responses", key)
        response = responses[key]
        ref = response.get("$ref") if isinstance(response, dict) else None
        if isinstance(ref, str) and ref.startswith("#/"):
            pointer = ref[1:]
            try:
                response = get_pointer(self._data, pointer)
            except KeyError:
                return None
        if self._data.get("swagger") == "2.0":  # one schema for every media type
            return f"{pointer}/schema" if isinstance(response, dict) and "schema" in response else None
        content = response.get("content") if isinstance(response, dict) else None
        media = str(exchange.get("content_type", "")).split(";")[0].strip()
        if not isinstance(content, dict) or not isinstance(content.get(media), dict) or "schema" not in content[media]:
            return None
        return join_pointer(pointer, "content", media, "schema")


_DOCUMENT_URI = "urn:sdkgen-corpus-document"
_UNKNOWABLE = (ValueError, re.error, RecursionError, jsonschema.SchemaError, referencing.exceptions.Unresolvable)


def _shared_url(snippet: Snippet, snippets: list[Snippet]) -> str | None:
    """The operation whose path is ``snippet``'s without its ``#fragment`` (Box's
    ``/shared_items#app_items`` beside ``/shared_items``), if any. Both send the same request
    line; Prism validates and answers the request as that operation's, so its verdict says
    nothing about this one."""
    base, fragment, _ = snippet.path.partition("#")
    if not fragment:
        return None
    return next((s.operation_id for s in snippets if s.path == base and s.method == snippet.method), None)


def _passes(found: list[str]) -> str:
    """One operation's findings of both passes; ``[both]`` when they say the same."""
    texts = [f.split("] ", 1)[1] for f in found]
    if len(found) == 2 and texts[0] == texts[1]:
        return f"[both] {texts[0]}"
    return " | ".join(found)


def exercise_with_prism(doc: Document, out: Path) -> list[str]:
    """One problem per operation whose usage snippet fails against Prism (empty: all pass)."""
    return exercise_report(doc, out).problems


# -------------------------------------------------------------------------- helpers


def as_json(value: Any) -> Any:
    """Dataclasses and paths as JSON-ready data (for ``--json``)."""
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: as_json(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json(v) for v in value]
    return value


def iter_selected(names: Sequence[str] | None) -> Iterator[Document]:
    """Corpus documents, restricted to ``names`` when given (unknown names are an error)."""
    docs = documents()
    if not names:
        yield from docs
        return
    known = {d.name for d in docs}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown corpus documents: {', '.join(unknown)}")
    yield from (d for d in docs if d.name in names)

