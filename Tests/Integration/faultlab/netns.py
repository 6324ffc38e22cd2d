"""A network namespace for the faults loopback cannot produce: a black hole
(nftables drops TCP 443 and DNS) and an unreachable route. plprobe runs inside
it, so no packet of these tests ever leaves the namespace."""

from __future__ import annotations

import os
import subprocess

from . import plan
from .procs import LabError, run_checked

RULES = f"""
table inet plprobe_lab {{
    chain input {{
        type filter hook input priority 0; policy accept;
        ip daddr {plan.NETNS_BLACKHOLE} tcp dport 443 drop
        ip daddr {plan.NETNS_BLACKHOLE} udp dport 53 drop
        ip daddr {plan.NETNS_BLACKHOLE} tcp dport 53 drop
    }}
}}
"""


class Namespace:
    def __init__(self) -> None:
        self.name = f"plprobe-it-{os.getpid()}"

    def create(self) -> None:
        self.delete()
        run_checked(["ip", "netns", "add", self.name])
        try:
            run_checked(["ip", "-n", self.name, "link", "set", "lo", "up"])
            run_checked(["ip", "-n", self.name, "addr", "add", f"{plan.NETNS_BLACKHOLE}/32", "dev", "lo"])
            run_checked(["ip", "-n", self.name, "route", "add", "unreachable", plan.NETNS_UNREACHABLE_NET])
            run_checked(["ip", "netns", "exec", self.name, "nft", "-f", "-"], input=RULES)
        except LabError:
            self.delete()
            raise

    def wrap(self, argv: list[str]) -> list[str]:
        """`argv` run inside the namespace."""
        return ["ip", "netns", "exec", self.name, *argv]

    def delete(self) -> None:
        subprocess.run(["ip", "netns", "delete", self.name], capture_output=True, timeout=10)
