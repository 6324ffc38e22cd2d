"""Processes of the benchmark: servers that run for the whole lab, and clients
whose wall time, CPU time and peak memory are measured. Every process starts
in its own process group, so stopping it also stops what it forked, and every
wait is bounded."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

READY_TIMEOUT = 15.0
GNU_TIME = "/usr/bin/time"
STOP_TIMEOUT = 3.0


class BenchError(RuntimeError):
    """Something the benchmark needs did not work; the message says what."""


def port_is_free(address: str, port: int) -> bool:
    """Whether `port` can be bound on `address` for TCP."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def free_port(addresses: list[str], preferred: int) -> int:
    """`preferred` when it is free on every address, else a free port that is."""
    if all(port_is_free(address, preferred) for address in addresses):
        return preferred
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((addresses[0], 0))
            port = probe.getsockname()[1]
        if all(port_is_free(address, port) for address in addresses):
            return port
    raise BenchError(f"no TCP port free on all of {addresses}")


def tcp_accepts(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=0.5):
            return True
    except OSError:
        return False


def _signal_group(pgid: int, sig: int) -> None:
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


class Server:
    """A long-running lab process (nginx, dnsmasq, blackbox_exporter, the
    namespace holder) with its output in a log file."""

    def __init__(self, name: str, argv: list[str], log: Path, cwd: Path):
        self.name = name
        self.argv = argv
        self.log = log
        self._log_file = open(log, "ab")
        self.process = subprocess.Popen(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=self._log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, extra: Path | None = None) -> str:
        texts = []
        for path in (self.log, extra):
            if path is not None and path.exists():
                texts.append(f"--- {path} ---\n" + path.read_text(errors="replace")[-3000:])
        return "\n".join(texts)

    def wait_until(self, ready, what: str, extra_log: Path | None = None) -> None:
        """Polls `ready()` until it holds; fails with the log after READY_TIMEOUT."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"{self.name} exited with {self.process.returncode} before {what}\n"
                                 f"{' '.join(self.argv)}\n{self.log_tail(extra_log)}")
            if ready():
                return
            time.sleep(0.05)
        self.stop()
        raise BenchError(f"{self.name} not ready ({what}) after {READY_TIMEOUT}s\n{self.log_tail(extra_log)}")

    def stop(self) -> None:
        if self.process.poll() is None:
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        _signal_group(self.process.pid, signal.SIGKILL)
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
        self._log_file.close()


@dataclass(frozen=True)
class Usage:
    """What one client run cost, measured from outside the client."""
    wall: float          # seconds from spawn to exit
    cpu: float           # user + system seconds of the process and its reaped children
    max_rss_kib: int     # peak resident set, KiB
    exit_code: int       # negative: killed by that signal
    timed_out: bool


def run_measured(argv: list[str], timeout: float, cwd: Path, stdout: Path, stderr: Path) -> Usage:
    """Runs a client to completion and measures it: CPU with wait4's rusage,
    which covers exactly that process tree; peak memory with GNU time's %M.
    Linux carries a process's memory high-water mark across exec, so a client
    forked straight from this (large) Python process would report Python's
    peak as its own; GNU time forks it from a small process instead. The
    client is killed (its whole process group) when it runs longer than
    `timeout`."""
    peak_file = stdout.with_name(stdout.name + ".maxrss")
    with open(stdout, "wb") as out, open(stderr, "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", str(peak_file), *argv], cwd=cwd,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            _signal_group(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait(STOP_TIMEOUT)
            raise
        finally:
            timer.cancel()
        wall = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        # Anything the client left behind in its group goes with it.
        _signal_group(process.pid, signal.SIGKILL)
    return Usage(wall=wall, cpu=usage.ru_utime + usage.ru_stime, max_rss_kib=_peak_kib(peak_file),
                 exit_code=process.returncode, timed_out=expired.is_set())


def _peak_kib(peak_file: Path) -> int:
    """GNU time's %M (KiB); 0 when the run was killed before it could write it."""
    lines = peak_file.read_text().split() if peak_file.exists() else []
    return int(lines[-1]) if lines and lines[-1].isdigit() else 0


@dataclass(frozen=True)
class ProcessTimes:
    """CPU seconds and peak RSS of a running process, read from /proc."""
    cpu: float
    peak_rss_kib: int


def process_times(pid: int) -> ProcessTimes:
    """The CPU used so far (user + system) and the high-water RSS of `pid`."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    # Fields after the command name: state is [0], utime [11], stime [12].
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    peak = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1])
    return ProcessTimes(cpu=cpu, peak_rss_kib=peak)


def run_checked(argv: list[str], cwd: Path | None = None, timeout: float = 30.0) -> str:
    """Runs a setup command; its output is in the error when it fails."""
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def udp_receive_buffer_errors() -> int:
    """UDP datagrams the kernel dropped because a socket's receive buffer was
    full (machine-wide): on loopback, a resolver that could not keep up."""
    rows = [line.split() for line in Path("/proc/net/snmp").read_text().splitlines() if line.startswith("Udp:")]
    names, values = rows[0], rows[1]
    return int(values[names.index("RcvbufErrors")])
