"""Runs `plprobe diagnose` the way a support person or a script does, with
the JSON, Markdown and text reports written, the JSON checked against the
published report schema."""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from .runner import PLProbe

RUN_TIMEOUT = 90.0
SCHEMA = Path(__file__).resolve().parents[3] / "reports" / "plprobe-diagnosis.schema.json"


@dataclass
class Diagnosis:
    argv: list[str]
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    report: dict
    markdown: str | None
    text: str

    def __str__(self) -> str:
        return (f"$ {' '.join(self.argv)}\nexit {self.exit_code} after {self.seconds:.2f}s\n"
                f"--- text ---\n{self.text[-4000:]}\n--- stderr ---\n{self.stderr[-2000:]}")

    @property
    def diagnosis(self) -> dict:
        return self.report["diagnosis"]

    @property
    def cause(self) -> str:
        return self.diagnosis["cause"]

    @property
    def observations(self) -> dict:
        return self.report["observations"]

    def evidence_mentions(self, *words: str) -> bool:
        return any(all(word in line for word in words) for line in self.diagnosis["evidence"])


def run(plprobe: PLProbe, command: list[str], wrap=None, formats=("json", "markdown", "text")) -> Diagnosis:
    """Runs `plprobe COMMAND...` (diagnose, or lab --diagnose) with each
    diagnosis report of `formats` written to a file."""
    directory = plprobe.workdir / f"diagnose-{next(plprobe._numbers)}"
    directory.mkdir(parents=True)
    files = {kind: directory / f"diagnosis.{kind}" for kind in formats}
    argv = [str(plprobe.binary), *command]
    for kind, path in files.items():
        argv += ["--report", f"{kind}:{path}"]
    full = wrap(argv) if wrap else argv
    started = time.monotonic()
    done = subprocess.run(full, capture_output=True, text=True, timeout=RUN_TIMEOUT, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    context = f"$ {' '.join(full)}\nexit {done.returncode}\n--- stderr ---\n{done.stderr[-3000:]}"
    assert files["json"].exists(), f"no JSON diagnosis written\n{context}"
    report = json.loads(files["json"].read_text())
    plprobe.validate_json(report, context)
    _validate_diagnosis(report, context)
    return Diagnosis(full, done.returncode, done.stdout, done.stderr, seconds, report,
                     files["markdown"].read_text() if "markdown" in files else None, files["text"].read_text())


def _validate_diagnosis(report: dict, context: str) -> None:
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(report)]
    assert not errors, f"diagnosis does not match {SCHEMA.name}:\n" + "\n".join(errors) + "\n" + context


def expect_cause(result: Diagnosis, cause: str, confidence: str | None = None) -> dict:
    """Asserts the diagnosis names `cause` first, consistently in every
    format, with evidence and next steps, and the exit status that goes with it."""
    diagnosis = result.diagnosis
    assert diagnosis["cause"] == cause, f"diagnosed {diagnosis['cause']}, expected {cause}\n{result}"
    if confidence is not None:
        assert diagnosis["confidence"] == confidence, result
    assert diagnosis["evidence"] and diagnosis["next_steps"], result
    assert cause not in [r["cause"] for r in diagnosis["ruled_out"]], result
    assert result.exit_code == (0 if cause == "healthy" else 1), result
    assert f"DIAGNOSIS  {cause}" in result.text, result
    if result.markdown is not None:
        assert f"`{cause}`" in result.markdown.splitlines()[0], result.markdown[:500]
    return diagnosis
