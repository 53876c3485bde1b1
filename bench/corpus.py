"""Corpus report: ``sdkgen generate`` on every document of the spec corpus.

``make corpus`` runs ``python bench/corpus.py``: each document is generated
sequentially into a temporary directory and a Markdown table is printed, a row
each: document, outcome (``sdk`` / ``error (expected)`` / ``FAIL``), operations,
models, files, lines, seconds, first problem.

Options: ``--check`` also checks each SDK works (compile, import, ``mypy --strict``,
docs pages); ``--prism`` runs every usage snippet against Prism; ``--only a,b``
restricts the documents, ``--small`` keeps those under 300 KB; ``--json FILE``
writes everything found (all problems, not just the first); ``--keep DIR`` keeps
the generated SDKs. Exit code 0 (it is a report) unless ``--strict`` and a row FAILs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.corpus import (  # noqa: E402
    CheckReport,
    Document,
    Outcome,
    PrismReport,
    as_json,
    check_working_report,
    exercise_report,
    generate,
    iter_selected,
)

PROBLEM_WIDTH = 160


@dataclass
class Row:
    """Everything found for one document."""

    document: Document
    outcome: Outcome
    check: CheckReport | None = None
    prism: PrismReport | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The generation outcome, or FAIL when a later stage found problems."""
        if self.outcome.status == "sdk" and self.problems:
            return "FAIL"
        return self.outcome.status


def _cell(text: str) -> str:
    """Text fit for one Markdown table cell."""
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= PROBLEM_WIDTH else text[: PROBLEM_WIDTH - 3] + "..."


def run_document(doc: Document, work: Path, *, check: bool, prism: bool) -> Row:
    """Generate one document (and check/exercise the SDK); progress goes to stderr."""
    out = work / doc.name
    print(f"[corpus] {doc.name}: generate", file=sys.stderr, flush=True)
    row = Row(doc, generate(doc, out))
    if row.outcome.problem:
        row.problems.append(row.outcome.problem)
    if row.outcome.status != "sdk":
        return row
    if check:
        print(f"[corpus] {doc.name}: check", file=sys.stderr, flush=True)
        row.check = check_working_report(out)
        row.problems += row.check.problems
    if prism:
        print(f"[corpus] {doc.name}: prism ({row.outcome.operations} operations)", file=sys.stderr, flush=True)
        row.prism = exercise_report(doc, out)
        row.problems += row.prism.problems
    return row


def table(rows: list[Row], *, check: bool, prism: bool) -> str:
    """The Markdown report."""
    head = ["document", "outcome", "ops", "models", "files", "lines", "seconds"]
    if check:
        head += ["check", "mypy s"]
    if prism:
        head += ["prism"]
    head += ["first problem"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for row in rows:
        o = row.outcome
        made = o.status == "sdk"
        cells = [row.document.name, row.status]
        cells += [str(v) if made else "" for v in (o.operations, o.models, o.files, o.lines)]
        cells.append(f"{o.seconds:.1f}")
        if check:
            c = row.check
            cells.append("" if c is None else ("ok" if not c.problems else f"{len(c.problems)} problems"))
            cells.append("" if c is None or c.mypy_seconds is None else f"{c.mypy_seconds:.1f}")
        if prism:
            p = row.prism
            noted = f", {len(p.notes)} noted" if p and p.notes else ""
            cells.append("" if p is None else f"{p.operations - p.failed}/{p.operations} ok{noted}")
        cells.append(_cell(row.problems[0]) if row.problems else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the corpus, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="also check each SDK works (compile, import, mypy, docs)")
    parser.add_argument("--prism", action="store_true", help="also run every usage snippet against Prism")
    parser.add_argument("--only", default="", help="comma-separated document names")
    parser.add_argument("--small", action="store_true", help="only documents under 300 KB (per MANIFEST)")
    parser.add_argument("--json", type=Path, help="write all results as JSON to this file")
    parser.add_argument("--keep", type=Path, help="generate into this directory (kept) instead of a temporary one")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a row FAILs")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.only.split(",") if n.strip()]
    try:
        docs = [d for d in iter_selected(names) if not (args.small and d.large)]
    except ValueError as exc:
        parser.error(str(exc))
    started = time.monotonic()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="sdkgen-corpus-") as tmp:
        work = args.keep.resolve() if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            if (work / doc.name).exists():
                shutil.rmtree(work / doc.name)
            rows.append(run_document(doc, work, check=args.check, prism=args.prism))
    print(table(rows, check=args.check, prism=args.prism))
    failed = sum(row.status == "FAIL" for row in rows)
    print(f"\n{len(rows)} documents, {failed} FAIL, {time.monotonic() - started:.0f}s")
    if args.json:
        data: list[dict[str, Any]] = [
            {
                "document": as_json(row.document),
                "status": row.status,
                "outcome": {**as_json(row.outcome), "status": row.outcome.status, "problem": row.outcome.problem},
                "check": as_json(row.check),
                "prism": as_json(row.prism),
                "problems": row.problems,
            }
            for row in rows
        ]
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
