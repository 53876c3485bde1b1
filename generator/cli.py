"""`sdkgen`: generate, check, validate and diff. Errors become messages and exit codes, never tracebacks.

Exit codes: 0 success, 1 invalid input or drift, 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import multiprocessing
import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Callable, Mapping, NoReturn, Optional, Sequence

from . import __version__, apidiff
from .check import compare
from .config import default_config_path
from .errors import Location, Problem, SdkgenError
from .ir import Api
from .loader import TOO_DEEP, deepest_nesting, display_path
from .pipeline import Generated, build, generate, load_and_validate, remember_inputs, up_to_date
from .progress import Progress
from .validator import VALIDATOR_STOPPED
from .versioning import bump_version, convention_note, parse_version
from .writer import Manifest, WriteReport, write_tree


class _UsageError(Exception):
    """A command line argparse rejects, caught before argparse prints it and exits 2."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class _Parser(argparse.ArgumentParser):
    """argparse's parser (its subcommands' too), whose usage errors `main` sees first: under
    --json they are also printed as the JSON failure object."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sdkgen", description="Generate a typed Python SDK from an OpenAPI document.")
    parser.add_argument("--version", action="version", version=f"sdkgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    gen = commands.add_parser("generate", help="write the SDK for SPEC into --out")
    gen.add_argument("spec", type=Path, help="the OpenAPI document (YAML or JSON)")
    gen.add_argument("--out", type=Path, required=True, help="the output directory")
    gen.add_argument("--config", type=Path, help="SDK settings (default: gen.yaml beside SPEC)")
    gen.add_argument("--templates", type=Path, help="a directory of templates overriding the built-in ones")
    gen.add_argument("--force", action="store_true", help="overwrite generated files edited by hand")
    gen.add_argument("--quiet", action="store_true", help="print nothing on success (warnings still go to stderr)")
    gen.add_argument("--json", action="store_true", help="print the outcome (or the errors) as one JSON object")
    gen.add_argument("--strict", action="store_true", help="treat warnings about the document as errors")

    check = commands.add_parser("check", help="exit 1 with a diff if --out differs from what SPEC generates")
    check.add_argument("spec", type=Path)
    check.add_argument("--out", type=Path, required=True)
    check.add_argument("--config", type=Path)
    check.add_argument("--templates", type=Path)
    check.add_argument("--strict", action="store_true")
    check.add_argument("--json", action="store_true", help="print the outcome (or the errors) as one JSON object")

    val = commands.add_parser("validate", help="check SPEC without generating anything")
    val.add_argument("spec", type=Path)
    val.add_argument("--strict", action="store_true")

    diff = commands.add_parser("diff", help="report the SDK's changes from OLD to NEW and the version bump they imply")
    diff.add_argument("old", type=Path, help="the earlier OpenAPI document")
    diff.add_argument("new", type=Path, help="the later OpenAPI document")
    diff.add_argument("--config", type=Path, help="SDK settings for both (default: gen.yaml beside NEW)")
    diff.add_argument("--json", action="store_true", help="print the report as JSON")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The `sdkgen` command; with `argv` (tests, scripts), one command of a longer process."""
    if argv is None:
        # One command, then the process ends. Generation keeps the cycle collector off while
        # it builds millions of long-lived objects; turned back on, its first passes would walk
        # them all while the output is written (Stripe: 0.3-0.6 s), to free nothing.
        gc.disable()
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        args = _parser().parse_args(arguments)
    except _UsageError as usage:
        if _asks_for_json(arguments):
            _print_failure([_unlocated(f"usage error: {usage.message}")])
        argparse.ArgumentParser.error(usage.parser, usage.message)  # usage on stderr, exit 2
    as_json = getattr(args, "json", False)
    try:
        return _run(args)
    except SdkgenError as error:
        if as_json:
            _print_failure([_problem_json(p) for p in error.problems])
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return _failed(as_json, "interrupted; the output directory was left as it was", 130, prefix="")
    except RecursionError:  # a document nested deeper than any stage can walk
        too_deep = _too_deep(args)
        if as_json:
            _print_failure([_problem_json(too_deep)])
        print(f"error: {too_deep}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug in sdkgen: say so plainly, trace only on request
        if os.environ.get("SDKGEN_DEBUG"):
            traceback.print_exc()
        message = f"internal error in sdkgen: {type(error).__name__}: {error} (set SDKGEN_DEBUG=1 for details)"
        return _failed(as_json, message, 1)


def _asks_for_json(arguments: Sequence[str]) -> bool:
    """Whether a command line argparse rejected has --json, or a prefix argparse takes for it."""
    options = arguments[: arguments.index("--")] if "--" in arguments else arguments
    return any(len(a) > 2 and "--json".startswith(a) for a in options)


def _failed(as_json: bool, message: str, code: int, prefix: str = "error: ") -> int:
    """A failure that is about no input: said on stderr and, under --json, as the failure object."""
    if as_json:
        _print_failure([_unlocated(message)])
    print(f"{prefix}{message}", file=sys.stderr)
    return code


def _print_failure(problems: Sequence[Mapping[str, object]]) -> None:
    """The one JSON object every --json command prints on stdout when it fails."""
    print(json.dumps({"ok": False, "problems": list(problems)}, indent=2))


def _unlocated(message: str) -> dict[str, object]:
    """A failure in `problems` that is about no input file: a usage error, an interrupt, a bug."""
    return {"severity": "error", "file": None, "line": None, "pointer": None, "message": message}


def _too_deep(args: argparse.Namespace) -> Problem:
    """The problem of a document that nests too deeply: placed where it nests deepest (in
    whichever of `diff`'s two documents is deeper), or named by its file when it cannot be
    looked into."""
    documents = [Path(d) for d in (getattr(args, name, None) for name in ("spec", "old", "new")) if d is not None]
    found = [f for f in map(deepest_nesting, documents) if f is not None]
    if found:
        where, depth = max(found, key=lambda f: f[1])
        return Problem(where, f"this value nests {depth} levels deep, {TOO_DEEP}")
    where_named = " or ".join(display_path(d) for d in documents) or "the document"
    return Problem(Location(where_named), f"nests {TOO_DEEP}")


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        _, warnings = load_and_validate(args.spec, args.strict)
        for warning in warnings:
            print(warning, file=sys.stderr)
        stopped = any(w.message.startswith(VALIDATOR_STOPPED) for w in warnings)
        print(f"{args.spec}: valid as far as the validator got" if stopped else f"{args.spec}: valid")
        return 0
    if args.command == "diff":
        return _diff(args)
    config = args.config if args.config else default_config_path(args.spec)
    if args.command == "generate" and not args.force:  # `check` compares every byte: CI trusts no manifest
        started = time.perf_counter()
        found = up_to_date(args.spec, config, args.templates, args.strict, args.out)
        if found is not None:
            return _unchanged(args, *found, round(time.perf_counter() - started, 3))
    progress = Progress.for_terminal(quiet=args.json or (args.command == "generate" and args.quiet))
    try:
        writing = args.command == "generate"  # the writer stages the files while validation finishes
        result = generate(
            args.spec,
            config,
            args.templates,
            args.strict,
            out=args.out,
            progress=progress.stage,
            wait_for_validation=not writing,
        )
        if args.command == "check":
            progress.stage("comparing")
            return _check(args, result, progress)
        return _write(args, result, progress)
    finally:
        progress.close()


def _unchanged(args: argparse.Namespace, manifest: Manifest, warnings: list[Problem], seconds: float) -> int:
    """`generate` of an output that generating again would not change: what it says then,
    without generating (see uptodate.py)."""
    if not args.json:
        _print_warnings(warnings)
    return _summarize(args, WriteReport((), tuple(manifest.files), ()), warnings, seconds)


def _waiting(out: Path) -> Callable[[], None]:
    return lambda: print(f"waiting for another sdkgen writing {out}...", file=sys.stderr)


def _check(args: argparse.Namespace, result: Generated, progress: Progress) -> int:
    drift = compare(args.out, result.files, result.manifest, _waiting(args.out))
    progress.close()
    seconds = round(progress.elapsed(), 3)
    if args.json:
        changes = {"added": list(drift.added), "removed": list(drift.removed), "changed": list(drift.changed)}
        _print_outcome(drift.clean, args.out, changes, result.warnings, seconds)
        return 0 if drift.clean else 1
    _print_warnings(result.warnings)
    if drift.clean:
        print(f"{args.out}: up to date ({seconds:.2f} s)")
        return 0
    sys.stdout.write(drift.diff)
    print(f"drift in {args.out}: {drift.summary()}; run `sdkgen generate` to update it", file=sys.stderr)
    return 1


def _write(args: argparse.Namespace, result: Generated, progress: Progress) -> int:
    """Stage the files while validation may still run; only a valid document's output is swapped in."""
    validated: list[Generated] = []

    def approve() -> None:
        progress.stage("validating")
        validated.append(result.validated())
        if not args.json:
            _print_warnings(validated[0].warnings)

    if result.orphans and not args.force:
        approve()  # the document's own errors come first
        raise SdkgenError(
            Problem(
                Location(display_path(args.out / o.path), "", o.line),
                f"custom region {o.name!r} has no place in the regenerated file; move the code into another "
                "region, or regenerate with --force to drop it",
            )
            for o in result.orphans
        )
    progress.stage(f"writing {len(result.files)} files")
    try:
        report = write_tree(
            args.out, result.files, result.manifest, force=args.force, on_wait=_waiting(args.out), before_swap=approve
        )
    except SdkgenError:
        if not validated:
            approve()  # the document's own errors explain a refused write better (hand edits...)
        raise
    result = validated[0]
    remember_inputs(result, args.out, report.manifest)
    progress.close()
    for orphan in result.orphans:
        print(f"--force: dropped custom region {orphan.name!r} of {args.out / orphan.path}", file=sys.stderr)
    for path in report.forced:
        action = "deleted" if path in report.removed else "overwrote"
        print(f"--force: {action} {args.out / path} (its content was not what sdkgen wrote)", file=sys.stderr)
    if not args.json:
        _print_warnings(report.notes)
    return _summarize(args, report, [*result.warnings, *report.notes], round(progress.elapsed(), 3))


def _summarize(args: argparse.Namespace, report: WriteReport, warnings: Sequence[Problem], seconds: float) -> int:
    """What `generate` says last: the JSON outcome, or the one summary line."""
    if args.json:
        counts = {
            "written": list(report.written),
            "unchanged": len(report.unchanged),
            "removed": list(report.removed),
            "forced": list(report.forced),
        }
        _print_outcome(True, args.out, counts, warnings, seconds)
    elif not args.quiet:
        print(
            f"{args.out}: {len(report.written)} written, {len(report.unchanged)} unchanged, "
            f"{len(report.removed)} removed in {seconds:.2f} s"
        )
    return 0


def _print_outcome(
    ok: bool, out: Path, details: Mapping[str, object], warnings: Sequence[Problem], seconds: float
) -> None:
    """The one JSON object `--json` prints for `generate` and `check`."""
    outcome = {"ok": ok, "out": str(out), **details, "warnings": [_problem_json(w) for w in warnings]}
    print(json.dumps({**outcome, "seconds": seconds}, indent=2))


SHOWN_PER_MESSAGE = 3
"""Warnings with the same message beyond this many are counted, not listed: a document that
breaks one rule 600 times (DigitalOcean's operations given by `$ref`) should not bury the rest."""


def _print_warnings(warnings: Sequence[Problem]) -> None:
    seen: Counter[str] = Counter(w.message for w in warnings)
    shown: Counter[str] = Counter()
    for warning in warnings:
        shown[warning.message] += 1
        if shown[warning.message] <= SHOWN_PER_MESSAGE:
            print(warning, file=sys.stderr)
        elif shown[warning.message] == seen[warning.message]:
            more = seen[warning.message] - SHOWN_PER_MESSAGE
            print(
                f"warning: {more} more like {warning.message!r} (`sdkgen validate` lists every one)",
                file=sys.stderr,
            )


def _problem_json(problem: Problem) -> dict[str, object]:
    where = problem.location
    return {
        "severity": problem.severity,
        "file": where.file,
        "line": where.line,
        "pointer": where.pointer,
        "message": problem.message,
    }


def _diff(args: argparse.Namespace) -> int:
    """Both documents are read before failing, so the problems of both are reported at once."""
    config = args.config if args.config else default_config_path(args.new)
    apis: list[Api] = []
    problems: list[Problem] = []
    for spec in (args.old, args.new):
        try:
            api, warnings = build(spec, config)
        except SdkgenError as error:
            problems.extend(error.problems)
            continue
        apis.append(api)
        _print_warnings(warnings)
    if problems:
        raise SdkgenError(problems)
    report = apidiff.diff_apis(apis[0], apis[1])
    current = apis[1].settings.version
    versions = (current, bump_version(current, report.bump)) if parse_version(current) else None
    if args.json:
        print(json.dumps({"ok": True, **apidiff.to_json(report, versions)}, indent=2))
    else:
        note = convention_note(current) if versions and report.bump != "none" else ""
        sys.stdout.write(apidiff.format_text(report, versions, note))
    return 0


def command() -> NoReturn:
    """The `sdkgen` console script: `main`, then the process ends at once. An orderly shutdown
    of the interpreter would free the generation's objects one by one and collect their cycles
    (Kubernetes: 0.06 s) only to give back memory the kernel takes back anyway."""
    code = main()
    for child in multiprocessing.active_children():  # a validation cut short (Ctrl-C): not left running
        child.terminate()
        child.join()
    with contextlib.suppress(OSError):  # a reader that went away (`| head`) has all it wanted
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    command()
