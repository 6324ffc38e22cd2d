"""What every failing run must show, whatever the fault: exit status 1, the
code with its facts and hint in the JSON report, and the same failure on the
right JUnit testcase with the checks after it skipped."""

from __future__ import annotations

from .runner import Run

PHASES = ["dns", "tcp", "tls", "http"]


def failure(run: Run, code: str, facts: list[str] = (), address: str | None = None) -> dict:
    """Asserts the run failed with `code` (on `address` for path failures)
    and returns that failure from the JSON report."""
    assert run.exit_code == 1, f"exit {run.exit_code}, expected 1\n{run}"
    target = run.target
    assert target["verdict"] == "fail", run
    assert run.report["summary"]["failed"] == 1 and run.report["summary"]["passed"] == 0, run
    matching = [f for f in target["failures"]
                if f["code"] == code and (address is None or f.get("address") == address)]
    assert matching, f"no {code} failure{' on ' + address if address else ''}; codes seen: {run.codes()}\n{run}"
    found = matching[0]
    for fact in facts:
        assert fact in found["message"], f"message lacks {fact!r}: {found['message']!r}"
    assert found["hint"].strip(), f"{code} has no hint"
    _junit_failure(run, code, found, address)
    return found


def path_failure(run: Run, code: str, address: str, facts: list[str] = ()) -> dict:
    """A failure of one path: also recorded on that path, and the path's later
    checks are skipped in JUnit. Returns the path from the JSON report."""
    found = failure(run, code, [address, *facts], address)
    path = run.path(address)
    assert path is not None, f"no path for {address}\n{run}"
    assert path["verdict"] == "fail", path
    assert path["failure"]["code"] == code, path
    assert path["failure"]["message"] == found["message"], path
    assert path["failure"]["hint"].strip(), path
    return path


def _junit_failure(run: Run, code: str, found: dict, address: str | None) -> None:
    phase = code.split(".")[0]
    name = "dns" if phase == "dns" else f"{phase} {address}"
    cases = run.testcases()
    assert name in cases, f"no JUnit testcase {name!r}; have {sorted(cases)}"
    failures = cases[name].findall("failure")
    assert [f.get("type") for f in failures] == [code], f"testcase {name!r} failures: {[f.get('type') for f in failures]}"
    assert found["hint"] in (failures[0].text or ""), f"hint missing from the JUnit failure of {name!r}"
    if address is not None:
        for later in PHASES[PHASES.index(phase) + 1:]:
            case = cases.get(f"{later} {address}")
            assert case is not None, f"no JUnit testcase '{later} {address}'; have {sorted(cases)}"
            assert case.find("skipped") is not None, f"'{later} {address}' is not skipped after {code}"


def passed(run: Run, addresses: list[str], tls: bool = True) -> dict:
    """Asserts the run passed with a path for each of `addresses`, and that
    JUnit shows every check of every path (no TLS check for http:// URLs)
    without failure or skip."""
    assert run.exit_code == 0, f"exit {run.exit_code}, expected 0\n{run}"
    target = run.target
    assert target["verdict"] == "pass" and target["failures"] == [], run
    assert sorted(p["address"] for p in target["paths"]) == sorted(addresses), run
    assert all(p["verdict"] == "pass" for p in target["paths"]), run
    cases = run.testcases()
    phases = [phase for phase in PHASES[1:] if tls or phase != "tls"]
    expected = ["dns"] + [f"{phase} {a}" for a in addresses for phase in phases]
    for name in expected:
        assert name in cases, f"no JUnit testcase {name!r}; have {sorted(cases)}"
        verdicts = [c.tag for c in cases[name] if c.tag in ("failure", "error", "skipped")]
        assert not verdicts, f"testcase {name!r} is not a pass: {verdicts}"
    if not tls:
        assert not any(name.startswith("tls ") for name in cases), f"TLS checked for http://: {sorted(cases)}"
    return target
