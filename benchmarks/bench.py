"""plprobe's benchmark driver (run it through benchmarks/run).

Builds plprobe in release, brings up the loopback lab (nginx TLS 1.3 with an
ECDSA P-256 chain, dnsmasq with N distinct names), then runs, alternating and
repeated: plprobe, blackbox_exporter, curl --parallel and openssl s_time, and
plprobe alone at concurrency 1,000 and at 10x the targets. Prints medians and
the goal ratios of issue 4, and writes them to benchmarks/results/.
See the README's Performance section for what is measured and how."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlab import blackbox, coldstart, curl_client, plprobe_client, stime, summary  # noqa: E402
from benchlab import lab as bench_lab  # noqa: E402
from benchlab.context import TIMEOUT_PER_10K_TARGETS, Context  # noqa: E402
from benchlab.procs import BenchError, udp_receive_buffer_errors  # noqa: E402
from benchlab.results import ClientRun, LatencyRun  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CLIENTS = ["plprobe", "blackbox_exporter", "curl", "s_time"]


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run", description=__doc__.split("\n\n")[1],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=3, help="repetitions of every client run (default 3)")
    parser.add_argument("--names", type=int, default=10_000, help="distinct names, one target each (default 10000)")
    parser.add_argument("--scale-factor", type=int, default=10,
                        help="the memory-scaling run probes this many times --names (default 10)")
    parser.add_argument("--scale-reps", type=int, default=1,
                        help="repetitions of the memory-scaling run in a full run (default 1)")
    parser.add_argument("--concurrency", type=int, default=256, help="probes in flight for every client (default 256)")
    parser.add_argument("--high-concurrency", type=int, default=1000,
                        help="plprobe's concurrency for the memory goal (default 1000)")
    parser.add_argument("--eni", type=int, choices=(1, 2), default=1,
                        help="addresses per name: 1 (default; one handshake per probe for every client) or 2 "
                             "(plprobe then probes both, the peers one)")
    parser.add_argument("--stime-seconds", type=int, default=10, help="s_time's -time per run (default 10)")
    parser.add_argument("--latency-probes", type=int, default=20, help="warm single-probe samples (default 20)")
    parser.add_argument("--cold-runs", type=int, default=30, help="hyperfine runs for the cold start (default 30)")
    parser.add_argument("--clients", default=",".join(CLIENTS),
                        help=f"comma-separated subset of {','.join(CLIENTS)}")
    parser.add_argument("--quick", action="store_true",
                        help="2,000 names, 1 repetition, shorter s_time and fewer cold runs")
    parser.add_argument("--memory", action="store_true",
                        help="memory scaling only: plprobe at --names and 10x --names targets, and at "
                             "--high-concurrency")
    parser.add_argument("--client-timeout", type=float, default=TIMEOUT_PER_10K_TARGETS,
                        help="kill a client run after this many seconds per 10,000 targets (default 120)")
    parser.add_argument("--plprobe", type=Path, help="use this plprobe binary instead of building one")
    parser.add_argument("--label", help="what the plprobe binary is, for the results (default: the repository's "
                                        "commit when built here, else the binary's path)")
    parser.add_argument("--scratch-path", default=".build",
                        help="SwiftPM scratch path for the release build (default .build)")
    parser.add_argument("--plprobe-arg", action="append", default=[],
                        help="an extra argument for every plprobe run (repeatable)")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results",
                        help="where latest.md and latest.json go (default benchmarks/results)")
    parser.add_argument("--keep", action="store_true", help="keep the lab's and the runs' files")
    arguments = parser.parse_args()
    if arguments.quick:
        arguments.names = min(arguments.names, 2_000)
        arguments.reps = 1
        arguments.stime_seconds = min(arguments.stime_seconds, 3)
        arguments.cold_runs = min(arguments.cold_runs, 10)
    unknown = set(arguments.clients.split(",")) - set(CLIENTS)
    if unknown:
        parser.error(f"--clients: unknown {', '.join(sorted(unknown))}")
    return arguments


def build_plprobe(scratch_path: str) -> Path:
    print(f"building plprobe (swift build -c release --scratch-path {scratch_path})", flush=True)
    command = ["swift", "build", "-c", "release", "--product", "plprobe", "--scratch-path", scratch_path]
    subprocess.run(command, cwd=REPO, check=True, timeout=3600)
    bin_path = subprocess.run([*command, "--show-bin-path"], cwd=REPO,
                              check=True, capture_output=True, text=True, timeout=600).stdout.strip()
    return Path(bin_path) / "plprobe"


def label(count: int) -> str:
    return f"{count / 1000:g}k" if count >= 1000 else str(count)


def describe(run: ClientRun) -> str:
    text = (f"{run.client} {run.scenario}: {run.passed:,}/{run.targets:,} passed, "
            f"{run.probes_per_second:,.0f}/s, {run.cpu_ms_per_probe:.3f} ms CPU/probe, "
            f"{run.peak_rss_mib:.1f} MiB, {run.wall:.2f} s")
    return text + (f"  [{'; '.join(run.problems[:3])}]" if run.problems else "")


def versions(binary: Path) -> dict[str, str]:
    def first_line(argv: list[str]) -> str:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            return "not found"
        return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else "?"
    return {
        "plprobe": first_line([str(binary), "--version"]),
        "blackbox_exporter": first_line([blackbox.executable(), "--version"]),
        "curl": first_line(["curl", "--version"]),
        "openssl": first_line(["openssl", "version"]),
        "nginx": first_line(["nginx", "-v"]),
        "dnsmasq": first_line(["dnsmasq", "--version"]),
        "hyperfine": first_line(["hyperfine", "--version"]),
    }


def machine() -> str:
    model = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{os.cpu_count()} cores ({model}), Linux {platform.release()}"


def plprobe_commit() -> str:
    def git(*argv: str) -> str:
        return subprocess.run(["git", *argv], cwd=REPO, capture_output=True, text=True, timeout=30).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+changes" if git("status", "--porcelain", "--", "Sources", "Package.swift") else "")


class Benchmark:
    def __init__(self, arguments: argparse.Namespace, context: Context):
        self.arguments = arguments
        self.context = context
        self.clients = arguments.clients.split(",")
        self.runs: list[ClientRun] = []
        self.latencies: list[LatencyRun] = []
        self.main = label(arguments.names)
        self.high = f"{label(arguments.names)} c{arguments.high_concurrency}"
        self.scaled = label(arguments.names * arguments.scale_factor)

    def record(self, prefix: str, client_run: Callable[[], ClientRun]) -> None:
        """Runs `client_run()` and keeps its result, with the resolver's drops."""
        drops_before = udp_receive_buffer_errors()
        run = client_run()
        drops = udp_receive_buffer_errors() - drops_before
        run.extra["udp_receive_buffer_drops"] = drops
        if drops:
            run.problems.append(f"{drops} UDP datagrams dropped by full receive buffers (the resolver fell behind)")
        self.runs.append(run)
        print(f"{prefix} {describe(run)}", flush=True)

    def client_run(self, client: str) -> ClientRun:
        names, concurrency = self.arguments.names, self.arguments.concurrency
        if client == "plprobe":
            return plprobe_client.run(self.context, self.main, names, concurrency)
        if client == "blackbox_exporter":
            return blackbox.run(self.context, self.main, names, concurrency)
        if client == "curl":
            return curl_client.run(self.context, self.main, names, concurrency)
        return stime.run(self.context, "floor", self.arguments.stime_seconds)

    def comparison(self) -> None:
        reps = self.arguments.reps
        for rep in range(reps):
            order = self.clients[rep % len(self.clients):] + self.clients[:rep % len(self.clients)]
            for client in order:
                self.record(f"[rep {rep + 1}/{reps}]", lambda: self.client_run(client))
            if "plprobe" in self.clients:
                self.record(f"[rep {rep + 1}/{reps}]", self.high_concurrency_run)
        if "plprobe" in self.clients:
            for rep in range(self.arguments.scale_reps):
                self.record(f"[scale {rep + 1}/{self.arguments.scale_reps}]", self.scaled_run)
        self.latency()

    def memory(self) -> None:
        reps = self.arguments.reps
        for rep in range(reps):
            prefix = f"[rep {rep + 1}/{reps}]"
            self.record(prefix, lambda: plprobe_client.run(self.context, self.main, self.arguments.names,
                                                           self.arguments.concurrency))
            self.record(prefix, self.high_concurrency_run)
            self.record(prefix, self.scaled_run)

    def high_concurrency_run(self) -> ClientRun:
        return plprobe_client.run(self.context, self.high, self.arguments.names, self.arguments.high_concurrency)

    def scaled_run(self) -> ClientRun:
        return plprobe_client.run(self.context, self.scaled, self.arguments.names * self.arguments.scale_factor,
                                  self.arguments.concurrency)

    def latency(self) -> None:
        probes = self.arguments.latency_probes
        runners = {"plprobe": plprobe_client.warm_latency, "blackbox_exporter": blackbox.warm_latency,
                   "curl": curl_client.warm_latency}
        for client, runner in runners.items():
            if client in self.clients:
                self.latencies.append(runner(self.context, probes))
        cold = {"plprobe": plprobe_client.cold_command, "curl": curl_client.cold_command}
        for client, command in cold.items():
            if client in self.clients:
                self.latencies.append(coldstart.measure(self.context, client, command(self.context),
                                                        self.arguments.cold_runs))
        for run in self.latencies:
            median = summary.median(run.samples_ms)
            print(f"[latency] {run.kind} {run.client}: median {median:.2f} ms over {len(run.samples_ms)}"
                  + (f"  [{'; '.join(run.problems[:3])}]" if run.problems else ""), flush=True)


def raise_file_limit() -> None:
    """Concurrency 1,000 needs more than the usual 1,024 descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def on_terminate(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> int:
    arguments = parse_arguments()
    signal.signal(signal.SIGTERM, on_terminate)
    raise_file_limit()
    binary = arguments.plprobe.resolve() if arguments.plprobe else build_plprobe(arguments.scratch_path)
    if not binary.exists():
        raise BenchError(f"plprobe binary not found at {binary}")
    lab_names = arguments.names * (arguments.scale_factor if "plprobe" in arguments.clients else 1)
    workdir = Path(tempfile.mkdtemp(prefix="plprobe-bench-"))
    started = datetime.datetime.now(datetime.timezone.utc)
    meta = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_average_at_start": Path("/proc/loadavg").read_text().split()[:3],
        "plprobe_commit": arguments.label or (str(binary) if arguments.plprobe else plprobe_commit()),
        "plprobe_binary": str(binary),
        "versions": versions(binary),
        "names": arguments.names,
        "reps": arguments.reps,
        "concurrency": arguments.concurrency,
        "eni_count": arguments.eni,
        "mode": "memory" if arguments.memory else ("quick" if arguments.quick else "full"),
    }
    print(f"lab: {lab_names:,} names, work directory {workdir}; load average {meta['load_average_at_start']}",
          flush=True)
    if float(meta["load_average_at_start"][0]) > 1.0:
        print("warning: the machine is busy; other load shows in every number", flush=True)
    try:
        with bench_lab.running(workdir / "lab", lab_names, arguments.eni) as lab:
            extra = plprobe_client.extra_arguments(binary) + arguments.plprobe_arg
            meta["plprobe_extra_args"] = extra
            context = Context(lab, workdir / "runs", binary, extra, arguments.client_timeout)
            benchmark = Benchmark(arguments, context)
            if arguments.memory:
                benchmark.memory()
            else:
                benchmark.comparison()
    except KeyboardInterrupt:
        print("interrupted: the lab is down", file=sys.stderr)
        return 130
    finally:
        if arguments.keep:
            print(f"files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    meta["load_average_at_end"] = Path("/proc/loadavg").read_text().split()[:3]
    meta["duration_minutes"] = round((datetime.datetime.now(datetime.timezone.utc) - started).seconds / 60, 1)
    table = summary.rows(benchmark.runs)
    goal_list = summary.goals(table, benchmark.latencies, benchmark.main, benchmark.high, benchmark.scaled)
    stem = {"full": "latest", "quick": "latest-quick", "memory": "latest-memory"}[meta["mode"]]
    text = summary.markdown(meta, table, benchmark.latencies, goal_list)
    print("\n" + text)
    written = summary.write(arguments.results, stem, meta, benchmark.runs, benchmark.latencies, table, goal_list)
    print(f"written: {written} and {written.with_suffix('.json')}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"benchmarks/run: {error}", file=sys.stderr)
        sys.exit(2)
