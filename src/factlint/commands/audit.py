"""``factlint sources audit``: lint a pack's sources against the graph and against each other.

Sources disagree: a clinic page may deny the addiction risk that a physician's article describes.
Every statement in a source that contradicts an established claim is printed beside the evidence
of that claim, with both sides' files, lines, kinds and trust. Hedged statements are included (and
marked), because a hedged disagreement is still one a maintainer should see.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from factlint.detect.detector import Speller, detect
from factlint.model import Assertion, Evidence
from factlint.pack.model import Pack
from factlint.read import decode, read_document
from factlint.reason.reasoner import literal, qualified


@dataclass(frozen=True)
class Disagreement:
    """A statement of one source against the evidence for the established claim it contradicts."""

    source: str
    line: int
    text: str
    sentence: str
    hedged: bool
    asserted: str
    established: str
    evidence: tuple[Evidence, ...]


def audit(pack: Pack) -> list[Disagreement]:
    """Every disagreement in the pack's sources, in source and line order."""
    speller = Speller(pack.vocabulary, pack.known_words)
    out: list[Disagreement] = []
    for src in sorted(pack.sources.values(), key=lambda s: s.id):
        text, _ = decode((Path(pack.root) / src.file).read_bytes())
        doc = read_document(src.file, text, "text")
        found = detect(pack, doc, speller)
        for a in found:
            if not _counts(a):
                continue
            rule_id = pack.reporter.get(literal(a))
            if rule_id and qualified(pack, pack.claims[rule_id], a, found):
                continue  # "lasting relief ... for as long as 3 weeks" states its own limit
            for conflict in pack.conflicts.get(literal(a), ())[:1]:
                claim = pack.claims[conflict.established]
                others = tuple(e for e in claim.evidence if not (e.source == src.id and e.line == a.span.line))
                if not others:
                    continue
                out.append(Disagreement(src.id, a.span.line, a.text, a.sentence, a.hedged,
                                        _say(pack, a), claim.id, others))
    seen: set[tuple[str, int, str]] = set()
    unique = []
    for d in out:
        key = (d.source, d.line, d.established)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _counts(a: Assertion) -> bool:
    # Questions, hypotheticals and claims about other subjects are not the source's position;
    # a hedge is kept (and shown) because it is still a stance.
    return not (a.question or a.hypothetical or a.off_topic or a.attributed or a.comparative)


def _say(pack: Pack, a: Assertion) -> str:
    return a.claim if a.polarity else f"not {a.claim}"


def render_text(pack: Pack, items: list[Disagreement]) -> str:
    """One block per disagreement, both sides with file, line, kind and trust."""
    out: list[str] = []
    for d in items:
        src = pack.sources[d.source]
        out.append(f"{src.file}:{d.line}: {src.kind}, trust {src.trust}{' (hedged)' if d.hedged else ''}: "
                   f"asserts {d.asserted}: \u201c{d.text}\u201d")
        out.append(f"    in: {d.sentence.strip()[:240]}")
        out.append(f"  contradicts {d.established}:")
        for e in d.evidence[:3]:
            other = pack.sources[e.source]
            out.append(f"    {other.file}:{e.line}: {other.kind}, trust {other.trust}: \u201c{e.quote}\u201d")
        out.append("")
    out.append(f"{len(items)} disagreement{'s' if len(items) != 1 else ''} in {len(pack.sources)} sources.")
    return "\n".join(out) + "\n"


def render_json(pack: Pack, items: list[Disagreement]) -> str:
    """The disagreements as JSON."""
    data = [
        {"source": d.source, "file": pack.sources[d.source].file, "line": d.line, "text": d.text,
         "hedged": d.hedged, "asserts": d.asserted, "contradicts": d.established,
         "evidence": [e.to_json() for e in d.evidence]}
        for d in items
    ]
    return json.dumps({"disagreements": data}, indent=2, ensure_ascii=False) + "\n"
