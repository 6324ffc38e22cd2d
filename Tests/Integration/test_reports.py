"""Several reports from one run, and a run over several targets."""

import json
import xml.etree.ElementTree as ET

from faultlab import expect, plan


def test_json_to_standard_output_equals_the_file(lab, plprobe):
    run = plprobe.run([lab.url("status-503"), *lab.options(), "--report", "json:-"])

    expect.path_failure(run, "http.status", plan.SCENARIO_ADDRESSES["status-503"])
    assert json.loads(run.stdout) == run.report


def test_text_report_names_every_code_and_hint_of_several_targets(lab, plprobe):
    urls = [lab.good_url, lab.url("closed-port"), lab.url_for_host(plan.MISSING_HOST), lab.url("expired")]
    run = plprobe.run([*urls, *lab.options()], text_report=True)

    assert run.exit_code == 1, run
    summary = run.report["summary"]
    assert (summary["targets"], summary["passed"], summary["failed"]) == (4, 1, 3), run
    assert [t["verdict"] for t in run.report["targets"]] == ["pass", "fail", "fail", "fail"], run
    codes = [f["code"] for t in run.report["targets"] for f in t["failures"]]
    assert codes == ["tcp.refused", "dns.nxdomain", "tls.expired"], run
    text = run.files["text"].read_text()
    for failure in (f for t in run.report["targets"] for f in t["failures"]):
        assert failure["code"] in text, text
        assert failure["hint"] in " ".join(text.split()), f"hint of {failure['code']} missing:\n{text}"
    suites = run.junit.findall("testsuite")
    assert len(suites) == 4, ET.tostring(run.junit, encoding="unicode")
    assert [int(s.get("failures")) for s in suites] == [0, 1, 1, 1], ET.tostring(run.junit, encoding="unicode")
