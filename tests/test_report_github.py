"""The GitHub Actions reporter: workflow-command escaping, ordering, the per-level cap, job summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factlint.api import lint_paths, lint_text
from factlint.report import REPORTERS, RunReport
from factlint.report.github import escape_data, escape_property, render_github, write_step_summary

TEXT = "Ketamine cures chronic pain.\nKetamine is non-addictive, 100% safe.\n"


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch):
    # Tests run inside GitHub Actions too: never append to the real job summary.
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _report(text: str, path: str = "page.md") -> RunReport:
    return RunReport(tuple(lint_text(text, path)), (), 1, {path: text})


def _commands(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::")]


def test_registered():
    assert REPORTERS["github"] is render_github


def test_escape_like_actions_core():
    assert escape_data("100%\r\nsafe, a:b") == "100%25%0D%0Asafe, a:b"
    assert escape_property("100%\r\nsafe, a:b") == "100%25%0D%0Asafe%2C a%3Ab"


def test_command_shape():
    report = _report(TEXT)
    cmds = _commands(render_github(report))
    assert len(cmds) == len(report.findings)
    f = report.findings[0]
    assert cmds[0] == (
        f"::error file=page.md,line={f.line},col={f.column},endLine={f.end_line},"
        f"endColumn={f.end_column},title={f.rule} ({f.category})::"
        f"{escape_data(f.message)}%0A%0ASafer wording: {escape_data(f.suggestion)}"
    )
    # "100% safe" is the flagged text; the percent sign never reaches GitHub unescaped.
    for cmd in cmds:
        data = cmd.split("::", 2)[2]
        assert "\n" not in data and "%" not in data.replace("%25", "").replace("%0A", "").replace("%0D", "")


def test_escaping_in_file_names_and_messages():
    path = "docs/a,b:c 100%.md"
    report = _report(TEXT, path)
    cmds = _commands(render_github(report))
    assert cmds and all(c.split(" ", 1)[1].startswith("file=docs/a%2Cb%3Ac 100%25.md,line=") for c in cmds)
    # Properties are split on commas and the message starts after "::": only the escaped forms remain.
    props, message = cmds[0].split(" ", 1)[1].split("::", 1)
    keys = [p.split("=", 1)[0] for p in props.split(",")]
    assert keys == ["file", "line", "col", "endLine", "endColumn", "title"]
    assert "%0A" in message and "\n" not in message


def test_errors_first(tmp_path):
    # Two pages that contradict each other: a cross-file warning sorts before the error in the
    # contract order (same line, rule "inconsistency" < "non-addictive"), but errors print first.
    (tmp_path / "a.md").write_text("Ketamine is non-addictive.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Ketamine carries a risk of psychological dependence.\n", encoding="utf-8")
    result = lint_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")])
    severities = [f.severity for f in result.findings]
    assert "error" in severities and "warning" in severities
    assert severities.index("warning") < severities.index("error")
    cmds = _commands(render_github(RunReport(tuple(result.findings), (), result.files, {})))
    levels = [c[2:].split(" ", 1)[0] for c in cmds]
    assert levels == sorted(levels, key=["error", "warning", "notice"].index)
    assert levels[0] == "error"
    warnings = [c for c in cmds if c.startswith("::warning ")]
    assert warnings == sorted(warnings)  # a.md before b.md within the level


def test_cap_of_ten_per_level():
    text = "\n\n".join(["Ketamine cures pain."] * 12) + "\n"
    report = _report(text)
    assert len(report.findings) == 12 and all(f.severity == "error" for f in report.findings)
    out = render_github(report)
    cmds = _commands(out)
    assert len(cmds) == 10
    shown_lines = [int(c.split("line=", 1)[1].split(",", 1)[0]) for c in cmds]
    assert shown_lines == sorted(f.line for f in report.findings)[:10]
    plain = [line for line in out.splitlines() if not line.startswith("::")]
    assert plain[0].startswith("factlint: 2 errors not shown as annotations")
    assert plain[-1] == "factlint: 12 findings (12 errors, 0 warnings, 0 notices) in 1 file."


def test_no_cut_line_when_all_shown():
    out = render_github(_report(TEXT))
    assert "not shown" not in out
    assert out.splitlines()[-1].startswith("factlint: 3 findings (3 errors")


def test_step_summary_written(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    report = _report(TEXT, "odd|name.md")
    render_github(report)
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("earlier step\n")  # appended, not overwritten
    assert "## factlint" in md
    assert "| Category | Errors | Warnings | Notices |" in md
    assert "| cure | 1 | 0 | 0 |" in md
    assert "| odd\\|name.md:1 | ketamine.cure | error |" in md
    table = [line for line in md.splitlines() if line.startswith("| odd")]
    assert len(table) == len(report.findings)


def test_step_summary_escapes_cells(tmp_path):
    # Rule messages never contain pipes or newlines, so put them into a real finding's message.
    base = _report(TEXT).findings[0]
    odd = replace(base, message="first | second\nthird")
    path = tmp_path / "s.md"
    write_step_summary(RunReport((odd,), (), 1, {}), path)
    row = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| page.md"))
    assert row.endswith("| first \\| second<br>third |")


def test_step_summary_path_helper(tmp_path):
    path = tmp_path / "s.md"
    write_step_summary(_report(TEXT), str(path))
    write_step_summary(_report(TEXT), Path(path))
    assert path.read_text(encoding="utf-8").count("## factlint") == 2
