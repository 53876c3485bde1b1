"""Drive run_calls.py under a given interpreter and build call specs tersely.

Tests use this to run the *same* specs with the reference venv and with our SDK's
venv against a RecordingServer, then compare recorded requests and results.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

RUN_CALLS: Path = Path(__file__).resolve().with_name("run_calls.py")

# Fields of a run_calls result that legitimately differ between runs or SDKs.
VOLATILE_RESULT_KEYS: frozenset[str] = frozenset({"elapsed_s", "traceback_tail"})


class RunCallsError(RuntimeError):
    """run_calls.py itself failed (bad spec, missing SDK), not an SDK call."""


def run_calls(
    python: str | os.PathLike[str],
    specs: Sequence[Mapping[str, Any]],
    *,
    env: Mapping[str, str] | None = None,
    timeout: float = 300.0,
) -> list[dict[str, Any]]:
    """Run specs in a child interpreter and return its per-call result objects."""
    child_env = dict(os.environ)
    # The child must import *its* friendli, never one leaking in via PYTHONPATH.
    child_env.pop("PYTHONPATH", None)
    child_env["PYTHONUNBUFFERED"] = "1"
    if env is not None:
        child_env.update(env)
    proc = subprocess.run(
        [os.fspath(python), os.fspath(RUN_CALLS)],
        input=json.dumps(list(specs)),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env,
        check=False,
    )
    if proc.returncode != 0:
        raise RunCallsError(
            f"run_calls.py exited {proc.returncode} under {python}:\n"
            f"{proc.stderr[-4000:]}"
        )
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if len(results) != len(specs):
        raise RunCallsError(
            f"expected {len(specs)} results, got {len(results)}:\n{proc.stderr[-4000:]}"
        )
    return results


def retry_json(
    initial_interval: int = 1,
    max_interval: int = 10,
    exponent: float = 1.5,
    max_elapsed_time: int = 1000,
    retry_connection_errors: bool = True,
    strategy: str = "backoff",
) -> dict[str, Any]:
    """JSON retry config as run_calls.py expects it (milliseconds, like RetryConfig)."""
    return {
        "strategy": strategy,
        "backoff": {
            "initial_interval": initial_interval,
            "max_interval": max_interval,
            "exponent": exponent,
            "max_elapsed_time": max_elapsed_time,
        },
        "retry_connection_errors": retry_connection_errors,
    }


NONE: dict[str, bool] = {"$none": True}
"""Marker: pass None explicitly (plain JSON null does the same)."""


def image_input(image: str) -> dict[str, Any]:
    """Marker building a friendli.models.ImageInput model instead of a dict."""
    return {"$model": "ImageInput", "fields": {"image": image}}


def image_call(
    base_url: str,
    /,
    *,
    client: str = "sync",
    token: str | None = "test-token",
    client_kwargs: Mapping[str, Any] | None = None,
    spec_id: str | None = None,
    **args: Any,
) -> dict[str, Any]:
    """Spec for dedicated.image.generate with the required args prefilled.

    ``base_url`` is the client's server_url; ``**args`` go to the call itself, so a
    per-call ``server_url=`` override can be given too.
    """
    kwargs: dict[str, Any] = {"server_url": base_url}
    if token is not None:
        kwargs["token"] = token
    kwargs.update(client_kwargs or {})
    call_args: dict[str, Any] = {
        "model": "(endpoint-id)",
        "prompt": "An orange Lamborghini driving down a hill road at night.",
        "num_inference_steps": 10,
    }
    call_args.update(args)
    spec: dict[str, Any] = {
        "client": client,
        "client_kwargs": kwargs,
        "args": call_args,
    }
    if spec_id is not None:
        spec["id"] = spec_id
    return spec


def stable(result: Mapping[str, Any]) -> dict[str, Any]:
    """A result without timing-dependent fields, for equality across SDKs."""
    return {k: v for k, v in result.items() if k not in VOLATILE_RESULT_KEYS}
