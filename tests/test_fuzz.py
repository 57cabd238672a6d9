"""The fuzz script (bench/fuzz.py) works, and a short run finds no crash and no position error.

The full run (100,000 documents, about ten minutes on two cores) is made by hand and its last
result is in the README; the slow test here runs 5,000.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "bench" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("factlint_fuzz", FUZZ)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_documents_are_deterministic_and_varied(fuzz):
    docs = [fuzz.generate(i, 7) for i in range(300)]
    assert docs == [fuzz.generate(i, 7) for i in range(300)]
    assert fuzz.generate(0, 8) != docs[0]
    kinds = {name.rsplit(".", 1)[1] for name, _ in docs}
    assert kinds == {"md", "html", "txt"}
    assert any(b"\r\n" in d for _, d in docs) and any(d.startswith(b"\xff\xfe") for _, d in docs)


def test_a_short_run_is_clean(fuzz, packs, monkeypatch):
    from factlint.config import Config

    # The session's compiled pack, instead of compiling it again in the script.
    monkeypatch.setattr(fuzz, "_init", lambda cache_dir: fuzz._STATE.update(packs=packs, spellers={}, config=Config()))
    summary = fuzz.run(150, seed=1, jobs=1)
    assert summary["crashes"] == 0, summary["first_crashes"]
    assert summary["position_errors"] == 0, summary["first_position_errors"]
    assert summary["documents_with_findings"] > 75  # the cue phrases do produce findings
    assert "time per document" in fuzz._report(summary)


def test_the_checker_catches_a_wrong_position(fuzz, packs):
    from dataclasses import replace

    from factlint.api import lint_text
    from factlint.read import read_document

    source = "Intro.\n\nKetamine cures CRPS.\n"
    doc = read_document("d.md", source)
    found = lint_text(source, "d.md", packs=packs)
    assert found and fuzz.position_errors(doc, found) == []
    moved = [replace(f, column=f.column + 1, end_column=f.end_column + 1) for f in found]
    assert fuzz.position_errors(doc, moved)
    outside = [replace(f, line=9, end_line=9) for f in found]
    assert "outside" in fuzz.position_errors(doc, outside)[0]


@pytest.mark.slow
def test_five_thousand_documents_are_clean(fuzz, packs, monkeypatch):
    """About half a minute. In one process: worker processes could not import the script loaded here."""
    from factlint.config import Config

    monkeypatch.setattr(fuzz, "_init", lambda cache_dir: fuzz._STATE.update(packs=packs, spellers={}, config=Config()))
    summary = fuzz.run(5000, seed=2, jobs=1)
    assert summary["crashes"] == 0, summary["first_crashes"]
    assert summary["position_errors"] == 0, summary["first_position_errors"]
