"""sources audit, rules scaffold and eval: the maintainer's commands, on the real pack and sources."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "rules" / "ketamine" / "sources"


def test_sources_audit_prints_both_sides_of_each_disagreement():
    r = CliRunner().invoke(main, ["sources", "audit", "--format", "json"])
    assert r.exit_code == 0, r.output
    items = json.loads(r.output)["disagreements"]
    pairs = {(d["source"][:3], d["line"], d["contradicts"]) for d in items}
    # A clinic page saying ketamine lacks the addiction risk of opioids, against the physician's
    # article on psychological dependency.
    assert ("002", 40, "ketamine.addiction-risk") in pairs
    no_risk = next(d for d in items if d["source"].startswith("002") and d["line"] == 40)
    assert {"source": "000_0d2af4537ad62150", "line": 9,
            "quote": "The primary issue is that it creates psychological dependency."} in no_risk["evidence"]
    # A page calling ketamine approved as an analgesic, against the one saying pain use is off-label.
    assert ("004", 31, "ketamine.off-label") in pairs
    analgesic = next(d for d in items if d["source"].startswith("004") and d["line"] == 31)
    assert ("001_ab8316dc7d04b6bd", 150) in {(e["source"], e["line"]) for e in analgesic["evidence"]}
    # The honest, self-limiting sentences of 003 are not disagreements.
    assert not any(d["source"].startswith("003") for d in items)


def test_sources_audit_text_names_files_and_lines():
    r = CliRunner().invoke(main, ["sources", "audit"])
    assert "sources/002_0d456dc58c86099f.txt:40: clinic marketing, trust low" in r.output
    assert "sources/000_0d2af4537ad62150.txt:9: physician education, trust high" in r.output


def test_scaffold_writes_a_draft_pack_that_verifies(tmp_path):
    src = tmp_path / "leaflet.txt"
    src.write_text(
        "Zapotril leaflet\n\nZapotril eases joint pain for about two days after each dose.\n"
        "It is not approved by the FDA for children under twelve.\n"
        "Some patients develop a rash, and there is a small risk of dependence.\n"
        "In one study, 40% of patients reported less pain.\n",
        encoding="utf-8",
    )
    out = tmp_path / "zapotril"
    r = CliRunner().invoke(main, ["rules", "scaffold", str(src), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "Wrote 4 candidate claims" in r.output
    draft = (out / "claims" / "draft.yaml").read_text()
    for family, line in (("duration", 3), ("approval", 4), ("risk", 5), ("efficacy", 6)):
        assert f"id: {family}-1" in draft
        assert f"line: {line}" in draft
    r = CliRunner().invoke(main, ["rules", "verify", "--rules", str(out)])
    assert r.exit_code == 0, r.output
    again = CliRunner().invoke(main, ["rules", "scaffold", str(src), "--out", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_eval_reports_per_category_figures(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    items = [
        {"id": "t1", "text": "Ketamine cures CRPS.", "label": "cure"},
        {"id": "t2", "text": "Ketamine is not a cure.", "label": "honest"},
        {"id": "t3", "text": "Ketamine melts pain into nothing.", "label": "cure"},
        {"id": "t4", "text": "Ketamine is non-addictive.", "label": "honest"},
    ]
    import yaml

    for name in ("dev", "heldout"):
        (corpus / f"{name}.yaml").write_text(yaml.safe_dump({"items": items}), encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    r = CliRunner().invoke(main, ["eval", "--corpus", str(corpus), "--pages", str(pages), "--format", "json"])
    assert r.exit_code == 0, r.output
    dev = json.loads(r.output)["splits"]["dev"]
    assert dev["categories"]["cure"] == {"precision": 1.0, "recall": 0.5, "tp": 1, "fp": 0, "fn": 1}
    assert dev["categories"]["no-addiction-risk"]["fp"] == 1
    assert [m[0] for m in dev["misses"]] == ["t3"]
    assert [m[0] for m in dev["false_alarms"]] == ["t4"]
    assert dev["confusion"]["honest"] == {"honest": 1, "no-addiction-risk": 1}
    text = CliRunner().invoke(main, ["eval", "--corpus", str(corpus), "--pages", str(pages)]).output
    assert "miss  t3 [cure] got nothing: Ketamine melts pain into nothing." in text


def test_scaffold_refuses_missing_source(tmp_path):
    r = CliRunner().invoke(main, ["rules", "scaffold", str(tmp_path / "none.txt"), "--out", str(tmp_path / "p")])
    assert r.exit_code == 2 and "no such source file" in r.output and "Traceback" not in r.output
