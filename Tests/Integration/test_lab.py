"""The lab itself, seen by independent clients (dig, curl): when a plprobe
test fails, these tell whether the fault or plprobe is wrong."""

import subprocess

import pytest

from faultlab import plan


@pytest.mark.parametrize("host, status", [
    (plan.GOOD_HOST, "NOERROR"),
    (plan.MISSING_HOST, "NXDOMAIN"),
    (plan.NODATA_HOST, "NOERROR"),
    (plan.SERVFAIL_HOST, "SERVFAIL"),
    (plan.REFUSED_HOST, "REFUSED"),
])
@pytest.mark.parametrize("record", ["A", "AAAA"])
def test_resolver_answers_with_the_status_of_its_scenario(lab, host, status, record):
    port = str(lab.resolver.port)
    done = subprocess.run(["dig", "+time=2", "+tries=1", "-p", port, "@127.0.0.1", host, record],
                          capture_output=True, text=True, timeout=10)

    assert f"status: {status}," in done.stdout, done.stdout


def test_good_endpoint_serves_the_body_through_nginx_and_apache(lab):
    for address in plan.GOOD_ADDRESSES:
        done = subprocess.run(
            ["curl", "-sS", "-m", "5", "--cacert", str(lab.pki.ca), "-D", "-",
             "--resolve", f"{plan.GOOD_HOST}:{lab.web.port}:{address}", lab.good_url],
            capture_output=True, text=True, timeout=10)

        assert done.returncode == 0, done.stderr
        assert done.stdout.endswith("\n\nThis is test server\n"), done.stdout
        assert "Server: nginx" in done.stdout, done.stdout
