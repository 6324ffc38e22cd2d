"""Medians over repetitions, the issue's goal ratios, and the Markdown and
JSON results."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path

from .results import ClientRun, LatencyRun

PEERS = ("blackbox_exporter", "curl")
FLOOR = "openssl s_time"


def _ratio(numerator: float, denominator: float) -> float:
    if math.isnan(numerator) or math.isnan(denominator) or denominator == 0:
        return float("nan")
    return numerator / denominator


def median(values: list[float]) -> float:
    values = [value for value in values if not math.isnan(value)]
    return statistics.median(values) if values else float("nan")


@dataclass
class Row:
    """The median of one client's runs in one scenario."""
    client: str
    scenario: str
    runs: int
    targets: int
    concurrency: int
    passed: int            # the smallest count over the runs: failures are never hidden
    probes_per_second: float
    best_probes_per_second: float
    cpu_ms_per_probe: float
    peak_rss_mib: float
    wall: float
    problems: list[str]


def rows(runs: list[ClientRun]) -> list[Row]:
    grouped: dict[tuple[str, str], list[ClientRun]] = {}
    for run in runs:
        grouped.setdefault((run.client, run.scenario), []).append(run)
    table = []
    for (client, scenario), group in grouped.items():
        problems = sorted({problem for run in group for problem in run.problems})
        if any(run.timed_out for run in group):
            problems.insert(0, "a run was killed at its time limit")
        table.append(Row(
            client, scenario, len(group), group[0].targets, group[0].concurrency,
            min(run.passed for run in group),
            median([run.probes_per_second for run in group]),
            max(run.probes_per_second for run in group),
            median([run.cpu_ms_per_probe for run in group]),
            median([run.peak_rss_mib for run in group]),
            median([run.wall for run in group]),
            problems,
        ))
    return table


@dataclass
class Goal:
    name: str
    measured: str
    target: str
    verdict: str   # "met", "not met", "not measured"
    how: str


def _ratio_goal(name: str, value: float, limit: float, at_most: bool, how: str, unit: str = "×") -> Goal:
    if math.isnan(value):
        return Goal(name, "–", f"{'≤' if at_most else '≥'} {limit:g}{unit}", "not measured", how)
    met = value <= limit if at_most else value >= limit
    return Goal(name, f"{value:.2f}{unit}", f"{'≤' if at_most else '≥'} {limit:g}{unit}",
                "met" if met else "not met", how)


def goals(table: list[Row], latencies: list[LatencyRun], main: str, concurrency_scenario: str,
          scale_scenario: str) -> list[Goal]:
    def find(client: str, scenario: str) -> Row | None:
        return next((row for row in table if row.client == client and row.scenario == scenario), None)

    def value(row: Row | None, attribute: str) -> float:
        return getattr(row, attribute) if row else float("nan")

    def latency(client: str, kind: str) -> float:
        run = next((run for run in latencies if run.client == client and run.kind == kind), None)
        return median(run.samples_ms) if run else float("nan")

    def best(values: list[float], pick) -> float:
        values = [v for v in values if not math.isnan(v)]
        return pick(values) if values else float("nan")

    plprobe = find("plprobe", main)
    floor = find(FLOOR, "floor")
    peer_cpu = best([value(find(peer, main), "cpu_ms_per_probe") for peer in PEERS], min)
    blackbox_best = value(find("blackbox_exporter", main), "best_probes_per_second")
    concurrent = find("plprobe", concurrency_scenario)
    scaled = find("plprobe", scale_scenario)
    peer_warm = best([latency(peer, "warm") for peer in PEERS], min)
    return [
        _ratio_goal("CPU per probe ÷ s_time CPU per handshake",
                    _ratio(value(plprobe, "cpu_ms_per_probe"), value(floor, "cpu_ms_per_probe")), 1.0, True,
                    "plprobe's user+sys per target over s_time's per handshake"),
        _ratio_goal("CPU per probe ÷ best peer's",
                    _ratio(value(plprobe, "cpu_ms_per_probe"), peer_cpu), 0.5, True,
                    "best of blackbox_exporter and curl, each its median"),
        _ratio_goal("throughput ÷ blackbox_exporter's best",
                    _ratio(value(plprobe, "probes_per_second"), blackbox_best), 1.4, False,
                    "plprobe's median passing probes/s over blackbox_exporter's best run"),
        _ratio_goal(f"peak RSS at concurrency {value(concurrent, 'concurrency'):,.0f}",
                    value(concurrent, "peak_rss_mib"), 64, True, "plprobe's maxrss", " MiB"),
        _ratio_goal(f"peak RSS {value(scaled, 'targets'):,.0f} ÷ {value(plprobe, 'targets'):,.0f} targets",
                    _ratio(value(scaled, "peak_rss_mib"), value(plprobe, "peak_rss_mib")), 10, True,
                    "must stay well under 10×"),
        _ratio_goal("warm probe latency ÷ best peer's",
                    _ratio(latency("plprobe", "warm"), peer_warm), 0.9, True,
                    "medians of each tool's own per-probe duration"),
        _ratio_goal("cold start ÷ curl's",
                    _ratio(latency("plprobe", "cold"), latency("curl", "cold")), 1.0, True,
                    "hyperfine medians, process start to exit, one probe"),
    ]


def _number(value: float, digits: int) -> str:
    return "–" if math.isnan(value) else f"{value:,.{digits}f}"


def markdown(meta: dict, table: list[Row], latencies: list[LatencyRun], goal_list: list[Goal]) -> str:
    lines = [f"# plprobe benchmark — {meta['date']}", "",
             f"{meta['machine']}; plprobe {meta['plprobe_commit']}; {meta['names']:,} names, "
             f"{meta['reps']} repetitions, {meta['eni_count']} endpoint address(es) per name; "
             f"load average {' '.join(meta['load_average_at_start'])} at the start, "
             f"{' '.join(meta.get('load_average_at_end', []))} at the end.", "",
             "| client | scenario | targets | concurrency | passed | probes/s | CPU ms/probe | peak RSS MiB | wall s | runs |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in table:
        lines.append(f"| {row.client} | {row.scenario} | {row.targets:,} | {row.concurrency} | {row.passed:,} | "
                     f"{_number(row.probes_per_second, 0)} | {_number(row.cpu_ms_per_probe, 3)} | "
                     f"{_number(row.peak_rss_mib, 1)} | {_number(row.wall, 2)} | {row.runs} |")
    lines += ["", "| latency | client | median ms | p90 ms | samples | how |", "|---|---|---:|---:|---:|---|"]
    for run in latencies:
        samples = sorted(run.samples_ms)
        p90 = samples[min(len(samples) - 1, int(0.9 * len(samples)))] if samples else float("nan")
        lines.append(f"| {run.kind} | {run.client} | {_number(median(samples), 2)} | {_number(p90, 2)} | "
                     f"{len(samples)} | {run.how} |")
    lines += ["", "| goal | measured | target | verdict |", "|---|---:|---:|---|"]
    for goal in goal_list:
        lines.append(f"| {goal.name} | {goal.measured} | {goal.target} | {goal.verdict} |")
    notes = [f"- {row.client} {row.scenario}: {problem}" for row in table for problem in row.problems]
    notes += [f"- {run.client} {run.kind} latency: {problem}" for run in latencies for problem in run.problems]
    if notes:
        lines += ["", "Problems seen:", "", *notes]
    return "\n".join(lines) + "\n"


def write(directory: Path, stem: str, meta: dict, runs: list[ClientRun], latencies: list[LatencyRun],
          table: list[Row], goal_list: list[Goal]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    text = markdown(meta, table, latencies, goal_list)
    (directory / f"{stem}.md").write_text(text)
    document = {
        "meta": meta,
        "rows": [asdict(row) for row in table],
        "goals": [asdict(goal) for goal in goal_list],
        "latencies": [asdict(run) for run in latencies],
        "runs": [run.as_json() for run in runs],
    }
    (directory / f"{stem}.json").write_text(json.dumps(document, indent=2, default=str) + "\n")
    return directory / f"{stem}.md"
