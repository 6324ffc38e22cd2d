"""TCP faults: a closed loopback port, and inside a network namespace a
black hole and an unreachable route."""

from faultlab import expect, plan

TIMEOUT = 1.0
MARGIN = 1.5


def test_closed_port_is_tcp_refused(lab, plprobe):
    address = plan.SCENARIO_ADDRESSES["closed-port"]
    run = plprobe.run([lab.url("closed-port"), *lab.options()])

    path = expect.path_failure(run, "tcp.refused", address, [str(lab.web.port)])
    assert path["tls"] is None and path["http"]["status"] is None, path


def test_black_hole_is_tcp_timeout_within_the_limit(lab, plprobe):
    run = plprobe.run([f"https://{plan.NETNS_BLACKHOLE}/", "--timeout", "1s"], wrap=lab.namespace.wrap)

    path = expect.path_failure(run, "tcp.timeout", plan.NETNS_BLACKHOLE, ["443"])
    assert run.seconds < TIMEOUT + MARGIN, run
    assert path["timings_ms"]["tls"] is None, path


def test_unreachable_route_is_tcp_unreachable(lab, plprobe):
    run = plprobe.run([f"https://{plan.NETNS_UNREACHABLE}/", "--timeout", "5s"], wrap=lab.namespace.wrap)

    expect.path_failure(run, "tcp.unreachable", plan.NETNS_UNREACHABLE)
    assert run.seconds < 5, "an unreachable route must fail at once, not at the timeout"
