"""Per-call cost of ``friendli`` ``dedicated.image.generate`` vs a raw httpx post.

Run with the interpreter of the venv under test::

    .bench/ref/bin/python bench/calls.py --server http://127.0.0.1:PORT --n 2000

Why this shape: the quantity we gate on is SDK *overhead* = SDK call - raw call
against the same local server. Both variants run in the same process, in
alternating blocks (order flipped every round) so CPU frequency, cache and
server drift hit both equally and cancel in the difference. ``friendli`` is
imported dynamically because the same script drives both the reference and our
generated package. Prints one JSON object on stdout.

``--worker`` mode lets run.py interleave rounds of *two* venvs (one worker
each): after warm-up it prints a JSON "ready" line, then for every stdin line
``INDEX COUNT`` runs one round and prints its samples as a JSON line, until
``done`` or EOF. On a noisy VM back-to-back runs drift by ~30 %, which
round-level interleaving across venvs cancels.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

import benchstats
import httpx

GEN_PATH = "/dedicated/v1/images/generations"
TOKEN = "bench-token"
MODEL = "bench-endpoint"
PROMPT = "a red fox in fresh snow, watercolor"
STEPS = 10
BODY: dict[str, Any] = {"model": MODEL, "prompt": PROMPT, "num_inference_steps": STEPS}
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXPECTED_URL = "https://x/y.png"


def versions() -> dict[str, str]:
    """Versions of the packages that shape the numbers."""
    out = {"python": platform.python_version()}
    for name in ("friendli", "httpx", "httpcore", "pydantic", "pydantic-core"):
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "-"
    return out


def server_last(client: httpx.Client, server: str) -> dict[str, Any]:
    """What the server saw last (see server.py ``GET /__last``)."""
    data: dict[str, Any] = client.get(server + "/__last").json()
    return data


def check_sdk(
    sdk_call: Callable[[], object], client: httpx.Client, server: str
) -> dict[str, Any]:
    """Fail loudly unless the SDK returns a pydantic model with the served data.

    Also records whether the SDK sent the same JSON body and auth as the raw
    post, because a cheaper-looking SDK that sends something else is no win.
    """
    import pydantic

    client.post(server + GEN_PATH, json=BODY, headers=AUTH)
    raw_req = server_last(client, server)
    res: Any = sdk_call()
    sdk_req = server_last(client, server)
    is_model = isinstance(res, pydantic.BaseModel)  # kept as a bool: res stays Any
    if not is_model:
        raise TypeError(
            f"generate() returned {type(res).__name__}, not a pydantic model"
        )
    url = res.data[0].url
    if url != EXPECTED_URL:
        raise ValueError(f"unexpected response data: {res!r}")
    return {
        "result_type": f"{type(res).__module__}.{type(res).__qualname__}",
        "body_matches_raw": json.loads(sdk_req["body"]) == json.loads(raw_req["body"]),
        "auth_matches_raw": sdk_req["headers"].get("authorization")
        == f"Bearer {TOKEN}",
        "sdk_request_line": sdk_req["request_line"],
        "sdk_body": sdk_req["body"],
        "sdk_user_agent": sdk_req["headers"].get("user-agent", ""),
    }


def timed_block(fn: Callable[[], object], count: int, out: list[int]) -> None:
    """Call ``fn`` ``count`` times, appending each call's duration in ns."""
    clock = time.perf_counter_ns
    append = out.append
    for _ in range(count):
        t0 = clock()
        fn()
        append(clock() - t0)


class Bench:
    """One raw httpx client and one SDK client, both persistent, against one server."""

    def __init__(self, server: str) -> None:
        """Build both clients and check the SDK answers correctly."""
        self.server = server.rstrip("/")
        self.friendli = importlib.import_module("friendli")
        self.sdk = self.friendli.SyncFriendli(token=TOKEN, server_url=self.server)
        self.client = httpx.Client()
        self.url = self.server + GEN_PATH
        self.sanity = check_sdk(self.sdk_call, self.client, self.server)

    def raw_call(self) -> object:
        """Baseline: the plain post a user could write by hand."""
        return self.client.post(self.url, json=BODY, headers=AUTH)

    def sdk_call(self) -> object:
        """The SDK call as users write it, attribute chain included."""
        return self.sdk.dedicated.image.generate(
            model=MODEL, prompt=PROMPT, num_inference_steps=STEPS
        )

    def warmup(self, count: int) -> None:
        """Untimed calls so lazy imports, caches and the connection pool are hot."""
        for _ in range(count):
            self.raw_call()
            self.sdk_call()
        gc.collect()

    def round(self, index: int, count: int) -> tuple[list[int], list[int]]:
        """``count`` raw then ``count`` SDK calls (order flips with ``index``)."""
        raw_ns: list[int] = []
        sdk_ns: list[int] = []
        order = [(self.raw_call, raw_ns), (self.sdk_call, sdk_ns)]
        for fn, out in order if index % 2 == 0 else order[::-1]:
            timed_block(fn, count, out)
        return raw_ns, sdk_ns

    def info(self) -> dict[str, Any]:
        """Context for the report: versions, which package was loaded, sanity check."""
        return {
            "versions": versions(),
            "friendli_file": getattr(self.friendli, "__file__", None),
            "sanity": self.sanity,
        }

    def close(self) -> None:
        """Release both clients."""
        self.client.close()
        exit_fn = getattr(self.sdk, "__exit__", None)
        if exit_fn is not None:
            exit_fn(None, None, None)


def standalone(bench: Bench, n: int, block: int) -> dict[str, Any]:
    """All rounds in this process; returns the full summary."""
    raw_all: list[int] = []
    sdk_all: list[int] = []
    rounds: list[float] = []
    posts_before = server_last(bench.client, bench.server)["posts"]
    done = 0
    while done < n:
        count = min(block, n - done)
        raw_ns, sdk_ns = bench.round(len(rounds), count)
        raw_all += raw_ns
        sdk_all += sdk_ns
        rounds.append(benchstats.round_overhead_ns(raw_ns, sdk_ns))
        done += count
    posts = server_last(bench.client, bench.server)["posts"] - posts_before
    raw = benchstats.summarize(raw_all)
    sdk = benchstats.summarize(sdk_all)
    return {
        **bench.info(),
        "n": n,
        "block": block,
        "rounds": len(rounds),
        "raw": raw,
        "sdk": sdk,
        "overhead": benchstats.overhead(raw, sdk, rounds),
        "server_posts_during_timing": posts,
        "expected_posts": 2 * n,
    }


def worker(bench: Bench, proto: TextIO) -> None:
    """Serve rounds on request from stdin (see module docstring)."""
    proto.write(json.dumps({"ready": True, **bench.info()}) + "\n")
    proto.flush()
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "done":
            break
        raw_ns, sdk_ns = bench.round(int(parts[0]), int(parts[1]))
        proto.write(json.dumps({"raw": raw_ns, "sdk": sdk_ns}) + "\n")
        proto.flush()


def main() -> int:
    """Measure, then print JSON."""
    ap = argparse.ArgumentParser(description="SDK per-call overhead vs raw httpx")
    ap.add_argument(
        "--server", required=True, help="base URL, e.g. http://127.0.0.1:8080"
    )
    ap.add_argument("--n", type=int, default=2000, help="timed calls per variant")
    ap.add_argument("--warmup", type=int, default=200, help="untimed calls per variant")
    ap.add_argument("--block", type=int, default=50, help="calls per variant per round")
    ap.add_argument("--cpu", type=int, default=None, help="pin this process to a core")
    ap.add_argument(
        "--worker", action="store_true", help="serve rounds over stdin/stdout"
    )
    args = ap.parse_args()
    if args.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})

    # Keep the protocol/result stream clean even if an SDK prints to stdout.
    proto = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    bench = Bench(args.server)
    bench.warmup(args.warmup)
    if args.worker:
        worker(bench, proto)
    else:
        json.dump(standalone(bench, args.n, args.block), proto, indent=2)
        proto.write("\n")
    proto.flush()
    bench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
