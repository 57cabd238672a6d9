"""The speed-ups change nothing but the time: parallel output, prefilter, stored regex code, cache.

Each speed-up here skips or reorders work that cannot change a result. These tests switch each one
off and check that the output is the same byte for byte, so that a later change to the tokenizer,
the pattern language or the pack cannot quietly turn a speed-up into a change of behaviour.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import factlint.api as api_mod
import factlint.detect.detector as detector_mod
import factlint.detect.patterns as patterns_mod
import factlint.detect.prefilter as prefilter_mod
import factlint.engine as engine_mod
from factlint.api import lint_paths, lint_text
from factlint.cli import main
from factlint.detect.regexcode import freeze, thaw

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"


def _check(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_parallel_output_is_byte_identical():
    """-j 2 lints the files in worker processes; the JSON must not differ by a byte from -j 1."""
    one = _check("-j", "1", str(PAGES))
    two = _check("-j", "2", str(PAGES))
    assert one == two
    assert json.loads(one)["summary"]["files"] >= 8


def _all(items, words):
    return list(range(len(items)))


@pytest.fixture
def unoptimised(monkeypatch):
    """Switch off the prefilter, stored regex code and the run-wide assertion trimming."""
    monkeypatch.setattr(prefilter_mod, "possible_indices", _all)
    monkeypatch.setattr(detector_mod, "possible_indices", _all)
    monkeypatch.setattr(patterns_mod, "thaw", lambda expression, code: re.compile(expression))
    monkeypatch.setattr(engine_mod, "pairable", lambda pack, located: list(located))
    whole = api_mod.find_inconsistencies
    monkeypatch.setattr(api_mod, "find_inconsistencies", lambda pack, located, **kw: whole(pack, located))


def _eval_texts() -> list[str]:
    # The held-out split: hard honest twins and disguised overclaims, and small enough that the
    # unoptimised run (every pattern on every sentence) stays within seconds.
    path = ROOT / "fixtures" / "eval" / "heldout.yaml"
    return [item["text"] for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("items", [])]


def _site(root: Path) -> Path:
    """A few pages whose statements contradict each other across files and within them."""
    pages = {
        "a.md": "# Safety\n\nKetamine is completely non-addictive.\n\nRelief lasts for months.\n",
        "b.md": "Ketamine carries a risk of dependence. It is a controlled substance.\n",
        "c.html": "<p>Relief usually lasts a few weeks.</p><p>Some clinics call it a cure.</p>"
                  "<p>Ketamine is not addictive at all.</p>",
        "d.txt": "Ketamine is not a cure.\nKetamine cures CRPS for good.\n",
    }
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_speed_ups_change_no_finding(packs, monkeypatch, unoptimised, tmp_path):
    """Pages and a small site (run-wide inconsistencies), and the labelled sentences, with and without them."""
    texts = _eval_texts()
    assert texts
    site = _site(tmp_path)
    slow_pages = lint_paths([PAGES, site], packs=packs).findings
    slow_items = [lint_text(t, "item.md", packs=packs) for t in texts]
    monkeypatch.undo()
    # Patterns compiled above are cached on the pack; the stored-code path is checked below.
    fast_pages = lint_paths([PAGES, site], packs=packs).findings
    assert fast_pages == slow_pages
    assert any(f.related and f.related[0]["path"] != f.path for f in fast_pages)  # pairs across files
    assert [lint_text(t, "item.md", packs=packs) for t in texts] == slow_items


def test_stored_regex_code_rebuilds_the_same_patterns(packs):
    pack = packs[0]
    compiled = [c.pattern for c in pack.cues] + [t.pattern for t in pack.context.triggers]
    compiled += [*pack.context.pseudo, *pack.topic, *pack.others]
    sample = " ketamine is not a cure ; relief lasts 3 months for 70 % of patients and is fda approved "
    for c in compiled:
        fresh = re.compile(c.expression)
        rebuilt = thaw(c.expression, freeze(c.expression))
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, dict(rebuilt.groupindex)) == (
            fresh.pattern, fresh.flags, fresh.groups, dict(fresh.groupindex))
        assert [m.span() for m in rebuilt.finditer(sample)] == [m.span() for m in fresh.finditer(sample)]


def test_stored_regex_code_falls_back_when_unusable():
    frozen = freeze("(?<= )cure~? ")
    assert thaw("(?<= )cure~? ", None).pattern == "(?<= )cure~? "
    stale = (("another", (0, 0), 0, 4), *frozen[1:])
    assert thaw("(?<= )cure~? ", stale).match(" cure~ ", 1)
    broken = (frozen[0], frozen[1], b"\x00\x00\x00\x00", *frozen[3:])
    assert thaw("(?<= )cure~? ", broken).match(" cure ", 1)


def test_prefilter_keeps_misspelt_and_split_words(packs):
    """The prefilter sees the words the matcher sees: corrected spellings, every reader."""
    assert lint_text("Ketamine is completely non-adictive.", "a.md", packs=packs)
    assert lint_text("<p>Ketamine is a <b>cure</b> for pain.</p>", "a.html", packs=packs)
    assert not lint_text("Opening hours are nine to five.", "a.md", packs=packs)


def test_warm_run_imports_no_compiler(tmp_path):
    """With the compiled pack cached, a run imports neither networkx, PyYAML nor the pack compiler."""
    page = tmp_path / "page.md"
    page.write_text("Ketamine is not a cure.\n", encoding="utf-8")
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(tmp_path / "cache"))
    code = (
        "import sys\nfrom factlint.cli import main\n"
        f"sys.argv = ['factlint', 'check', {str(page)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('networkx', 'yaml', 'factlint.pack.load', 'concurrent.futures', 'pathspec')"
        " if m in sys.modules))\n"
    )
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, cwd=tmp_path, check=True, capture_output=True)  # fills the cache
    out = subprocess.run(run, env=env, cwd=tmp_path, check=True, capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_json_written_piecewise_is_the_contract_bytes(packs, tmp_path):
    """The JSON report is made one finding at a time; the bytes are json.dumps's, to the byte."""
    from factlint.model import FileError
    from factlint.report.base import RunReport
    from factlint.report.json import iter_json, render_json

    findings = tuple(lint_paths([PAGES, _site(tmp_path)], packs=packs).findings)
    cases = [(findings, (), {}), ((), (), {}), (findings[:1], (FileError("x.md", "bad"),), {"baseline": {"known": 3}})]
    for found, errors, extra in cases:
        report = RunReport(found, errors, 3, {}, False, extra)
        counts = report.counts()
        whole: dict[str, object] = {
            "version": 1,
            "summary": {"files": 3, "findings": len(found), "errors": counts["error"],
                        "warnings": counts["warning"], "infos": counts["info"]},
            "findings": [f.to_json() for f in found],
        }
        if errors:
            whole["file_errors"] = [{"path": e.path, "message": e.message} for e in errors]
        if extra:
            whole["baseline"] = extra["baseline"]
        expected = json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
        assert render_json(report) == expected
        assert "".join(iter_json(report)) == expected
    out = tmp_path / "report.json"
    _check("-o", str(out), str(PAGES))
    assert out.read_text(encoding="utf-8") == _check(str(PAGES))
