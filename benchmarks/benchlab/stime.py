"""The floor: `openssl s_time -new -tls1_3`, new TLS 1.3 connections with chain
verification (-verify) and a GET for a fixed time, one at a time, to one
address, with no DNS and no host name check. Its CPU per handshake is what
a whole plprobe probe is compared against."""

from __future__ import annotations

import re

from .context import Context
from .procs import run_measured
from .results import ClientRun

CONNECTIONS = re.compile(r"(\d+) connections in [\d.]+ real seconds")


def run(context: Context, scenario: str, seconds: int) -> ClientRun:
    directory = context.run_directory(f"s_time-{scenario}")
    lab = context.lab
    argv = ["openssl", "s_time", "-connect", f"{lab.addresses[0]}:{lab.port}", "-new", "-tls1_3",
            "-CAfile", str(lab.pki.ca), "-verify", "2", "-www", "/", "-time", str(seconds)]
    usage = run_measured(argv, seconds + 60.0, directory, directory / "stdout", directory / "stderr")
    output = (directory / "stdout").read_text(errors="replace")
    match = CONNECTIONS.search(output)
    handshakes = int(match.group(1)) if match else 0
    problems = [] if match else ["no result line: " + output[-300:]]
    if "verify error" in output:
        problems.append("certificate verification reported errors")
    return ClientRun("openssl s_time", scenario, handshakes, handshakes, 1, usage.wall, usage.cpu,
                     usage.max_rss_kib, usage.timed_out, problems, {"argv": argv, "exit_code": usage.exit_code})
