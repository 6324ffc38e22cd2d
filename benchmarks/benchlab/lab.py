"""The loopback lab every client probes: nginx (one worker) terminating TLS 1.3
on the "endpoint network interface" addresses, dnsmasq answering the
benchmark's names, and a mount namespace whose /etc/resolv.conf names that
dnsmasq, for the peers that only use the system resolver.

Nothing here changes the machine: the resolv.conf swap exists only inside a
private mount namespace that a holder process keeps alive, and clients join
it with nsenter (which execs the client in the same process)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from . import pki as bench_pki
from .dnsquery import query_a
from .procs import BenchError, Server, free_port, run_checked, tcp_accepts

ENI_ADDRESSES = ["127.0.0.2", "127.0.0.3"]
RESOLVER_ADDRESS = "127.0.0.5"
RESOLVER_PORT = 53  # glibc's and Go's resolvers take no port from resolv.conf
PREFERRED_PORT = 8443
BODY = "This is test server"
HOLDER_LIFETIME_SECONDS = 4 * 3600


def name(index: int) -> str:
    return f"n{index}.{bench_pki.DOMAIN}"


@dataclass
class Lab:
    pki: bench_pki.Pki
    port: int
    addresses: list[str]        # the addresses every name resolves to
    namespace_holder: Server

    def url(self, index: int) -> str:
        return f"https://{name(index)}:{self.port}/"

    @property
    def resolver(self) -> str:
        return f"{RESOLVER_ADDRESS}:{RESOLVER_PORT}"

    def in_namespace(self, argv: list[str]) -> list[str]:
        """`argv` run with the lab's resolv.conf (nsenter execs it: same process)."""
        return ["nsenter", f"--mount=/proc/{self.namespace_holder.pid}/ns/mnt", "--", *argv]


@contextlib.contextmanager
def running(directory: Path, names: int, eni_count: int):
    """The lab, up for the `with` block and torn down after it, whatever happens."""
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        raise BenchError("the benchmark needs root: dnsmasq on port 53 and a mount namespace for the peers")
    addresses = ENI_ADDRESSES[:eni_count]
    servers: list[Server] = []
    try:
        certificates = bench_pki.build(directory / "pki")
        port = free_port(ENI_ADDRESSES, PREFERRED_PORT)
        servers.append(_dnsmasq(directory / "dns", names, addresses))
        servers.append(_nginx(directory / "nginx", certificates, port))
        holder = _namespace_holder(directory / "namespace")
        servers.append(holder)
        yield Lab(certificates, port, addresses, holder)
    finally:
        for server in reversed(servers):
            server.stop()


def _dnsmasq(directory: Path, names: int, addresses: list[str]) -> Server:
    directory.mkdir(parents=True, exist_ok=True)
    hosts = directory / "hosts"
    with open(hosts, "w") as file:
        for index in range(names):
            for address in addresses:
                file.write(f"{address} {name(index)}\n")
    argv = ["dnsmasq", "-k", "--no-resolv", "--no-hosts", f"--port={RESOLVER_PORT}",
            f"--listen-address={RESOLVER_ADDRESS}", "--bind-interfaces", "--conf-file=/dev/null",
            "--user=root", f"--pid-file={directory / 'dnsmasq.pid'}",
            f"--local=/{bench_pki.DOMAIN}/", f"--addn-hosts={hosts}", "--local-ttl=300",
            "--log-facility=-"]
    server = Server("dnsmasq", argv, directory / "dnsmasq.log", directory)
    last = names - 1
    server.wait_until(lambda: _resolves(name(last), addresses[0]), f"answering {name(last)}")
    return server


def _resolves(host: str, address: str) -> bool:
    return address in query_a(RESOLVER_ADDRESS, RESOLVER_PORT, host)


def _nginx(directory: Path, certificates: bench_pki.Pki, port: int) -> Server:
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    listens = "".join(f"        listen {address}:{port} ssl backlog=4096;\n" for address in ENI_ADDRESSES)
    conf = directory / "nginx.conf"
    conf.write_text(f"""
user root;
worker_processes 1;
worker_rlimit_nofile 16384;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {directory}/tmp/body;
    proxy_temp_path {directory}/tmp/proxy;
    fastcgi_temp_path {directory}/tmp/fastcgi;
    uwsgi_temp_path {directory}/tmp/uwsgi;
    scgi_temp_path {directory}/tmp/scgi;
    default_type text/plain;
    # Every probe is a full handshake: no tickets, no session cache.
    ssl_protocols TLSv1.3;
    ssl_session_tickets off;
    ssl_session_cache off;
    # One request per connection, closed by the server: the server keeps the
    # TIME_WAIT sockets, not the client's ephemeral ports.
    keepalive_timeout 0;
    server {{
{listens}        ssl_certificate {certificates.chain};
        ssl_certificate_key {certificates.key};
        location / {{
            return 200 "{BODY}\\n";
        }}
    }}
}}
""")
    argv = ["nginx", "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log"),
            "-g", "daemon off;"]
    server = Server("nginx", argv, directory / "stdout.log", directory)
    server.wait_until(lambda: all(tcp_accepts(address, port) for address in ENI_ADDRESSES),
                      f"listening on port {port}", directory / "error.log")
    return server


def _namespace_holder(directory: Path) -> Server:
    """A process in a private mount namespace where /etc/resolv.conf names the
    lab's dnsmasq; clients enter its namespace with nsenter."""
    directory.mkdir(parents=True, exist_ok=True)
    resolv = directory / "resolv.conf"
    resolv.write_text(f"nameserver {RESOLVER_ADDRESS}\noptions timeout:2 attempts:2\n")
    script = f"mount --bind {resolv} /etc/resolv.conf && exec sleep {HOLDER_LIFETIME_SECONDS}"
    argv = ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script]
    server = Server("namespace holder", argv, directory / "holder.log", directory)
    expected = resolv.read_text()

    def ready() -> bool:
        try:
            seen = run_checked(["nsenter", f"--mount=/proc/{server.pid}/ns/mnt", "--", "cat", "/etc/resolv.conf"])
        except BenchError:
            return False
        return seen == expected

    server.wait_until(ready, "resolv.conf bound in its mount namespace")
    if Path("/etc/resolv.conf").read_text() == expected:
        raise BenchError("the machine's own /etc/resolv.conf changed: the mount namespace leaked")
    return server
