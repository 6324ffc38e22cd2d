"""The good endpoint: two addresses, nginx proxying to apache2, a chain from
the lab CA covering the name."""

import pytest

from faultlab import expect, plan


def test_good_endpoint_passes_on_every_address(lab, plprobe):
    run = plprobe.run([lab.good_url, *lab.options()])

    target = expect.passed(run, plan.GOOD_ADDRESSES)
    assert target["name"] == plan.GOOD_HOST, run
    assert target["attempts"] == 1 and target["attempt_history"] == [], run
    assert sorted(target["dns"]["addresses"]) == plan.GOOD_ADDRESSES, run
    for path in target["paths"]:
        assert path["tls"]["version"] == "TLSv1.3", path
        certificate = path["tls"]["certificate"]
        assert plan.GOOD_HOST in certificate["subject"], path
        assert certificate["sans"] == ["privatelink.test.cloud5.jp", "*.lab.test"], path
        assert path["http"]["status"] == 200 and path["http"]["body_matched"] is True, path
        assert path["http"]["body_bytes"] == len("This is test server\n"), path
        assert all(path["timings_ms"][k] is not None for k in ("connect", "tls", "ttfb", "total")), path


@pytest.mark.parametrize("expectation", [
    ["--expect-address", plan.GOOD_ADDRESSES[1], "--expect-address", plan.GOOD_ADDRESSES[0]],
    ["--expect-cidr", "127.0.0.0/30"],
    ["--expect-cidr", "10.0.0.0/8", "--expect-cidr", "127.0.0.0/8"],
], ids=["expect-address", "expect-cidr", "several-cidrs"])
def test_expectations_met_pass(lab, plprobe, expectation):
    run = plprobe.run([lab.good_url, *lab.options(), *expectation])

    expect.passed(run, plan.GOOD_ADDRESSES)


def test_wildcard_name_passes(lab, plprobe):
    run = plprobe.run([lab.url("wrong-body"), *lab.options(), "--expect-body", "Welcome to nginx"])

    expect.passed(run, [plan.SCENARIO_ADDRESSES["wrong-body"]])


def test_http_url_is_probed_without_tls(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["plain-http"]
    run = plprobe.run([lab.url("plain-http").replace("https://", "http://"), *lab.options()])

    target = expect.passed(run, [address], tls=False)
    path = target["paths"][0]
    assert path["tls"] is None and path["timings_ms"]["tls"] is None, path
    assert path["http"]["status"] == 200 and path["http"]["body_matched"] is True, path
