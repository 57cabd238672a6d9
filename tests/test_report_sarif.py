"""The SARIF reporter, checked against the official SARIF 2.1.0 schema with real findings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.api import lint_paths, lint_text
from factlint.cli import main
from factlint.read import decode
from factlint.report import REPORTERS, RunReport
from factlint.report.sarif import render_sarif

jsonschema = pytest.importorskip("jsonschema")

# shared/ sits beside the checkout (as in CI); FACTLINT_SARIF_SCHEMA overrides.
SCHEMA_PATH = Path(os.environ.get("FACTLINT_SARIF_SCHEMA") or Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json")
ROOT = Path(__file__).resolve().parents[1]
TEXT = "Ketamine cures chronic pain.\nKetamine is non-addictive, 100% safe.\n"


@pytest.fixture(scope="module")
def validator():
    """A validator for the official schema; in CI a missing schema is a failure, not a skip."""
    if not SCHEMA_PATH.is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"SARIF schema not found at {SCHEMA_PATH}")
        pytest.skip(f"SARIF schema not found at {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _report(text: str, path: str = "page.md") -> RunReport:
    return RunReport(tuple(lint_text(text, path)), (), 1, {path: text})


def _validate(validator, sarif: str) -> dict:
    log = json.loads(sarif)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return log


def test_registered():
    assert REPORTERS["sarif"] is render_sarif


def test_valid_and_matches_findings(validator):
    report = _report(TEXT)
    assert len(report.findings) >= 2
    log = _validate(validator, render_sarif(report))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    from factlint import __version__
    assert driver["name"] == "factlint" and driver["version"] == __version__
    assert "informationUri" not in driver
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == sorted({f.rule for f in report.findings})
    assert len(run["results"]) == len(report.findings)
    for f, res in zip(report.findings, run["results"], strict=True):
        assert res["ruleId"] == f.rule
        assert rule_ids[res["ruleIndex"]] == f.rule
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        assert res["message"]["text"].startswith(f.message)
        assert f.suggestion in res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "page.md"
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f.line, f.column, f.end_line, f.end_column)
        assert region["snippet"]["text"] == f.text
        assert res["partialFingerprints"] == {"factlint/v1": f.fingerprint}
        assert res["properties"]["category"] == f.category
        assert res["properties"]["suggestion"] == f.suggestion
        assert len(res["properties"]["evidence"]) == len(f.evidence)
        assert "fixes" not in res
    # Columns are code points: the snippet is exactly the text between the region's columns.
    for f in report.findings:
        line = TEXT.splitlines()[f.line - 1]
        assert line[f.column - 1:f.end_column - 1] == f.text


def test_rule_descriptor():
    report = _report(TEXT)
    rules = {r["id"]: r for r in json.loads(render_sarif(report))["runs"][0]["tool"]["driver"]["rules"]}
    f = next(f for f in report.findings if f.rule == "ketamine.cure")
    rule = rules["ketamine.cure"]
    assert rule["name"] == "cure"
    assert rule["fullDescription"]["text"] == f.message
    assert f.message.startswith(rule["shortDescription"]["text"])
    assert rule["defaultConfiguration"]["level"] == "error"
    assert rule["properties"] == {"category": "cure", "tags": ["cure"]}
    e = f.evidence[0]
    assert f"{e.source}:{e.line} \u201c{e.quote}\u201d" in rule["help"]["text"]
    assert f"Safer wording: {f.suggestion}" in rule["help"]["text"]


def test_deterministic():
    report = _report(TEXT)
    assert render_sarif(report) == render_sarif(_report(TEXT))
    # ensure_ascii=False: evidence quotes stay readable instead of \uXXXX escapes.
    assert "\u201c" in render_sarif(report)


def test_fingerprint_stable_when_shifted(validator):
    before = json.loads(render_sarif(_report(TEXT)))["runs"][0]["results"]
    after = json.loads(render_sarif(_report("\n\n\n\n" + TEXT)))["runs"][0]["results"]
    assert len(before) == len(after)
    for a, b in zip(before, after, strict=True):
        assert a["partialFingerprints"] == b["partialFingerprints"]
        line_a = a["locations"][0]["physicalLocation"]["region"]["startLine"]
        line_b = b["locations"][0]["physicalLocation"]["region"]["startLine"]
        assert line_b != line_a


def test_empty_report_is_valid(validator):
    log = _validate(validator, render_sarif(RunReport((), (), 1, {})))
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_odd_paths_are_valid_uris(validator):
    report = _report(TEXT, "my docs/100% sure:a,b.md")
    log = _validate(validator, render_sarif(report))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20docs/100%25%20sure%3Aa,b.md"


@pytest.mark.parametrize("folder", ["pages", "drafts"])
def test_fixture_folders_are_valid(validator, folder):
    root = ROOT / "fixtures" / folder
    files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
    if not files:
        pytest.skip(f"no files in fixtures/{folder}")
    result = lint_paths([str(p) for p in files])
    sources = {f.path: decode(Path(f.path).read_bytes())[0] for f in result.findings}
    report = RunReport(tuple(result.findings), tuple(result.errors), result.files, sources)
    log = _validate(validator, render_sarif(report))
    assert len(log["runs"][0]["results"]) == len(result.findings)


def test_cli_sarif(validator, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(page)])
    assert result.exit_code == 1, result.output
    log = _validate(validator, result.stdout)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"ketamine.cure"}
