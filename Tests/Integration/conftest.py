"""Session fixtures: the fault lab and the plprobe binary under test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from faultlab import lab as fault_lab
from faultlab.runner import PLProbe

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def lab():
    started, stack = fault_lab.start()
    with stack:
        yield started


@pytest.fixture(scope="session")
def plprobe(tmp_path_factory) -> PLProbe:
    binary = Path(os.environ.get("PLPROBE_BIN", REPO / ".build" / "debug" / "plprobe"))
    if not binary.is_absolute():
        binary = REPO / binary
    assert binary.exists(), f"plprobe binary not found at {binary}: build it or set PLPROBE_BIN"
    return PLProbe(binary, REPO / "reports" / "plprobe-report.schema.json",
                   REPO / "reports" / "junit-10.xsd", tmp_path_factory.mktemp("plprobe-runs"))
