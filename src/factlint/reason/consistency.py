"""Inconsistency: two statements of one document, or of one run, that contradict each other.

Only plain statements count (committed, not hedged, not comparative). Statements next to each other
in one block are a qualification, not an inconsistency. Each side is reported once, naming the first
statement (in path and line order) that it contradicts, so a site-wide run stays linear in practice.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.model import Assertion, Finding
from factlint.pack.model import Pack
from factlint.reason.reasoner import contradicts, evidence_for, fingerprint, literal, qualified, reportable


@dataclass(frozen=True)
class Located:
    """An assertion with the path of its document."""

    path: str
    assertion: Assertion


def _plain(a: Assertion) -> bool:
    return a.committed and not a.hedged and not a.comparative


def find_inconsistencies(pack: Pack, located: list[Located]) -> list[Finding]:
    """Inconsistency findings over every assertion given (one document or a whole run).

    An overclaim that is reported (in its author's voice, not qualified next to it) is paired
    with the first plain statement, preferably in the same file, of an established claim that it
    directly contradicts. Both lines are reported, each naming the other. Pairing every statement
    with every other would drown a site in findings about honest sentences.
    """
    ordered = sorted(located, key=lambda x: (x.path, x.assertion.span.start))
    by_path: dict[str, list[Assertion]] = {}
    for item in ordered:
        by_path.setdefault(item.path, []).append(item.assertion)
    support: dict[str, list[Located]] = {}
    for item in ordered:
        a = item.assertion
        claim = pack.claims.get(a.claim)
        if a.polarity and claim is not None and claim.status == "established" and _plain(a):
            support.setdefault(a.claim, []).append(item)
    out: list[Finding] = []
    for item in ordered:
        a = item.assertion
        rule = reportable(pack, a)
        if rule is None or qualified(pack, rule, a, by_path[item.path]):
            continue
        targets = [t for t in (rule.negates, *rule.contradicts) if t]
        candidates = [b for t in targets for b in support.get(t, ())
                      if contradicts(pack, literal(a), literal(b.assertion)) and not _adjacent(item, b)]
        if not candidates:
            continue
        partner = min(candidates, key=lambda b: (b.path != item.path, b.path, b.assertion.span.start))
        out.append(_finding(pack, item, partner))
        out.append(_finding(pack, partner, item))
    unique: dict[tuple[str, int, int], Finding] = {}
    for f in out:
        unique.setdefault((f.path, f.line, f.column), f)
    return list(unique.values())


def _adjacent(a: Located, b: Located) -> bool:
    x, y = a.assertion, b.assertion
    return a.path == b.path and x.block == y.block and abs(x.sentence_index - y.sentence_index) <= 1


def _finding(pack: Pack, a: Located, b: Located) -> Finding:
    x, y = a.assertion, b.assertion
    where = f"line {y.span.line}" if a.path == b.path else f"{b.path}:{y.span.line}"
    over = x if pack.conflicts.get(literal(x)) else y
    evidence, paths = evidence_for(pack, literal(over))
    rule = f"{pack.name}.inconsistency"
    return Finding(
        path=a.path, line=x.span.line, column=x.span.column, end_line=x.span.end_line,
        end_column=x.span.end_column, rule=rule, category="inconsistency", severity="warning",
        message=f"Contradicts {where}, which says \u201c{y.text}\u201d: {_say(pack, x)} and {_say(pack, y)} cannot both hold.",
        text=x.text, evidence=evidence,
        suggestion="Make the two statements agree with each other and with the sources.",
        explanation=paths, sentence=x.sentence,
        related=({"path": b.path, "line": y.span.line, "column": y.span.column, "text": y.text},),
        fingerprint=fingerprint(rule, x.sentence, x.text),
    )


def _say(pack: Pack, a: Assertion) -> str:
    claim = pack.claims[a.claim]
    return f"\u201c{claim.statement.rstrip('.')}\u201d" if a.polarity else f"not \u201c{claim.statement.rstrip('.')}\u201d"
