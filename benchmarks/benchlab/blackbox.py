"""blackbox_exporter (Debian's prometheus-blackbox-exporter): a fresh exporter
per run, inside the lab's mount namespace so Go's resolver asks dnsmasq,
driven by scrape_driver. Its client CPU is the exporter's own CPU (from
/proc) over the run; the driver's CPU is reported apart."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

from .context import Context
from .lab import BODY
from .procs import BenchError, Server, free_port, process_times, tcp_accepts
from .results import ClientRun, LatencyRun
from .scrape_driver import probe_path, scrape

EXECUTABLES = ["prometheus-blackbox-exporter", "blackbox_exporter"]
LISTEN_ADDRESS = "127.0.0.1"
MODULE = "bench"


def executable() -> str:
    for candidate in EXECUTABLES:
        if shutil.which(candidate):
            return candidate
    raise BenchError("blackbox_exporter not found: apt-get install prometheus-blackbox-exporter")


def _write_config(context: Context, path: Path) -> None:
    path.write_text(f"""modules:
  {MODULE}:
    prober: http
    timeout: 5s
    http:
      method: GET
      preferred_ip_protocol: ip4
      ip_protocol_fallback: false
      fail_if_body_not_matches_regexp: ["{BODY}"]
      tls_config:
        ca_file: {context.lab.pki.ca}
""")


def _start(context: Context, directory: Path) -> tuple[Server, int]:
    config = directory / "blackbox.yml"
    _write_config(context, config)
    port = free_port([LISTEN_ADDRESS], 9115)
    argv = context.lab.in_namespace([executable(), f"--config.file={config}",
                                     f"--web.listen-address={LISTEN_ADDRESS}:{port}", "--log.level=warn"])
    server = Server("blackbox_exporter", argv, directory / "blackbox.log", directory)
    server.wait_until(lambda: tcp_accepts(LISTEN_ADDRESS, port), f"listening on {LISTEN_ADDRESS}:{port}")
    return server, port


def run(context: Context, scenario: str, targets: int, concurrency: int) -> ClientRun:
    directory = context.run_directory(f"blackbox-{scenario}")
    server, port = _start(context, directory)
    try:
        paths = [probe_path(MODULE, context.lab.url(index)) for index in range(targets)]
        before = process_times(server.pid)
        driver_before = resource.getrusage(resource.RUSAGE_SELF)
        results = scrape(LISTEN_ADDRESS, port, paths, concurrency, context.timeout_for(targets))
        driver_after = resource.getrusage(resource.RUSAGE_SELF)
        after = process_times(server.pid)
    finally:
        server.stop()
    problems = results.errors[:5]
    if results.failed_sample:
        problems.append("first failed probe's metrics: " + _failure_lines(results.failed_sample))
    driver_cpu = (driver_after.ru_utime + driver_after.ru_stime) - (driver_before.ru_utime + driver_before.ru_stime)
    return ClientRun("blackbox_exporter", scenario, targets, results.passed, concurrency, results.wall,
                     after.cpu - before.cpu, after.peak_rss_kib, results.timed_out,
                     problems, {"failed": results.failed, "driver_cpu_seconds": driver_cpu})


def _failure_lines(metrics: str) -> str:
    keep = [line for line in metrics.splitlines()
            if line.startswith(("probe_failed_due_to_regex", "probe_http_status_code", "probe_success"))]
    return "; ".join(keep)


def warm_latency(context: Context, probes: int) -> LatencyRun:
    """`probes` + 1 probes one after another through a running exporter; the
    first is the warm-up. Each sample is the exporter's probe_duration_seconds."""
    directory = context.run_directory("blackbox-warm")
    server, port = _start(context, directory)
    try:
        paths = [probe_path(MODULE, context.lab.url(index)) for index in range(probes + 1)]
        results = scrape(LISTEN_ADDRESS, port, paths, 1, context.timeout_for(probes))
    finally:
        server.stop()
    problems = results.errors[:5] + ([f"{results.failed} failed"] if results.failed else [])
    return LatencyRun("blackbox_exporter", "warm", results.durations_ms[1:],
                      "probe_duration_seconds reported by the exporter", problems)
