"""curl (Debian's 7.88): one `curl --parallel` process over all targets,
resolving through the system resolver inside the lab's mount namespace.
curl checks the status only; it cannot check the body."""

from __future__ import annotations

from pathlib import Path

from .context import Context
from .lab import name
from .procs import run_measured
from .results import ClientRun, LatencyRun

# curl clamps --parallel-max to this.
PARALLEL_LIMIT = 300


def _write_url_file(context: Context, path: Path, indices: range) -> None:
    with open(path, "w") as file:
        for index in indices:
            file.write(f"url = \"{context.lab.url(index)}\"\noutput = \"/dev/null\"\n")


def _common(context: Context) -> list[str]:
    return ["curl", "-sS", "--no-progress-meter", "--http1.1", "--cacert", str(context.lab.pki.ca), "--max-time", "10"]


def run(context: Context, scenario: str, targets: int, concurrency: int) -> ClientRun:
    directory = context.run_directory(f"curl-{scenario}")
    urls = directory / "urls.curlrc"
    _write_url_file(context, urls, range(targets))
    parallel = min(concurrency, PARALLEL_LIMIT)
    argv = context.lab.in_namespace([
        *_common(context), "--parallel", "--parallel-immediate", "--parallel-max", str(parallel),
        "-w", "%{http_code}\\n", "-K", str(urls)])
    usage = run_measured(argv, context.timeout_for(targets), directory, directory / "stdout", directory / "stderr")
    codes = (directory / "stdout").read_text().split()
    passed = codes.count("200")
    problems = []
    if passed != targets:
        errors = (directory / "stderr").read_text(errors="replace").splitlines()
        problems = [f"{targets - passed} not 200"] + errors[:3]
    return ClientRun("curl", scenario, targets, passed, parallel, usage.wall, usage.cpu, usage.max_rss_kib,
                     usage.timed_out, problems, {"argv": argv, "exit_code": usage.exit_code})


def warm_latency(context: Context, probes: int) -> LatencyRun:
    """`probes` + 1 URLs one after another in one curl process (n0 first, the
    warm-up); each sample is curl's own time_total for the transfer."""
    directory = context.run_directory("curl-warm")
    urls = directory / "urls.curlrc"
    _write_url_file(context, urls, range(probes + 1))
    argv = context.lab.in_namespace([*_common(context), "-w", "%{http_code} %{time_total}\\n", "-K", str(urls)])
    run_measured(argv, context.timeout_for(probes), directory, directory / "stdout", directory / "stderr")
    lines = [line.split() for line in (directory / "stdout").read_text().splitlines()]
    problems = [f"status {code}" for code, _ in lines if code != "200"]
    return LatencyRun("curl", "warm", [1000.0 * float(seconds) for _, seconds in lines[1:]],
                      "time_total reported by curl (name lookup to last byte)", problems)


def cold_command(context: Context) -> list[str]:
    """One probe, the whole process: what `hyperfine` times for the cold start."""
    return context.lab.in_namespace([*_common(context), "-o", "/dev/null", f"https://{name(1)}:{context.lab.port}/"])
