"""Runs the plprobe binary the way users' automation does, and checks every
report it writes against the published schemas before a test looks at it."""

from __future__ import annotations

import itertools
import json
import subprocess
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

RUN_TIMEOUT = 60.0


@dataclass
class Run:
    argv: list[str]
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    report: dict
    junit: ET.Element
    files: dict[str, Path] = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"$ {' '.join(self.argv)}\nexit {self.exit_code} after {self.seconds:.2f}s\n"
                f"--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}\n"
                f"--- json ---\n{json.dumps(self.report, indent=1)[-6000:]}")

    @property
    def target(self) -> dict:
        targets = self.report["targets"]
        assert len(targets) == 1, self
        return targets[0]

    def codes(self) -> list[str]:
        return [failure["code"] for failure in self.target["failures"]]

    def path(self, address: str) -> dict | None:
        return next((p for p in self.target["paths"] if p["address"] == address), None)

    def testcases(self) -> dict[str, ET.Element]:
        return {case.get("name"): case for case in self.junit.iter("testcase")}


class PLProbe:
    def __init__(self, binary: Path, schema: Path, xsd: Path, workdir: Path):
        self.binary = binary
        self.schema = schema
        self.xsd = xsd
        self.workdir = workdir
        self._numbers = itertools.count(1)

    def run(self, args: list[str], wrap=None, text_report: bool = False) -> Run:
        """Runs `plprobe check ARGS` with a JSON and a JUnit report (and, when
        asked, a text report) written to files, all of them validated."""
        directory = self.workdir / f"run-{next(self._numbers)}"
        directory.mkdir(parents=True)
        files = {"json": directory / "report.json", "junit": directory / "report.junit.xml"}
        if text_report:
            files["text"] = directory / "report.txt"
        argv = [str(self.binary), "check", *args]
        argv += list(itertools.chain.from_iterable(("--report", f"{kind}:{path}") for kind, path in files.items()))
        command = wrap(argv) if wrap else argv
        started = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                              stdin=subprocess.DEVNULL)
        seconds = time.monotonic() - started
        context = (f"$ {' '.join(command)}\nexit {done.returncode}\n--- stdout ---\n{done.stdout[-3000:]}\n"
                   f"--- stderr ---\n{done.stderr[-3000:]}")
        assert files["json"].exists(), f"no JSON report written\n{context}"
        report = json.loads(files["json"].read_text())
        self.validate_json(report, context)
        junit = self.validate_junit(files["junit"], context)
        return Run(command, done.returncode, done.stdout, done.stderr, seconds, report, junit, files)

    def validate_json(self, report: dict, context: str) -> None:
        assert self.schema.exists(), f"the JSON schema {self.schema} is missing"
        schema = json.loads(self.schema.read_text())
        validator = jsonschema.validators.validator_for(schema)(schema)
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(report)]
        assert not errors, "JSON report does not match the schema:\n" + "\n".join(errors) + "\n" + context

    def validate_junit(self, path: Path, context: str) -> ET.Element:
        assert path.exists(), f"no JUnit report written\n{context}"
        checked = subprocess.run(["xmllint", "--noout", "--schema", str(self.xsd), str(path)],
                                 capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, f"JUnit report does not match {self.xsd}:\n{checked.stderr}\n{context}"
        return ET.parse(path).getroot()
