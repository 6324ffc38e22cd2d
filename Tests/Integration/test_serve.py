"""`plprobe serve` as Prometheus users run it: a real Prometheus scrapes
/metrics and the /probe multi-target pattern, and reads the results back
through its query API; promtool lints the exposition; SIGHUP and SIGTERM
behave as documented."""

from __future__ import annotations

import json
import signal
import subprocess

import pytest

from faultlab import monitoring, plan

FAILING = "wrong-name"


def probe_file(lab, targets: dict[str, str], interval: str = "1s") -> str:
    """A probe file (JSON is valid YAML) with the lab's resolver and CA."""
    return json.dumps({
        "defaults": {"dns_servers": [lab.resolver.address], "ca_file": str(lab.pki.ca),
                     "interval": interval, "timeout": "2s"},
        "targets": [{"name": name, "url": url} for name, url in targets.items()],
    }, indent=1)


@pytest.fixture(scope="module")
def served(lab, plprobe, tmp_path_factory):
    directory = tmp_path_factory.mktemp("serve")
    config = directory / "probes.yaml"
    config.write_text(probe_file(lab, {"good": lab.good_url, FAILING: lab.url(FAILING)}))
    # The command line's resolver and CA are the defaults /probe uses for a bare URL.
    serve = monitoring.start_serve(plprobe.binary, directory, ["--config", str(config), *lab.options()])
    yield serve
    serve.stop()


@pytest.fixture(scope="module")
def prometheus(served, lab, tmp_path_factory):
    address = f"127.0.0.1:{served.port}"
    server = monitoring.start_prometheus(tmp_path_factory.mktemp("prometheus"), [
        {"job_name": "plprobe", "static_configs": [{"targets": [address]}]},
        # blackbox_exporter's multi-target pattern, unchanged but for the exporter's address.
        {"job_name": "plprobe-probe", "metrics_path": "/probe", "params": {"module": ["http_2xx"]},
         "static_configs": [{"targets": [lab.good_url]}],
         "relabel_configs": [
             {"source_labels": ["__address__"], "target_label": "__param_target"},
             {"source_labels": ["__param_target"], "target_label": "instance"},
             {"target_label": "__address__", "replacement": address},
         ]},
    ])
    yield server
    server.stop()


def values(prometheus, expression: str) -> dict[str, float]:
    """The query's samples keyed by their `target` (else `instance`) label."""
    return {sample["metric"].get("target", sample["metric"].get("instance")): float(sample["value"][1])
            for sample in prometheus.query(expression)}


def test_prometheus_reads_success_of_passing_and_failing_targets(prometheus):
    success = monitoring.poll(
        lambda: (found := values(prometheus, 'plprobe_target_success{job="plprobe"}')) and len(found) == 2 and found,
        "both targets' plprobe_target_success in Prometheus", describe=prometheus.targets)
    assert success == {"good": 1.0, FAILING: 0.0}

    codes = {sample["metric"]["code"] for sample in prometheus.query(f'plprobe_target_failure_info{{target="{FAILING}"}}')}
    assert codes == {"tls.name_mismatch"}
    matched = values(prometheus, 'plprobe_dns_answers_match{job="plprobe"}')
    assert matched == {"good": 1.0, FAILING: 1.0}


def test_prometheus_reads_phase_durations_per_address(prometheus):
    samples = monitoring.poll(
        lambda: prometheus.query('plprobe_phase_duration_seconds{job="plprobe",target="good",phase="tls"}'),
        "the good target's TLS phase duration", describe=prometheus.targets)
    assert sorted(sample["metric"]["address"] for sample in samples) == plan.GOOD_ADDRESSES
    assert all(0 < float(sample["value"][1]) < 2 for sample in samples), samples


def test_prometheus_multi_target_pattern(prometheus, lab):
    success = monitoring.poll(
        lambda: values(prometheus, 'plprobe_target_success{job="plprobe-probe"}'),
        "plprobe_target_success scraped through /probe", describe=prometheus.targets)
    assert success == {plan.GOOD_HOST: 1.0}
    instances = {sample["metric"]["instance"] for sample in prometheus.query('up{job="plprobe-probe"}')}
    assert instances == {lab.good_url}


def test_promtool_accepts_the_exposition(served):
    monitoring.poll(lambda: served.metric_lines('plprobe_target_success{target="good"}'), "a first result")
    status, headers, body = served.get("/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain; version=0.0.4"), headers
    checked = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr


def test_openmetrics_on_request(served):
    status, headers, body = served.get("/metrics", {"Accept": "application/openmetrics-text;version=1.0.0"})
    assert status == 200 and headers["content-type"].startswith("application/openmetrics-text; version=1.0.0"), headers
    assert body.endswith("# EOF\n")
    assert "# TYPE plprobe_probe_attempts counter" in body


def test_probe_endpoint(served, lab):
    status, _, body = served.get("/probe?target=good")
    assert status == 200 and 'plprobe_target_success{target="good"} 1' in body, body
    status, _, body = served.get("/probe?target=" + lab.url(FAILING))
    assert status == 200 and f'code="tls.name_mismatch"' in body, body
    status, _, body = served.get("/probe")
    assert status == 400 and "'target' is missing" in body, body


def test_state_changes_are_logged_with_code_and_hint(served):
    log = monitoring.poll(lambda: (text := served.log()) and "target failing" in text and "target passing" in text and text,
                          "state changes in the log", describe=served.log)
    failing = next(line for line in log.splitlines() if "target failing" in line)
    assert f"target={FAILING}" in failing and "code=tls.name_mismatch" in failing and "hint=" in failing, failing


def test_reload_rejects_an_invalid_file_and_applies_a_valid_one(lab, plprobe, tmp_path):
    config = tmp_path / "probes.yaml"
    config.write_text(probe_file(lab, {"good": lab.good_url}))
    serve = monitoring.start_serve(plprobe.binary, tmp_path, ["--config", str(config)])
    try:
        monitoring.poll(lambda: serve.metric_lines('plprobe_target_success{target="good"} 1'), "the first result")

        config.write_text('targets:\n  - url: https://x.example/\n    timeout: soon\n')
        serve.signal(signal.SIGHUP)
        monitoring.poll(lambda: serve.metric_lines("plprobe_config_last_reload_successful 0"), "the rejected reload",
                        describe=serve.log)
        assert serve.metric_lines("plprobe_targets ") == ["plprobe_targets 1"]
        assert serve.metric_lines('plprobe_target_success{target="good"} 1'), "the old configuration stays in force"
        rejected = next(line for line in serve.log().splitlines() if "reload failed" in line)
        assert "keeping the previous configuration" in rejected and "probes.yaml:3: targets[0].timeout" in rejected, rejected

        config.write_text(probe_file(lab, {"renamed": lab.good_url, FAILING: lab.url(FAILING)}))
        serve.signal(signal.SIGHUP)
        monitoring.poll(lambda: serve.metric_lines("plprobe_config_last_reload_successful 1"), "the accepted reload")
        monitoring.poll(lambda: len(serve.metric_lines("plprobe_target_success{")) == 2 and True, "results of the new targets",
                        describe=lambda: "\n".join(serve.metric_lines("plprobe_target")))
        assert sorted(serve.metric_lines("plprobe_target_success{")) == [
            'plprobe_target_success{target="renamed"} 1', f'plprobe_target_success{{target="{FAILING}"}} 0']
    finally:
        serve.stop()


def test_sigterm_drains_and_exits_promptly(lab, plprobe, tmp_path):
    config = tmp_path / "probes.yaml"
    config.write_text(probe_file(lab, {"good": lab.good_url, "stall": lab.url("tls-stall")}))
    serve = monitoring.start_serve(plprobe.binary, tmp_path, ["--config", str(config)])
    try:
        monitoring.poll(lambda: serve.metric_lines('plprobe_target_success{target="good"} 1'), "the first result")
        status, _ = monitoring.stop_within(serve, signal.SIGTERM, 5.0)
        assert status == 0, serve.log()[-3000:]
        assert "draining probes in flight before exit" in serve.log()
    finally:
        serve.stop()


@pytest.mark.parametrize("count", [2, 3, 5])
def test_check_shards_cover_every_target_once(lab, plprobe, count):
    urls = [lab.good_url] + [lab.url(name) for name in ("wrong-body", "status-503", "closed-port", "expired", "wrong-name")]
    names = []
    for index in range(count):
        run = plprobe.run([*urls, *lab.options(), "--shard", f"{index}/{count}"])
        names += [target["name"] for target in run.report["targets"]]
    assert sorted(names) == sorted(url.split("//")[1].split(":")[0] for url in urls)


def test_check_writes_openmetrics_for_the_textfile_collector(lab, plprobe, tmp_path):
    report = tmp_path / "plprobe.prom"
    run = plprobe.run([lab.good_url, lab.url(FAILING), *lab.options(), "--report", f"openmetrics:{report}"])
    assert run.exit_code == 1, run
    text = report.read_text()
    assert 'plprobe_target_success{target="privatelink.test.cloud5.jp"} 1' in text
    assert f'plprobe_target_failure_info{{target="{FAILING}.lab.test",code="tls.name_mismatch"}} 1' in text
    checked = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr
