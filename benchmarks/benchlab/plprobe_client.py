"""plprobe: one `plprobe check --config FILE` process over all targets, with a
JSON report written to a file (as monitoring automation would read it)."""

from __future__ import annotations

import collections
import json
import subprocess
from pathlib import Path

from .context import Context
from .lab import BODY, name
from .procs import run_measured
from .results import ClientRun, LatencyRun

# Pacing off: the benchmark measures the engine, not a rate limit.
DNS_RATE_OFF = ["--dns-rate", "0"]


def extra_arguments(binary: Path) -> list[str]:
    """Arguments every benchmark run of this build needs: pacing off, when the
    build has pacing at all."""
    help_text = subprocess.run([str(binary), "check", "--help"], capture_output=True, text=True,
                               timeout=30).stdout
    return DNS_RATE_OFF if "--dns-rate" in help_text else []


def write_probe_file(context: Context, path: Path, indices: range) -> None:
    lab = context.lab
    with open(path, "w") as file:
        file.write("defaults:\n"
                   f"  expect_body: \"{BODY}\"\n"
                   f"  ca_file: {lab.pki.ca}\n"
                   f"  dns_servers: [\"{lab.resolver}\"]\n"
                   "  timeout: 5s\n"
                   "targets:\n")
        for index in indices:
            file.write(f"  - url: {lab.url(index)}\n")


def run(context: Context, scenario: str, targets: int, concurrency: int) -> ClientRun:
    directory = context.run_directory(f"plprobe-{scenario}")
    probes = directory / "probes.yaml"
    write_probe_file(context, probes, range(targets))
    report = directory / "report.json"
    argv = [str(context.plprobe), "check", "--config", str(probes), "--concurrency", str(concurrency),
            "--report", f"json:{report}", "--quiet", *context.plprobe_extra_args]
    usage = run_measured(argv, context.timeout_for(targets), directory, directory / "stdout",
                         directory / "stderr")
    passed, problems = _read_report(report, directory / "stderr")
    if usage.exit_code not in (0, 1):
        problems.insert(0, f"exit status {usage.exit_code}")
    return ClientRun("plprobe", scenario, targets, passed, concurrency, usage.wall, usage.cpu,
                     usage.max_rss_kib, usage.timed_out, problems,
                     {"argv": argv, "exit_code": usage.exit_code})


def _read_report(report: Path, stderr: Path) -> tuple[int, list[str]]:
    """Passed targets and a tally of failure codes, from the JSON report."""
    if not report.exists():
        return 0, ["no report: " + stderr.read_text(errors="replace").strip()[-300:]]
    document = json.loads(report.read_text())
    codes = collections.Counter(failure["code"] for target in document["targets"]
                                for failure in target["failures"])
    return document["summary"]["passed"], [f"{code} x{count}" for code, count in codes.most_common(5)]


def warm_latency(context: Context, probes: int) -> LatencyRun:
    """`probes` + 1 targets probed one at a time in one process; the first
    (n0) is the warm-up. Each sample is plprobe's own duration for the target (DNS to verdict)."""
    directory = context.run_directory("plprobe-warm")
    probe_file = directory / "probes.yaml"
    write_probe_file(context, probe_file, range(probes + 1))
    report = directory / "report.json"
    argv = [str(context.plprobe), "check", "--config", str(probe_file), "--concurrency", "1",
            "--report", f"json:{report}", "--quiet", *context.plprobe_extra_args]
    usage = run_measured(argv, context.timeout_for(probes), directory, directory / "stdout", directory / "stderr")
    if not report.exists():
        return LatencyRun("plprobe", "warm", [], "target duration_ms from the JSON report",
                          [f"exit status {usage.exit_code}, no report"])
    targets = json.loads(report.read_text())["targets"]
    problems = [f"{target['name']}: {target['verdict']}" for target in targets if target["verdict"] != "pass"]
    warm = [target["duration_ms"] for target in targets if target["name"] != name(0)]
    return LatencyRun("plprobe", "warm", warm,
                      "target duration_ms from plprobe's JSON report (DNS, TCP, TLS, GET, body)", problems)


def cold_command(context: Context) -> list[str]:
    """One probe, the whole process: what `hyperfine` times for the cold start."""
    lab = context.lab
    return lab.in_namespace([str(context.plprobe), "check", "--dns-server", lab.resolver,
                             "--ca-file", str(lab.pki.ca), "--quiet", *context.plprobe_extra_args,
                             f"https://{name(1)}:{lab.port}/"])
