"""Stage 5, reason: assertions checked against the claim graph become findings.

An assertion is reported when its literal entails the denial of an established claim (the closure
was computed when the pack was compiled), when the author makes it in their own voice, and when no
neighbouring sentence of the same block qualifies it by asserting what it contradicts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from factlint.model import Assertion, Evidence, Finding
from factlint.pack.model import Claim, Literal, Pack

_WS = re.compile(r"\s+")


def normalise_sentence(text: str) -> str:
    """A sentence reduced to lower-case words: the identity of a finding across edits."""
    return _WS.sub(" ", re.sub(r"[^\w%]+", " ", text.lower())).strip()


def fingerprint(rule: str, sentence: str, text: str) -> str:
    """Stable identity of a finding, independent of its line (for baselines and SARIF)."""
    raw = f"{rule}\x00{normalise_sentence(sentence)}\x00{normalise_sentence(text)}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


def literal(a: Assertion) -> Literal:
    """The assertion as a (claim, polarity) literal."""
    return (a.claim, a.polarity)


def _directly_qualifies(pack: Pack, rule: Claim, a: Assertion, b: Assertion) -> bool:
    """Does ``b`` state what ``a``'s rule directly contradicts (so ``a`` is qualified, not false)?"""
    if not b.committed or b is a or _overlap(a, b):
        return False
    lb = literal(b)
    if not pack.contradicts(literal(a), lb):
        return False
    direct = {rule.id, a.claim, *rule.contradicts}
    if rule.negates:
        direct.add(rule.negates)
    return lb[0] in direct


def _overlap(a: Assertion, b: Assertion) -> bool:
    # Words that are part of the overclaim do not qualify it: in "dependence on ketamine is not a
    # concern", "psychological dependence" names the risk only to wave it away.
    # Only when the overclaim is the longer reading of those words.
    return (a.sentence_index == b.sentence_index and a.span.start < b.span.end and b.span.start < a.span.end
            and a.span.end - a.span.start > b.span.end - b.span.start)


def reportable(pack: Pack, a: Assertion) -> Claim | None:
    """The overclaim rule that reports ``a``, or None when ``a`` is honest or not the author's."""
    if not a.committed or a.comparative:
        return None
    lit = literal(a)
    if not pack.conflicts.get(lit):
        return None
    rule_id = pack.reporter.get(lit)
    if rule_id is None:
        return None
    rule = pack.claims[rule_id]
    if a.hedged and (rule.hedge == "pass" or (rule.hedge == "modal" and a.modal)):
        return None
    return rule


class Neighbours:
    """A document's committed assertions indexed by block, sentence and literal.

    Qualification looks only at the sentence before, the same sentence and the sentence after, and
    only at literals that ``a``'s rule directly contradicts; with this index each question is a few
    dictionary lookups. Scanning every assertion of the document for every assertion made a page
    with thousands of claims quadratic (a 50 MB page would never finish).
    """

    __slots__ = ("_by",)

    def __init__(self, assertions: Iterable[Assertion]) -> None:
        self._by: dict[tuple[int, int, str, bool], list[Assertion]] = {}
        for b in assertions:
            if b.committed:  # an uncommitted statement never qualifies anything
                self._by.setdefault((b.block, b.sentence_index, b.claim, b.polarity), []).append(b)

    def qualifies(self, pack: Pack, rule: Claim, a: Assertion) -> bool:
        """:func:`qualified` for ``a``: the same answer as scanning, in constant time."""
        direct = {rule.id, a.claim, *rule.contradicts}
        if rule.negates:
            direct.add(rule.negates)
        la = literal(a)
        for claim in direct:
            for polarity in (True, False):
                if not pack.contradicts(la, (claim, polarity)):
                    continue
                for step in (-1, 0, 1):
                    group = self._by.get((a.block, a.sentence_index + step, claim, polarity))
                    if group and any(b is not a and (step or not _overlap(a, b)) for b in group):
                        return True
        return False


def qualified(pack: Pack, rule: Claim, a: Assertion, others: list[Assertion] | Neighbours) -> bool:
    """True when a sentence next to ``a`` in the same block (or ``a``'s own) qualifies it.

    ``others`` is the document's assertions, or a :class:`Neighbours` index of them (much faster
    when many assertions are asked about).
    """
    if isinstance(others, Neighbours):
        return others.qualifies(pack, rule, a)
    return any(
        b.block == a.block and abs(b.sentence_index - a.sentence_index) <= 1 and _directly_qualifies(pack, rule, a, b)
        for b in others
    )


def evidence_for(pack: Pack, lit: Literal) -> tuple[tuple[Evidence, ...], tuple[str, ...]]:
    """Evidence quotes and explanation paths for a literal's conflicts with established claims."""
    evidence: list[Evidence] = []
    paths: list[str] = []
    for conflict in pack.conflicts.get(lit, ()):
        claim = pack.claims[conflict.established]
        ev = claim.evidence[0] if claim.evidence else None
        where = f" ({ev.source}, line {ev.line})" if ev else ""
        paths.append(" ".join(conflict.path) + where)
        for e in claim.evidence:
            if e not in evidence:
                evidence.append(e)
    return tuple(evidence), tuple(paths)


def reason(pack: Pack, path: str, assertions: list[Assertion]) -> list[Finding]:
    """Findings for one document's assertions (without cross-statement inconsistency)."""
    reported: list[tuple[Assertion, Claim]] = []
    neighbours = Neighbours(assertions)
    for a in assertions:
        rule = reportable(pack, a)
        if rule is None or qualified(pack, rule, a, neighbours):
            continue
        reported.append((a, rule))
    # Findings are made only for what survives: a fingerprint normalises the whole sentence, and
    # doing that for every match of a sentence with many matches was quadratic.
    return [_finding(pack, path, a, rule) for a, rule in _drop_superseded(reported)]


def _finding(pack: Pack, path: str, a: Assertion, rule: Claim) -> Finding:
    evidence, paths = evidence_for(pack, literal(a))
    message = rule.message.replace("{value}", a.value or "").replace(
        "{limit}", rule.quantity.limit_text if rule.quantity else ""
    )
    return Finding(
        path=path, line=a.span.line, column=a.span.column, end_line=a.span.end_line,
        end_column=a.span.end_column, rule=rule.id, category=rule.category or "", severity=rule.severity,
        message=message, text=a.text, evidence=evidence, suggestion=rule.suggestion, explanation=paths,
        sentence=a.sentence, fingerprint=fingerprint(rule.id, a.sentence, a.text),
    )


def _drop_superseded(items: list[tuple[Assertion, Claim]]) -> list[tuple[Assertion, Claim]]:
    out: list[tuple[Assertion, Claim]] = []
    seen: set[tuple[str, int]] = set()
    # Only items of the same sentence can overlap: grouping them keeps a long page linear.
    by_sentence: dict[int, list[tuple[Assertion, Claim]]] = {}
    for b, r in items:
        by_sentence.setdefault(b.sentence_index, []).append((b, r))
    for a, rule in items:
        key = (rule.id, a.sentence_index)
        if key in seen:  # checked first: it is cheap, and such an item is dropped either way
            continue
        # A more specific rule whose span overlaps wins ("relief that lasts for months" is a
        # numeric overstatement, not also a durable-relief one).
        if any(r.id != rule.id and rule.id in r.supersedes and b.span.start < a.span.end and a.span.start < b.span.end
               for b, r in by_sentence[a.sentence_index]):
            continue
        seen.add(key)
        out.append((a, rule))
    return out
