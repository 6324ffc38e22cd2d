"""A lean HTTP/1.1 driver that asks blackbox_exporter for probes the way
Prometheus would (`GET /probe?module=...&target=...`), over keep-alive
connections, one request in flight per connection. It is built on asyncio
protocols (callbacks, no coroutine per request) so that its own CPU, which
shares the machine with the exporter, stays small; bench.py records it."""

from __future__ import annotations

import asyncio
import re
import time
import urllib.parse
from dataclasses import dataclass, field

SUCCESS = b"\nprobe_success "
DURATION = b"\nprobe_duration_seconds "
CONTENT_LENGTH = re.compile(rb"^content-length:\s*(\d+)\s*$", re.MULTILINE | re.IGNORECASE)
CHUNKED = re.compile(rb"^transfer-encoding:\s*chunked\s*$", re.MULTILINE | re.IGNORECASE)


@dataclass
class ScrapeResults:
    wall: float = 0.0
    passed: int = 0
    failed: int = 0
    timed_out: bool = False
    errors: list[str] = field(default_factory=list)
    durations_ms: list[float] = field(default_factory=list)
    failed_sample: str = ""

    def tally(self, body: bytes) -> None:
        duration = _sample(body, DURATION)
        if duration is not None:
            self.durations_ms.append(1000.0 * float(duration))
        if _sample(body, SUCCESS) == b"1":
            self.passed += 1
        else:
            self.failed += 1
            if not self.failed_sample:
                self.failed_sample = body.decode(errors="replace")[-2000:]


def _sample(metrics: bytes, prefix: bytes) -> bytes | None:
    """The value of the unlabelled sample that `prefix` starts (a plain find:
    a regular expression over every body would cost the driver more CPU)."""
    start = metrics.find(prefix)
    if start < 0:
        return None
    start += len(prefix)
    end = metrics.find(b"\n", start)
    return metrics[start:end if end >= 0 else len(metrics)].strip()


def probe_path(module: str, target: str) -> str:
    return "/probe?" + urllib.parse.urlencode({"module": module, "target": target})


def scrape(host: str, port: int, paths: list[str], concurrency: int, deadline: float) -> ScrapeResults:
    """Requests every path, `concurrency` at a time, for at most `deadline` seconds."""
    return asyncio.run(_scrape(host, port, paths, concurrency, deadline))


async def _scrape(host: str, port: int, paths: list[str], concurrency: int, deadline: float) -> ScrapeResults:
    loop = asyncio.get_running_loop()
    results = ScrapeResults()
    pending = iter(paths)
    started = time.monotonic()
    connections = []
    for _ in range(min(concurrency, len(paths))):
        finished = loop.create_future()
        _, connection = await loop.create_connection(
            lambda: _Connection(f"{host}:{port}", pending, results, finished), host, port)
        connections.append(connection)
    _, not_done = await asyncio.wait([connection.finished for connection in connections], timeout=deadline)
    results.wall = time.monotonic() - started
    if not_done:
        results.timed_out = True
        results.errors.append(f"deadline of {deadline:.0f}s reached")
        for connection in connections:
            connection.transport.close()
    return results


class _Connection(asyncio.Protocol):
    """One keep-alive connection: sends the next request whenever the last
    response is complete; resolves `finished` when no path is left."""

    def __init__(self, authority: str, pending, results: ScrapeResults, finished: asyncio.Future):
        self.authority = authority
        self.pending = pending
        self.results = results
        self.finished = finished
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        self._send_next()

    def _send_next(self) -> None:
        path = next(self.pending, None)
        if path is None:
            self.transport.close()
            return
        self.transport.write(f"GET {path} HTTP/1.1\r\nHost: {self.authority}\r\n\r\n".encode())

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        try:
            response = _complete_body(self.buffer)
        except ValueError as error:
            self.results.failed += 1
            self.results.errors.append(repr(error))
            self.transport.close()
            return
        if response is None:
            return
        body, used = response
        del self.buffer[:used]
        self.results.tally(body)
        self._send_next()

    def connection_lost(self, error) -> None:
        if error is not None:
            self.results.errors.append(repr(error))
        if not self.finished.done():
            self.finished.set_result(None)


def _complete_body(buffer: bytearray) -> tuple[bytes, int] | None:
    """The body of the response at the start of `buffer` and the bytes it
    spans, or None while it is incomplete."""
    head_end = buffer.find(b"\r\n\r\n")
    if head_end < 0:
        return None
    head = bytes(buffer[:head_end])
    if not head.startswith(b"HTTP/1.1 200"):
        raise ValueError(f"status line {head.splitlines()[0]!r}")
    start = head_end + 4
    length = CONTENT_LENGTH.search(head)
    if length:
        end = start + int(length.group(1))
        return (bytes(buffer[start:end]), end) if len(buffer) >= end else None
    if not CHUNKED.search(head):
        raise ValueError("response with neither Content-Length nor chunked framing")
    chunks, position = [], start
    while True:
        line_end = buffer.find(b"\r\n", position)
        if line_end < 0:
            return None
        size = int(bytes(buffer[position:line_end]).split(b";")[0], 16)
        chunk_end = line_end + 2 + size
        if len(buffer) < chunk_end + 2:
            return None
        if size == 0:
            return b"".join(chunks), chunk_end + 2
        chunks.append(bytes(buffer[line_end + 2:chunk_end]))
        position = chunk_end + 2
