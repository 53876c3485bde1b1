"""Cold start of ``friendli``: import, client construction, ``.dedicated.image``.

Usage::

    python bench/coldstart.py --python ref=.bench/ref/bin/python \
        --python ours=.bench/ours/bin/python --runs 20

Why fresh subprocesses: only a new interpreter has empty ``sys.modules``, which
is what a user (CLI, serverless function) pays. The timer runs *inside* the
child around the import so interpreter start-up is excluded. Runs of several
interpreters are interleaved (order rotated each round) so machine drift hits
all of them alike. Optionally ``-X importtime`` names the slowest modules.
Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from typing import Any

SNIPPET = """\
import sys, time
n0 = len(sys.modules)
t0 = time.perf_counter()
from friendli import SyncFriendli
t1 = time.perf_counter()
c = SyncFriendli(token="x")
t2 = time.perf_counter()
c.dedicated.image
t3 = time.perf_counter()
n1 = len(sys.modules)
sys.stdout.write(repr((t1 - t0, t2 - t1, t3 - t2, n1 - n0)))
"""
IMPORTTIME_SNIPPET = (
    'from friendli import SyncFriendli; SyncFriendli(token="x").dedicated.image'
)


def child_env() -> dict[str, str]:
    """Environment without anything that would change what gets imported or how.

    Drops PYTHON* (PYTHONPATH, PYTHONDONTWRITEBYTECODE, ...), FRIENDLI_* and proxy
    variables, so both SDKs start from the same clean slate.
    """
    drop_prefixes = ("PYTHON", "FRIENDLI_")
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(drop_prefixes) and "proxy" not in k.lower()
    }


def one_run(python: str, cwd: str, env: dict[str, str]) -> dict[str, float]:
    """One fresh interpreter; returns the in-process timings in ms."""
    w0 = time.perf_counter()
    res = subprocess.run(
        [python, "-c", SNIPPET],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - w0
    if res.returncode != 0:
        raise RuntimeError(f"{python} cold-start run failed:\n{res.stderr[-3000:]}")
    imp, client, attr, modules = (float(x) for x in res.stdout.strip()[1:-1].split(","))
    return {
        "total_ms": (imp + client + attr) * 1e3,
        "import_ms": imp * 1e3,
        "client_ms": client * 1e3,
        "attr_ms": attr * 1e3,
        "modules": modules,
        "process_wall_ms": wall * 1e3,
    }


def parse_importtime(stderr: str) -> dict[str, tuple[int, int]]:
    """Map module -> (self_us, cumulative_us) from ``-X importtime`` output."""
    out: dict[str, tuple[int, int]] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        fields = line[len("import time:") :].split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        out[fields[2].strip()] = (int(fields[0]), int(fields[1]))
    return out


def importtime_top(
    python: str, cwd: str, env: dict[str, str], runs: int, top: int
) -> dict[str, Any]:
    """Slowest modules by median self time, excluding plain interpreter start-up."""
    base = subprocess.run(
        [python, "-X", "importtime", "-c", "pass"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    startup = set(parse_importtime(base.stderr))
    selfs: dict[str, list[int]] = defaultdict(list)
    cums: dict[str, list[int]] = defaultdict(list)
    for _ in range(runs):
        res = subprocess.run(
            [python, "-X", "importtime", "-c", IMPORTTIME_SNIPPET],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if res.returncode != 0:
            raise RuntimeError(f"{python} -X importtime failed:\n{res.stderr[-3000:]}")
        for mod, (self_us, cum_us) in parse_importtime(res.stderr).items():
            if mod not in startup:
                selfs[mod].append(self_us)
                cums[mod].append(cum_us)
    med_self = {m: statistics.median(v) for m, v in selfs.items()}
    ranked = sorted(med_self.items(), key=lambda kv: kv[1], reverse=True)[:top]
    packages: dict[str, float] = defaultdict(float)
    for mod, us in med_self.items():
        packages[mod.split(".")[0]] += us
    return {
        "modules_imported": len(med_self),
        "top_self_ms": [[m, round(us / 1e3, 3)] for m, us in ranked],
        "by_top_package_ms": {
            p: round(us / 1e3, 2)
            for p, us in sorted(packages.items(), key=lambda kv: kv[1], reverse=True)[
                :top
            ]
        },
    }


def summarize(rows: list[dict[str, float]]) -> dict[str, float]:
    """Medians of every field, plus spread of the total."""
    totals = sorted(r["total_ms"] for r in rows)
    out = {f"{k}_median": statistics.median(r[k] for r in rows) for k in rows[0]}
    out["total_ms_mean"] = statistics.fmean(totals)
    out["total_ms_min"] = totals[0]
    out["total_ms_max"] = totals[-1]
    out["runs"] = len(rows)
    return out


def main() -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description="friendli cold-start benchmark")
    ap.add_argument(
        "--python",
        action="append",
        required=True,
        metavar="LABEL=PATH",
        help="interpreter to measure (repeatable); a bare PATH is labelled by itself",
    )
    ap.add_argument("--runs", type=int, default=20, help="timed runs per interpreter")
    ap.add_argument(
        "--warmup", type=int, default=2, help="untimed runs (page cache, pyc)"
    )
    ap.add_argument(
        "--importtime-runs", type=int, default=3, help="0 disables -X importtime"
    )
    ap.add_argument("--top", type=int, default=8, help="how many offenders to list")
    args = ap.parse_args()

    pythons: dict[str, str] = {}
    for item in args.python:
        label, sep, path = item.partition("=")
        # abspath, not resolve(): the venv's bin/python symlink must stay the venv's
        pythons[label if sep else item] = os.path.abspath(path if sep else item)
    env = child_env()
    rows: dict[str, list[dict[str, float]]] = {label: [] for label in pythons}
    labels = list(pythons)
    with tempfile.TemporaryDirectory(prefix="coldstart-") as cwd:
        for i in range(args.warmup + args.runs):
            k = i % len(labels)
            for label in labels[k:] + labels[:k]:
                row = one_run(pythons[label], cwd, env)
                if i >= args.warmup:
                    rows[label].append(row)
        result: dict[str, Any] = {}
        for label, py in pythons.items():
            result[label] = {"python": py, **summarize(rows[label])}
            if args.importtime_runs > 0:
                result[label]["importtime"] = importtime_top(
                    py, cwd, env, args.importtime_runs, args.top
                )
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
