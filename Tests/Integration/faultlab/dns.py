"""The lab resolver: three dnsmasq instances on loopback.

- `front` is the resolver plprobe asks. It answers the lab names from a
  hosts file and a hosts directory (re-read on change, for names that appear
  later), NXDOMAIN for unknown names under its local zones, NODATA for a
  TXT-only name, and REFUSED for names outside every zone it serves.
- `validator` is a DNSSEC-validating forwarder that `front` uses for
  servfail.test: the answer from `unsigned` cannot be proven insecure, so it
  is BOGUS and the validator answers SERVFAIL, which `front` passes on.
"""

from __future__ import annotations

import random
import socket
import struct
from dataclasses import dataclass
from pathlib import Path

from . import plan
from .procs import Server, free_port

# The root zone's KSK-2017: any real anchor works; the lab never reaches the root.
ROOT_TRUST_ANCHOR = ".,20326,8,2,E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D"
ADDRESS = "127.0.0.1"


@dataclass
class Resolver:
    port: int
    hostsdir: Path
    servers: list[Server]

    @property
    def address(self) -> str:
        return f"{ADDRESS}:{self.port}"

    def publish(self, name: str, address: str) -> None:
        """Makes `name` resolve from now on (dnsmasq watches the directory)."""
        staging = self.hostsdir.parent / f"{name}.staging"
        staging.write_text(f"{address} {name}\n")
        staging.rename(self.hostsdir / name)

    def withdraw(self, name: str) -> None:
        (self.hostsdir / name).unlink(missing_ok=True)

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()


def start(directory: Path) -> Resolver:
    directory.mkdir(parents=True, exist_ok=True)
    hostsdir = directory / "hosts.d"
    hostsdir.mkdir(exist_ok=True)
    hosts = directory / "hosts"
    hosts.write_text(_hosts_file())
    servers: list[Server] = []
    try:
        unsigned_port = _start(servers, directory, "dnsmasq-unsigned", [
            "--local=/test/", f"--host-record={plan.SERVFAIL_HOST},127.0.0.50"], plan.SERVFAIL_HOST)
        validator_port = _start(servers, directory, "dnsmasq-validator", [
            "--dnssec", f"--trust-anchor={ROOT_TRUST_ANCHOR}", "--dnssec-check-unsigned",
            f"--server={ADDRESS}#{unsigned_port}"], plan.SERVFAIL_HOST)
        front_port = _start(servers, directory, "dnsmasq-front", [
            "--local=/test/", "--local=/cloud5.jp/",
            f"--addn-hosts={hosts}", f"--hostsdir={hostsdir}",
            f"--txt-record={plan.NODATA_HOST},only text here",
            f"--server=/{plan.SERVFAIL_HOST}/{ADDRESS}#{validator_port}",
            f"--log-facility={directory / 'dnsmasq-front.queries'}", "--log-queries",
        ], plan.GOOD_HOST)
    except BaseException:
        for server in reversed(servers):
            server.stop()
        raise
    return Resolver(front_port, hostsdir, servers)


def _hosts_file() -> str:
    lines = [f"{address} {plan.GOOD_HOST}" for address in plan.GOOD_ADDRESSES]
    lines += [f"{address} {plan.host(name)}" for name, address in plan.SCENARIO_ADDRESSES.items()]
    lines.append(f"{plan.PUBLIC_ADDRESS} {plan.PUBLIC_HOST}")
    return "\n".join(lines) + "\n"


def _start(servers: list[Server], directory: Path, name: str, options: list[str], ready_name: str) -> int:
    port = free_port([ADDRESS])
    argv = ["dnsmasq", "-k", "--no-resolv", "--no-hosts", f"--port={port}",
            f"--listen-address={ADDRESS}", "--bind-interfaces", "--conf-file=/dev/null",
            "--user=root", f"--pid-file={directory / (name + '.pid')}", *options]
    server = Server(name, argv, directory / f"{name}.log", directory)
    servers.append(server)
    server.wait_until(lambda: answers(port, ready_name), f"answering DNS on {ADDRESS}:{port}")
    return port


def answers(port: int, name: str) -> bool:
    """Whether a resolver on loopback `port` answers a query for `name` at all."""
    query_id = random.randrange(1 << 16)
    question = b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0"
    packet = struct.pack("!HHHHHH", query_id, 0x0100, 1, 0, 0, 0) + question + struct.pack("!HH", 1, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(0.3)
        try:
            sock.sendto(packet, (ADDRESS, port))
            reply = sock.recv(512)
        except OSError:
            return False
    return len(reply) >= 2 and struct.unpack("!H", reply[:2])[0] == query_id
