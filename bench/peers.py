"""Generation speed and memory: sdkgen vs openapi-python-client vs OpenAPI Generator.

``python bench/peers.py`` generates a Python SDK from each big public document
with each tool, one run at a time (sequential, so runs do not compete for the
two cores), and prints a Markdown report: wall time, CPU time and peak RSS of
the whole process tree, exit status, first error line, how many ``.py`` files
came out (and whether they parse), and per document the ratio of sdkgen's time
to the fastest *successful* peer's with PASS/FAIL against the goal (<= 1/3).
sdkgen's output is also checked with ``black --check`` (it must stay black-formatted).

A run succeeds when the tool exits 0 and its output is an SDK of the document: at least half
of the operationIds in the document's files appear in it as a function, class or module name
(compared lowercased, without ``_``/``-``; the report gives the count for every run). A partial
SDK counts (both peers drop about a tenth of OpenAI's operations); an output that names next to
none of them does not: OpenAPI Generator exits 0 on DigitalOcean having resolved none of its
operations (it renames all 659 ``v2AccountGet``..., with no parameters, and writes no model), and
that is not a time to beat. The summary also gives, for information, the ratio to the fastest
peer that merely exited 0.

Setup (idempotent, before anything is timed):

- ``.venv`` (sdkgen) via ``make setup`` when ``.venv/bin/sdkgen`` is missing;
- ``.bench/peers``: a venv with ``openapi-python-client`` and ``openapi-generator-cli``
  at pinned versions. The ``openapi-generator-cli`` wheel *bundles* the OpenAPI
  Generator jar (``site-packages/openapi_generator_cli/openapi-generator.jar``)
  and runs it with the ``java`` on PATH: nothing is downloaded at run time.
  Setup checks the jar is there and that ``version`` prints the pinned version;
- a warm-up: every tool generates a tiny document once (page cache, byte code,
  JVM class data), so no timed run pays a first-run cost.

How each tool is run (fresh, non-existent output directory each time):

- sdkgen: ``sdkgen generate SPEC --out DIR`` with ``SDKGEN_CACHE_DIR`` set to a
  private, emptied directory (cold, like the peers, which cache nothing); then,
  for information, once more over the cache that run filled ("warm cache" row);
- openapi-python-client: ``generate --path SPEC --output-path DIR --overwrite``,
  default ``--meta poetry`` (only writes a pyproject, installs nothing) and its
  default post-hooks (``ruff check --fix-only .``, ``ruff format .``) with the
  venv's ``bin`` on PATH, as after ``pipx install --include-deps``;
- OpenAPI Generator: ``generate -g python -i SPEC -o DIR``. A failure with a
  documented workaround is rerun with it (``--ogen-validate`` changes this):
  failed spec validation -> ``--skip-validate-spec``; SnakeYAML's "exceeds the
  limit: 3145728 code points" (YAML over 3 MiB) -> ``JAVA_OPTS=-DmaxYamlCodePoints=...``.
  Only the last attempt is timed; the earlier ones are in the notes and ``--json``.

Nothing is deleted while tools run: earlier outputs are renamed into a trash directory and
deleted after the last run, and before each timed run the bench checks that creating files
where the tool will write is cheap (``bench/fsquiet.py``): on ext4, creating files near many
recent deletions costs 10-20 times the CPU, which would charge one tool for another's clean-up.

Outputs and logs stay in ``.bench/peers-out/<doc>/<tool>/`` for inspection
(``--clean`` removes each output after it has been counted).

Exit code: 0 when every run was measured (whatever the tools' exit codes and
the verdicts); 1 when the setup or the harness itself failed.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fsquiet
import proctree
import setup_venvs

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SPECS = Path("/work/shared/specs")
DOCS: dict[str, Path] = {
    "stripe": SPECS / "stripe.yaml",
    "openai": SPECS / "openai.yaml",
    "digitalocean": SPECS / "digitalocean" / "DigitalOcean-public.v2.yaml",
    "kubernetes": SPECS / "kubernetes-swagger2.json",
}
SDKGEN = "sdkgen"
OPC = "openapi-python-client"
OGEN = "openapi-generator"
TOOLS = (SDKGEN, OPC, OGEN)
SDKGEN_WARM = "sdkgen (warm cache)"  # extra row: rerun over the format cache the cold run filled
PEERS = (OPC, OGEN)
# Latest releases that install on Python 3.11 (checked 2025-11 with pip on 3.11.7).
OPC_VERSION = "0.29.1"
OGEN_VERSION = "7.26.0"  # wheel version == bundled OpenAPI Generator version
GOAL = 1 / 3  # sdkgen time / fastest successful peer time
KEPT_GOAL = 0.5  # share of the document's operationIds a successful output names
OPERATION_ID_RE = re.compile(r"""["']?operationId["']?\s*:\s*["']?([^"'\s,}]+)""")
DEFINED_NAME_RE = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)", re.M)
DEFAULT_TIMEOUT_S = 900.0
WARMUP_TIMEOUT_S = 300.0
ERROR_RE = re.compile(r"(?i)(\berror\b|exception|traceback|\bfatal\b|\bfailed\b|not supported|unsupported)")
OGEN_VALIDATION_RE = re.compile(r"SpecValidationException|issues with the specification")
# SnakeYAML's default 3 MiB input limit; swagger-parser reads -DmaxYamlCodePoints (its documented knob).
OGEN_YAML_LIMIT_RE = re.compile(r"exceeds the limit: \d+ code points")
OGEN_YAML_LIMIT_OPTS = "-DmaxYamlCodePoints=50000000"
PY_EXCEPTION_RE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception): ")
GENERIC_HEADERS = ("Error(s) encountered", "Exception in thread")
TINY_SPEC = textwrap.dedent(
    """\
    openapi: 3.0.3
    info: {title: Warmup, version: "1.0"}
    servers: [{url: "https://example.invalid"}]
    paths:
      /pets/{pet_id}:
        get:
          operationId: getPet
          tags: [pets]
          parameters:
            - {name: pet_id, in: path, required: true, schema: {type: integer}}
          responses:
            "200":
              description: a pet
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Pet"}
    components:
      schemas:
        Pet:
          type: object
          required: [id, name]
          properties:
            id: {type: integer}
            name: {type: string}
            tag: {type: string, enum: [cat, dog]}
    """
)


def log(msg: str) -> None:
    """Progress on stderr; stdout carries only the report."""
    print(f"[peers] {msg}", file=sys.stderr, flush=True)


@dataclass
class Tools:
    """Paths of the executables, and versions for the report."""

    sdkgen: Path
    black: Path
    peers_bin: Path
    versions: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    """One document x tool run, measured and inspected."""

    doc: str
    tool: str
    flags: str
    m: proctree.Measurement | None = None
    first_error: str = ""
    notes: list[str] = field(default_factory=list)
    files: int = 0
    py_files: int = 0
    out_mb: float = 0.0
    syntax_errors: int = 0
    ops_kept: int = 0
    ops_total: int = 0
    black_unformatted: int | None = None  # sdkgen only
    attempts: list[dict[str, Any]] = field(default_factory=list)
    harness_error: str = ""

    @property
    def status(self) -> str:
        """'ok', 'rc=N', 'timeout' or 'harness error'."""
        if self.m is None:
            return "harness error"
        if self.m.timed_out:
            return "timeout"
        return "ok" if self.m.returncode == 0 else f"rc={self.m.returncode}"

    @property
    def succeeded(self) -> bool:
        """Exit 0 within the timeout, and Python came out that keeps the document's operations."""
        kept = self.ops_kept >= KEPT_GOAL * self.ops_total
        return self.m is not None and self.m.returncode == 0 and self.py_files > 0 and kept

    def to_json(self) -> dict[str, Any]:
        """Plain dict for --json."""
        return {
            "doc": self.doc,
            "tool": self.tool,
            "flags": self.flags,
            "status": self.status,
            "succeeded": self.succeeded,
            "measurement": self.m.to_json() if self.m else None,
            "first_error": self.first_error,
            "notes": self.notes,
            "files": self.files,
            "py_files": self.py_files,
            "out_mb": round(self.out_mb, 2),
            "syntax_errors": self.syntax_errors,
            "ops_kept": self.ops_kept,
            "ops_total": self.ops_total,
            "black_unformatted": self.black_unformatted,
            "attempts": self.attempts,
            "harness_error": self.harness_error,
        }


# --------------------------------------------------------------------------- setup


def capture(cmd: list[str], timeout: float = 120.0) -> str:
    """stdout+stderr of a quick command ('' if it cannot run)."""
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"<{exc}>"
    return (res.stdout + res.stderr).strip()


def ensure_sdkgen(root: Path) -> Tools:
    """Our generator from the dev venv; ``make setup`` creates it if missing."""
    sdkgen = root / ".venv" / "bin" / "sdkgen"
    if not sdkgen.exists():
        log("creating .venv with make setup")
        setup_venvs.run(["make", "-C", str(root), "setup"], "make setup")
    py = root / ".venv" / "bin" / "python"
    versions = setup_venvs.dist_versions(py, ("sdkgen", "black"))
    tree = capture(["git", "-C", str(root), "describe", "--always", "--dirty"]) or "?"
    return Tools(
        sdkgen=sdkgen,
        black=root / ".venv" / "bin" / "black",
        peers_bin=Path(),
        versions={SDKGEN: f"{versions.get('sdkgen', '?')} ({tree})", "black": versions.get("black", "?")},
    )


def ensure_peers(root: Path, tools: Tools) -> None:
    """``.bench/peers`` with both peers pinned; checks the bundled jar runs offline."""
    venv = setup_venvs.bench_dir(root) / "peers"
    venv.parent.mkdir(exist_ok=True)
    py = setup_venvs.ensure_venv(venv)
    want = {"openapi-python-client": OPC_VERSION, "openapi-generator-cli": OGEN_VERSION}
    have = setup_venvs.dist_versions(py, tuple(want))
    if have != want:
        log(f"installing {want} into {venv} (have {have or 'nothing'})")
        setup_venvs.pip(py, [f"{n}=={v}" for n, v in want.items()], "peers install")
    else:
        log(f"{venv}: peers already installed {want}")
    probe = "import importlib.resources as r; print(r.files('openapi_generator_cli') / 'openapi-generator.jar')"
    jar = setup_venvs.run([str(py), "-c", probe], "jar lookup").strip()
    if not Path(jar).is_file() or Path(jar).stat().st_size < 1_000_000:
        raise RuntimeError(f"OpenAPI Generator jar missing or truncated: {jar}")
    if shutil.which("java") is None:
        raise RuntimeError("java is not on PATH (OpenAPI Generator needs a JRE >= 11)")
    reported = capture([str(venv / "bin" / "openapi-generator-cli"), "version"]).splitlines()
    if not reported or reported[-1].strip() != OGEN_VERSION:
        raise RuntimeError(f"openapi-generator-cli version printed {reported!r}, expected {OGEN_VERSION}")
    tools.peers_bin = venv / "bin"
    tools.versions.update(
        {
            OPC: OPC_VERSION,
            OGEN: OGEN_VERSION,
            "ruff (opc post-hook)": capture([str(venv / "bin" / "ruff"), "--version"]).split()[-1],
            "java": capture(["java", "-version"]).splitlines()[0],
            "jar": jar,
        }
    )


# ----------------------------------------------------------------------- running


@dataclass(frozen=True)
class Options:
    """Workarounds applied to a run (OpenAPI Generator only)."""

    skip_validate: bool = False
    java_opts: str = ""  # the wrapper passes $JAVA_OPTS to java as ONE argument
    sdkgen_cache: str = ""  # SDKGEN_CACHE_DIR for sdkgen (its formatted-file cache)
    cache_state: str = ""  # "empty" or "filled", for the report


def child_env(tool: str, tools: Tools, opts: Options = Options()) -> dict[str, str]:
    """The user's env minus PYTHON*; the peers venv's bin first on PATH for opc's ruff."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    if tool == OPC:
        env["PATH"] = f"{tools.peers_bin}{os.pathsep}{env.get('PATH', '')}"
    if opts.java_opts:
        env["JAVA_OPTS"] = opts.java_opts
    if opts.sdkgen_cache:
        env["SDKGEN_CACHE_DIR"] = opts.sdkgen_cache
    return env


def tool_cmd(tool: str, spec: Path, out: Path, tools: Tools, skip_validate: bool) -> list[str]:
    """The command line a user would type for this tool."""
    if tool == SDKGEN:
        return [str(tools.sdkgen), "generate", str(spec), "--out", str(out)]
    if tool == OPC:
        return [
            str(tools.peers_bin / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--overwrite",
        ]
    cmd = [str(tools.peers_bin / "openapi-generator-cli"), "generate", "-g", "python", "-i", str(spec), "-o", str(out)]
    return [*cmd, "--skip-validate-spec"] if skip_validate else cmd


def flags_of(cmd: list[str], opts: Options = Options()) -> str:
    """The command without executable paths, for the report."""
    words = [f"JAVA_OPTS={opts.java_opts}"] if opts.java_opts else []
    if opts.sdkgen_cache:
        words.append(f"SDKGEN_CACHE_DIR=<{opts.cache_state}>")
    words += [Path(cmd[0]).name, *cmd[1:]]
    return " ".join("SPEC" if w.startswith(str(SPECS)) else "DIR" if w.endswith("/out") else w for w in words)


def read_text(path: Path) -> str:
    """A log file, undecodable bytes replaced, ANSI colours stripped."""
    if not path.exists():
        return ""
    return re.sub(r"\x1b\[[0-9;]*m", "", path.read_bytes().decode("utf-8", "replace"))


def first_error_line(stdout: str, stderr: str, rc: int | None) -> str:
    """First line that looks like an error (stderr first), else the last stderr line."""
    if rc == 0:
        return ""
    for text in (stderr, stdout):
        # Rich tracebacks (openapi-python-client) are boxes; their last line says what broke.
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and ln.strip()[0] not in "╭│╰"]
        for i, line in enumerate(lines):
            if "Traceback" in text and PY_EXCEPTION_RE.match(line):
                return " ".join(lines[i : i + 3])[:300]
    for text in (stderr, stdout):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and ln.strip()[0] not in "╭│╰"]
        for i, line in enumerate(lines):
            if ERROR_RE.search(line):
                # A generic header ("Error(s) encountered...") says little: add what follows.
                more = lines[i + 1 : i + 3] if line.startswith(GENERIC_HEADERS) else []
                return " / ".join([line, *more])[:300]
    tail = [ln for ln in (stderr or stdout).splitlines() if ln.strip()]
    return tail[-1].strip()[:300] if tail else ""


def tool_notes(tool: str, stdout: str, stderr: str) -> list[str]:
    """Warnings the tools print even when they exit 0."""
    notes: list[str] = []
    if tool == OPC:
        if "Warning(s) encountered" in stderr:
            skipped = stderr.count("Unable to parse this part of your OpenAPI document")
            notes.append(f"warnings ({skipped} parts not parsed/skipped)")
        if "ruff failed" in stderr:
            notes.append("ruff post-hook failed")
        if "is not in PATH" in stderr:
            notes.append("post-hook skipped (not in PATH)")
    elif tool == OGEN:
        warns = sum(1 for ln in (stdout + stderr).splitlines() if re.search(r"\bWARN\b", ln))
        if warns:
            notes.append(f"{warns} WARN lines")
        empty = (stdout + stderr).count("Empty operationId found")
        if empty:
            notes.append(f"{empty} operations without operationId")
    return notes


def squashed(name: str) -> str:
    """A name as every tool's casing of it compares: `oneClicks_list`, `one_clicks_list`."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def document_operation_ids(spec: Path) -> frozenset[str]:
    """The operationIds in a document's files (squashed): the root's, and for a document of
    several files (DigitalOcean) those of every YAML/JSON file beside and below it."""
    text = spec.read_text(encoding="utf-8")
    files = [spec]
    if re.search(r"""\$ref["']?\s*:\s*["']?\.{0,2}/?[\w-]+[\w./-]*\.(ya?ml|json)""", text):
        files = sorted(p for p in spec.parent.rglob("*") if p.suffix in (".yml", ".yaml", ".json"))
    return frozenset(squashed(m) for path in files for m in OPERATION_ID_RE.findall(path.read_text(encoding="utf-8")))


def inspect_output(out: Path, o: Outcome, operation_ids: frozenset[str] = frozenset()) -> None:
    """Count files, size, .py files, how many of them do not parse, and how many of the
    document's operations the output names."""
    o.ops_total = len(operation_ids)
    if not out.exists():
        return
    size = 0
    named: set[str] = set()
    for path in out.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        o.files += 1
        size += path.stat().st_size
        if path.suffix == ".py":
            o.py_files += 1
            source = path.read_bytes()
            try:
                ast.parse(source, str(path))
            except (SyntaxError, ValueError):
                o.syntax_errors += 1
            named.add(squashed(path.stem))
            named.update(squashed(n) for n in DEFINED_NAME_RE.findall(source.decode("utf-8", "replace")))
    o.out_mb = size / 1e6
    o.ops_kept = len(operation_ids & named)


def black_check(out: Path, tools: Tools) -> int | None:
    """How many .py files black would reformat (None if black could not run)."""
    try:
        res = subprocess.run(
            [str(tools.black), "--check", str(out)], capture_output=True, text=True, timeout=1800, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if res.returncode not in (0, 1):
        return None
    return sum(1 for ln in res.stderr.splitlines() if ln.startswith("would reformat"))


TRASH = fsquiet.Trash(setup_venvs.bench_dir(ROOT) / "peers-out")


def run_once(
    doc: str, tool: str, spec: Path, workdir: Path, tools: Tools, timeout: float, opts: Options
) -> tuple[proctree.Measurement, str, str, str]:
    """One measured run in a fresh directory; returns (measurement, flags, stdout, stderr)."""
    TRASH.discard(workdir)
    workdir.mkdir(parents=True)
    if opts.sdkgen_cache and opts.cache_state == "empty":
        TRASH.discard(Path(opts.sdkgen_cache))
    out = workdir / "out"
    cmd = tool_cmd(tool, spec, out, tools, opts.skip_validate)
    flags = flags_of(cmd, opts)
    waited = fsquiet.settle(workdir)
    log(f"{doc} / {tool}: {flags}" + (f" (waited {waited:.0f} s for a quiet file system)" if waited >= 1 else ""))
    m = proctree.measure_isolated(
        cmd,
        cwd=workdir,
        env=child_env(tool, tools, opts),
        stdout=workdir / "stdout.log",
        stderr=workdir / "stderr.log",
        timeout_s=timeout,
    )
    return m, flags, read_text(workdir / "stdout.log"), read_text(workdir / "stderr.log")


def ogen_workaround(text: str, opts: Options) -> tuple[Options, str] | None:
    """The documented workaround for an OpenAPI Generator failure, if it has one not yet applied."""
    if OGEN_YAML_LIMIT_RE.search(text) and not opts.java_opts:
        return Options(opts.skip_validate, OGEN_YAML_LIMIT_OPTS), "YAML over SnakeYAML's 3 MiB limit"
    if OGEN_VALIDATION_RE.search(text) and not opts.skip_validate:
        return Options(True, opts.java_opts), "spec validation failed"
    return None


def bench_one(
    doc: str,
    tool: str,
    spec: Path,
    base: Path,
    tools: Tools,
    timeout: float,
    ogen_validate: str,
    clean: bool,
    warm: bool = False,
) -> Outcome:
    """Run, inspect; OpenAPI Generator failures with a documented workaround are rerun with it.

    Only the last attempt counts; the failed ones are listed in notes and --json.
    """
    label = tool
    workdir = base / doc / tool
    opts = Options(skip_validate=tool == OGEN and ogen_validate == "skip")
    if tool == SDKGEN:
        # Cold by default, like the peers (none caches): a private, emptied format cache.
        opts = Options(sdkgen_cache=str(base / doc / "sdkgen-cache"), cache_state="filled" if warm else "empty")
        if warm:
            label, workdir = SDKGEN_WARM, base / doc / "sdkgen-warm"
    m, flags, out_text, err_text = run_once(doc, tool, spec, workdir, tools, timeout, opts)
    o = Outcome(doc=doc, tool=label, flags=flags)
    while tool == OGEN and ogen_validate == "auto" and m.returncode not in (0, None):
        found = ogen_workaround(out_text + err_text, opts)
        if found is None:
            break
        opts, why = found
        first = first_error_line(out_text, err_text, m.returncode)
        o.attempts.append({"flags": o.flags, "measurement": m.to_json(), "first_error": first})
        o.notes.append(f"{why} first ({m.wall_s:.1f} s, not counted)")
        log(f"{doc} / {tool}: {why} after {m.wall_s:.1f} s; rerunning with the workaround")
        m, o.flags, out_text, err_text = run_once(doc, tool, spec, workdir, tools, timeout, opts)
    o.m = m
    o.first_error = "timed out" if m.timed_out else first_error_line(out_text, err_text, m.returncode)
    o.notes += tool_notes(tool, out_text, err_text)
    inspect_output(workdir / "out", o, document_operation_ids(spec))
    if tool == SDKGEN and not warm and o.succeeded:
        o.black_unformatted = black_check(workdir / "out", tools)
    if clean:
        TRASH.discard(workdir / "out")  # deleted after the last run
    log(
        f"{doc} / {label}: {m.wall_s:.1f} s wall, {m.cpu_s:.1f} s CPU ({m.sys_s:.1f} system), "
        f"{m.peak_rss_kb / 1024:.0f} MB, "
        f"{o.status}, {o.py_files} .py" + (f" -- {o.first_error}" if o.first_error else "")
    )
    return o


def warm_up(tools: Tools, names: Iterable[str], base: Path) -> None:
    """Each tool generates a tiny document once, untimed."""
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        spec = Path(tmp) / "warmup.yaml"
        spec.write_text(TINY_SPEC)
        for tool in names:
            out = Path(tmp) / tool / "out"
            out.parent.mkdir()
            cmd = tool_cmd(tool, spec, out, tools, skip_validate=False)
            start = time.perf_counter()
            try:
                res = subprocess.run(
                    cmd,
                    cwd=out.parent,
                    env=child_env(tool, tools, Options(sdkgen_cache=str(Path(tmp) / "cache"))),
                    capture_output=True,
                    text=True,
                    timeout=WARMUP_TIMEOUT_S,
                    check=False,
                )
                status = f"rc={res.returncode}"
            except subprocess.TimeoutExpired:
                status = "timed out"
            log(f"warm-up {tool}: {status} in {time.perf_counter() - start:.1f} s")


# ------------------------------------------------------------------------ report


def fmt(x: float | None, digits: int = 1) -> str:
    """Number or n/a."""
    return "n/a" if x is None else f"{x:.{digits}f}"


def summarize(outcomes: list[Outcome], docs: list[str]) -> list[dict[str, Any]]:
    """Per document: sdkgen vs the fastest successful peer."""
    rows: list[dict[str, Any]] = []
    for doc in docs:
        mine = next((o for o in outcomes if o.doc == doc and o.tool == SDKGEN), None)
        peers = [o for o in outcomes if o.doc == doc and o.tool in PEERS and o.succeeded and o.m]
        best = min(peers, key=lambda o: o.m.wall_s if o.m else float("inf"), default=None)
        exited = [o for o in outcomes if o.doc == doc and o.tool in PEERS and o.status == "ok" and o.m]
        any_exit = min(exited, key=lambda o: o.m.wall_s if o.m else float("inf"), default=None)
        warm = next((o for o in outcomes if o.doc == doc and o.tool == SDKGEN_WARM and o.succeeded), None)
        ratio = warm_ratio = exit_ratio = None
        if mine and mine.succeeded and mine.m and any_exit and any_exit.m:
            exit_ratio = mine.m.wall_s / any_exit.m.wall_s
        if mine and mine.succeeded and mine.m and best and best.m:
            ratio = mine.m.wall_s / best.m.wall_s
            if warm and warm.m:
                warm_ratio = warm.m.wall_s / best.m.wall_s
        if mine is None:
            verdict = "n/a (sdkgen not run)"
        elif not mine.succeeded:
            verdict = f"FAIL (sdkgen {mine.status})"
        elif best is None:
            verdict = "n/a (no peer made an SDK of it)"
        elif ratio is not None and ratio <= GOAL:
            verdict = "PASS"
        else:
            verdict = "FAIL"
        if verdict == "PASS" and mine and mine.black_unformatted:
            verdict = "FAIL (not black-clean)"
        rows.append(
            {
                "doc": doc,
                "sdkgen_s": mine.m.wall_s if mine and mine.m and mine.succeeded else None,
                "best_peer": best.tool if best else None,
                "best_peer_s": best.m.wall_s if best and best.m else None,
                "ratio": ratio,
                "sdkgen_warm_s": warm.m.wall_s if warm and warm.m else None,
                "warm_ratio": warm_ratio,
                "exit_0_peer": any_exit.tool if any_exit else None,
                "exit_0_ratio": exit_ratio,
                "verdict": verdict,
                "black_unformatted": mine.black_unformatted if mine else None,
            }
        )
    return rows


def cell(text: str) -> str:
    """Safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def report(outcomes: list[Outcome], summary: list[dict[str, Any]], tools: Tools, timeout: float) -> str:
    """The Markdown report."""
    lines = [
        "## Generation: sdkgen vs peers",
        "",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in tools.versions.items() if k != "jar"),
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; runs sequential, "
        f"timeout {timeout:.0f} s each. Peak MB = peak RSS of the process tree.",
        "",
        "| document | tool | wall s | CPU s | of which system s | peak MB | exit | .py files (unparsable) | "
        "operations named | out MB | first error / notes |",
        "|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|",
    ]
    for o in outcomes:
        m = o.m
        detail = "; ".join([x for x in [o.first_error or o.harness_error, *o.notes] if x])
        if o.black_unformatted is not None:
            detail = "; ".join(x for x in [detail, f"black --check: {o.black_unformatted} to reformat"] if x)
        lines.append(
            f"| {o.doc} | {o.tool} | {fmt(m.wall_s if m else None)} | {fmt(m.cpu_s if m else None)} | "
            f"{fmt(m.sys_s if m else None)} | "
            f"{fmt(m.peak_rss_kb / 1024 if m else None, 0)} | {o.status} | {o.py_files} ({o.syntax_errors}) | "
            f"{o.ops_kept} of {o.ops_total} | {o.out_mb:.1f} | {cell(detail)} |"
        )
    lines += [
        "",
        f"Goal: sdkgen wall time (cold: empty format cache) <= {GOAL:.2f}x the fastest successful peer "
        f"(exit 0 with .py output naming at least {KEPT_GOAL:.0%} of the document's operations), and sdkgen's "
        "output black-clean. Warm = rerun over the filled cache (info only); last column: the ratio to the "
        "fastest peer that exited 0, whatever it wrote (info only).",
        "",
        "| document | sdkgen s | fastest peer | peer s | ratio | verdict | warm s | warm ratio | vs any exit 0 |",
        "|---|---:|---|---:|---:|---|---:|---:|---:|",
    ]
    for r in summary:
        lines.append(
            f"| {r['doc']} | {fmt(r['sdkgen_s'])} | {r['best_peer'] or 'none'} | {fmt(r['best_peer_s'])} | "
            f"{fmt(r['ratio'], 2)} | {r['verdict']} | {fmt(r['sdkgen_warm_s'])} | {fmt(r['warm_ratio'], 2)} | "
            f"{fmt(r['exit_0_ratio'], 2)} |"
        )
    lines += ["", "Commands:", ""]
    seen: set[str] = set()
    for o in outcomes:
        if o.flags not in seen:
            seen.add(o.flags)
            lines.append(f"- `{o.flags}`")
    return "\n".join(lines) + "\n"


# -------------------------------------------------------------------------- main


def parse_list(value: str, allowed: Iterable[str], what: str) -> list[str]:
    """Comma-separated names, each one of ``allowed``."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in allowed]
    if bad:
        raise argparse.ArgumentTypeError(f"unknown {what}: {', '.join(bad)} (known: {', '.join(allowed)})")
    return names


def main() -> int:
    """CLI."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default=",".join(DOCS), help=f"comma-separated, of: {', '.join(DOCS)}")
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, of: {', '.join(TOOLS)}")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per run (default 900)")
    ap.add_argument("--json", type=Path, help="also write all results as JSON here")
    ap.add_argument(
        "--ogen-validate",
        choices=("auto", "strict", "skip"),
        default="auto",
        help="OpenAPI Generator: --skip-validate-spec only after a validation failure (auto, which also "
        "raises maxYamlCodePoints after SnakeYAML's size error), never (strict), or always (skip)",
    )
    ap.add_argument("--no-warmup", action="store_true", help="skip the untimed warm-up runs")
    ap.add_argument(
        "--no-sdkgen-warm", action="store_true", help="skip the extra sdkgen run over its filled format cache"
    )
    ap.add_argument("--clean", action="store_true", help="delete each generated tree once it is counted")
    args = ap.parse_args()
    try:
        docs = parse_list(args.docs, DOCS, "document")
        names = parse_list(args.tools, TOOLS, "tool")
    except argparse.ArgumentTypeError as exc:
        ap.error(str(exc))
    missing = [d for d in docs if not DOCS[d].exists()]
    if missing:
        ap.error(f"documents not found: {', '.join(str(DOCS[d]) for d in missing)}")

    base = setup_venvs.bench_dir(ROOT) / "peers-out"
    try:
        tools = ensure_sdkgen(ROOT)
        if any(t in PEERS for t in names):
            ensure_peers(ROOT, tools)
        TRASH.discard(base)  # earlier outputs: deleted after the last run, not before this one
        base.mkdir(parents=True)
        if not args.no_warmup:
            warm_up(tools, names, base)
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        log(f"setup failed: {exc}")
        return 1

    outcomes: list[Outcome] = []
    crashed = False
    for doc in docs:
        for tool in names:
            try:
                o = bench_one(doc, tool, DOCS[doc], base, tools, args.timeout, args.ogen_validate, args.clean)
                outcomes.append(o)
                if tool == SDKGEN and o.succeeded and not args.no_sdkgen_warm:
                    outcomes.append(
                        bench_one(doc, tool, DOCS[doc], base, tools, args.timeout, "", args.clean, warm=True)
                    )
            except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
                crashed = True
                log(f"{doc} / {tool}: harness error: {exc}")
                outcomes.append(Outcome(doc=doc, tool=tool, flags="", harness_error=str(exc)))
    TRASH.empty()
    summary = summarize(outcomes, docs)
    print(report(outcomes, summary, tools, args.timeout), end="")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "versions": tools.versions,
                    "timeout_s": args.timeout,
                    "goal": GOAL,
                    "runs": [o.to_json() for o in outcomes],
                    "summary": summary,
                },
                indent=2,
            )
            + "\n"
        )
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
