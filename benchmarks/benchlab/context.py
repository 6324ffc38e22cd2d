"""What every client runner needs: the lab, where to write, and the limits."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from .lab import Lab

# Each client run is killed after this long per 10,000 targets (and never sooner).
TIMEOUT_PER_10K_TARGETS = 120.0


@dataclass
class Context:
    lab: Lab
    directory: Path
    plprobe: Path
    plprobe_extra_args: list[str]
    client_timeout: float = TIMEOUT_PER_10K_TARGETS
    _counter: itertools.count = field(default_factory=itertools.count)

    def run_directory(self, label: str) -> Path:
        """A fresh directory for one client run's inputs and outputs."""
        path = self.directory / f"{next(self._counter):03d}-{label}"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def timeout_for(self, targets: int) -> float:
        return self.client_timeout * max(1.0, targets / 10_000)
