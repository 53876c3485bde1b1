"""Run one command and measure its whole process tree (Linux, stdlib only).

``measure()`` starts the command in a new session, so every process it spawns
(a Python wrapper's ``java``, a post-hook's ``ruff``...) shares that session id
unless it deliberately leaves it. While it runs, ``/proc`` is sampled and the
resident set sizes of all processes of the session are summed; that gives the
peak of the *tree* (processes alive at the same time add up). Sampling can miss
a short spike, so the kernel's own ``ru_maxrss`` (from ``wait4``: the largest
single process among the child and the descendants it reaped) is kept too, and
``peak_rss_kb`` is the larger of the two: a lower bound of the true tree peak
that is exact whenever one process dominates.

On timeout the whole process group is killed (SIGKILL) and the result says so.

Use ``measure_isolated()``: on Linux a forked child starts with its parent's
``ru_maxrss`` high-water mark (a 500 MB parent makes ``/bin/true`` report 500 MB),
so the measuring must happen in a small, fresh process. ``measure_isolated()``
runs this file as that process (``python -I proctree.py ... -- CMD``, about
10 MB, the floor of every reading) and reads its JSON answer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Measurement:
    """What one run of a command cost and how it ended."""

    cmd: list[str]
    wall_s: float
    cpu_s: float  # user + system of the child and its reaped descendants
    sys_s: float  # of which system: file creation shows here (see peers.py)
    peak_rss_kb: int  # max(sampled tree sum, largest single process)
    sampled_tree_kb: int
    max_single_kb: int
    returncode: int | None  # None when killed for the timeout
    timed_out: bool
    samples: int

    def to_json(self) -> dict[str, Any]:
        """Plain dict for --json."""
        return asdict(self)


def _session_rss_kb(sid: int) -> int:
    """Sum of RSS (KB) of all live processes whose session id is ``sid``."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                raw = fh.read()
        except OSError:  # exited between scandir and open
            continue
        # comm may hold spaces and parentheses: split after the last ')'.
        fields = raw[raw.rfind(b")") + 2 :].split()
        # fields[0] is field 3 (state): session is field 6, rss (pages) field 24.
        if len(fields) > 21 and int(fields[3]) == sid:
            total += int(fields[21]) * PAGE_KB
    return total


def measure(
    cmd: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    stdout: Path,
    stderr: Path,
    timeout_s: float,
    interval_s: float = 0.05,
) -> Measurement:
    """Run ``cmd`` to completion (or timeout) and measure wall, CPU and peak RSS."""
    with stdout.open("wb") as out, stderr.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        pid = proc.pid
        sampled = 0
        samples = 0
        timed_out = False
        status = 0
        usage = None
        while True:
            reaped, status, usage = os.wait4(pid, os.WNOHANG)
            if reaped == pid:
                break
            if time.perf_counter() - start > timeout_s:
                timed_out = True
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pid, signal.SIGKILL)  # our child's own group: the whole tree
                _, status, usage = os.wait4(pid, 0)
                break
            sampled = max(sampled, _session_rss_kb(pid))
            samples += 1
            time.sleep(interval_s)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
    assert usage is not None
    single = int(usage.ru_maxrss)  # KB on Linux
    return Measurement(
        cmd=cmd,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        sys_s=usage.ru_stime,
        peak_rss_kb=max(sampled, single),
        sampled_tree_kb=sampled,
        max_single_kb=single,
        returncode=None if timed_out else proc.returncode,
        timed_out=timed_out,
        samples=samples,
    )


def measure_isolated(
    cmd: list[str],
    *,
    cwd: Path,
    env: dict[str, str],
    stdout: Path,
    stderr: Path,
    timeout_s: float,
    interval_s: float = 0.05,
) -> Measurement:
    """``measure()`` run inside a fresh small interpreter, so its RSS floor is small."""
    wrapper = [
        sys.executable,
        "-I",
        str(Path(__file__).resolve()),
        "--cwd",
        str(cwd),
        "--stdout",
        str(stdout),
        "--stderr",
        str(stderr),
        "--timeout",
        str(timeout_s),
        "--interval",
        str(interval_s),
        "--",
        *cmd,
    ]
    res = subprocess.run(wrapper, env=env, capture_output=True, text=True, timeout=timeout_s + 120, check=False)
    if res.returncode != 0 or not res.stdout.strip():
        raise RuntimeError(f"measuring wrapper failed (rc={res.returncode}): {res.stderr.strip()[-2000:]}")
    data = json.loads(res.stdout)
    return Measurement(**data)


def main() -> int:
    """Wrapper mode: measure one command, print the Measurement as JSON on stdout."""
    ap = argparse.ArgumentParser(description="measure one command's process tree")
    ap.add_argument("--cwd", type=Path, required=True)
    ap.add_argument("--stdout", type=Path, required=True)
    ap.add_argument("--stderr", type=Path, required=True)
    ap.add_argument("--timeout", type=float, required=True)
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command given")
    m = measure(
        cmd,
        cwd=args.cwd,
        env=dict(os.environ),
        stdout=args.stdout,
        stderr=args.stderr,
        timeout_s=args.timeout,
        interval_s=args.interval,
    )
    print(json.dumps(m.to_json()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
