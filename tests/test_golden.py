"""Golden pages and the accuracy ratchet.

Each page in fixtures/pages has a ``.golden.json``: factlint's exact JSON output for it, reviewed by
a person against the page's hand labels (``.expected.yaml``). Any change of a finding, line or column
fails here; after reviewing the change, regenerate with ``FACTLINT_UPDATE_GOLDEN=1 pytest
tests/test_golden.py``. The ratchet fails when held-out precision or recall falls below the best
figures reached so far (fixtures/eval/ratchet.yaml; raise them as the rules improve).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from factlint.commands.evaluate import evaluate_split, load_items
from factlint.config import Config
from factlint.report import REPORTERS, RunReport

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "fixtures" / "pages").iterdir()
               if p.suffix in (".md", ".html", ".txt") and not p.name.endswith(".golden.json"))


def _json_for(page: Path, packs) -> str:
    from factlint.api import lint_paths

    result = lint_paths([page.relative_to(ROOT).as_posix()], config=Config(), packs=packs)
    return REPORTERS["json"](RunReport(tuple(result.findings), tuple(result.errors), result.files))


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_golden_page(page, packs, monkeypatch):
    monkeypatch.chdir(ROOT)
    got = _json_for(page, packs)
    golden = page.with_name(page.name + ".golden.json")
    if os.environ.get("FACTLINT_UPDATE_GOLDEN") == "1":
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {page.name}: run with FACTLINT_UPDATE_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")


def test_golden_findings_point_at_their_text(packs, monkeypatch):
    """Every golden finding's line and columns select its quoted text in the page source."""
    import html
    import json

    from factlint.read import decode
    from factlint.read.document import LineIndex

    monkeypatch.chdir(ROOT)
    for page in PAGES:
        text, _ = decode(page.read_bytes())
        index = LineIndex(text)
        for f in json.loads(_json_for(page, packs))["findings"]:
            start = index.line_start(f["line"]) + f["column"] - 1
            end = index.line_start(f["end_line"]) + f["end_column"] - 1
            def norm(x: str) -> str:
                return " ".join(html.unescape(x).split())

            assert norm(f["text"]) == norm(text[start:end]), (page.name, f)


def test_accuracy_ratchet(packs):
    ratchet = yaml.safe_load((ROOT / "fixtures" / "eval" / "ratchet.yaml").read_text(encoding="utf-8"))
    for split, floor in ratchet.items():
        res = evaluate_split(packs, split, load_items(ROOT / "fixtures" / "eval" / f"{split}.yaml"))
        overall = res.overall
        assert round(overall.precision, 3) >= floor["precision"], (split, overall.precision)
        assert round(overall.recall, 3) >= floor["recall"], (split, overall.recall)


def test_every_finding_on_every_fixture_carries_verified_evidence(packs, monkeypatch):
    """Each finding quotes at least one evidence line, and every quote is one `rules verify` checks."""
    import json

    monkeypatch.chdir(ROOT)
    verified = {(e.source, e.line, e.quote) for c in packs[0].claims.values() for e in c.evidence}
    drafts = sorted((ROOT / "fixtures" / "drafts").glob("*.*"))
    seen = 0
    for page in [*PAGES, *(d for d in drafts if d.suffix in (".md", ".html"))]:
        for f in json.loads(_json_for(page, packs))["findings"]:
            seen += 1
            assert f["evidence"], (page.name, f["line"], f["rule"])
            for e in f["evidence"]:
                assert (e["source"], e["line"], e["quote"]) in verified
    assert seen >= 30
