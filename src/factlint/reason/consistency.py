"""Inconsistency: two statements of one document, or of one run, that contradict each other.

Only plain statements count (committed, not hedged, not comparative). Statements next to each other
in one block are a qualification, not an inconsistency. Each side is reported once, naming the first
statement (in path and line order) that it contradicts, so a site-wide run stays linear in practice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from factlint.model import Assertion, Finding
from factlint.pack.model import Pack
from factlint.reason.reasoner import Neighbours, evidence_for, fingerprint, literal, qualified, reportable


@dataclass(frozen=True)
class Located:
    """An assertion with the path of its document."""

    path: str
    assertion: Assertion


def _plain(a: Assertion) -> bool:
    return a.committed and not a.hedged and not a.comparative


def pairable(pack: Pack, located: list[Located]) -> list[Located]:
    """The statements of one document that a run-wide :func:`find_inconsistencies` can use.

    Those are the plain statements of established claims (partners) and the reported overclaims
    that nothing in their own document qualifies. Every other statement cannot change the run-wide
    result: it is neither a partner nor paired, and the overclaims it qualifies are left out as
    well, so the qualification it would have provided is not needed. Keeping only these (instead
    of every assertion of every file) is what keeps a site-wide run's memory small. In the rare
    case where a partner is itself a qualified overclaim the whole document is kept, so that it
    stays qualified.
    """
    by_path: dict[str, list[Assertion]] = {}
    for item in located:
        by_path.setdefault(item.path, []).append(item.assertion)
    near = {path: Neighbours(found) for path, found in by_path.items()}
    out: list[Located] = []
    for item in located:
        a = item.assertion
        claim = pack.claims.get(a.claim)
        partner = a.polarity and claim is not None and claim.status == "established" and _plain(a)
        rule = reportable(pack, a)
        unqualified = rule is not None and not qualified(pack, rule, a, near[item.path])
        if partner and rule is not None and not unqualified:
            return list(located)
        if partner or unqualified:
            out.append(item)
    return out


def find_inconsistencies(pack: Pack, located: list[Located], *, across_files_only: bool = False) -> list[Finding]:
    """Inconsistency findings over every assertion given (one document or a whole run).

    An overclaim that is reported (in its author's voice, not qualified next to it) is paired
    with the first plain statement, preferably in the same file, of an established claim that it
    directly contradicts. Both lines are reported, each naming the other. Pairing every statement
    with every other would drown a site in findings about honest sentences.

    ``across_files_only`` (the run-wide pass, after each file's own) makes no finding for a pair
    inside one file, which that file's pass reports: on a site most pairs are such pairs.
    """
    ordered = sorted(located, key=lambda x: (x.path, x.assertion.span.start))
    by_path: dict[str, list[Assertion]] = {}
    for item in ordered:
        by_path.setdefault(item.path, []).append(item.assertion)
    near = {path: Neighbours(found) for path, found in by_path.items()}
    support: dict[str, list[Located]] = {}
    support_in: dict[tuple[str, str], list[Located]] = {}  # (claim, path) -> its statements there
    # Statements the pack itself cites as evidence make the best partners: when the run lints the
    # sources, an overclaim is paired with the sentence its rule quotes.
    cited: dict[str, list[Located]] = {}
    for item in ordered:
        a = item.assertion
        claim = pack.claims.get(a.claim)
        if a.polarity and claim is not None and claim.status == "established" and _plain(a):
            support.setdefault(a.claim, []).append(item)
            support_in.setdefault((a.claim, item.path), []).append(item)
            if (PurePath(item.path).stem, a.span.line) in {(e.source, e.line) for e in claim.evidence}:
                cited.setdefault(a.claim, []).append(item)
    # Each place (path, line, column) reports the first finding made for it.
    unique: dict[tuple[str, int, int], Finding | None] = {}
    for item in ordered:
        a = item.assertion
        rule = reportable(pack, a)
        if rule is None or qualified(pack, rule, a, near[item.path]):
            continue
        targets = [t for t in (rule.negates, *rule.contradicts) if t]
        # The partner is the first statement in (other file?, path, offset) order. Each support
        # list is in path and offset order, so it is found by a short scan, not by sorting every
        # statement of the run for every overclaim (which made a site-wide run quadratic).
        partner = None
        best: tuple[bool, bool, str, int] | None = None
        lit = literal(a)
        for t in targets:
            if not pack.contradicts(lit, (t, True)):  # a support statement's literal is (t, True)
                continue
            b = next((c for c in cited.get(t, ()) if not _adjacent(item, c)), None)
            if b is None:
                b = _first_partner(item, support.get(t, ()), support_in.get((t, item.path), ()))
            if b is not None:
                key = (b not in cited.get(t, ()), b.path != item.path, b.path, b.assertion.span.start)
                if best is None or key < best:
                    best, partner = key, b
        if partner is None:
            continue
        if across_files_only and partner.path == item.path:
            # Its two places are still taken, as its findings would take them, so that the pairs
            # across files that are reported stay exactly those of a full pass.
            unique.setdefault((item.path, a.span.line, a.span.column), None)
            unique.setdefault((partner.path, partner.assertion.span.line, partner.assertion.span.column), None)
            continue
        for f in (_finding(pack, item, partner), _finding(pack, partner, item)):
            unique.setdefault((f.path, f.line, f.column), f)
    return [f for f in unique.values() if f is not None]


def _first_partner(item: Located, everywhere: Sequence[Located], here: Sequence[Located]) -> Located | None:
    """The first statement not adjacent to ``item``: in its own file if any, else in another file."""
    for b in here:
        if not _adjacent(item, b):
            return b
    for b in everywhere:
        if b.path != item.path:
            return b
    return None


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
