"""DNS faults, each produced by a real resolver (dnsmasq) or a real black hole."""

import pytest

from faultlab import expect, plan

BLACKHOLE_TIMEOUT = 1.0
MARGIN = 1.5


@pytest.mark.parametrize("host, code", [
    (plan.MISSING_HOST, "dns.nxdomain"),
    (plan.NODATA_HOST, "dns.nodata"),
    (plan.SERVFAIL_HOST, "dns.servfail"),
    (plan.REFUSED_HOST, "dns.refused"),
])
def test_resolver_answer_is_a_failure(lab, plprobe, host, code):
    run = plprobe.run([lab.url_for_host(host), *lab.options()])

    expect.failure(run, code, [host, lab.resolver.address])
    assert run.target["paths"] == [], run
    assert run.target["dns"]["addresses"] == [], run


def test_silent_resolver_is_dns_timeout(lab, plprobe):
    run = plprobe.run([lab.good_url, "--dns-server", plan.NETNS_BLACKHOLE, "--timeout", "1s"],
                      wrap=lab.namespace.wrap)

    expect.failure(run, "dns.timeout", [plan.GOOD_HOST, plan.NETNS_BLACKHOLE])
    assert run.seconds < BLACKHOLE_TIMEOUT + MARGIN, run


def test_expected_addresses_missing_and_extra_are_listed(lab, plprobe):
    run = plprobe.run([lab.good_url, *lab.options(),
                       "--expect-address", plan.GOOD_ADDRESSES[0], "--expect-address", "127.0.0.9"])

    failure = expect.failure(run, "dns.unexpected_addresses", ["127.0.0.9", plan.GOOD_ADDRESSES[1]])
    assert "missing" in failure["message"].lower() and "extra" in failure["message"].lower(), failure
    assert sorted(run.target["dns"]["addresses"]) == plan.GOOD_ADDRESSES, run
    assert run.target["dns"]["expected_addresses"] == sorted([plan.GOOD_ADDRESSES[0], "127.0.0.9"]), run
    assert run.path(plan.GOOD_ADDRESSES[1]) is None, "an unexpected address was probed"


def test_answer_outside_expected_cidr_fails(lab, plprobe):
    run = plprobe.run([lab.good_url, *lab.options(), "--expect-cidr", f"{plan.GOOD_ADDRESSES[0]}/32"])

    expect.failure(run, "dns.unexpected_addresses", [plan.GOOD_ADDRESSES[1], f"{plan.GOOD_ADDRESSES[0]}/32"])
    assert run.path(plan.GOOD_ADDRESSES[1]) is None, "an address outside the CIDR was probed"


def test_public_answer_fails_and_is_never_probed(lab, plprobe):
    run = plprobe.run([lab.url_for_host(plan.PUBLIC_HOST), *lab.options()])

    expect.failure(run, "dns.public_address", [plan.PUBLIC_ADDRESS])
    assert run.target["dns"]["addresses"] == [plan.PUBLIC_ADDRESS], run
    assert run.path(plan.PUBLIC_ADDRESS) is None, "the public address was probed"
    for name, case in run.testcases().items():
        if plan.PUBLIC_ADDRESS in name:
            assert case.find("skipped") is not None, f"JUnit shows {name!r} as run"
