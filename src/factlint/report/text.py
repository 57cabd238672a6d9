"""``--format text``: diagnostics in the style of ruff and rustc.

    page.md:12:5: error [ketamine.cure] Calls ketamine a cure ...
       |
    12 | Ketamine cures chronic pain for good.
       |          ^^^^^
       = evidence: 003_6c573add08330d87:9 "Ketamine is not a cure, rather a treatment ..."
       = why: ketamine.cure is the denial of ketamine.not-a-cure (003_..., line 9)
       = help: Describe it as a treatment that may reduce pain for some patients.
"""

from __future__ import annotations

from factlint.model import Finding
from factlint.read.document import LineIndex
from factlint.report.base import RunReport

# Characters of linted text (or of file names) that a terminal would act on instead of showing:
# C0 and C1 control characters (ESC starts colour and cursor sequences, some terminals run OSC
# commands), DEL, the Unicode line and paragraph separators and the bidirectional overrides that
# make a line display in another order than it reads ("Trojan Source"). Each becomes U+FFFD, one
# character for one, so the carets under a snippet stay aligned.
_UNSAFE = dict.fromkeys(
    [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)],
    "\ufffd",
)


def printable(text: str) -> str:
    """``text`` safe to print on a terminal (see ``_UNSAFE``); tabs must be expanded before."""
    return text.translate(_UNSAFE)


_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _DIM, _RESET, _BLUE = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[1;34m"


def _c(text: str, code: str, on: bool) -> str:
    return f"{code}{text}{_RESET}" if on else text


def _snippet(f: Finding, index: LineIndex | None, color: bool) -> list[str]:
    if index is None or f.line > index.line_count:
        return []
    line_text = index.line_text(f.line).expandtabs(1)
    width = len(str(f.line))
    gutter = " " * width + " |"
    shown = line_text if len(line_text) <= 200 else line_text[max(0, f.column - 80): f.column + 120]
    offset = 0 if len(line_text) <= 200 else max(0, f.column - 80)
    start = f.column - 1 - offset
    end = (f.end_column - 1 - offset) if f.end_line == f.line else len(shown)
    carets = " " * start + "^" * max(1, end - start)
    return [
        _c(gutter, _BLUE, color),
        _c(f"{f.line} |", _BLUE, color) + " " + printable(shown),
        _c(gutter, _BLUE, color) + " " + _c(carets, _COLORS.get(f.severity, ""), color),
    ]


def render_text(report: RunReport) -> str:
    """Human-readable diagnostics, then a one-line summary."""
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    for f in report.findings:
        if f.path not in indexes and f.path in report.sources:
            indexes[f.path] = LineIndex(report.sources[f.path])
        head = (
            f"{_c(f'{printable(f.path)}:{f.line}:{f.column}:', _BOLD, report.color)} "
            f"{_c(f.severity, _COLORS.get(f.severity, ''), report.color)} "
            f"[{f.rule}] {f.message}"
        )
        out.append(head)
        out += _snippet(f, indexes.get(f.path), report.color)
        pad = " " * (len(str(f.line)) + 1)
        for e in f.evidence[:2]:
            out.append(f"{pad}= evidence: {e.source}:{e.line} \u201c{e.quote}\u201d")
        for why in f.explanation[:2]:
            out.append(f"{pad}= why: {why}")
        if f.suggestion:
            out.append(f"{pad}= help: {f.suggestion}")
        out.append("")
    for e in report.errors:
        out.append(f"{printable(e.path)}: {_c('file error', _COLORS['warning'], report.color)}: {printable(e.message)}")
    counts = report.counts()
    if report.findings:
        parts = [f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n]
        out.append(f"Found {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
                   f"({', '.join(parts)}) in {report.files} file{'s' if report.files != 1 else ''}.")
    else:
        out.append(f"No findings in {report.files} file{'s' if report.files != 1 else ''}.")
    return "\n".join(out) + "\n"
