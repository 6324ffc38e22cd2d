"""`plprobe serve` and a real Prometheus (Debian's prometheus package) on
loopback, each in its own process group, every wait bounded."""

from __future__ import annotations

import json
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .procs import LabError, Server, free_port

HTTP_TIMEOUT = 5.0
POLL_LIMIT = 30.0


def http_get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    """GET on loopback: status, headers (lower-case names) and body, errors included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode()


def poll(check, what: str, limit: float = POLL_LIMIT, describe=lambda: ""):
    """Calls `check()` until it returns something truthy; fails after `limit` seconds."""
    deadline = time.monotonic() + limit
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not seen within {limit}s\n{describe()}")
        time.sleep(0.2)


@dataclass
class Serve:
    """A running `plprobe serve`."""
    server: Server
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
        return http_get(self.base + path, headers)

    def log(self) -> str:
        return self.server.log.read_text(errors="replace")

    def signal(self, number: int) -> None:
        self.server.process.send_signal(number)

    def metric_lines(self, prefix: str) -> list[str]:
        _, _, body = self.get("/metrics")
        return [line for line in body.splitlines() if line.startswith(prefix)]

    def stop(self) -> None:
        self.server.stop()


def start_serve(binary: Path, directory: Path, arguments: list[str]) -> Serve:
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port(["127.0.0.1"])
    argv = [str(binary), "serve", "--listen", f"127.0.0.1:{port}", *arguments]
    server = Server("plprobe serve", argv, directory / "serve.log", directory)
    serve = Serve(server, port)

    def healthy() -> bool:
        try:
            return serve.get("/healthz")[0] == 200
        except OSError:
            return False

    server.wait_until(healthy, "answering /healthz")
    return serve


@dataclass
class Prometheus:
    server: Server
    port: int

    def query(self, expression: str) -> list[dict]:
        status, _, body = http_get(
            f"http://127.0.0.1:{self.port}/api/v1/query?" + urllib.parse.urlencode({"query": expression}))
        assert status == 200, f"query {expression!r}: HTTP {status}: {body}"
        answer = json.loads(body)
        assert answer["status"] == "success", answer
        return answer["data"]["result"]

    def targets(self) -> str:
        return http_get(f"http://127.0.0.1:{self.port}/api/v1/targets")[2]

    def stop(self) -> None:
        self.server.stop()


def start_prometheus(directory: Path, scrape_configs: list[dict]) -> Prometheus:
    """Prometheus scraping every second, its storage in `directory`. A JSON
    document is valid YAML, so the configuration needs no YAML writer."""
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "prometheus.yml"
    config.write_text(json.dumps({
        "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
        "scrape_configs": scrape_configs,
    }, indent=1))
    port = free_port(["127.0.0.1"])
    binary = "/usr/bin/prometheus"
    if not Path(binary).exists():
        raise LabError("prometheus is not installed: apt-get install prometheus (scripts/test does)")
    server = Server("prometheus", [
        binary, f"--config.file={config}", f"--storage.tsdb.path={directory / 'data'}",
        f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
    ], directory / "prometheus.log", directory)
    server.wait_until(lambda: _ready(port), "ready")
    return Prometheus(server, port)


def _ready(port: int) -> bool:
    try:
        return http_get(f"http://127.0.0.1:{port}/-/ready")[0] == 200
    except OSError:
        return False


def stop_within(serve: Serve, sig: int, limit: float) -> tuple[int, float]:
    """Sends `sig` and waits at most `limit` seconds: the exit status and the seconds it took."""
    started = time.monotonic()
    serve.signal(sig)
    try:
        status = serve.server.process.wait(limit)
    except Exception:
        serve.server.process.send_signal(signal.SIGKILL)
        raise AssertionError(f"plprobe serve still running {limit}s after signal {sig}\n{serve.log()[-3000:]}")
    return status, time.monotonic() - started
