"""Perform SDK calls described as JSON and print one JSON result line per call.

Runs under any interpreter whose ``friendli`` package has the public API of the
published friendli==0.12.1 (the reference venv, or the venv with our generated SDK),
so the same input yields directly comparable outputs.  Only the stdlib is imported
besides ``friendli``; that is imported dynamically so this file type-checks anywhere.

Input (stdin): a JSON list of call specs::

    {"id": "label",                      # optional, echoed back
     "client": "sync" | "async",         # default "sync"
     "client_kwargs": {"token": "t", "server_url": "http://...", "timeout_ms": null,
                       "retry_config": RETRY, ...},   # anything else passes through
     "client_key": "shared",             # optional: specs with one key share a client
     "context": true,                    # enter the client as a context manager
     "operation": "dedicated.image.generate",         # default
     "args": {"model": "...", "prompt": "...", "num_inference_steps": 10,
              "control_images": [{"image": "https://..."}],
              "retries": RETRY, ...}}
    RETRY = {"strategy": "backoff",
             "backoff": {"initial_interval": 1, "max_interval": 10,
                         "exponent": 1.5, "max_elapsed_time": 100},
             "retry_connection_errors": true}

A key left out is not passed at all; JSON null passes None.  Markers (JSON objects
with one "$" key) build values JSON cannot express:

    {"$none": true}                           -> None (for producers that drop nulls)
    {"$model": "ImageInput", "fields": {...}} -> friendli.models.ImageInput(**fields)
    {"$retry": RETRY}                         -> RetryConfig (implicit for
                                                 "retry_config" and "retries")
    {"$bytes": "text"}                        -> b"text"

Output (stdout): one JSON object per line, in input order, e.g.::

    {"index": 0, "id": "...", "ok": true, "type": "DedicatedImageGenerateSuccess",
     "result": <model_dump(mode="json")>, "result_py": <repr(model_dump())>,
     "repr": <repr(res)>, "item_types": ["URLImageItem"], "elapsed_s": 0.01,
     "logs": [{"level": "WARNING", "logger": "root", "message": "..."}]}
    {"index": 1, "ok": false, "error": "SDKError", "module": "friendli...",
     "mro": [...], "str": "...", "shape": "<str with ports/addresses masked>",
     "status_code": 500, "body": "...", "message": "...", "headers": [[k, v], ...],
     "cause": "ConnectError" | null, ...}
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import logging
import re
import sys
import time
import traceback
from collections.abc import Awaitable
from types import ModuleType
from typing import Any

DEFAULT_OPERATION = "dedicated.image.generate"
RETRY_KEYS = frozenset({"retry_config", "retries"})
_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(127\.0\.0\.1|localhost|\[::1\]):\d+"), r"\1:PORT"),
    (re.compile(r"0x[0-9a-fA-F]+"), "0xADDR"),
    (re.compile(r"errors\.pydantic\.dev/[0-9.]+/"), "errors.pydantic.dev/VERSION/"),
)


class SpecError(ValueError):
    """The call spec itself is malformed (a harness bug, not an SDK behaviour)."""


class _Captured(logging.Handler):
    """Collects log records emitted while building a client and calling it."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[dict[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep level, logger name and the formatted message only."""
        self.records.append(
            {
                "level": record.levelname,
                "logger": record.name,
                "message": record.getMessage(),
            }
        )


def _load(module: str) -> ModuleType:
    """Import lazily so this file works (and type-checks) without friendli installed."""
    return importlib.import_module(module)


def _retry_config(raw: Any) -> Any:
    """Turn the JSON retry description into friendli.utils.RetryConfig."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SpecError(f"retry config must be an object, got {raw!r}")
    utils = _load("friendli.utils")
    backoff = raw.get("backoff")
    strategy_obj = None
    if backoff is not None:
        strategy_obj = utils.BackoffStrategy(
            backoff["initial_interval"],
            backoff["max_interval"],
            backoff["exponent"],
            backoff["max_elapsed_time"],
        )
    return utils.RetryConfig(
        raw.get("strategy", "backoff"),
        strategy_obj,
        raw.get("retry_connection_errors", True),
    )


def decode_value(value: Any, key: str | None = None) -> Any:
    """Resolve "$" markers recursively; retry keys become RetryConfig objects."""
    if key in RETRY_KEYS and isinstance(value, dict) and not _is_marker(value):
        return _retry_config(value)
    if isinstance(value, list):
        return [decode_value(item) for item in value]
    if not isinstance(value, dict):
        return value
    if not _is_marker(value):
        return {k: decode_value(v, k) for k, v in value.items()}
    if "$none" in value:
        return None
    if "$retry" in value:
        return _retry_config(value["$retry"])
    if "$bytes" in value:
        return str(value["$bytes"]).encode("utf-8")
    if "$model" in value:
        models = _load("friendli.models")
        cls = getattr(models, value["$model"])
        return cls(**decode_value(value.get("fields", {})))
    raise SpecError(f"unknown marker {sorted(value)}")


def _is_marker(value: dict[str, Any]) -> bool:
    """A marker is an object whose first key starts with '$'."""
    return bool(value) and next(iter(value)).startswith("$")


def _resolve(root: Any, dotted: str) -> Any:
    """Follow 'dedicated.image.generate' from the client object."""
    target = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def mask(text: str) -> str:
    """Hide ephemeral ports and object addresses so messages compare across runs."""
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def _jsonable(value: Any) -> Any:
    """Best-effort JSON form of attribute values found on exceptions."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="backslashreplace")
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return repr(value)


def describe_error(exc: BaseException) -> dict[str, Any]:
    """Everything a caller might compare about an exception the SDK raised."""
    out: dict[str, Any] = {
        "ok": False,
        "error": type(exc).__name__,
        "module": type(exc).__module__,
        "mro": [f"{c.__module__}.{c.__qualname__}" for c in type(exc).__mro__],
        "str": str(exc),
        "shape": mask(str(exc)),
        "repr": mask(repr(exc)),
        "args": _jsonable(list(exc.args)),
        "cause": type(exc.__cause__).__name__ if exc.__cause__ is not None else None,
        "context": type(exc.__context__).__name__
        if exc.__context__ is not None
        else None,
    }
    for attr in ("status_code", "body", "message"):
        if hasattr(exc, attr):
            out[attr] = _jsonable(getattr(exc, attr))
    headers = getattr(exc, "headers", None)
    if headers is not None and hasattr(headers, "multi_items"):
        out["headers"] = [[k, v] for k, v in headers.multi_items()]
    raw = getattr(exc, "raw_response", None)
    if raw is not None:
        out["raw_response"] = {
            "type": type(raw).__name__,
            "status_code": getattr(raw, "status_code", None),
            "text": _safe_text(raw),
        }
    return out


def _safe_text(response: Any) -> Any:
    """Response text if it was read; streamed-but-unread bodies raise."""
    try:
        return response.text
    except Exception as exc:  # noqa: BLE001 - record whatever happens
        return f"<unreadable: {type(exc).__name__}>"


def describe_result(res: Any) -> dict[str, Any]:
    """JSON form of a successful return value, plus repr for bytes-level detail."""
    out: dict[str, Any] = {"ok": True, "type": type(res).__name__, "repr": repr(res)}
    if hasattr(res, "model_dump"):
        out["result"] = res.model_dump(mode="json")
        out["result_py"] = repr(res.model_dump())
        data = getattr(res, "data", None)
        if isinstance(data, list):
            out["item_types"] = [type(item).__name__ for item in data]
    else:
        out["result"] = _jsonable(res)
    return out


class Runner:
    """Executes specs in order, inside one event loop so async clients can be shared."""

    def __init__(self) -> None:
        self._clients: dict[str, Any] = {}
        self._stack = contextlib.AsyncExitStack()

    async def _client(self, spec: dict[str, Any]) -> Any:
        """Build (or reuse, by client_key) a SyncFriendli/AsyncFriendli."""
        key = spec.get("client_key")
        if key is not None and key in self._clients:
            return self._clients[key]
        kind = spec.get("client", "sync")
        if kind not in ("sync", "async"):
            raise SpecError(f"client must be 'sync' or 'async', got {kind!r}")
        friendli = _load("friendli")
        cls = friendli.SyncFriendli if kind == "sync" else friendli.AsyncFriendli
        kwargs = decode_value(spec.get("client_kwargs", {}))
        client = cls(**kwargs)
        if spec.get("context", True):
            if kind == "sync":
                client = self._stack.enter_context(client)
            else:
                client = await self._stack.enter_async_context(client)
        if key is not None:
            self._clients[key] = client
        return client

    async def run_one(self, index: int, spec: dict[str, Any]) -> dict[str, Any]:
        """Run one spec; SDK exceptions become error results, spec errors propagate."""
        capture = _Captured()
        root = logging.getLogger()
        root.addHandler(capture)
        started = time.perf_counter()
        client: Any = None
        try:
            client = await self._client(spec)
            method = _resolve(client, spec.get("operation", DEFAULT_OPERATION))
            args = decode_value(spec.get("args", {}))
            outcome = method(**args)
            if isinstance(outcome, Awaitable):
                outcome = await outcome
            result = describe_result(outcome)
        except SpecError:
            raise
        except Exception as exc:  # noqa: BLE001 - every SDK error is data
            result = describe_error(exc)
            result["traceback_tail"] = traceback.format_exception_only(exc)[-1].strip()
        finally:
            root.removeHandler(capture)
        if not spec.get("context", True) and spec.get("client_key") is None:
            await _close_quietly(client)
        result["elapsed_s"] = round(time.perf_counter() - started, 6)
        result["logs"] = capture.records
        return {"index": index, "id": spec.get("id"), **result}

    async def run(self, specs: list[dict[str, Any]]) -> None:
        """Run all specs, printing each result as soon as it is known."""
        async with self._stack:
            for index, spec in enumerate(specs):
                if not isinstance(spec, dict):
                    raise SpecError(f"spec {index} is not an object")
                line = await self.run_one(index, spec)
                sys.stdout.write(json.dumps(line, sort_keys=True) + "\n")
                sys.stdout.flush()


async def _close_quietly(client: Any) -> None:
    """Best effort to release a client that was used without a context manager."""
    if client is None:
        return
    core = getattr(client, "core", None) or getattr(client, "_core", None)
    for target in (client, core):
        if target is None:
            continue
        for name in ("__aexit__", "__exit__"):
            method = getattr(target, name, None)
            if method is None:
                continue
            with contextlib.suppress(Exception):
                maybe = method(None, None, None)
                if isinstance(maybe, Awaitable):
                    await maybe
            return


def main() -> int:
    """Read specs from stdin, run them; exit 2 on malformed input, 3 without an SDK."""
    try:
        specs = json.load(sys.stdin)
        if not isinstance(specs, list):
            raise SpecError("stdin must hold a JSON list of call specs")
        _load("friendli")  # import up front so elapsed_s measures calls only
        asyncio.run(Runner().run(specs))
    except (SpecError, ValueError, KeyError, TypeError, AttributeError) as exc:
        print(f"run_calls: bad call spec: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(
            f"run_calls: cannot import the SDK in {sys.executable}: {exc}",
            file=sys.stderr,
        )
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
