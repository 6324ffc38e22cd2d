"""Starting and stopping the lab's servers: each in its own process group,
every wait bounded, and the server's log in the error when it does not come up."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

READY_TIMEOUT = 10.0
STOP_TIMEOUT = 3.0


class LabError(RuntimeError):
    """A lab server did not start; the message carries its log."""


def free_port(addresses: list[str], exclude: set[int] = frozenset()) -> int:
    """A port free for TCP and UDP on every address (so one port can serve
    them all, and dnsmasq can take both), and not in `exclude`."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((addresses[0], 0))
            port = probe.getsockname()[1]
        if port not in exclude and all(_bindable(address, port, kind) for address in addresses
                                       for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM)):
            return port
    raise LabError(f"no port free on all of {addresses}")


def _bindable(address: str, port: int, kind: int) -> bool:
    with socket.socket(socket.AF_INET, kind) as probe:
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


class Server:
    """One foreground server process, started in its own process group so
    that stopping it also stops what it forked (socat children, workers)."""

    def __init__(self, name: str, argv: list[str], log: Path, cwd: Path):
        self.name = name
        self.argv = argv
        self.log = log
        self._log_file = open(log, "ab")
        self.process = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self._log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def log_tail(self, extra: Path | None = None) -> str:
        texts = []
        for path in (self.log, extra):
            if path is not None and path.exists():
                texts.append(f"--- {path} ---\n" + path.read_text(errors="replace")[-4000:])
        return "\n".join(texts)

    def wait_until(self, ready, what: str, extra_log: Path | None = None) -> None:
        """Polls `ready()` until it holds; fails with the log after READY_TIMEOUT."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LabError(f"{self.name} exited with {self.process.returncode} before {what}\n"
                               f"{' '.join(self.argv)}\n{self.log_tail(extra_log)}")
            if ready():
                return
            time.sleep(0.05)
        self.stop()
        raise LabError(f"{self.name} not ready ({what}) after {READY_TIMEOUT}s\n{self.log_tail(extra_log)}")

    def wait_for_tcp(self, endpoints: list[tuple[str, int]], extra_log: Path | None = None) -> None:
        self.wait_until(lambda: all(tcp_accepts(*e) for e in endpoints),
                        f"listening on {endpoints}", extra_log)

    def stop(self) -> None:
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        # Forked children (socat's per-connection processes) may outlive the leader.
        _signal_group(self.process.pid, signal.SIGKILL)
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        self._log_file.close()


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def tcp_accepts(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=0.5):
            return True
    except OSError:
        return False


def run_checked(argv: list[str], timeout: float = 10.0, input: str | None = None) -> str:
    """Runs a setup command; its output is in the error when it fails."""
    done = subprocess.run(argv, input=input, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise LabError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout
