"""What one client run measured, in the units the tables use."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class ClientRun:
    """One run of one client over a set of targets.

    `targets` is what the client was asked to probe (for s_time: the
    handshakes it made in its fixed time); `passed` the probes that
    succeeded by the client's own judgement."""
    client: str
    scenario: str
    targets: int
    passed: int
    concurrency: int
    wall: float
    cpu: float
    peak_rss_kib: int
    timed_out: bool = False
    problems: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def probes_per_second(self) -> float:
        return self.passed / self.wall if self.wall > 0 else 0.0

    @property
    def cpu_ms_per_probe(self) -> float:
        return 1000.0 * self.cpu / self.targets if self.targets else float("nan")

    @property
    def peak_rss_mib(self) -> float:
        return self.peak_rss_kib / 1024.0

    def as_json(self) -> dict:
        data = asdict(self)
        data.update(probes_per_second=self.probes_per_second, cpu_ms_per_probe=self.cpu_ms_per_probe,
                    peak_rss_mib=self.peak_rss_mib)
        return data


@dataclass
class LatencyRun:
    """Repeated single-probe timings of one client, in milliseconds."""
    client: str
    kind: str               # "warm" or "cold"
    samples_ms: list[float]
    how: str
    problems: list[str] = field(default_factory=list)
