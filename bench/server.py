"""Minimal keep-alive HTTP/1.1 server for the SDK benchmark.

Why a hand-rolled asyncio protocol: the server's own per-request cost is noise
in every client measurement, so it parses just enough HTTP (request line,
Content-Length, Connection) and answers with one precomputed byte string.
It runs as a separate process so it never competes for the client's GIL.

Routes:
- ``POST /dedicated/v1/images/generations`` -> fixed 200 JSON body.
- ``GET /__last`` -> JSON with the request count and the last POST (headers,
  body), so the client can check that an SDK sends what the raw call sends.
- anything else -> 404.

Prints ``LISTENING http://127.0.0.1:PORT`` on stdout once ready.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import sys

GEN_PATH = b"/dedicated/v1/images/generations"
BODY = json.dumps(
    {"data": [{"seed": 1, "response_format": "url", "url": "https://x/y.png"}]},
    separators=(",", ":"),
).encode()


def response(status: bytes, body: bytes) -> bytes:
    """Full HTTP/1.1 response bytes; built once per distinct answer."""
    head = (
        b"HTTP/1.1 " + status + b"\r\n"
        b"content-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\n\r\n"
    )
    return head + body


OK = response(b"200 OK", BODY)
NOT_FOUND = response(b"404 Not Found", b'{"detail":"not found"}')
BAD = response(b"400 Bad Request", b'{"detail":"unsupported request framing"}')


class Stats:
    """Shared counters; kept as plain attributes (no locking: single thread)."""

    def __init__(self) -> None:
        """Start empty."""
        self.posts = 0
        self.last_head = b""
        self.last_body = b""


STATS = Stats()


def parse_head(head: bytes) -> tuple[bytes, bytes, int, bool, bool]:
    """Return (method, path, content_length, close, chunked) from a request head."""
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ")
    method, path = (parts[0], parts[1]) if len(parts) >= 2 else (b"", b"")
    length = 0
    close = parts[-1] == b"HTTP/1.0"
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        lname = name.strip().lower()
        if lname == b"content-length":
            length = int(value.strip())
        elif lname == b"connection":
            close = value.strip().lower() == b"close"
        elif lname == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
    return method, path, length, close, chunked


def last_request_json() -> bytes:
    """Body of GET /__last: request count and the last POST, decoded."""
    lines = STATS.last_head.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    payload = {
        "posts": STATS.posts,
        "request_line": lines[0] if lines else "",
        "headers": headers,
        "body": STATS.last_body.decode("utf-8", "replace"),
    }
    return json.dumps(payload).encode()


class HttpProtocol(asyncio.Protocol):
    """One connection; handles pipelined requests found in the buffer."""

    def __init__(self) -> None:
        """Empty buffer until the transport is connected."""
        self.buf = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport to write responses."""
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        """Consume every complete request in the buffer and answer it."""
        buf = self.buf
        buf += data
        transport = self.transport
        assert transport is not None
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(buf[:end])
            method, path, length, close, chunked = parse_head(head)
            if chunked:
                transport.write(BAD)
                transport.close()
                return
            total = end + 4 + length
            if len(buf) < total:
                return
            body = bytes(buf[end + 4 : total])
            del buf[:total]
            path = path.partition(b"?")[0]
            if method == b"POST" and path == GEN_PATH:
                STATS.posts += 1
                STATS.last_head = head
                STATS.last_body = body
                transport.write(OK)
            elif method == b"GET" and path == b"/__last":
                transport.write(response(b"200 OK", last_request_json()))
            else:
                transport.write(NOT_FOUND)
            if close:
                transport.close()
                return


def pin_cpu(cpu: int | None) -> None:
    """Pin to one core so the server does not hop onto the client's core."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {cpu})


async def serve(host: str, port: int) -> None:
    """Listen until SIGTERM/SIGINT."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(HttpProtocol, host, port, backlog=128)
    bound = server.sockets[0].getsockname()[1]
    print(f"LISTENING http://{host}:{bound}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


def main() -> int:
    """CLI entry point."""
    ap = argparse.ArgumentParser(description="benchmark HTTP server")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 = ephemeral")
    ap.add_argument("--cpu", type=int, default=None, help="pin to this core")
    args = ap.parse_args()
    pin_cpu(args.cpu)
    asyncio.run(serve(args.host, args.port))
    return 0


if __name__ == "__main__":
    sys.exit(main())
