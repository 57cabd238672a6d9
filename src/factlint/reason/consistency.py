"""Inconsistency: two statements of one document, or of one run, that contradict each other.

Only plain statements count (committed, not hedged, not comparative). Statements next to each other
in one block are a qualification, not an inconsistency. Each side is reported once, naming the first
statement (in path and line order) that it contradicts, so a site-wide run stays linear in practice.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.model import Assertion, Finding
from factlint.pack.model import Pack
from factlint.reason.reasoner import contradicts, evidence_for, fingerprint, literal


@dataclass(frozen=True)
class Located:
    """An assertion with the path of its document."""

    path: str
    assertion: Assertion


def _plain(a: Assertion) -> bool:
    return a.committed and not a.hedged and not a.comparative


def find_inconsistencies(pack: Pack, located: list[Located]) -> list[Finding]:
    """Inconsistency findings over every assertion given (one document or a whole run)."""
    by_lit: dict[tuple[str, bool], list[Located]] = {}
    for item in sorted(located, key=lambda x: (x.path, x.assertion.span.start)):
        if _plain(item.assertion):
            by_lit.setdefault(literal(item.assertion), []).append(item)
    lits = sorted(by_lit)
    out: list[Finding] = []
    for la in lits:
        for lb in lits:
            if la == lb or not contradicts(pack, la, lb):
                continue
            for a in by_lit[la]:
                partner = next((b for b in by_lit[lb] if not _adjacent(a, b)), None)
                if partner is not None:
                    out.append(_finding(pack, a, partner))
    unique: dict[tuple[str, int, str], Finding] = {}
    for f in out:
        unique.setdefault((f.path, f.line, f.text), f)
    return list(unique.values())


def _adjacent(a: Located, b: Located) -> bool:
    x, y = a.assertion, b.assertion
    return a.path == b.path and x.block == y.block and abs(x.sentence_index - y.sentence_index) <= 1


def _finding(pack: Pack, a: Located, b: Located) -> Finding:
    x, y = a.assertion, b.assertion
    where = f"line {y.span.line}" if a.path == b.path else f"{b.path}:{y.span.line}"
    evidence, paths = evidence_for(pack, literal(x))
    if not evidence:
        evidence, paths = evidence_for(pack, literal(y))
    rule = f"{pack.name}.inconsistency"
    return Finding(
        path=a.path, line=x.span.line, column=x.span.column, end_line=x.span.end_line,
        end_column=x.span.end_column, rule=rule, category="inconsistency", severity="warning",
        message=f"Contradicts {where}: \u201c{y.text}\u201d ({x.claim} vs {y.claim}).",
        text=x.text, evidence=evidence,
        suggestion="Make the two statements agree with each other and with the sources.",
        explanation=paths, sentence=x.sentence,
        related=({"path": b.path, "line": y.span.line, "column": y.span.column, "text": y.text},),
        fingerprint=fingerprint(rule, x.sentence, x.text),
    )
