"""``--format github``: GitHub Actions workflow commands that become inline annotations.

    ::error file=page.md,line=1,col=10,endLine=1,endColumn=15,title=ketamine.cure (cure)::Calls ...

GitHub shows at most 10 annotations of each level per step, so the most severe are printed first
and the rest are counted in a plain line. When ``GITHUB_STEP_SUMMARY`` names a file, a Markdown job
summary with every finding is appended to it.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from pathlib import Path

from factlint.model import CATEGORIES, SEVERITIES, Finding, severity_rank
from factlint.report.base import RunReport

#: GitHub's limit of annotations per level (error, warning, notice) per step.
MAX_PER_LEVEL = 10

#: Rows of the job summary's findings table; GitHub rejects summaries over 1 MiB per step.
MAX_SUMMARY_ROWS = 500

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_NOUNS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message as ``@actions/core`` does (``escapeData``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command's property value as ``@actions/core`` does (``escapeProperty``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _command(f: Finding) -> str:
    props = [
        ("file", f.path),
        ("line", str(f.line)),
        ("col", str(f.column)),
        ("endLine", str(f.end_line)),
        ("endColumn", str(f.end_column)),
        ("title", f"{f.rule} ({f.category})"),
    ]
    message = f.message
    if f.suggestion:
        message += f"\n\nSafer wording: {f.suggestion}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMANDS.get(f.severity, 'warning')} {head}::{escape_data(message)}"


def _level_order(findings: tuple[Finding, ...]) -> list[Finding]:
    """Most severe first; within a level, the contract's order (path, line, column, rule)."""
    def rank(f: Finding) -> int:
        return severity_rank(f.severity) if f.severity in SEVERITIES else len(SEVERITIES)

    return sorted(findings, key=lambda f: (rank(f), f.sort_key()))


def render_github(report: RunReport) -> str:
    """Workflow commands for the findings (at most 10 per level), then summary lines.

    Pure apart from one side effect: when ``GITHUB_STEP_SUMMARY`` is set, the job summary is
    appended to that file through :func:`write_step_summary`.
    """
    out: list[str] = []
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for f in _level_order(report.findings):
        level = _COMMANDS.get(f.severity, "warning")
        if shown[level] >= MAX_PER_LEVEL:
            hidden[level] += 1
            continue
        shown[level] += 1
        out.append(_command(f))
    for e in report.errors:
        # Plain lines, not annotations: they would take warning slots away from findings.
        out.append(f"factlint: {e.path}: file error: {e.message}".replace("\r", " ").replace("\n", " "))
    if hidden:
        parts = [_plural(hidden[lv], lv) for lv in ("error", "warning", "notice") if hidden[lv]]
        out.append(f"factlint: {', '.join(parts)} not shown as annotations (GitHub shows at most "
                   f"{MAX_PER_LEVEL} per level); run `factlint check --format text` to see all.")
    counts = report.counts()
    out.append(f"factlint: {_plural(len(report.findings), 'finding')} ({_plural(counts['error'], 'error')}, "
               f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'notice')}) "
               f"in {_plural(report.files, 'file')}.")
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        write_step_summary(report, summary_path)
    return "\n".join(out) + "\n"


def _cell(value: object) -> str:
    """A Markdown table cell: HTML and pipes escaped, line breaks turned into ``<br>``.

    The summary renders HTML, so a file named ``<img src=x>.md`` must show as text.
    """
    text = html.escape(str(value), quote=False).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\r\n", "<br>").replace("\r", "<br>").replace("\n", "<br>")


def render_step_summary(report: RunReport) -> str:
    """The Markdown job summary: a heading, counts by category and severity, a findings table."""
    counts = report.counts()
    lines = [
        "## factlint",
        "",
        f"{_plural(len(report.findings), 'finding')} in {_plural(report.files, 'file')}: "
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
        f"{_plural(counts['info'], 'notice')}.",
        "",
    ]
    if report.findings:
        by_cat = Counter((f.category, f.severity) for f in report.findings)
        present = {f.category for f in report.findings}
        cats = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
        lines += ["| Category | Errors | Warnings | Notices |", "| --- | ---: | ---: | ---: |"]
        for c in cats:
            n = [by_cat[c, sev] for sev in ("error", "warning", "info")]
            lines.append(f"| {_cell(c)} | {n[0]} | {n[1]} | {n[2]} |")
        lines += ["", "| Location | Rule | Severity | Message |", "| --- | --- | --- | --- |"]
        ordered = _level_order(report.findings)
        for f in ordered[:MAX_SUMMARY_ROWS]:
            lines.append(f"| {_cell(f'{f.path}:{f.line}')} | {_cell(f.rule)} | "
                         f"{_NOUNS.get(f.severity, f.severity)} | {_cell(f.message)} |")
        if len(ordered) > MAX_SUMMARY_ROWS:
            lines += ["", f"... and {len(ordered) - MAX_SUMMARY_ROWS} more findings not listed."]
    if report.errors:
        lines += ["", "Files that could not be linted:", ""]
        lines += [f"- {_cell(e.path)}: {_cell(e.message)}" for e in report.errors]
    return "\n".join(lines) + "\n\n"


def write_step_summary(report: RunReport, path: str | os.PathLike[str]) -> None:
    """Append the Markdown job summary of ``report`` to ``path`` (GitHub's ``GITHUB_STEP_SUMMARY``).

    Appends because other steps' tools may write to the same file in the same step.
    """
    with Path(path).open("a", encoding="utf-8") as fh:
        fh.write(render_step_summary(report))
