"""Regeneration loop: a no-op ``sdkgen check`` of the Friendli SDK, and regeneration of a large
SDK (Stripe by default) after a one-line spec change, against a cold generation.

``python bench/regen.py [--spec /work/shared/specs/stripe.yaml] [--runs 3]`` prints a Markdown
report (any Python >= 3.9 runs it; it runs ``.venv/bin/sdkgen``, which must exist):

1. ``sdkgen check spec/friendli.yaml --config spec/gen.yaml --out generated``: one untimed
   warm-up, then ``--check-runs`` timed runs, wall time of the whole process (goal: median < 1 s).
2. For each of ``--runs`` runs, in a fresh temporary directory holding a *copy* of ``--spec``
   (the original is never touched) and a private ``SDKGEN_CACHE_DIR`` (format and validation
   caches both start empty):

   - **cold**: ``sdkgen generate COPY --out OUT``; then OUT and the cache are snapshotted;
   - for each variant, OUT and the cache are restored from the snapshot, the copy is rewritten
     (at the same path: the validation cache is keyed by path and text) and
     ``sdkgen generate COPY --out OUT`` is timed again with the warm cache:
     ``noop`` (unchanged spec), ``description`` (one property description's text edited in
     place), ``enum`` (one value added to an enum: one inserted line).

   Each row reports wall and CPU time (user+sys of the process tree, from ``wait4``), the
   CLI's ``N written, M unchanged, K removed``, the files whose manifest hash changed, and the
   format-cache entries added by the run (= files that missed the content-addressed cache and
   were formatted again). Goal: an edited regeneration takes <= 0.1x the cold one's wall time.

3. Unless ``--no-probe``, each step is run once more (first run only, same restored state)
   in-process under ``.venv/bin/python bench/regen.py --probe-child -- generate ...``, which
   wraps (monkeypatches, nothing is edited) the pipeline's stage functions and the formatter's
   internals to time each stage and count statements sent to black, whole-file black calls,
   ``_known_split`` shortcuts and cache hits/misses. The probe's numbers are for the breakdown
   only; the timed rows above come from the plain CLI.

The generator is installed editable and others may be editing it: the report fingerprints
``generator/`` and ``templates/`` before and after and warns when they changed mid-run (a
``noop`` row with files written is the other symptom).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Optional

import fsquiet

ROOT = Path(__file__).resolve().parent.parent
SDKGEN = ROOT / ".venv" / "bin" / "sdkgen"
VENV_PY = ROOT / ".venv" / "bin" / "python"
DEFAULT_SPEC = Path("/work/shared/specs/stripe.yaml")
CHECK_GOAL_S = 1.0
REGEN_GOAL = 0.1
VARIANTS = ("noop", "description", "enum")
SUMMARY = re.compile(r": (\d+) written, (\d+) unchanged, (\d+) removed")
PROBE_ENV = "SDKGEN_REGEN_PROBE_OUT"


def log(msg: str) -> None:
    print(f"[regen] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- spec edits


_DESCRIPTION = re.compile(
    r"^(?P<indent> {6,})description: (?P<text>[A-Z][^\n'\"#:>|]*[a-z])\.(?=\n(?P=indent)type: )", re.M
)
"""A plain property's one-line description (its sibling `type:` follows)."""
_ENUM = re.compile(r"^(?P<indent> +)enum:\n(?P<items>(?:(?P=indent) *- [A-Za-z0-9_]+\n)+)", re.M)


def edit_description(text: str) -> tuple[str, str]:
    """Change the text of the first plain property's one-line description (in place, one line)."""
    match = _DESCRIPTION.search(text)
    if match is None:
        raise RuntimeError("no one-line `description: Text.` found to edit (YAML specs only)")
    line = match.group(0)
    new = f"{match['indent']}description: {match['text']} (edited by bench/regen.py)."
    where = text.count("\n", 0, match.start()) + 1
    return text[: match.start()] + new + text[match.end() :], f"line {where}: `{line.strip()}` -> `{new.strip()}`"


def add_enum_value(text: str) -> tuple[str, str]:
    """Add a value after the last value of the first block-style string enum (one inserted line)."""
    match = _ENUM.search(text)
    if match is None:
        raise RuntimeError("no block-style `enum:` list found to extend (YAML specs only)")
    items = match["items"].rstrip("\n").split("\n")
    last = items[-1]
    added = last[: last.index("- ") + 2] + "sdkgen_bench_added"
    cut = match.end()
    where = text.count("\n", 0, cut) + 1
    return text[:cut] + added + "\n" + text[cut:], f"line {where}: inserted `{added.strip()}` after `{last.strip()}`"


EDITS: dict[str, Callable[[str], tuple[str, str]]] = {
    "noop": lambda text: (text, "unchanged"),
    "description": edit_description,
    "enum": add_enum_value,
}


# --------------------------------------------------------------------------- measuring


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> dict[str, Any]:
    """Run one command: wall time, CPU of the tree (wait4), exit code, output."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Reap with wait4 (for the tree's CPU time), draining the pipes in threads meanwhile.
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []

    def drain(stream: Any, sink: list[bytes]) -> None:
        for chunk in iter(lambda: stream.read(65536), b""):
            sink.append(chunk)

    threads = [
        threading.Thread(target=drain, args=(proc.stdout, out_chunks)),
        threading.Thread(target=drain, args=(proc.stderr, err_chunks)),
    ]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in threads:
        t.join()
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rc": proc.returncode,
        "stdout": b"".join(out_chunks).decode(errors="replace"),
        "stderr": b"".join(err_chunks).decode(errors="replace"),
    }


def base_env(cache: Optional[Path] = None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SDKGEN_DEBUG", None)
    if cache is not None:
        env["SDKGEN_CACHE_DIR"] = str(cache)
    return env


def nice(cmd: list[str], level: int) -> list[str]:
    return ["nice", "-n", str(level), *cmd] if level else cmd


def fingerprint() -> str:
    """Hash of the generator's code and templates (installed editable: what sdkgen runs)."""
    digest = hashlib.sha256()
    for top in ("generator", "templates"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.is_symlink():
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def count_files(directory: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(directory)) if directory.exists() else 0


def count_format_entries(directory: Path) -> int:
    """Entries of the format cache: rows of its SQLite file (files, in caches of older sdkgens)."""
    database = directory / "cache.sqlite3"
    if not database.exists():
        return count_files(directory)
    with sqlite3.connect(database) as db:
        return int(db.execute("SELECT count(*) FROM formatted").fetchone()[0])


def manifest_files(out: Path) -> dict[str, str]:
    try:
        return dict(json.loads((out / ".sdkgen-manifest.json").read_text())["files"])
    except (OSError, ValueError, KeyError):
        return {}


def copy_tree(src: Path, dst: Path, trash: fsquiet.Trash) -> None:
    trash.discard(dst)  # not deleted yet: see bench/fsquiet.py
    if src.exists():
        subprocess.run(["cp", "-a", str(src), str(dst)], check=True)


def parse_summary(stdout: str) -> Optional[tuple[int, int, int]]:
    match = SUMMARY.search(stdout)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def median(values: list[float]) -> Optional[float]:
    return statistics.median(values) if values else None


# --------------------------------------------------------------------------- step 1: friendli check


def time_check(runs: int, niceness: int) -> dict[str, Any]:
    cmd = nice(
        [str(SDKGEN), "check", "spec/friendli.yaml", "--config", "spec/gen.yaml", "--out", "generated"], niceness
    )
    log("friendli check: warm-up")
    run_timed(cmd, base_env())
    walls, cpus, rcs = [], [], []
    for i in range(runs):
        res = run_timed(cmd, base_env())
        walls.append(res["wall_s"])
        cpus.append(res["cpu_s"])
        rcs.append(res["rc"])
        log(f"friendli check {i + 1}/{runs}: {res['wall_s']:.3f} s wall, rc={res['rc']}")
    return {"walls": walls, "cpus": cpus, "rcs": rcs}


# --------------------------------------------------------------------------- step 2: regeneration


class Workspace:
    """One run's temporary tree: the spec copy, OUT, the cache and their snapshots."""

    def __init__(self, spec: Path, keep: bool) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="sdkgen-regen-"))
        self.keep = keep
        self.spec = self.tmp / "spec" / spec.name
        self.spec.parent.mkdir()
        self.original = spec.read_text(encoding="utf-8")
        self.spec.write_text(self.original, encoding="utf-8")
        self.work = self.tmp / "work"  # OUT's parent: the output lock is taken on it
        self.work.mkdir()
        self.out = self.work / "out"
        self.cache = self.tmp / "cache"
        self.base_out = self.tmp / "base-out"
        self.base_cache = self.tmp / "base-cache"
        self.trash = fsquiet.Trash(self.tmp / "discarded")

    def snapshot(self) -> None:
        copy_tree(self.out, self.base_out, self.trash)
        copy_tree(self.cache, self.base_cache, self.trash)

    def restore(self, variant: str) -> str:
        """OUT and cache as after the cold run; the spec copy with `variant`'s edit."""
        copy_tree(self.base_out, self.out, self.trash)
        copy_tree(self.base_cache, self.cache, self.trash)
        text, what = EDITS[variant](self.original)
        self.spec.write_text(text, encoding="utf-8")
        return what

    def reset_cold(self) -> None:
        for path in (self.out, self.cache):
            self.trash.discard(path)
        self.spec.write_text(self.original, encoding="utf-8")

    def close(self) -> None:
        if self.keep:
            log(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def generate_cmd(ws: Workspace, config: Optional[Path], probe: bool, niceness: int) -> list[str]:
    args = ["generate", str(ws.spec), "--out", str(ws.out)]
    if config is not None:
        args += ["--config", str(config)]
    head = [str(VENV_PY), str(Path(__file__).resolve()), "--probe-child", "--"] if probe else [str(SDKGEN)]
    return nice(head + args, niceness)


def measure_step(ws: Workspace, config: Optional[Path], probe: bool, niceness: int) -> dict[str, Any]:
    before_format = count_format_entries(ws.cache / "format")
    before_validate = count_files(ws.cache / "validate")
    before_manifest = manifest_files(ws.out)
    # sdkgen's write ends in one os.sync(): flush the restore's copies first, so that the timed
    # run does not pay for writing back the benchmark's own ~100 MB of copied files.
    os.sync()
    fsquiet.settle(ws.work, budget_s=60.0)  # in case an earlier benchmark deleted nearby
    env = base_env(ws.cache)
    probe_file = ws.tmp / "probe.json"
    if probe:
        env[PROBE_ENV] = str(probe_file)
        probe_file.unlink(missing_ok=True)
    res = run_timed(generate_cmd(ws, config, probe, niceness), env)
    if res["rc"] != 0:
        raise RuntimeError(f"sdkgen generate failed (rc={res['rc']}):\n{res['stderr'][-3000:]}")
    after_manifest = manifest_files(ws.out)
    changed = sorted(p for p, h in after_manifest.items() if before_manifest.get(p) != h)
    removed = sorted(p for p in before_manifest if p not in after_manifest)
    summary = parse_summary(res["stdout"])
    row: dict[str, Any] = {
        "wall_s": res["wall_s"],
        "cpu_s": res["cpu_s"],
        "written": summary[0] if summary else None,
        "unchanged": summary[1] if summary else None,
        "removed": summary[2] if summary else None,
        "changed_files": changed,
        "removed_files": removed,
        "format_misses": count_format_entries(ws.cache / "format") - before_format,
        "validate_misses": count_files(ws.cache / "validate") - before_validate,
    }
    if probe:
        row["probe"] = json.loads(probe_file.read_text())
    return row


def time_regen(
    spec: Path, config: Optional[Path], runs: int, variants: list[str], probe: bool, niceness: int, keep: bool
) -> dict[str, Any]:
    results: dict[str, list[dict[str, Any]]] = {"cold": [], **{v: [] for v in variants}}
    probes: dict[str, dict[str, Any]] = {}
    edits: dict[str, str] = {}
    for run in range(runs):
        ws = Workspace(spec, keep)
        try:
            log(f"run {run + 1}/{runs}: cold generation of {spec.name}")
            results["cold"].append(measure_step(ws, config, False, niceness))
            log(f"  cold: {results['cold'][-1]['wall_s']:.1f} s")
            ws.snapshot()
            for variant in variants:
                edits[variant] = ws.restore(variant)
                results[variant].append(measure_step(ws, config, False, niceness))
                log(f"  {variant}: {results[variant][-1]['wall_s']:.2f} s")
            if probe and run == 0:
                for variant in variants:
                    ws.restore(variant)
                    probes[variant] = measure_step(ws, config, True, niceness)
                    log(f"  probe {variant}: {probes[variant]['wall_s']:.2f} s")
                ws.reset_cold()
                probes["cold"] = measure_step(ws, config, True, niceness)
                log(f"  probe cold: {probes['cold']['wall_s']:.1f} s")
        finally:
            ws.close()
    return {"rows": results, "probes": probes, "edits": edits}


# --------------------------------------------------------------------------- the probe child


def probe_child(argv: list[str]) -> int:
    """Run `sdkgen ARGV` in-process with the stages timed and the formatter's work counted."""
    t_start = time.perf_counter()
    from generator import cli, formatting, pipeline  # noqa: PLC0415 (only in the child)

    t_imported = time.perf_counter()
    times: dict[str, float] = {}
    counts: dict[str, int] = {
        "black_statements": 0,
        "black_batches": 0,
        "black_chars": 0,
        "black_whole_files": 0,
        "known_split_hits": 0,
        "risky_statements": 0,
        "cache_hits": 0,
        "cache_misses": 0,
        "validations": 0,
    }

    def timed(module: Any, name: str, key: str) -> None:
        original = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                times[key] = times.get(key, 0.0) + time.perf_counter() - t0

        setattr(module, name, wrapper)

    def timed_iteration(module: Any, name: str, key: str) -> None:
        """For a generator function: the time spent producing its items, not the caller's."""
        original = getattr(module, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            items = original(*args, **kwargs)
            while True:
                t0 = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    times[key] = times.get(key, 0.0) + time.perf_counter() - t0
                yield item

        setattr(module, name, wrapper)

    for name in ("load", "_validation_key", "findings", "load_settings", "build_api", "plan", "format_files"):
        timed(pipeline, name, name)
    timed_iteration(pipeline, "rendered_files", "render")
    timed(cli, "up_to_date", "up_to_date")
    timed(pipeline, "sha256", "manifest_hashes")
    timed(cli, "write_tree", "write_tree")
    timed(cli, "compare", "compare")
    for name in ("_jobs_of", "_run_jobs", "_black_whole", "_splice"):
        timed(formatting, name, "fmt" + name)
    timed(formatting._Cache, "get", "fmt_cache_get")
    timed(formatting._Cache, "put", "fmt_cache_put")

    findings = pipeline.findings  # one call per part of a validation (in this process for small documents)

    def counting_findings(*args: Any, **kwargs: Any) -> Any:
        counts["validations"] += 1
        return findings(*args, **kwargs)

    pipeline.findings = counting_findings

    jobs_of = formatting._jobs_of

    def counting_jobs_of(*args: Any, **kwargs: Any) -> Any:
        jobs = jobs_of(*args, **kwargs)
        counts["risky_statements"] += len(jobs)
        return jobs

    formatting._jobs_of = counting_jobs_of

    known = formatting._known_split

    def counting_known(job: Any) -> Any:
        result = known(job)
        counts["known_split_hits"] += result is not None
        return result

    formatting._known_split = counting_known

    run_jobs = formatting._run_jobs

    def counting_run_jobs(jobs: list[Any]) -> Any:
        counts["black_statements"] += len(jobs)
        counts["black_chars"] += sum(len(job.text) for job in jobs)
        groups: dict[tuple[bool, int], int] = {}
        for job in jobs:
            key = (job.statement.docstring, job.statement.indent)
            groups[key] = groups.get(key, 0) + 1
        counts["black_batches"] += sum(-(-n // formatting.BATCH_SIZE) for n in groups.values())
        return run_jobs(jobs)

    formatting._run_jobs = counting_run_jobs

    whole = formatting._black_whole

    def counting_whole(*args: Any, **kwargs: Any) -> Any:
        counts["black_whole_files"] += 1
        return whole(*args, **kwargs)

    formatting._black_whole = counting_whole

    get = formatting._Cache.get

    def counting_get(self: Any, text: str) -> Any:
        hit = get(self, text)
        counts["cache_hits" if hit is not None else "cache_misses"] += 1
        return hit

    formatting._Cache.get = counting_get  # type: ignore[method-assign]

    t0 = time.perf_counter()
    gc.disable()  # as the `sdkgen` command does (cli.main leaves the collector alone when given argv)
    rc = cli.main(argv)
    t_end = time.perf_counter()
    times["imports"] = t_imported - t_start
    times["cli_main"] = t_end - t0
    out = os.environ.get(PROBE_ENV)
    if out:
        Path(out).write_text(json.dumps({"times": times, "counts": counts, "rc": rc}))
    return rc


# --------------------------------------------------------------------------- report


def fmt(x: Optional[float], digits: int = 2) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def spread(values: list[float], digits: int = 2) -> str:
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}" if values else "n/a"


def verdict(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("**PASS**" if ok else "**FAIL**")


def same(values: list[Any]) -> str:
    """One value when all runs agree, else all of them."""
    distinct = sorted({str(v) for v in values})
    return distinct[0] if len(distinct) == 1 else "/".join(str(v) for v in values)


# Stage rows of the breakdown: (label, key in probe times, indent).
STAGES = [
    ("interpreter start + imports (process wall - cli.main)", "_startup", 0),
    ("up_to_date (inputs and files as last written?)", "up_to_date", 0),
    ("load (YAML, $refs)", "load", 0),
    ("validation-cache key (hashing)", "_validation_key", 0),
    ("validate (openapi-spec-validator; in this process only)", "findings", 0),
    ("load_settings", "load_settings", 0),
    ("build_api (modeling)", "build_api", 0),
    ("plan", "plan", 0),
    ("render (Jinja2)", "render", 0),
    ("format_files", "format_files", 0),
    ("  cache get (read + sha256)", "fmt_cache_get", 1),
    ("  cut statements, find risky ones", "fmt_jobs_of", 1),
    ("  black on statements", "fmt_run_jobs", 1),
    ("  black on whole files", "fmt_black_whole", 1),
    ("  splice", "fmt_splice", 1),
    ("  cache put (write)", "fmt_cache_put", 1),
    ("manifest hashes", "manifest_hashes", 0),
    ("write_tree (compare, stage, sync, swap)", "write_tree", 0),
    ("other (in cli.main)", "_other", 0),
]


def stage_times(probe: dict[str, Any]) -> dict[str, float]:
    times = dict(probe["probe"]["times"])
    times["_startup"] = probe["wall_s"] - times.get("cli_main", 0.0)
    top = sum(times.get(key, 0.0) for _, key, indent in STAGES if indent == 0 and not key.startswith("_"))
    times["_other"] = times.get("cli_main", 0.0) - top
    return times


def report(
    spec: Path,
    check: Optional[dict[str, Any]],
    regen: Optional[dict[str, Any]],
    fingerprints: tuple[str, str],
    errors: list[str],
) -> str:
    lines = ["## sdkgen regeneration loop", ""]
    if check is not None:
        walls = check["walls"]
        med = median(walls)
        lines += [
            "### No-op `sdkgen check` of the Friendli SDK",
            "",
            "| command | runs | wall median s | wall min-max s | CPU median s | exit codes | goal | result |",
            "|---|---:|---:|---:|---:|---|---|---|",
            f"| `sdkgen check spec/friendli.yaml --config spec/gen.yaml --out generated` | {len(walls)} "
            f"| {fmt(med, 3)} | {spread(walls, 3)} | {fmt(median(check['cpus']), 3)} | {same(check['rcs'])} "
            f"| < {CHECK_GOAL_S} s | {verdict(None if med is None else med < CHECK_GOAL_S)} |",
            "",
        ]
        if any(rc != 0 for rc in check["rcs"]):
            lines += ["- WARNING: `check` exited non-zero: generated/ has drifted (timed anyway).", ""]
    if regen is not None:
        rows = regen["rows"]
        cold_walls = [r["wall_s"] for r in rows["cold"]]
        cold_cpus = [r["cpu_s"] for r in rows["cold"]]
        cold_med = median(cold_walls)
        cold_cpu_med = median(cold_cpus)
        runs = len(cold_walls)
        lines += [
            f"### Regeneration of `{spec.name}` after a one-line change ({runs} run{'s' * (runs != 1)}, medians)",
            "",
            "| step | wall s | wall min-max s | CPU s | wall / cold | CPU / cold | written | unchanged | removed "
            "| files changed (.py) | format-cache misses (files) | statements to black | goal | result |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
        ]
        probes = regen.get("probes", {})
        for step, measured in rows.items():
            if not measured:
                continue
            walls = [r["wall_s"] for r in measured]
            cpus = [r["cpu_s"] for r in measured]
            wall_med, cpu_med = median(walls), median(cpus)
            ratio = wall_med / cold_med if step != "cold" and wall_med and cold_med else None
            cpu_ratio = cpu_med / cold_cpu_med if step != "cold" and cpu_med and cold_cpu_med else None
            changed = [len(r["changed_files"]) for r in measured]
            changed_py = [sum(p.endswith(".py") for p in r["changed_files"]) for r in measured]
            probe = probes.get(step)
            black = (
                f"{probe['probe']['counts']['black_statements']}"
                f" (+{probe['probe']['counts']['black_whole_files']} whole files)"
                if probe
                else "n/a"
            )
            goal = f"<= {REGEN_GOAL}x cold" if step in ("description", "enum") else ""
            result = verdict(ratio <= REGEN_GOAL) if goal and ratio is not None else ""
            cells = [
                f"**{step}**",
                fmt(wall_med),
                spread(walls),
                fmt(cpu_med),
                "" if ratio is None else f"{ratio:.3f}",
                "" if cpu_ratio is None else f"{cpu_ratio:.3f}",
                same([r["written"] for r in measured]),
                same([r["unchanged"] for r in measured]),
                same([r["removed"] for r in measured]),
                f"{same(changed)} ({same(changed_py)})",
                same([r["format_misses"] for r in measured]),
                black,
                goal,
                result,
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines += [""]
        for variant, what in regen.get("edits", {}).items():
            if variant != "noop":
                lines.append(f"- `{variant}`: {what}")
        for step, measured in rows.items():
            if step in ("cold", "noop") or not measured:
                continue
            shown = measured[0]["changed_files"]
            listing = ", ".join(f"`{p}`" for p in shown[:12]) + (
                f", ... ({len(shown)} in all)" if len(shown) > 12 else ""
            )
            lines.append(f"- files changed by `{step}`: {listing or 'none'}")
        lines.append(
            "- steps: cold = empty format and validation caches, empty OUT; the others start from "
            "the cold run's OUT and caches (restored before each, then `sync`ed untimed), "
            "the spec copy edited in place."
        )
        if probes:
            names = [s for s in ("cold", *VARIANTS) if s in probes]
            lines += [
                "",
                "### Where the time goes (one instrumented in-process run per step, seconds)",
                "",
                "| stage | " + " | ".join(names) + " |",
                "|---|" + "---:|" * len(names),
            ]
            per = {name: stage_times(probes[name]) for name in names}
            for label, key, _ in STAGES:
                cells = [fmt(per[name].get(key), 2) if key in per[name] else "-" for name in names]
                lines.append(f"| {label} | " + " | ".join(cells) + " |")
            lines.append("| **process wall** | " + " | ".join(fmt(probes[n]["wall_s"]) for n in names) + " |")
            count_rows = [
                ("Python files: format-cache hits", "cache_hits"),
                ("Python files: format-cache misses", "cache_misses"),
                ("risky statements found in missed files", "risky_statements"),
                ("  of which split by `_known_split`", "known_split_hits"),
                ("  of which sent to black", "black_statements"),
                ("characters sent to black (statements)", "black_chars"),
                ("black batches (statements)", "black_batches"),
                ("files through black whole", "black_whole_files"),
                ("validations run (validation-cache misses)", "validations"),
            ]
            lines += ["", "| count | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
            for label, key in count_rows:
                lines.append(
                    f"| {label} | "
                    + " | ".join(str(probes[n]["probe"]["counts"].get(key, "n/a")) for n in names)
                    + " |"
                )
    before, after = fingerprints
    lines += [
        "",
        f"- generator+templates fingerprint: {before}" + (f" -> {after}" if after != before else " (unchanged)"),
    ]
    if after != before:
        lines.append("- WARNING: generator/ or templates/ changed during the run: numbers may mix versions.")
    load = os.getloadavg()
    lines.append(f"- load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    if errors:
        lines += ["", "### Errors", ""] + [f"```\n{e}\n```" for e in errors]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--probe-child":
        rest = sys.argv[2:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        sys.path.insert(0, str(ROOT))
        return probe_child(rest)
    ap = argparse.ArgumentParser(description="time sdkgen's regeneration loop")
    ap.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="large document to regenerate (copied)")
    ap.add_argument("--config", type=Path, default=None, help="gen.yaml for --spec (default: none)")
    ap.add_argument("--runs", type=int, default=3, help="cold + variants runs over --spec")
    ap.add_argument("--check-runs", type=int, default=5, help="timed runs of the friendli check")
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"subset of {','.join(VARIANTS)}")
    ap.add_argument("--steps", default="check,regen", help="subset of check,regen")
    ap.add_argument("--no-probe", action="store_true", help="skip the instrumented breakdown runs")
    ap.add_argument("--nice", type=int, default=5, help="run sdkgen under nice -n N (0: not)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directories")
    ap.add_argument("--json", type=Path, default=None, help="also write raw results here")
    args = ap.parse_args()
    if not SDKGEN.exists():
        print(f"{SDKGEN} does not exist: run `make setup` first", file=sys.stderr)
        return 1
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        ap.error(f"unknown variants: {', '.join(sorted(unknown))}")
    steps = set(args.steps.split(","))
    errors: list[str] = []
    fp_before = fingerprint()
    check = regen = None
    if "check" in steps:
        try:
            check = time_check(args.check_runs, args.nice)
        except Exception as exc:  # noqa: BLE001 (report and keep going)
            errors.append(f"friendli check: {exc}")
    if "regen" in steps:
        try:
            regen = time_regen(
                args.spec.resolve(), args.config, args.runs, variants, not args.no_probe, args.nice, args.keep
            )
        except Exception as exc:  # noqa: BLE001
            errors.append(f"regeneration: {exc}")
    fp_after = fingerprint()
    print(report(args.spec, check, regen, (fp_before, fp_after), errors))
    if args.json is not None:
        args.json.write_text(json.dumps({"check": check, "regen": regen, "errors": errors}, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
