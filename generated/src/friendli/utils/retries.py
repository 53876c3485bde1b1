"""Retries with exponential backoff, honouring the server's Retry-After header."""

from __future__ import annotations

import email.utils
import random
import time
from typing import TYPE_CHECKING, Awaitable, Callable, Optional, Sequence

if TYPE_CHECKING:
    import httpx


class BackoffStrategy:
    """Exponential backoff; all times in milliseconds."""

    __slots__ = ("initial_interval", "max_interval", "exponent", "max_elapsed_time")

    def __init__(
        self,
        initial_interval: int,
        max_interval: int,
        exponent: float,
        max_elapsed_time: int,
    ) -> None:
        self.initial_interval = initial_interval
        self.max_interval = max_interval
        self.exponent = exponent
        self.max_elapsed_time = max_elapsed_time

    def __repr__(self) -> str:
        return (
            f"BackoffStrategy(initial_interval={self.initial_interval!r}, "
            f"max_interval={self.max_interval!r}, exponent={self.exponent!r}, "
            f"max_elapsed_time={self.max_elapsed_time!r})"
        )


class RetryConfig:
    """How a call is retried: `RetryConfig("backoff", BackoffStrategy(...), True)`."""

    __slots__ = ("strategy", "backoff", "retry_connection_errors")

    def __init__(
        self, strategy: str, backoff: BackoffStrategy, retry_connection_errors: bool
    ) -> None:
        self.strategy = strategy
        self.backoff = backoff
        self.retry_connection_errors = retry_connection_errors

    def __repr__(self) -> str:
        return (
            f"RetryConfig(strategy={self.strategy!r}, backoff={self.backoff!r}, "
            f"retry_connection_errors={self.retry_connection_errors!r})"
        )


def status_matches(status: int, patterns: Sequence[str]) -> bool:
    """`503` matches `"503"` and `"5XX"`."""
    for pattern in patterns:
        if pattern[1:].upper() == "XX":
            if status // 100 == int(pattern[0]):
                return True
        elif status == int(pattern):
            return True
    return False


def retry_after_seconds(response: "httpx.Response") -> Optional[float]:
    """The delay a Retry-After header asks for (seconds or an HTTP date), if any."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


class _Attempts:
    """The bookkeeping of one retried call, shared by the sync and async loops."""

    def __init__(self, config: RetryConfig) -> None:
        self.backoff = config.backoff
        self.retry_connection_errors = config.retry_connection_errors
        self.started = time.monotonic()
        self.count = 0

    def out_of_time(self) -> bool:
        return (time.monotonic() - self.started) * 1000 > self.backoff.max_elapsed_time

    def delay(self, response: "Optional[httpx.Response]") -> float:
        """Seconds to wait before the next attempt: Retry-After if given, else capped backoff with jitter."""
        backoff = self.backoff
        cap = backoff.max_interval / 1000
        asked = retry_after_seconds(response) if response is not None else None
        # the server knows best; only the overall time budget bounds it
        if asked is not None:
            remaining = backoff.max_elapsed_time / 1000 - (
                time.monotonic() - self.started
            )
            wait = max(min(asked, remaining), 0.0)
        else:
            wait = min(
                backoff.initial_interval / 1000 * backoff.exponent**self.count, cap
            )
            wait *= random.uniform(1.0, 1.25)
        self.count += 1
        return wait

    def retryable_error(self, error: Exception) -> bool:
        import httpx

        return self.retry_connection_errors and isinstance(
            error, (httpx.ConnectError, httpx.TimeoutException)
        )


def retry(
    send: "Callable[[], httpx.Response]", config: RetryConfig, statuses: Sequence[str]
) -> "httpx.Response":
    """Send until the response is not retryable, or time runs out (then the last response is returned)."""
    if config.strategy != "backoff":
        return send()
    attempts = _Attempts(config)
    while True:
        try:
            response = send()
        except Exception as error:
            if not attempts.retryable_error(error) or attempts.out_of_time():
                raise
            time.sleep(attempts.delay(None))
            continue
        if not status_matches(response.status_code, statuses) or attempts.out_of_time():
            return response
        response.close()
        time.sleep(attempts.delay(response))


async def _sleep(seconds: float) -> None:
    import asyncio  # only async callers pay for importing asyncio

    await asyncio.sleep(seconds)


async def retry_async(
    send: "Callable[[], Awaitable[httpx.Response]]",
    config: RetryConfig,
    statuses: Sequence[str],
) -> "httpx.Response":
    """The coroutine twin of `retry`."""
    if config.strategy != "backoff":
        return await send()
    attempts = _Attempts(config)
    while True:
        try:
            response = await send()
        except Exception as error:
            if not attempts.retryable_error(error) or attempts.out_of_time():
                raise
            await _sleep(attempts.delay(None))
            continue
        if not status_matches(response.status_code, statuses) or attempts.out_of_time():
            return response
        await response.aclose()
        await _sleep(attempts.delay(response))
