"""Retries against a name that appears while plprobe is retrying, the way a
new endpoint's private DNS name appears some time after deployment."""

import threading

from faultlab import expect, plan

APPEARS_AFTER = 2.0


def test_name_that_appears_later_passes_after_retries(lab, plprobe):
    url = lab.url_for_host(plan.LATE_HOST)
    publisher = threading.Timer(APPEARS_AFTER, lab.resolver.publish, (plan.LATE_HOST, plan.LATE_ADDRESS))
    publisher.start()
    try:
        run = plprobe.run([url, *lab.options(), "--retry-for", "20s", "--retry-interval", "500ms"])
    finally:
        publisher.cancel()
        publisher.join()
        lab.resolver.withdraw(plan.LATE_HOST)

    target = expect.passed(run, [plan.LATE_ADDRESS])
    assert target["attempts"] > 1, run
    history = target["attempt_history"]
    assert len(history) == target["attempts"] - 1, run
    assert all(attempt["codes"] == ["dns.nxdomain"] for attempt in history), run
    assert [attempt["attempt"] for attempt in history] == list(range(1, target["attempts"])), run


def test_retrying_a_name_that_never_appears_ends_and_keeps_the_history(lab, plprobe):
    run = plprobe.run([lab.url_for_host(plan.MISSING_HOST), *lab.options(),
                       "--retry-for", "2s", "--retry-interval", "250ms"])

    expect.failure(run, "dns.nxdomain", [plan.MISSING_HOST])
    target = run.target
    assert target["attempts"] >= 2, run
    assert len(target["attempt_history"]) == target["attempts"], run
    assert run.seconds < 2 + 5 + 1.5, "retrying did not stop when --retry-for ran out"
