"""The lab's listeners: nginx terminating TLS in front of apache2 and of
misbehaving backends, haproxy where a transparent TLS pass-through or a
client-certificate demand is needed, and socat for peers that say nothing,
talk forever or speak the wrong protocol."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import plan
from .pki import Pki
from .procs import Server, free_port

BACKEND = "127.0.0.1"
GOOD_BODY = "This is test server\n"
ENDLESS_BODY_SIZE = "20G"
# Longer than any --timeout the tests give plprobe, shorter than the suite.
BACKEND_PATIENCE = "120s"

# Shell scripts socat runs per connection; stdin and stdout are the socket.
SILENT_SCRIPT = "exec sleep 600"
ENDLESS_HEADERS_SCRIPT = """printf 'HTTP/1.1 200 OK\\r\\n'
exec yes "$(printf 'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaa\\r')"
"""
# What an SSH server says to an HTTP client.
SSH_BANNER_SCRIPT = """printf 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\\r\\n'
read -r line
printf 'Invalid SSH identification string.\\r\\n'
"""


@dataclass
class Web:
    port: int
    servers: list[Server]

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()


def start(directory: Path, pki: Pki) -> Web:
    directory.mkdir(parents=True, exist_ok=True)
    port = free_port(plan.tls_addresses())
    servers: list[Server] = []
    try:
        backends: dict[str, int] = {}
        for name in ("apache", "silent", "headers", "ssh"):
            backends[name] = free_port([BACKEND], set(backends.values()))
        servers.append(_apache(directory / "apache", backends["apache"]))
        servers.append(_socat("socat-silent-backend", directory, f"TCP-LISTEN:{backends['silent']},bind={BACKEND}",
                              SILENT_SCRIPT, [(BACKEND, backends["silent"])]))
        servers.append(_socat("socat-endless-headers", directory, f"TCP-LISTEN:{backends['headers']},bind={BACKEND}",
                              ENDLESS_HEADERS_SCRIPT, [(BACKEND, backends["headers"])]))
        servers.append(_socat("socat-ssh-banner", directory, f"TCP-LISTEN:{backends['ssh']},bind={BACKEND}",
                              SSH_BANNER_SCRIPT, [(BACKEND, backends["ssh"])]))
        stall = plan.SCENARIO_ADDRESSES["tls-stall"]
        servers.append(_socat("socat-tls-stall", directory, f"TCP-LISTEN:{port},bind={stall}",
                              SILENT_SCRIPT, [(stall, port)]))
        servers.append(_nginx(directory / "nginx", pki, port, backends))
        servers.append(_haproxy(directory / "haproxy", pki, port, backends))
    except BaseException:
        for server in reversed(servers):
            server.stop()
        raise
    return Web(port, servers)


def _socat(name: str, directory: Path, listen: str, script: str, ready: list[tuple[str, int]]) -> Server:
    """Serves every connection with a shell script (stdin/stdout are the socket)."""
    program = directory / f"{name}.sh"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    argv = ["socat", f"{listen},reuseaddr,fork", f"EXEC:{program}"]
    server = Server(name, argv, directory / f"{name}.log", directory)
    server.wait_for_tcp(ready)
    return server


def _apache(directory: Path, port: int) -> Server:
    docroot = directory / "www"
    docroot.mkdir(parents=True, exist_ok=True)
    (docroot / "index.html").write_text(GOOD_BODY)
    modules = "/usr/lib/apache2/modules"
    conf = directory / "apache2.conf"
    conf.write_text(f"""
ServerRoot {directory}
DefaultRuntimeDir {directory}
PidFile {directory}/apache2.pid
Mutex file:{directory} default
ErrorLog {directory}/error.log
LogLevel warn
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
User www-data
Group www-data
ServerName lab-backend
Listen {BACKEND}:{port}
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
DocumentRoot {docroot}
DirectoryIndex index.html
<Directory />
    Require all denied
</Directory>
<Directory {docroot}>
    Require all granted
</Directory>
""")
    server = Server("apache2", ["apache2", "-f", str(conf), "-DFOREGROUND"], directory / "stdout.log", directory)
    server.wait_for_tcp([(BACKEND, port)], directory / "error.log")
    return server


def _nginx(directory: Path, pki: Pki, port: int, backends: dict[str, int]) -> Server:
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    big = directory / "big"
    big.mkdir(exist_ok=True)
    subprocess.run(["truncate", "-s", ENDLESS_BODY_SIZE, str(big / "index.bin")], check=True, timeout=10)
    address = plan.SCENARIO_ADDRESSES
    good = pki.good

    def tls_server(addresses: list[str], leaf, body: str, extra: str = "") -> str:
        listens = "".join(f"        listen {a}:{port} ssl;\n" for a in addresses)
        return f"""
    server {{
{listens}        ssl_certificate {leaf.chain};
        ssl_certificate_key {leaf.key};
{extra}        location / {{
{body}
        }}
    }}"""

    proxy_to_apache = f"""            proxy_pass http://{BACKEND}:{backends['apache']};
            proxy_http_version 1.1;
            proxy_set_header Host $host;"""
    hello = '            return 200 "This is test server\\n";'
    servers = [
        tls_server(plan.GOOD_ADDRESSES, good, proxy_to_apache),
        tls_server([address["wrong-name"]], pki.other_name, hello),
        tls_server([address["unknown-ca"]], pki.unknown_ca, hello),
        tls_server([address["expired"]], pki.expired, hello),
        tls_server([address["not-yet-valid"]], pki.not_yet_valid, hello),
        tls_server([address["tls10-only"]], good, hello,
                   "        ssl_protocols TLSv1;\n        ssl_ciphers DEFAULT:@SECLEVEL=0;\n"),
        tls_server([address["status-503"]], good, '            return 503 "maintenance\\n";'),
        tls_server([address["wrong-body"]], good, '            return 200 "Welcome to nginx!\\n";'),
        tls_server([address["stalled-backend"]], good, f"""            proxy_pass http://{BACKEND}:{backends['silent']};
            proxy_read_timeout {BACKEND_PATIENCE};"""),
        tls_server([address["endless-body"]], good, f"""            root {big};
            index index.bin;
            default_type application/octet-stream;"""),
        f"""
    server {{
        listen {address['plain-http']}:{port};
        location / {{
{hello}
        }}
    }}""",
    ]
    conf = directory / "nginx.conf"
    conf.write_text(f"""
user root;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log info;
events {{ worker_connections 512; }}
http {{
    access_log {directory}/access.log;
    client_body_temp_path {directory}/tmp/body;
    proxy_temp_path {directory}/tmp/proxy;
    fastcgi_temp_path {directory}/tmp/fastcgi;
    uwsgi_temp_path {directory}/tmp/uwsgi;
    scgi_temp_path {directory}/tmp/scgi;
    default_type text/plain;
    ssl_protocols TLSv1.2 TLSv1.3;
{"".join(servers)}
}}
""")
    argv = ["nginx", "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log"),
            "-g", "daemon off;"]
    server = Server("nginx", argv, directory / "stdout.log", directory)
    listening = [(a, port) for a in plan.GOOD_ADDRESSES] + [
        (address[name], port) for name in ("wrong-name", "plain-http", "endless-body")]
    server.wait_for_tcp(listening, directory / "error.log")
    return server


def _haproxy(directory: Path, pki: Pki, port: int, backends: dict[str, int]) -> Server:
    directory.mkdir(parents=True, exist_ok=True)
    address = plan.SCENARIO_ADDRESSES
    conf = directory / "haproxy.cfg"
    conf.write_text(f"""
global
    log stderr format raw local0 info
defaults
    log global
    timeout connect 5s
    timeout client {BACKEND_PATIENCE}
    timeout server {BACKEND_PATIENCE}

# A listener that demands a client certificate plprobe does not have; TLS 1.2
# so that the refusal is an alert inside the handshake.
frontend client-cert
    mode http
    bind {address['client-cert']}:{port} ssl crt {pki.good.bundle} ca-file {pki.ca} verify required ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.2
    http-request return status 200 content-type text/plain string "This is test server"

# TLS terminated, bytes passed through untouched: the backend's bytes are the response.
frontend endless-headers
    mode tcp
    bind {address['endless-headers']}:{port} ssl crt {pki.good.bundle}
    default_backend endless-headers
backend endless-headers
    mode tcp
    server headers {BACKEND}:{backends['headers']}

frontend garbage
    mode tcp
    bind {address['garbage']}:{port} ssl crt {pki.good.bundle}
    default_backend ssh
backend ssh
    mode tcp
    server ssh {BACKEND}:{backends['ssh']}
""")
    argv = ["haproxy", "-db", "-f", str(conf)]
    server = Server("haproxy", argv, directory / "haproxy.log", directory)
    server.wait_for_tcp([(address[n], port) for n in ("client-cert", "endless-headers", "garbage")])
    return server
