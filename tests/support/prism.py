"""Run Stoplight Prism mock servers for contract tests of generated SDKs.

Why: a generated client is only correct if the requests it sends satisfy the
OpenAPI document. ``prism mock --errors`` validates every request against the
document and answers invalid ones with a problem+json error, so tests can
assert both "the SDK call worked" and "Prism had nothing to complain about".

Prism is installed (pinned) into ``<repo>/.tools`` by ``prism_install.sh``;
:func:`ensure_prism_installed` runs that script, so tests never skip.

Observed behaviour of Prism 5.14.2 (see ``tests/test_prism_selftest.py``):

* invalid request, spec has no 422/400/4XX/default response ->
  ``422 application/problem+json`` with a ``validation`` array;
* missing/wrong credentials, spec has no 401/4XX/default response ->
  ``401 application/problem+json`` with no ``validation`` array (security is
  checked first and wins over body errors);
* if the spec defines such responses, Prism answers with *their* example
  instead (not problem+json): then only the log tells why, see
  :meth:`PrismServer.validator_errors`.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

REPO_ROOT = Path(__file__).resolve().parents[2]
INSTALL_SCRIPT = Path(__file__).with_name("prism_install.sh")
PRISM_BIN = REPO_ROOT / ".tools" / "node_modules" / ".bin" / "prism"
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 60.0
PROBLEM_TYPE_PREFIX = "https://stoplight.io/prism/errors#"

INVALID_JSON = "INVALID_JSON"

# Prism-generated error kinds that mean "the request itself was not acceptable".
REQUEST_REJECTIONS = frozenset(
    {
        "UNPROCESSABLE_ENTITY",  # 422: body/query/header/path failed the schema
        "UNAUTHORIZED",  # 401: security requirements not met
        "INVALID_CONTENT_TYPE",  # 415: request content type not in the spec
        "NOT_ACCEPTABLE",  # 406: Accept header matches no response content
        "NO_PATH_MATCHED_ERROR",  # 404: path not in the spec
        "NO_METHOD_MATCHED_ERROR",  # 405: method not in the spec for that path
        "NO_SERVER_MATCHED_ERROR",  # 404: __server query param did not match
        INVALID_JSON,  # 400: body is not JSON (Prism's body parser, not problem+json)
    }
)

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_LISTENING_RE = re.compile(r"Prism is listening on (\S+)")
_VALIDATOR_ERROR_RE = re.compile(r"\[VALIDATOR\]\s+\S+\s+error\s+(.*)$")


class PrismError(RuntimeError):
    """Prism could not be installed or started; the message carries its output."""


class ResponseLike(Protocol):
    """The bits of an HTTP response we read, so httpx/requests both fit."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def content(self) -> bytes: ...


@dataclass(frozen=True)
class Violation:
    """One entry of the ``validation`` array of a Prism problem+json body."""

    location: tuple[str, ...]
    code: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = ".".join(self.location) or "request"
        return f"{where}: {self.message}"


@functools.cache
def ensure_prism_installed() -> Path:
    """Run the (idempotent, locked) installer once per process; return the binary."""
    proc = subprocess.run(
        ["bash", str(INSTALL_SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0 or not PRISM_BIN.exists():
        raise PrismError(
            f"{INSTALL_SCRIPT} failed (exit {proc.returncode}):\n"
            f"{proc.stdout}{proc.stderr}"
        )
    return PRISM_BIN


def _problem(response: ResponseLike) -> dict[str, object] | None:
    """Return the body if it is a Prism-generated problem+json, else None."""
    ctype = response.headers.get("content-type", "")
    if "problem+json" not in ctype.lower():
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    kind = body.get("type")
    if not isinstance(kind, str) or not kind.startswith(PROBLEM_TYPE_PREFIX):
        return None
    return body


def _is_invalid_json_error(response: ResponseLike) -> bool:
    """Prism answers unparsable JSON bodies with a plain
    ``400 {"error": {"code": "invalid_json", ...}}`` before any validation."""
    if response.status_code != 400:
        return False
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    error = body.get("error") if isinstance(body, dict) else None
    return isinstance(error, dict) and error.get("code") == "invalid_json"


def prism_error_kind(response: ResponseLike) -> str | None:
    """Name of Prism's generated error (e.g. ``UNPROCESSABLE_ENTITY``), if any."""
    body = _problem(response)
    if body is None:
        return INVALID_JSON if _is_invalid_json_error(response) else None
    return str(body["type"])[len(PROBLEM_TYPE_PREFIX) :]


def parse_violations(response: ResponseLike) -> list[Violation]:
    """Structured ``validation`` entries of a Prism problem+json response."""
    body = _problem(response)
    if body is None:
        return []
    raw = body.get("validation")
    if not isinstance(raw, list):
        return []
    result: list[Violation] = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        location = item.get("location") or []
        result.append(
            Violation(
                location=tuple(str(part) for part in location),
                code=str(item.get("code", "")),
                message=str(item.get("message", "")),
                severity=str(item.get("severity", "")),
            )
        )
    return result


def violations(response: ResponseLike) -> list[str]:
    """``["body.count: Request body property count must be integer", ...]``.

    Empty for non-Prism bodies and for 401s (Prism lists no violations there).
    """
    return [str(v) for v in parse_violations(response)]


def is_rejected(response: ResponseLike) -> bool:
    """True if Prism itself refused the request (422, 401, 415, 404, ...).

    A ``VIOLATIONS`` 500 (``--errors``) counts only if a violation is located
    in the request; response-side violations mean the *spec example* is bad.
    """
    kind = prism_error_kind(response)
    if kind in REQUEST_REJECTIONS:
        return True
    if kind == "VIOLATIONS":
        return any(v.location[:1] != ("response",) for v in parse_violations(response))
    return False


def _free_port() -> int:
    """Ask the kernel for an unused loopback port (Prism cannot pick one itself)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _port_open(port: int) -> bool:
    """Whether something accepts TCP connections on HOST:port."""
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class PrismServer:
    """A running ``prism mock`` process and everything it has logged."""

    command: list[str]
    port: int
    process: subprocess.Popen[str]
    _lines: list[str] = field(default_factory=list)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _reader: threading.Thread | None = None
    startup_seconds: float = 0.0
    _stopped: bool = False
    _barriers: int = 0

    @property
    def url(self) -> str:
        """Base URL to give the SDK (Prism ignores the spec's ``servers``)."""
        return f"http://{HOST}:{self.port}"

    @property
    def log(self) -> list[str]:
        """Snapshot of all output lines so far (stdout+stderr, ANSI stripped)."""
        with self._cond:
            return list(self._lines)

    def output(self) -> str:
        """All output as one string, for error messages."""
        return "\n".join(self.log)

    def mark(self) -> int:
        """Current log position; pass to ``since=`` to look at later lines only."""
        with self._cond:
            return len(self._lines)

    def wait_for_log(
        self, pattern: str | re.Pattern[str], *, since: int = 0, timeout: float = 5.0
    ) -> str:
        """Wait for a log line matching ``pattern``: Prism logs asynchronously,
        sometimes after the HTTP response has already been sent."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        index = self._first_match(regex, since, timeout)
        if index is None:
            with self._cond:
                raise PrismError(
                    f"no Prism log line matched {regex.pattern!r} within "
                    f"{timeout}s; log since mark:\n"
                    + "\n".join(self._lines[since:])
                )
        return self.log[index]

    def barrier(self, timeout: float = 5.0) -> int:
        """The log position past every line Prism wrote for the requests answered so far.

        Why: Prism logs a request's last violations after it answers it, so a client has
        its response before the log is complete. A request of our own (to a path no
        document has, so nothing is validated) sent now is logged after all those lines;
        waiting for it takes milliseconds where sleeping for late lines took 0.3 s and
        was only likely to be enough. A Prism that died gives the log as it is.
        """
        self._barriers += 1
        path = f"/__sdkgen-barrier__/{os.getpid()}/{self._barriers}"
        since = self.mark()
        with contextlib.suppress(urllib.error.URLError, OSError):  # any answer will do: a 404
            urllib.request.urlopen(self.url + path, timeout=timeout).close()
        received = re.compile(re.escape(f" {path} ") + r".*Request received")
        index = self._first_match(received, since, timeout)
        return index if index is not None else self.mark()

    def _first_match(self, regex: re.Pattern[str], since: int, timeout: float) -> int | None:
        """The index of the first log line from ``since`` on that matches, waiting for it
        until ``timeout`` or until Prism's output has ended; None if none came."""
        deadline = time.monotonic() + timeout
        with self._cond:
            looked = since
            while True:
                for index in range(looked, len(self._lines)):
                    if regex.search(self._lines[index]):
                        return index
                looked = max(looked, len(self._lines))
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (
                    self.process.poll() is not None
                    and not (self._reader and self._reader.is_alive())
                ):
                    return None
                self._cond.wait(min(remaining, 0.1))

    def validator_errors(
        self, *, since: int = 0, until: int | None = None, settle: float = 0.3
    ) -> list[str]:
        """Messages of ``[VALIDATOR] ... error`` log lines from ``since`` to ``until``.

        Why: when the spec defines its own 4XX/default response, Prism returns
        that example and the reasons appear only in the log, as e.g.
        ``Request body property count must be integer`` and
        ``Violation: request.body.count Request body property count must be integer``.
        ``settle`` waits briefly for late log lines (pass ``until=barrier()`` and
        ``settle=0`` to wait exactly as long as needed).
        """
        if settle > 0:
            time.sleep(settle)
        result = []
        for line in self.log[since:until]:
            match = _VALIDATOR_ERROR_RE.search(line)
            if match:
                result.append(match.group(1).strip())
        return result

    def _pump(self) -> None:
        """Reader thread: collect output lines until Prism's stdout closes."""
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = _ANSI_RE.sub("", raw.rstrip("\n"))
            with self._cond:
                self._lines.append(line)
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def _start_reader(self) -> None:
        self._reader = threading.Thread(
            target=self._pump, name="prism-log", daemon=True
        )
        self._reader.start()

    def _announced_listening(self) -> bool:
        """Whether Prism logged ``Prism is listening on <our url>``."""
        with self._cond:
            return any(
                (m := _LISTENING_RE.search(line)) and m.group(1).rstrip("/") == self.url
                for line in self._lines
            )

    def _wait_ready(self, timeout: float) -> None:
        """Block until Prism says it listens and the port answers; raise with
        Prism's output on early exit or timeout."""
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if self._reader:
                    self._reader.join(timeout=2)
                raise PrismError(
                    f"prism exited with code {self.process.returncode} before "
                    f"listening.\ncommand: {' '.join(self.command)}\n"
                    f"output:\n{self.output()}"
                )
            # The log line matters: a bare port probe would also succeed if
            # another process owned the port while Prism died of EADDRINUSE.
            if self._announced_listening() and _port_open(self.port):
                self.startup_seconds = time.monotonic() - started
                return
            with self._cond:
                self._cond.wait(0.05)
        raise PrismError(
            f"prism did not listen on {self.url} within {timeout:g}s.\n"
            f"command: {' '.join(self.command)}\noutput:\n{self.output()}"
        )

    def stop(self) -> None:
        """Terminate the whole process group (node may spawn children).

        Idempotent: a second call must not signal a since-reused group id.
        """
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        else:
            # The leader is gone; make sure no orphan in its group survives.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signal.SIGKILL)
        if self._reader:
            self._reader.join(timeout=5)
        if self.process.stdout:
            self.process.stdout.close()


def _launch(command: list[str], port: int) -> PrismServer:
    """Spawn Prism in its own session (= process group) with output captured."""
    env = dict(os.environ, FORCE_COLOR="0", NO_COLOR="1")
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        bufsize=1,
        env=env,
        start_new_session=True,
    )
    server = PrismServer(command=command, port=port, process=process)
    server._start_reader()
    return server


@contextlib.contextmanager
def prism_mock(
    spec_path: Path,
    *,
    errors: bool = True,
    dynamic: bool = False,
    extra_args: Sequence[str] = (),
    timeout: float = STARTUP_TIMEOUT,
) -> Iterator[PrismServer]:
    """Start ``prism mock`` on a free loopback port for the duration of a block.

    Installs Prism first if needed. The free port is picked before Prism
    binds it, so a lost race (EADDRINUSE) is retried with a new port.
    """
    binary = ensure_prism_installed()
    spec = Path(spec_path).resolve()
    if not spec.is_file():
        raise PrismError(f"OpenAPI document not found: {spec}")
    # Prism parses and dereferences the whole document before it listens: about a minute per
    # megabyte on a loaded 2-core machine (Stripe's 4 MB took more than 170 s).
    timeout = max(timeout, STARTUP_TIMEOUT * spec.stat().st_size / 1_000_000)
    attempts = 3
    for attempt in range(1, attempts + 1):
        port = _free_port()
        command = [str(binary), "mock"]
        if errors:
            command.append("--errors")
        if dynamic:
            command.append("--dynamic")
        command += [*extra_args, "-h", HOST, "-p", str(port), str(spec)]
        server = _launch(command, port)
        try:
            server._wait_ready(timeout)
        except PrismError:
            server.stop()
            if attempt < attempts and "EADDRINUSE" in server.output():
                continue
            raise
        break
    try:
        yield server
    finally:
        server.stop()


def prism_bin() -> Path:
    """Fixture body (session scope): install Prism once before tests use it."""
    return ensure_prism_installed()


def prism_servers() -> Iterator[Callable[..., PrismServer]]:
    """Fixture body: yields ``start(spec_path, errors=..., dynamic=...)``.

    Every server started through it is stopped at fixture teardown. Wire it
    with e.g. ``prism_servers = pytest.fixture(scope="module")(prism.prism_servers)``.
    """
    with contextlib.ExitStack() as stack:

        def start(
            spec_path: Path,
            *,
            errors: bool = True,
            dynamic: bool = False,
            extra_args: Sequence[str] = (),
            timeout: float = STARTUP_TIMEOUT,
        ) -> PrismServer:
            return stack.enter_context(
                prism_mock(
                    spec_path,
                    errors=errors,
                    dynamic=dynamic,
                    extra_args=extra_args,
                    timeout=timeout,
                )
            )

        yield start
