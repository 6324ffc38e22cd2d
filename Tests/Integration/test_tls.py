"""TLS faults from nginx, haproxy and socat listeners with the lab's
certificates."""

import datetime

import pytest

from faultlab import expect, plan
from faultlab.pki import OTHER_NAME

TIMEOUT = 1.0
MARGIN = 1.5


def _probe(lab, plprobe, scenario, *extra):
    return plprobe.run([lab.url(scenario), *lab.options(), *extra])


def _time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_certificate_for_another_name_is_name_mismatch_and_recorded(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["wrong-name"]
    run = _probe(lab, plprobe, "wrong-name")

    path = expect.path_failure(run, "tls.name_mismatch", address, [plan.host("wrong-name"), OTHER_NAME])
    certificate = path["tls"]["certificate"]
    assert certificate["sans"] == [OTHER_NAME], path
    assert OTHER_NAME in certificate["subject"], path
    assert "intermediate" in certificate["issuer"], path


def test_certificate_from_an_unknown_ca_is_untrusted(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["unknown-ca"]
    run = _probe(lab, plprobe, "unknown-ca")

    path = expect.path_failure(run, "tls.untrusted", address)
    assert "Unknown rogue CA" in path["tls"]["certificate"]["issuer"], path


def test_lab_certificate_without_the_lab_ca_is_untrusted(lab, plprobe):
    address = plan.GOOD_ADDRESSES[0]
    run = plprobe.run([lab.good_url, "--dns-server", lab.resolver.address])

    expect.path_failure(run, "tls.untrusted", address)


def test_expired_certificate(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["expired"]
    run = _probe(lab, plprobe, "expired")

    path = expect.path_failure(run, "tls.expired", address)
    not_after = _time(path["tls"]["certificate"]["not_after"])
    assert not_after < datetime.datetime.now(datetime.timezone.utc), path
    assert not_after.date().isoformat() in run.target["failures"][0]["message"], run


def test_certificate_not_yet_valid(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["not-yet-valid"]
    run = _probe(lab, plprobe, "not-yet-valid")

    path = expect.path_failure(run, "tls.not_yet_valid", address)
    not_before = _time(path["tls"]["certificate"]["not_before"])
    assert not_before > datetime.datetime.now(datetime.timezone.utc), path
    assert not_before.date().isoformat() in run.target["failures"][0]["message"], run


@pytest.mark.parametrize("scenario", ["plain-http", "tls10-only"])
def test_peer_without_a_shared_tls_version_is_tls_protocol(lab, plprobe, scenario):
    run = _probe(lab, plprobe, scenario)

    path = expect.path_failure(run, "tls.protocol", plan.SCENARIO_ADDRESSES[scenario])
    assert path["http"]["status"] is None, path


def test_client_certificate_demand_is_tls_handshake_with_the_alert(lab, plprobe):
    run = _probe(lab, plprobe, "client-cert")

    expect.path_failure(run, "tls.handshake", plan.SCENARIO_ADDRESSES["client-cert"], ["handshake failure"])


def test_silent_peer_is_tls_timeout_within_the_limit(lab, plprobe):
    run = _probe(lab, plprobe, "tls-stall", "--timeout", "1s")

    path = expect.path_failure(run, "tls.timeout", plan.SCENARIO_ADDRESSES["tls-stall"])
    assert path["timings_ms"]["connect"] is not None, path
    assert run.seconds < TIMEOUT + MARGIN, run
