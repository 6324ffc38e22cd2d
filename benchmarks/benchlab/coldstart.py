"""Cold start: one probe, from process start to exit, timed by hyperfine over
repeated runs (no shell in between; a run that exits non-zero fails it)."""

from __future__ import annotations

import json
import shlex
import shutil

from .context import Context
from .procs import BenchError, run_checked
from .results import LatencyRun


def measure(context: Context, client: str, command: list[str], runs: int) -> LatencyRun:
    if shutil.which("hyperfine") is None:
        raise BenchError("hyperfine not found: apt-get install hyperfine")
    directory = context.run_directory(f"cold-{client.split()[0]}")
    export = directory / "hyperfine.json"
    argv = ["hyperfine", "--shell=none", "--warmup", "3", "--runs", str(runs), "--style", "none",
            "--export-json", str(export), shlex.join(command)]
    try:
        run_checked(argv, cwd=directory, timeout=60.0 + 10.0 * runs)
    except BenchError as error:
        return LatencyRun(client, "cold", [], "hyperfine, process start to exit", [str(error)[-400:]])
    times = json.loads(export.read_text())["results"][0]["times"]
    return LatencyRun(client, "cold", [1000.0 * seconds for seconds in times],
                      "hyperfine --shell=none, process start to exit, one probe")
