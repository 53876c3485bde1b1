"""One-shot benchmark report: our generated ``friendli`` vs PyPI ``friendli==0.12.1``.

``make bench`` runs ``python bench/run.py``. Steps, all in one run so both SDKs
see the same machine state:

1. set up ``.bench/ref`` and ``.bench/ours`` (setup_venvs.py, idempotent);
2. start server.py in its own process (own GIL, pinned to its own core);
3. one calls.py ``--worker`` per venv, rounds interleaved across the venvs
   (the VM drifts ~30 % between back-to-back runs; interleaving cancels it):
   per-call overhead of ``generate`` over a raw httpx post;
4. coldstart.py across both venvs, interleaved;
5. time ``sdkgen generate`` of the spec (or "n/a" if sdkgen is not there yet);
6. print a Markdown table with PASS/FAIL per goal from the issue.

Exit code: 0 when everything was measured, even if a goal FAILs (it is a
report); 1 when a step crashed (the partial report is still printed).
"""

from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Self, TypeVar

import benchstats
import setup_venvs

BENCH = Path(__file__).resolve().parent
T = TypeVar("T")
OVERHEAD_GOAL = 0.2  # ours/ref per-call overhead
COLD_GOAL = 0.5  # ours/ref cold start


def log(msg: str) -> None:
    """Progress on stderr; stdout carries only the report."""
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def child_env() -> dict[str, str]:
    """Env for measured children: no proxies (loopback only), FRIENDLI_*, PYTHON*."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "FRIENDLI_")) and "proxy" not in k.lower()
    }


def pick_cpus(enabled: bool) -> tuple[int | None, int | None]:
    """(client core, server core), or no pinning if fewer than two cores are ours."""
    if not enabled or not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return cpus[0], cpus[1]


class Server:
    """server.py as a child process; context manager so it is always stopped."""

    def __init__(self, cpu: int | None) -> None:
        """Remember the core to pin to."""
        self.cpu = cpu
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def __enter__(self) -> Self:
        """Start and wait for the LISTENING line (10 s max)."""
        cmd = [sys.executable, str(BENCH / "server.py")]
        if self.cpu is not None:
            cmd += ["--cpu", str(self.cpu)]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, text=True, env=child_env()
        )
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], 10.0)
        line = self.proc.stdout.readline() if ready else ""
        if not line.startswith("LISTENING "):
            self.__exit__()
            raise RuntimeError(f"server did not start (got {line!r})")
        self.url = line.split()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        """Terminate our own child only."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


ROUND_TIMEOUT_S = 120.0  # a hung SDK (e.g. retrying with backoff) must not hang the run


def server_posts(url: str) -> int:
    """POST count seen by server.py (stdlib client, no proxies: loopback only)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url + "/__last", timeout=10) as resp:
        return int(json.loads(resp.read())["posts"])


class CallsWorker:
    """calls.py --worker in one venv, driven round by round over pipes."""

    def __init__(
        self, label: str, python: Path, url: str, warmup: int, cpu: int | None
    ) -> None:
        """Start the worker; its stderr goes to a temp file (SDKs may log per call)."""
        self.label = label
        self.errlog: IO[str] = tempfile.TemporaryFile("w+")  # noqa: SIM115 (lives with proc)
        cmd = [
            str(python),
            str(BENCH / "calls.py"),
            "--server",
            url,
            "--worker",
            "--warmup",
            str(warmup),
        ]
        if cpu is not None:
            cmd += ["--cpu", str(cpu)]
        log(f"{label}: {' '.join(cmd)}")
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errlog,
            text=True,
            env=child_env(),
        )

    def read(self) -> dict[str, Any]:
        """Next JSON line, or an error carrying the worker's stderr tail."""
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], ROUND_TIMEOUT_S)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            self.errlog.seek(0)
            tail = self.errlog.read()[-4000:]
            why = "timed out" if not ready else f"exited rc={self.proc.returncode}"
            raise RuntimeError(f"calls.py worker [{self.label}] {why}:\n{tail}")
        data: dict[str, Any] = json.loads(line)
        return data

    def round(self, index: int, count: int) -> tuple[list[int], list[int]]:
        """Ask for one round; returns (raw_ns, sdk_ns)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{index} {count}\n")
        self.proc.stdin.flush()
        data = self.read()
        return data["raw"], data["sdk"]

    def close(self) -> None:
        """Tell it to stop; kill only if it does not."""
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write("done\n")
                self.proc.stdin.close()
                self.proc.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


def interleaved_calls(
    pythons: dict[str, Path],
    url: str,
    *,
    n: int,
    warmup: int,
    block: int,
    cpu: int | None,
    errors: list[str],
) -> dict[str, Any]:
    """Per-call benchmark of all venvs with their rounds interleaved.

    A venv whose worker crashes is dropped (its error goes to ``errors``) so the
    others, typically the reference, still get measured.
    """
    workers: list[CallsWorker] = []
    info: dict[str, dict[str, Any]] = {}
    # label -> (raw ns, sdk ns, per-round overheads ns)
    samples: dict[str, tuple[list[int], list[int], list[float]]] = {}
    expected = 0
    rnd = 0
    try:
        for label, py in pythons.items():
            w = CallsWorker(label, py, url, warmup, cpu)
            try:
                info[label] = w.read()
            except RuntimeError as exc:
                errors.append(str(exc))
                continue
            workers.append(w)
            samples[label] = ([], [], [])
        posts_before = server_posts(url)
        done = 0
        while done < n and workers:
            count = min(block, n - done)
            # Venv order flips every round, raw/sdk order every two rounds.
            for w in workers if rnd % 2 == 0 else workers[::-1]:
                try:
                    raw_ns, sdk_ns = w.round(rnd // 2, count)
                except RuntimeError as exc:
                    errors.append(str(exc))
                    workers.remove(w)
                    del samples[w.label]
                    continue
                raw_all, sdk_all, rounds = samples[w.label]
                raw_all += raw_ns
                sdk_all += sdk_ns
                rounds.append(benchstats.round_overhead_ns(raw_ns, sdk_ns))
                expected += 2 * count
            done += count
            rnd += 1
        posts = server_posts(url) - posts_before
    finally:
        for w in workers:
            w.close()
    out: dict[str, Any] = {}
    for label, (raw_all, sdk_all, rounds) in samples.items():
        raw = benchstats.summarize(raw_all)
        sdk = benchstats.summarize(sdk_all)
        meta = {k: v for k, v in info[label].items() if k != "ready"}
        out[label] = {
            **meta,
            "n": n,
            "block": block,
            "rounds": rnd,
            "raw": raw,
            "sdk": sdk,
            "overhead": benchstats.overhead(raw, sdk, rounds),
        }
    out["_server_posts"] = {"seen": posts, "expected": expected}
    return out


def run_json(cmd: list[str], what: str) -> dict[str, Any]:
    """Run a measuring child and parse the JSON it prints."""
    log(f"{what}: {' '.join(cmd)}")
    res = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(), check=False
    )
    if res.returncode != 0:
        raise RuntimeError(
            f"{what} failed (rc={res.returncode}):\n{res.stderr[-4000:]}"
        )
    data: dict[str, Any] = json.loads(res.stdout)
    return data


def time_generation(root: Path, runs: int) -> dict[str, Any] | None:
    """Wall time of ``sdkgen generate`` into a fresh dir; None without sdkgen/spec."""
    sdkgen = root / ".venv" / "bin" / "sdkgen"
    spec = root / "spec" / "friendli.yaml"
    if not (sdkgen.exists() and spec.exists()):
        return None
    times: list[float] = []
    files = 0
    for _ in range(runs):
        tmp = Path(tempfile.mkdtemp(prefix="sdkgen-bench-"))
        try:
            out = tmp / "sdk"
            cmd = [str(sdkgen), "generate", str(spec), "--out", str(out)]
            t0 = time.perf_counter()
            res = subprocess.run(cmd, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - t0)
            if res.returncode != 0:
                tail = res.stderr[-4000:]
                raise RuntimeError(
                    f"sdkgen generate failed (rc={res.returncode}):\n{tail}"
                )
            files = sum(1 for p in out.rglob("*") if p.is_file()) if out.exists() else 0
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"median_s": statistics.median(times), "runs": runs, "files": files}


def ratio(ours: float | None, ref: float | None) -> float | None:
    """ours/ref, or None when either side is missing or ref is not positive."""
    if ours is None or ref is None or ref <= 0:
        return None
    return ours / ref


def fmt(x: float | None, digits: int = 1) -> str:
    """Number or n/a."""
    return "n/a" if x is None else f"{x:.{digits}f}"


def verdict(r: float | None, goal: float) -> str:
    """PASS/FAIL against an upper bound on a ratio."""
    if r is None:
        return "n/a"
    return "**PASS**" if r <= goal else "**FAIL**"


def dig(d: dict[str, Any] | None, *keys: str) -> float | None:
    """Nested lookup that tolerates missing stages."""
    cur: Any = d
    for k in keys:
        if not isinstance(cur, dict) or k not in cur:
            return None
        cur = cur[k]
    return float(cur) if isinstance(cur, (int, float)) else None


def report(res: dict[str, Any], ours_label: str, errors: list[str]) -> str:
    """Markdown report of everything measured."""
    calls: dict[str, Any] = res.get("calls", {})
    cold: dict[str, Any] = res.get("cold", {})
    ref_c, our_c = calls.get("ref"), calls.get("ours")
    ref_k, our_k = cold.get("ref"), cold.get("ours")
    lines = [
        "## sdkgen benchmark: generated `friendli` vs PyPI `friendli==0.12.1`",
        "",
        f"| metric | reference | {ours_label} | ours/ref | goal | result |",
        "|---|---:|---:|---:|---|---|",
    ]

    def row(
        name: str,
        a: float | None,
        b: float | None,
        goal: float | None = None,
        digits: int = 1,
    ) -> None:
        r = ratio(b, a)
        goal_s = f"<= {goal}x" if goal is not None else ""
        res_s = verdict(r, goal) if goal is not None else ""
        ratio_s = "n/a" if r is None else f"{r:.2f}x"
        cells = [name, fmt(a, digits), fmt(b, digits), ratio_s, goal_s, res_s]
        lines.append("| " + " | ".join(cells) + " |")

    row(
        "raw httpx post, median us",
        dig(ref_c, "raw", "median_us"),
        dig(our_c, "raw", "median_us"),
    )
    row(
        "generate(), median us",
        dig(ref_c, "sdk", "median_us"),
        dig(our_c, "sdk", "median_us"),
    )
    row("generate(), p90 us", dig(ref_c, "sdk", "p90_us"), dig(our_c, "sdk", "p90_us"))
    row(
        "**overhead** generate - raw, median us",
        dig(ref_c, "overhead", "median_us"),
        dig(our_c, "overhead", "median_us"),
        OVERHEAD_GOAL,
    )
    row(
        "overhead, mean us",
        dig(ref_c, "overhead", "mean_us"),
        dig(our_c, "overhead", "mean_us"),
    )
    row(
        "overhead, p90 us",
        dig(ref_c, "overhead", "p90_us"),
        dig(our_c, "overhead", "p90_us"),
    )
    row(
        "**cold start** import+client+.dedicated.image, median ms",
        dig(ref_k, "total_ms_median"),
        dig(our_k, "total_ms_median"),
        COLD_GOAL,
        2,
    )
    row(
        "  of which import, median ms",
        dig(ref_k, "import_ms_median"),
        dig(our_k, "import_ms_median"),
        digits=2,
    )
    row(
        "modules loaded at cold start",
        dig(ref_k, "modules_median"),
        dig(our_k, "modules_median"),
        digits=0,
    )
    gen = res.get("generation")
    gen_s = (
        f"{gen['median_s']:.2f} s (median of {gen['runs']}, {gen['files']} files)"
        if isinstance(gen, dict)
        else "failed (see Errors)"
        if gen == "failed"
        else "skipped"
        if gen == "skipped"
        else "n/a (no .venv/bin/sdkgen or spec/friendli.yaml)"
    )
    lines += ["", f"Generation time of generated/ (`sdkgen generate`): {gen_s}", ""]

    for label, c in (("reference", ref_c), (ours_label, our_c)):
        if not isinstance(c, dict):
            continue
        o = c["overhead"]
        v = c["versions"]
        s = c["sanity"]
        lines.append(
            f"- {label}: friendli {v['friendli']}, httpx {v['httpx']}, "
            f"pydantic {v['pydantic']}, Python {v['python']}; n={c['n']} in "
            f"{c['rounds']} interleaved rounds; per-round overhead median "
            f"{o['round_median_us']:.1f} us (p10 {o['round_p10_us']:.1f}, "
            f"p90 {o['round_p90_us']:.1f}); returns `{s['result_type']}`"
        )
        if not s["body_matches_raw"] or not s["auth_matches_raw"]:
            lines.append(
                f"  - WARNING: SDK request differs from the raw post: {s['sdk_body']}"
            )
    for label, k in (("reference", ref_k), (ours_label, our_k)):
        if isinstance(k, dict) and "importtime" in k:
            top = ", ".join(f"{m} {ms}" for m, ms in k["importtime"]["top_self_ms"][:5])
            pk = ", ".join(
                f"{p} {ms}"
                for p, ms in list(k["importtime"]["by_top_package_ms"].items())[:5]
            )
            lines.append(f"- {label} cold start, slowest modules (self ms): {top}")
            lines.append(f"  - by package (self ms): {pk}")
    posts = res.get("server_posts")
    if isinstance(posts, dict) and posts["seen"] != posts["expected"]:
        lines.append(
            f"- WARNING: server saw {posts['seen']} POSTs while timing, expected "
            f"{posts['expected']} (retries or extra requests?)"
        )
    cpus = res.get("cpus")
    lines.append(f"- client/server cores: {cpus if cpus else 'not pinned'}")
    if errors:
        lines += ["", "### Errors", ""] + [f"```\n{e}\n```" for e in errors]
    return "\n".join(lines)


def main() -> int:
    """Orchestrate all steps; see module docstring."""
    ap = argparse.ArgumentParser(description="sdkgen benchmark report")
    ap.add_argument("--n", type=int, default=2000, help="timed calls per variant")
    ap.add_argument("--warmup", type=int, default=200, help="untimed calls per variant")
    ap.add_argument("--block", type=int, default=50, help="calls per variant per round")
    ap.add_argument(
        "--cold-runs", type=int, default=20, help="cold-start runs per venv"
    )
    ap.add_argument("--gen-runs", type=int, default=3, help="sdkgen generate runs")
    ap.add_argument(
        "--ours-venv",
        type=Path,
        default=None,
        help="use this venv as 'ours' instead of installing generated/ "
        "(e.g. .bench/ref to check the plumbing)",
    )
    ap.add_argument(
        "--skip-setup", action="store_true", help="use the venvs as they are"
    )
    ap.add_argument(
        "--no-pin", action="store_true", help="do not pin client/server cores"
    )
    ap.add_argument(
        "--steps",
        default="calls,cold,gen",
        help="comma-separated subset of calls,cold,gen",
    )
    ap.add_argument(
        "--json", type=Path, default=None, help="also write raw results here"
    )
    args = ap.parse_args()

    root = setup_venvs.repo_root()
    errors: list[str] = []
    res: dict[str, Any] = {"calls": {}, "cold": {}}
    ours_label = "ours"
    bench = setup_venvs.bench_dir(root)
    pythons: dict[str, Path] = {}

    def step(what: str, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 (report, keep going; exit code says it crashed)
            log(f"{what} FAILED: {exc}")
            errors.append(f"{what}: {exc}\n{traceback.format_exc(limit=3)}")
            return None

    bench.mkdir(exist_ok=True)
    ref_venv = bench / "ref"
    if args.skip_setup:
        pythons["ref"] = setup_venvs.venv_python(ref_venv)
    else:
        ref_py = step("setup ref venv", lambda: setup_venvs.ensure_ref(root))
        if ref_py is not None:
            pythons["ref"] = ref_py
    if args.ours_venv is not None:
        ours_venv = (
            args.ours_venv if args.ours_venv.is_absolute() else root / args.ours_venv
        )
        pythons["ours"] = setup_venvs.venv_python(ours_venv)
        ours_label = f"ours (= {args.ours_venv})"
    elif args.skip_setup:
        pythons["ours"] = setup_venvs.venv_python(bench / "ours")
    else:
        ours_py = step(
            "setup ours venv", lambda: setup_venvs.ensure_ours(root, pythons.get("ref"))
        )
        if ours_py is not None:
            pythons["ours"] = ours_py

    client_cpu, server_cpu = pick_cpus(not args.no_pin)
    if client_cpu is not None:
        res["cpus"] = {"client": client_cpu, "server": server_cpu}
    steps = set(args.steps.split(","))
    if pythons and "calls" in steps:

        def measure_calls() -> None:
            with Server(server_cpu) as srv:
                log(f"server at {srv.url}")
                out = interleaved_calls(
                    pythons,
                    srv.url,
                    n=args.n,
                    warmup=args.warmup,
                    block=args.block,
                    cpu=client_cpu,
                    errors=errors,
                )
                res["server_posts"] = out.pop("_server_posts")
                res["calls"] = out

        step("per-call benchmark", measure_calls)
    if pythons and "cold" in steps:
        cold_cmd = [
            sys.executable,
            str(BENCH / "coldstart.py"),
            "--runs",
            str(args.cold_runs),
        ]
        for label, py in pythons.items():
            cold_cmd += ["--python", f"{label}={py}"]
        cold = step("coldstart.py", lambda: run_json(cold_cmd, "cold start"))
        if cold is not None:
            res["cold"] = cold
    if "gen" in steps:
        log("timing sdkgen generate")
        n_errors = len(errors)
        gen = step("generation", lambda: time_generation(root, args.gen_runs))
        res["generation"] = "failed" if len(errors) > n_errors else gen
    else:
        res["generation"] = "skipped"

    print(report(res, ours_label, errors))
    if args.json is not None:
        args.json.write_text(json.dumps({**res, "errors": errors}, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
