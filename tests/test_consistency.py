"""Inconsistency: contradicting statements in one document or across files of one run."""

from __future__ import annotations

from factlint.api import lint_paths


def test_inconsistency_within_a_document_names_both_lines(lint):
    text = "# Safety\n\nKetamine is non-addictive.\n\nLater on.\n\nKetamine can lead to psychological dependence.\n"
    found = lint(text)
    inc = sorted((f.line, f.related[0]["line"]) for f in found if f.category == "inconsistency")
    assert inc == [(3, 7), (7, 3)]
    assert any(f.category == "no-addiction-risk" and f.line == 3 for f in found)


def test_inconsistency_across_files(tmp_path):
    (tmp_path / "a.md").write_text("Ketamine is FDA-approved for chronic pain.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Its use for chronic pain is off-label.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("Ketamine infusions take 40 minutes.\n", encoding="utf-8")
    result = lint_paths([str(tmp_path)])
    inc = {(f.path.rsplit("/", 1)[-1], f.related[0]["path"].rsplit("/", 1)[-1])
           for f in result.findings if f.category == "inconsistency"}
    assert inc == {("a.md", "b.md"), ("b.md", "a.md")}


def test_honest_documents_have_no_inconsistency(lint):
    text = "Ketamine is not a cure.\n\nRelief is usually temporary.\n\nIt carries a risk of dependence.\n"
    assert lint(text) == []
