"""HTTP faults behind working TLS: nginx returns, nginx proxying to a silent
backend, a 20 GB file, and raw bytes from socat passed through haproxy."""

import pytest

from faultlab import expect, plan

TIMEOUT = 1.0
MARGIN = 1.5


def _probe(lab, plprobe, scenario, *extra):
    return plprobe.run([lab.url(scenario), *lab.options(), *extra])


def test_unaccepted_status(lab, plprobe):
    run = _probe(lab, plprobe, "status-503")

    path = expect.path_failure(run, "http.status", plan.SCENARIO_ADDRESSES["status-503"], ["503", "2xx"])
    assert path["http"]["status"] == 503, path
    assert path["tls"]["version"] == "TLSv1.3", path


def test_accepted_status_and_body_pass(lab, plprobe):
    run = _probe(lab, plprobe, "status-503", "--expect-status", "503", "--expect-body", "maintenance")

    target = expect.passed(run, [plan.SCENARIO_ADDRESSES["status-503"]])
    assert target["paths"][0]["http"]["status"] == 503, run


def test_body_without_the_expected_text(lab, plprobe):
    run = _probe(lab, plprobe, "wrong-body")

    path = expect.path_failure(run, "http.body_mismatch", plan.SCENARIO_ADDRESSES["wrong-body"],
                               ["This is test server"])
    assert path["http"]["status"] == 200 and path["http"]["body_matched"] is False, path
    assert path["http"]["server"].startswith("nginx"), path


def test_silent_backend_is_http_timeout_within_the_limit(lab, plprobe):
    run = _probe(lab, plprobe, "stalled-backend", "--timeout", "1s")

    path = expect.path_failure(run, "http.timeout", plan.SCENARIO_ADDRESSES["stalled-backend"])
    assert path["tls"] is not None, path
    assert run.seconds < TIMEOUT + MARGIN, run


@pytest.mark.parametrize("scenario", ["endless-body", "endless-headers", "garbage"])
def test_response_plprobe_cannot_accept_is_http_malformed(lab, plprobe, scenario):
    run = _probe(lab, plprobe, scenario, "--timeout", "5s")

    expect.path_failure(run, "http.malformed", plan.SCENARIO_ADDRESSES[scenario])
    assert run.seconds < 5, "a limit was not enforced: the run went on until the timeout"
