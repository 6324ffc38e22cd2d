"""`plprobe diagnose` against real faults: each cause named first by a fault
that real servers (dnsmasq, nginx, apache2, haproxy, network namespaces)
produce (nginx under libfaketime for a server clock ahead of this host's),
and by the built-in lab's faults, each diagnosed as the cause it stands for."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from faultlab import diagnose, plan
from faultlab.procs import Server, free_port, run_checked

TIMEOUT = 1.0
# The bound `plprobe diagnose --help` states: --retry-for + 7 x --timeout.
BOUND = 7 * TIMEOUT
MARGIN = 1.5

AUTH_ZONE = "cloud5.jp"
BLACKHOLE = "10.213.3.1"
SKEWED_ADDRESS = "127.0.0.40"
SKEW_DAYS = 31


@pytest.fixture(scope="module")
def authoritative(tmp_path_factory):
    """A dnsmasq answering authoritatively for cloud5.jp without the
    endpoint's name: NXDOMAIN with the zone's SOA, as a private hosted zone
    answers before the endpoint's record exists."""
    directory = tmp_path_factory.mktemp("dns-auth")
    port = free_port(["127.0.0.1"])
    argv = ["dnsmasq", "-k", "--no-resolv", "--no-hosts", f"--port={port}", "--listen-address=127.0.0.1",
            "--bind-interfaces", "--conf-file=/dev/null", "--user=root", f"--pid-file={directory / 'pid'}",
            f"--auth-server=ns.{AUTH_ZONE},127.0.0.1", f"--auth-zone={AUTH_ZONE}",
            f"--auth-soa=2026,hostmaster.{AUTH_ZONE}", "--auth-ttl=30", f"--host-record=ns.{AUTH_ZONE},127.0.0.1"]
    server = Server("dnsmasq-auth", argv, directory / "dnsmasq.log", directory)
    try:
        from faultlab.dns import answers
        server.wait_until(lambda: answers(port, f"ns.{AUTH_ZONE}"), f"answering DNS on 127.0.0.1:{port}")
        yield f"127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def blackhole():
    """A network namespace where one address drops every packet, DNS and
    every TCP port alike."""
    name = f"plprobe-diag-{os.getpid()}"
    subprocess.run(["ip", "netns", "delete", name], capture_output=True, timeout=10)
    run_checked(["ip", "netns", "add", name])
    try:
        run_checked(["ip", "-n", name, "link", "set", "lo", "up"])
        run_checked(["ip", "-n", name, "addr", "add", f"{BLACKHOLE}/32", "dev", "lo"])
        rules = f"""table inet plprobe_diag {{
    chain input {{
        type filter hook input priority 0; policy accept;
        ip daddr {BLACKHOLE} drop
    }}
}}
"""
        run_checked(["ip", "netns", "exec", name, "nft", "-f", "-"], input=rules)
        yield lambda argv: ["ip", "netns", "exec", name, *argv]
    finally:
        subprocess.run(["ip", "netns", "delete", name], capture_output=True, timeout=10)


@pytest.fixture(scope="module")
def skewed_server(lab, tmp_path_factory):
    """nginx whose clock (libfaketime) runs 31 days ahead, serving the lab's
    certificate that becomes valid in 30 days: valid by the server's clock,
    not yet valid by this host's, as when this host's clock is behind."""
    assert shutil.which("faketime"), "faketime is missing: scripts/test installs it"
    name = f"skewed.{plan.LAB_ZONE}"
    port = free_port([SKEWED_ADDRESS])
    directory = tmp_path_factory.mktemp("nginx-skewed")
    (directory / "tmp").mkdir()
    temp = "".join(f"    {kind}_temp_path {directory}/tmp/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    leaf = lab.pki.not_yet_valid
    (directory / "nginx.conf").write_text(f"""
user root;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}    server {{
        listen {SKEWED_ADDRESS}:{port} ssl;
        ssl_certificate {leaf.chain};
        ssl_certificate_key {leaf.key};
        location / {{
            return 200 "This is test server\\n";
        }}
    }}
}}
""")
    argv = ["faketime", "-f", f"+{SKEW_DAYS}d", "nginx", "-p", str(directory), "-c", str(directory / "nginx.conf"),
            "-e", str(directory / "error.log"), "-g", "daemon off;"]
    server = Server("nginx-skewed", argv, directory / "stdout.log", directory)
    server.wait_for_tcp([(SKEWED_ADDRESS, port)], directory / "error.log")
    lab.resolver.publish(name, SKEWED_ADDRESS)
    try:
        yield f"https://{name}:{port}/"
    finally:
        lab.resolver.withdraw(name)
        server.stop()


@pytest.fixture
def two_address_name(lab):
    """partial.lab.test resolving to a working address and a closed one."""
    name = f"partial.{plan.LAB_ZONE}"
    staging = lab.resolver.hostsdir.parent / f"{name}.staging"
    staging.write_text(f"{plan.GOOD_ADDRESSES[0]} {name}\n{plan.SCENARIO_ADDRESSES['closed-port']} {name}\n")
    staging.rename(lab.resolver.hostsdir / name)
    yield name
    lab.resolver.withdraw(name)


def _diagnose(plprobe, url, *options, wrap=None):
    return diagnose.run(plprobe, ["diagnose", url, *options], wrap=wrap)


def test_healthy_endpoint(lab, plprobe):
    result = _diagnose(plprobe, lab.good_url, *lab.options(), *_expect_good())

    diagnosis = diagnose.expect_cause(result, "healthy", "high")
    assert len(diagnosis["ruled_out"]) >= 10, result
    assert [o["resolver"] for o in result.observations["resolvers"]] == [lab.resolver.address], result


# DNS


def test_missing_name_is_not_propagated_with_its_negative_caching_time(lab, plprobe, authoritative):
    result = _diagnose(plprobe, lab.url_for_host(f"new.{AUTH_ZONE}"), "--dns-server", authoritative, "--ca-file", str(lab.pki.ca))

    diagnose.expect_cause(result, "dns_not_propagated")
    caching = result.observations["resolvers"][0]["negative_caching"]
    assert caching["zone"] == AUTH_ZONE and caching["seconds"] == 30, result.observations
    assert result.evidence_mentions("cached for up to 30 s", "a retry can succeed after"), result
    assert result.diagnosis["next_steps"][0].startswith("Wait until "), result


def test_one_resolver_still_without_the_name_is_propagation(lab, plprobe, authoritative):
    result = _diagnose(plprobe, lab.good_url, "--dns-server", lab.resolver.address, "--dns-server", authoritative,
                       "--ca-file", str(lab.pki.ca), *_expect_good())

    diagnose.expect_cause(result, "dns_not_propagated", "medium")
    assert result.evidence_mentions(authoritative, "NXDOMAIN"), result
    assert result.evidence_mentions(lab.resolver.address, plan.GOOD_ADDRESSES[0]), result


def test_public_answer_is_private_dns_not_enabled(lab, plprobe):
    result = _diagnose(plprobe, lab.url_for_host(plan.PUBLIC_HOST), *lab.options())

    diagnose.expect_cause(result, "private_dns_not_enabled", "high")
    assert result.report["targets"][0]["paths"] == [], "the public address was probed"
    assert result.observations["alternates"] == [], "the public address was probed for evidence"


def test_servfail_is_resolver_failure(lab, plprobe):
    result = _diagnose(plprobe, lab.url_for_host(plan.SERVFAIL_HOST), *lab.options())

    diagnose.expect_cause(result, "resolver_failure", "high")


def test_one_dead_resolver_of_two_is_resolver_failure(lab, plprobe):
    dead = f"127.0.0.1:{free_port(['127.0.0.1'])}"
    result = _diagnose(plprobe, lab.good_url, "--dns-server", lab.resolver.address, "--dns-server", dead,
                       "--ca-file", str(lab.pki.ca), "--timeout", "1s")

    diagnose.expect_cause(result, "resolver_failure", "medium")
    assert result.report["targets"][0]["verdict"] == "pass", "the check itself should pass with the first resolver"
    assert dead in result.diagnosis["summary"], result


def test_missing_availability_zone_is_addresses_mismatch(lab, plprobe):
    result = _diagnose(plprobe, lab.good_url, *lab.options(),
                       "--expect-address", plan.GOOD_ADDRESSES[0], "--expect-address", "127.0.0.9")

    diagnose.expect_cause(result, "endpoint_addresses_mismatch", "high")
    assert result.evidence_mentions("Missing from the answers: 127.0.0.9"), result
    assert result.evidence_mentions("Not an endpoint address: " + plan.GOOD_ADDRESSES[1]), result


# Addresses and ports


def test_dropped_port_while_another_answers_is_endpoint_unreachable(lab, plprobe):
    result = _diagnose(plprobe, f"https://{plan.NETNS_BLACKHOLE}/", "--timeout", "1s", wrap=lab.namespace.wrap)

    diagnose.expect_cause(result, "endpoint_unreachable", "high")
    assert result.evidence_mentions("Port 80 on", "refuses the connection"), result
    assert result.seconds < BOUND + MARGIN, result


def test_black_hole_diagnosis_ends_within_the_stated_bound(plprobe, blackhole):
    result = _diagnose(plprobe, f"https://{BLACKHOLE}/", "--timeout", "1s", wrap=blackhole)

    diagnose.expect_cause(result, "endpoint_unreachable", "high")
    assert result.evidence_mentions("gets no answer either"), result
    assert result.seconds < BOUND + MARGIN, result


def test_black_holed_resolver_diagnosis_ends_within_the_stated_bound(plprobe, blackhole):
    result = _diagnose(plprobe, "https://privatelink.test.cloud5.jp/", "--dns-server", BLACKHOLE, "--timeout", "1s",
                       wrap=blackhole)

    diagnose.expect_cause(result, "resolver_failure", "high")
    assert result.seconds < BOUND + MARGIN, result


def test_one_closed_address_of_two_is_partial_outage(lab, plprobe, two_address_name):
    result = _diagnose(plprobe, lab.url_for_host(two_address_name), *lab.options())

    diagnose.expect_cause(result, "partial_outage", "high")
    assert plan.SCENARIO_ADDRESSES["closed-port"] in result.diagnosis["summary"], result


def test_closed_port_is_connection_reset(lab, plprobe):
    result = _diagnose(plprobe, lab.url("closed-port"), *lab.options())

    diagnose.expect_cause(result, "connection_reset", "high")


def test_plain_http_to_an_https_port_is_wrong_scheme(lab, plprobe):
    url = f"http://{plan.GOOD_HOST}:{lab.web.port}/"
    result = _diagnose(plprobe, url, *lab.options())

    diagnose.expect_cause(result, "wrong_scheme", "high")
    assert result.diagnosis["next_steps"][0] == f"Use https://{plan.GOOD_HOST}:{lab.web.port}/ instead of {url}.", result


def test_https_to_a_plain_http_port_is_wrong_scheme(lab, plprobe):
    result = _diagnose(plprobe, lab.url("plain-http"), *lab.options())

    diagnose.expect_cause(result, "wrong_scheme", "high")
    assert "only plain HTTP is served" in result.diagnosis["summary"], result


def test_listener_without_a_shared_tls_version_is_not_tls(lab, plprobe):
    result = _diagnose(plprobe, lab.url("tls10-only"), *lab.options())

    diagnose.expect_cause(result, "not_tls", "high")
    assert "wrong_scheme" in [r["cause"] for r in result.diagnosis["ruled_out"]], result


# Certificates


def test_certificate_for_another_name(lab, plprobe):
    result = _diagnose(plprobe, lab.url("wrong-name"), *lab.options())

    diagnose.expect_cause(result, "certificate_name_mismatch", "high")
    assert result.evidence_mentions("Wanted: " + plan.host("wrong-name"), "other.example.test"), result


def test_certificate_from_an_unknown_ca(lab, plprobe):
    result = _diagnose(plprobe, lab.url("unknown-ca"), *lab.options())

    diagnose.expect_cause(result, "certificate_untrusted", "high")
    assert result.evidence_mentions("Presented certificate 1 of 1", "Unknown rogue CA"), result


def test_expired_certificate_with_agreeing_clocks(lab, plprobe):
    result = _diagnose(plprobe, lab.url("expired"), *lab.options())

    diagnose.expect_cause(result, "certificate_expired", "high")
    assert result.evidence_mentions("The server's clock agrees with this host's"), result
    detail = [a for a in result.observations["alternates"] if a["purpose"] == "detail"]
    assert detail and detail[0]["http"]["date"] is not None, result.observations


def test_server_clock_ahead_is_clock_skew(lab, plprobe, skewed_server):
    result = _diagnose(plprobe, skewed_server, *lab.options())

    diagnose.expect_cause(result, "clock_skew", "high")
    assert result.evidence_mentions("HTTP Date header", f"{SKEW_DAYS} days behind the server's"), result
    assert result.report["targets"][0]["failures"][0]["code"] == "tls.not_yet_valid", result


def test_clock_skew_from_the_lab(plprobe):
    result = _lab(plprobe, "clock_skew")

    diagnose.expect_cause(result, "clock_skew", "high")
    assert result.evidence_mentions("HTTP Date header", "2 days behind the server's"), result


# HTTP


def test_server_error(lab, plprobe):
    result = _diagnose(plprobe, lab.url("status-503"), *lab.options())

    diagnose.expect_cause(result, "service_error", "high")
    assert result.evidence_mentions("status 503", "Server nginx", 'body starts "maintenance"'), result


def test_stalled_backend_is_service_error(lab, plprobe):
    result = _diagnose(plprobe, lab.url("stalled-backend"), *lab.options(), "--timeout", "1s")

    diagnose.expect_cause(result, "service_error", "high")
    assert result.seconds < BOUND + MARGIN, result


def test_another_service_answering_is_unexpected_content(lab, plprobe):
    result = _diagnose(plprobe, lab.url("wrong-body"), *lab.options())

    diagnose.expect_cause(result, "unexpected_content", "high")
    assert result.evidence_mentions('body starts "Welcome to nginx!"'), result


# The built-in lab's faults, each diagnosed as the cause it stands for.


@pytest.mark.parametrize("fault, cause", [
    ("nxdomain", "dns_not_propagated"),
    ("public_address", "private_dns_not_enabled"),
    ("wrong_addresses", "endpoint_addresses_mismatch"),
    ("reset", "connection_reset"),
    ("partial", "partial_outage"),
    ("name_mismatch", "certificate_name_mismatch"),
    ("untrusted", "certificate_untrusted"),
    ("expired", "certificate_expired"),
    ("clock_skew", "clock_skew"),
    ("server_error", "service_error"),
    ("wrong_body", "unexpected_content"),
    ("stall", "service_error"),
])
def test_lab_fault_is_diagnosed_as_its_cause(plprobe, fault, cause):
    diagnose.expect_cause(_lab(plprobe, fault), cause)


def test_lab_without_a_fault_is_healthy(plprobe):
    diagnose.expect_cause(_lab(plprobe, None), "healthy", "high")


def _lab(plprobe, fault):
    command = ["lab", "--diagnose"] + (["--fault", fault] if fault else [])
    return diagnose.run(plprobe, command, formats=("json", "text"))


def _expect_good() -> list[str]:
    return [option for address in plan.GOOD_ADDRESSES for option in ("--expect-address", address)]
