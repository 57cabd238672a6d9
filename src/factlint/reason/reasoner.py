"""Stage 5, reason: assertions checked against the claim graph become findings.

An assertion is reported when its literal entails the denial of an established claim (the closure
was computed when the pack was compiled), when the author makes it in their own voice, and when no
neighbouring sentence of the same block qualifies it by asserting what it contradicts.
"""

from __future__ import annotations

import hashlib
import re

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


def contradicts(pack: Pack, a: Literal, b: Literal) -> bool:
    """True when ``a`` entails the denial of ``b`` (the closure is symmetric in this)."""
    closure = pack.closure.get(a)
    return closure is not None and (b[0], not b[1]) in closure


def _directly_qualifies(pack: Pack, rule: Claim, a: Assertion, b: Assertion) -> bool:
    """Does ``b`` state what ``a``'s rule directly contradicts (so ``a`` is qualified, not false)?"""
    if not b.committed or b is a:
        return False
    lb = literal(b)
    if not contradicts(pack, literal(a), lb):
        return False
    direct = {rule.id, a.claim, *rule.contradicts}
    if rule.negates:
        direct.add(rule.negates)
    return lb[0] in direct


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
    if a.hedged and rule.hedge == "pass":
        return None
    return rule


def qualified(pack: Pack, rule: Claim, a: Assertion, others: list[Assertion]) -> bool:
    """True when a sentence next to ``a`` in the same block (or ``a``'s own) qualifies it."""
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
    findings: list[tuple[Assertion, Claim, Finding]] = []
    for a in assertions:
        rule = reportable(pack, a)
        if rule is None or qualified(pack, rule, a, assertions):
            continue
        evidence, paths = evidence_for(pack, literal(a))
        message = rule.message.replace("{value}", a.value or "").replace(
            "{limit}", rule.quantity.limit_text if rule.quantity else ""
        )
        findings.append((a, rule, Finding(
            path=path, line=a.span.line, column=a.span.column, end_line=a.span.end_line,
            end_column=a.span.end_column, rule=rule.id, category=rule.category or "", severity=rule.severity,
            message=message, text=a.text, evidence=evidence, suggestion=rule.suggestion, explanation=paths,
            sentence=a.sentence, fingerprint=fingerprint(rule.id, a.sentence, a.text),
        )))
    return _drop_superseded(findings)


def _drop_superseded(items: list[tuple[Assertion, Claim, Finding]]) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int]] = set()
    for a, rule, f in items:
        # A more specific rule whose span overlaps wins ("relief that lasts for months" is a
        # numeric overstatement, not also a durable-relief one).
        overlapping = [r for b, r, _ in items if r.id != rule.id and b.sentence_index == a.sentence_index
                       and b.span.start < a.span.end and a.span.start < b.span.end]
        if any(rule.id in r.supersedes for r in overlapping):
            continue
        key = (rule.id, a.sentence_index)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
