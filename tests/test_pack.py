"""The rule pack: evidence verified, examples behave, errors point at file:line, engine is neutral."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.api import lint_paths, lint_text
from factlint.cli import main
from factlint.pack.load import load_pack
from factlint.pack.yamlio import RuleError

ROOT = Path(__file__).resolve().parent.parent
GLIMMEROL = ROOT / "fixtures" / "packs" / "glimmerol"


def test_rules_verify_passes():
    r = CliRunner().invoke(main, ["rules", "verify"])
    assert r.exit_code == 0, r.output


def test_rules_test_passes():
    r = CliRunner().invoke(main, ["rules", "test"])
    assert r.exit_code == 0, r.output
    assert ", 0 failed" in r.output


def test_every_overclaim_rule_has_five_flag_and_five_pass_examples(packs):
    for claim in packs[0].claims.values():
        if claim.status == "overclaim":
            assert len(claim.flag_examples) >= 5 and len(claim.pass_examples) >= 5, claim.id


def test_verify_reports_a_wrong_line_and_a_missing_quote(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    claims = pack / "claims" / "claims.yaml"
    claims.write_text(claims.read_text().replace("line: 4", "line: 5"), encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "verify", "--rules", str(pack)])
    assert r.exit_code == 1
    assert "claims.yaml:2: glimmerol.short-relief: quote is on line 4 of leaflet, not line 5" in r.output
    claims.write_text(claims.read_text().replace(
        "Most people notice less itching for two or three days after each application.",
        "Glimmerol cures every rash on the very first day."), encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "verify", "--rules", str(pack)])
    assert "quote not found in leaflet" in r.output


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("status: overclaim", "status: overclaimed", 13, "status must be established, overclaim or neutral"),
        ("contradicts: [short-relief]", "contradicts: [nothing-here]", 12, "contradicts names unknown claim"),
        ("    category: durable-relief", "    category: durable-relief\n    colour: red", 15, "unknown key 'colour'"),
        ('"permanent (relief|cure)"', '"permanent (relief|cure"', 22, "bad pattern: missing ')'"),
        ("  - id: permanent-relief", "  - id: short-relief", 12, "duplicate claim id"),
        ("claims:\n", "claims:\n  - [", 2, "invalid YAML"),
    ],
)
def test_rule_errors_name_file_and_line(tmp_path, old, new, line, message):
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    claims = pack / "claims" / "claims.yaml"
    text = claims.read_text()
    assert old in text
    claims.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_pack(pack)
    assert str(err.value).startswith(f"{claims}:")
    assert message in str(err.value)
    r = CliRunner().invoke(main, ["check", "--rules", str(pack), str(GLIMMEROL / "sources" / "leaflet.txt")])
    assert r.exit_code == 2 and "Traceback" not in r.output and message in r.output


def test_engine_is_domain_neutral():
    pack = load_pack(GLIMMEROL)
    found = lint_text("Glimmerol ends itching for good.\n\nKetamine cures CRPS.\n", "a.md", packs=(pack,))
    assert [(f.rule, f.line) for f in found] == [("glimmerol.permanent-relief", 1)]
    assert found[0].evidence[0].source == "leaflet"


def test_sources_check(packs):
    """The before-stop view: what factlint says about the five real sources."""
    result = lint_paths([str(p) for p in sorted((ROOT / "rules" / "ketamine" / "sources").glob("*.txt"))])
    by = {(Path(f.path).name[:3], f.line, f.category) for f in result.findings}
    assert ("004", 31, "regulatory-status") in by  # approved as an analgesic and antidepressant spray
    assert ("002", 40, "no-addiction-risk") in by  # "without the same risk of ... addiction"
    assert not any(f.line in (7, 9) and Path(f.path).name.startswith("003") and f.category != "inconsistency"
                   for f in result.findings)  # "not a cure", "lasting ... for as long as 3 weeks"
    for f in result.findings:
        assert f.evidence, f
