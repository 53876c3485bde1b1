"""A scripted HTTP/1.1 server on 127.0.0.1 that records every request it gets.

Wire-compatibility tests point both the reference SDK and ours at it and compare
what arrived byte for byte, so it records the raw request (header case and order
included) and answers from a FIFO script: status, headers, body, an optional delay,
or a dropped connection to simulate network failures.

    with RecordingServer() as server:
        server.enqueue(ScriptedResponse(status=503), ScriptedResponse.json({"ok": 1}))
        ...  # point a client at server.url
        assert server.requests[0].path == "/dedicated/v1/images/generations"
"""

from __future__ import annotations

import contextlib
import http
import itertools
import json
import socket
import socketserver
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

__all__ = [
    "RecordedRequest",
    "RecordingServer",
    "Responder",
    "ScriptedResponse",
    "unused_port",
]

_MAX_LINE = 65536
_NO_BODY_STATUSES = frozenset({204, 304})


def _normalise_headers(
    headers: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """Accept a dict or pairs, keep order: scripts may need repeated headers."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return tuple((str(name), str(value)) for name, value in items)


@dataclass(frozen=True)
class RecordedRequest:
    """One request as it arrived; headers keep the client's case and order."""

    index: int
    method: str
    path: str
    http_version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    connection_id: int
    received_at: float
    chunked: bool = False

    def header(self, name: str) -> str | None:
        """First value of a header, matched case-insensitively as HTTP does."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def header_values(self, name: str) -> list[str]:
        """All values of a (possibly repeated) header."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @property
    def header_names(self) -> list[str]:
        """Header names in wire order, case preserved."""
        return [key for key, _ in self.headers]

    def json(self) -> Any:
        """Decode the body as JSON (most API calls send JSON)."""
        return json.loads(self.body)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly form, for diffs in assertion messages and dumps."""
        return {
            "method": self.method,
            "path": self.path,
            "http_version": self.http_version,
            "headers": [list(pair) for pair in self.headers],
            "body": self.body.decode("utf-8", errors="backslashreplace"),
            "chunked": self.chunked,
        }


@dataclass(frozen=True)
class ScriptedResponse:
    """What the server does for one request.

    ``delay`` sleeps before answering (timeouts, backoff timing); with
    ``close_without_response`` the socket is closed cleanly (FIN) after reading the
    request and with ``reset_connection`` it is aborted with an RST instead.
    A Content-Length header is added unless the script sets one or Transfer-Encoding.
    """

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    delay: float = 0.0
    close_without_response: bool = False
    reset_connection: bool = False
    reason: str | None = None

    @classmethod
    def make(
        cls,
        status: int = 200,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        body: bytes | str = b"",
        **options: Any,
    ) -> ScriptedResponse:
        """Build from a dict of headers and str/bytes body (the common case)."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        return cls(
            status=status, headers=_normalise_headers(headers), body=raw, **options
        )

    @classmethod
    def json(
        cls,
        payload: Any,
        status: int = 200,
        headers: Mapping[str, str] | Iterable[tuple[str, str]] = (),
        **options: Any,
    ) -> ScriptedResponse:
        """A JSON reply with Content-Type application/json."""
        all_headers = (
            ("Content-Type", "application/json"),
            *_normalise_headers(headers),
        )
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        return cls(status=status, headers=all_headers, body=body, **options)

    @classmethod
    def disconnect(cls, delay: float = 0.0, reset: bool = False) -> ScriptedResponse:
        """Drop the connection without answering (FIN, or RST with ``reset``)."""
        return cls(
            delay=delay, close_without_response=not reset, reset_connection=reset
        )

    def encode(self, head_only: bool) -> bytes:
        """Serialise status line, headers and body into one buffer (one send)."""
        reason = self.reason
        if reason is None:
            try:
                reason = http.HTTPStatus(self.status).phrase
            except ValueError:
                reason = "Unknown"
        lines = [f"HTTP/1.1 {self.status} {reason}"]
        names = {name.lower() for name, _ in self.headers}
        lines.extend(f"{name}: {value}" for name, value in self.headers)
        no_body = self.status in _NO_BODY_STATUSES or 100 <= self.status < 200
        if (
            "content-length" not in names
            and "transfer-encoding" not in names
            and not no_body
        ):
            lines.append(f"Content-Length: {len(self.body)}")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if head_only or no_body:
            return head
        return head + self.body

    def wants_close(self) -> bool:
        """True if the script itself asks to close the connection after replying."""
        return any(
            name.lower() == "connection" and value.strip().lower() == "close"
            for name, value in self.headers
        )


Responder = Callable[[RecordedRequest], ScriptedResponse]
"""Computes a reply from the request; used when the queue is empty."""

DEFAULT_RESPONSE = ScriptedResponse.json({})


class _BadRequest(Exception):
    """Malformed framing from the client: answer 400 and close."""


class _Handler(BaseHTTPRequestHandler):
    """Per-connection handler: parses requests itself to control framing exactly."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        """Disable Nagle (latency in benchmarks) and register the live socket."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connection_id = self.server.owner._register_connection(self.connection)

    def finish(self) -> None:
        """Unregister even when the client vanished mid-write."""
        try:
            super().finish()
        except OSError:
            pass  # client already gone; nothing left to flush
        finally:
            self.server.owner._unregister_connection(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request logging: it costs time and clutters test output."""

    def handle_one_request(self) -> None:
        """Read one request of any method, record it, and play the scripted reply."""
        try:
            self.raw_requestline = self.rfile.readline(_MAX_LINE + 1)
            if not self.raw_requestline:
                self.close_connection = True
                return
            if len(self.raw_requestline) > _MAX_LINE:
                self.send_error(http.HTTPStatus.REQUEST_URI_TOO_LONG)
                self.close_connection = True
                return
            if not self.parse_request():  # sends its own error reply
                self.close_connection = True
                return
            try:
                body, chunked = self._read_body()
            except _BadRequest as exc:
                self.send_error(http.HTTPStatus.BAD_REQUEST, str(exc))
                self.close_connection = True
                return
            self._dispatch(body, chunked)
        except (ConnectionError, TimeoutError, OSError):
            self.close_connection = True

    def _read_body(self) -> tuple[bytes, bool]:
        """Read the body per RFC 9112: chunked wins over Content-Length; else empty."""
        transfer_encoding = self.headers.get("Transfer-Encoding", "")
        if transfer_encoding:
            codings = [c.strip().lower() for c in transfer_encoding.split(",")]
            if codings[-1] != "chunked":
                raise _BadRequest(
                    f"unsupported Transfer-Encoding {transfer_encoding!r}"
                )
            return self._read_chunked(), True
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return b"", False
        try:
            length = int(length_header.strip())
        except ValueError as exc:
            raise _BadRequest(f"bad Content-Length {length_header!r}") from exc
        if length < 0:
            raise _BadRequest(f"bad Content-Length {length_header!r}")
        body = self.rfile.read(length)
        if len(body) != length:
            raise ConnectionError("client closed mid-body")
        return body, False

    def _read_chunked(self) -> bytes:
        """Decode a chunked body, ignoring chunk extensions and trailers."""
        parts: list[bytes] = []
        while True:
            line = self.rfile.readline(_MAX_LINE + 1)
            if not line:
                raise ConnectionError("client closed mid-chunk")
            size_text = line.split(b";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError as exc:
                raise _BadRequest(f"bad chunk size line {line!r}") from exc
            if size == 0:
                break
            chunk = self.rfile.read(size)
            if len(chunk) != size:
                raise ConnectionError("client closed mid-chunk")
            parts.append(chunk)
            if self.rfile.readline(_MAX_LINE + 1) not in (b"\r\n", b"\n"):
                raise _BadRequest("chunk not followed by CRLF")
        while True:  # trailer section ends with an empty line
            trailer = self.rfile.readline(_MAX_LINE + 1)
            if trailer in (b"\r\n", b"\n", b""):
                break
        return b"".join(parts)

    def _dispatch(self, body: bytes, chunked: bool) -> None:
        """Record the request, then send (or withhold) the scripted response."""
        owner = self.server.owner
        record, response = owner._record_and_pick(
            method=self.command,
            path=self.path,
            http_version=self.request_version,
            headers=tuple((k, v) for k, v in self.headers.raw_items()),
            body=body,
            connection_id=self.connection_id,
            chunked=chunked,
        )
        if response.delay > 0 and owner._stopping.wait(response.delay):
            self.close_connection = True
            return
        if response.close_without_response or response.reset_connection:
            self.close_connection = True
            if response.reset_connection:
                # SO_LINGER with a zero timeout makes close() send an RST; the
                # server then skips its graceful shutdown(SHUT_WR) for this socket.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                owner._mark_for_reset(self.connection)
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(response.encode(head_only=record.method == "HEAD"))
        if response.wants_close():
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer tuned for tests: no reverse DNS, no join on close."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], owner: RecordingServer) -> None:
        self.owner = owner
        super().__init__(address, _Handler)

    def shutdown_request(self, request: Any) -> None:
        """Close without a FIN first when the script asked for an RST."""
        if self.owner._take_reset_mark(request):
            self.close_request(request)
        else:
            super().shutdown_request(request)

    def server_bind(self) -> None:
        """Skip HTTPServer.server_bind's getfqdn(): a reverse DNS lookup can stall."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)


class RecordingServer:
    """Thread-safe recording HTTP server; a context manager for tests and scripts."""

    def __init__(
        self,
        default: ScriptedResponse | Responder = DEFAULT_RESPONSE,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._host = host
        self._requested_port = port
        self._default = default
        self._lock = threading.Lock()
        self._queue: deque[ScriptedResponse] = deque()
        self._requests: list[RecordedRequest] = []
        self._connections: dict[int, socket.socket] = {}
        self._reset_sockets: set[int] = set()
        self._next_connection_id = 0
        self._new_request = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> RecordingServer:
        """Bind (ephemeral port unless one was given) and serve in a daemon thread."""
        if self._server is not None:
            raise RuntimeError("server already started")
        self._stopping.clear()
        self._server = _Server((self._host, self._requested_port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"RecordingServer:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, wake delayed replies, and drop open keep-alive sockets."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        with self._lock:
            sockets = list(self._connections.values())
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        """Start serving; the server is its own context value."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Always stop, even when the test body raised."""
        self.stop()

    # -- addresses -----------------------------------------------------------------

    @property
    def port(self) -> int:
        """The bound port (the ephemeral one the OS chose)."""
        if self._server is None:
            raise RuntimeError("server not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. http://127.0.0.1:54321."""
        return f"http://{self._host}:{self.port}"

    # -- script --------------------------------------------------------------------

    def enqueue(self, *responses: ScriptedResponse) -> None:
        """Append replies, consumed one per request in arrival order."""
        with self._lock:
            self._queue.extend(responses)

    def set_default(self, default: ScriptedResponse | Responder) -> None:
        """Reply (or function computing it) used once the queue is empty."""
        with self._lock:
            self._default = default

    @property
    def pending(self) -> int:
        """Scripted replies not yet consumed."""
        with self._lock:
            return len(self._queue)

    def reset(self) -> None:
        """Forget recorded requests and the unconsumed script (not the default)."""
        with self._lock:
            self._queue.clear()
            self._requests.clear()

    # -- recordings ----------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Snapshot of the requests recorded so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    def wait_for_requests(
        self, count: int, timeout: float = 5.0
    ) -> list[RecordedRequest]:
        """Block until ``count`` requests arrived (for fire-and-forget clients)."""
        deadline = time.monotonic() + timeout
        with self._new_request:
            while len(self._requests) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"got {len(self._requests)} of {count} requests")
                self._new_request.wait(remaining)
            return list(self._requests)

    def intervals(self) -> list[float]:
        """Seconds between consecutive request arrivals (retry backoff checks)."""
        times = [r.received_at for r in self.requests]
        return [later - earlier for earlier, later in itertools.pairwise(times)]

    # -- called from handler threads -----------------------------------------------

    def _record_and_pick(
        self,
        *,
        method: str,
        path: str,
        http_version: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        connection_id: int,
        chunked: bool,
    ) -> tuple[RecordedRequest, ScriptedResponse]:
        """Atomically record a request and take its reply, so order matches."""
        with self._lock:
            record = RecordedRequest(
                index=len(self._requests),
                method=method,
                path=path,
                http_version=http_version,
                headers=tuple(headers),
                body=body,
                connection_id=connection_id,
                received_at=time.monotonic(),
                chunked=chunked,
            )
            self._requests.append(record)
            self._new_request.notify_all()
            scripted = self._queue.popleft() if self._queue else None
            default = self._default
        if scripted is not None:
            return record, scripted
        if isinstance(default, ScriptedResponse):
            return record, default
        return record, default(record)

    def _register_connection(self, sock: socket.socket) -> int:
        """Track live sockets so stop() can close idle keep-alive connections."""
        with self._lock:
            self._next_connection_id += 1
            self._connections[self._next_connection_id] = sock
            return self._next_connection_id

    def _mark_for_reset(self, sock: socket.socket) -> None:
        """Remember that this socket must be aborted rather than shut down."""
        with self._lock:
            self._reset_sockets.add(id(sock))

    def _take_reset_mark(self, sock: object) -> bool:
        """Pop the reset mark of a socket being closed."""
        with self._lock:
            if id(sock) in self._reset_sockets:
                self._reset_sockets.discard(id(sock))
                return True
            return False

    def _unregister_connection(self, sock: socket.socket) -> None:
        """Forget a socket once its handler ends."""
        with self._lock:
            for key, known in list(self._connections.items()):
                if known is sock:
                    del self._connections[key]

    @property
    def connection_count(self) -> int:
        """How many TCP connections were accepted so far (keep-alive checks)."""
        with self._lock:
            return self._next_connection_id


def unused_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now, for 'connection refused' tests.

    Another process could grab it in between; on loopback in a test run that is rare.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def _demo() -> None:
    """Serve until interrupted, printing requests: handy for poking with curl."""
    with RecordingServer() as server:
        print(f"listening on {server.url}", flush=True)
        seen = 0
        try:
            while True:
                try:
                    requests = server.wait_for_requests(seen + 1, timeout=1.0)
                except TimeoutError:
                    continue
                for request in requests[seen:]:
                    print(json.dumps(request.as_dict(), indent=2), flush=True)
                seen = len(requests)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    _demo()
