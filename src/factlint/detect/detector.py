"""Stage 4, detect: from a document's sentences to assertions (claim, polarity, context, span).

Per sentence: tokens are normalised (and near-misspellings of cue words corrected), the prefilter
keeps only the cues one of whose anchor words occurs, the surviving cues are matched, and each match
is read in its context. Most sentences stop at the prefilter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from factlint.detect.context import SentenceContext
from factlint.detect.quantities import parse_duration, parse_rate
from factlint.detect.tokens import Tokens, tokenize
from factlint.model import Assertion, Span
from factlint.pack.model import Pack
from factlint.read.document import Document, Segment
from factlint.segment import split_sentences


@dataclass
class Speller:
    """Corrects near-misses of cue words ("adictive", "permanant"), memoising every verdict.

    One speller serves one run: its cache is the only state, and it changes no result, only speed.
    """

    vocabulary: frozenset[str]
    cutoff: float = 88.0
    _cache: dict[str, str] = field(default_factory=dict)
    _choices: list[str] = field(default_factory=list)

    def correct(self, word: str) -> str:
        """The cue word ``word`` stands for, or ``word`` itself."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out = word
        if len(word) >= 7 and word.isalpha() and word not in self.vocabulary:
            if not self._choices:
                self._choices = sorted(self.vocabulary)
            best = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=self.cutoff)
            # An inflection of a cue word ("clinics" for "clinic") is a different word, not a typo:
            # only a difference before the last two letters counts as a misspelling.
            if best is not None and best[0][0] == word[0]:
                shared = len(os.path.commonprefix([word, best[0]]))  # noqa: RUF071 - characters, not paths
                if shared < min(len(word), len(best[0])) - 2:
                    out = best[0]
        self._cache[word] = out
        return out


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence of a document: segment, offsets in the segment text, block and global index."""

    segment: Segment
    start: int
    end: int
    index: int

    @property
    def text(self) -> str:
        """The sentence text."""
        return self.segment.text[self.start:self.end]


def iter_sentences(doc: Document) -> list[SentenceRef]:
    """Every sentence of the document, in order, with a document-wide index."""
    out: list[SentenceRef] = []
    for seg in doc.segments:
        for s in split_sentences(seg.text):
            out.append(SentenceRef(seg, s.start, s.end, len(out)))
    return out


def _tokens(text: str, speller: Speller) -> Tokens:
    toks = tokenize(text)
    fixed = tuple(speller.correct(t) if len(t) >= 7 else t for t in toks.norm)
    if fixed == toks.norm:
        return toks
    return tokenize(text, correct=dict(zip(toks.norm, fixed)))


def detect(pack: Pack, doc: Document, speller: Speller) -> list[Assertion]:
    """All assertions the document makes about the pack's claims."""
    out: list[Assertion] = []
    refs = iter_sentences(doc)
    for i, ref in enumerate(refs):
        found = detect_sentence(pack, doc, ref, speller)
        if found and i + 1 < len(refs) and any(a.question for a in found):
            found = _answered(pack, found, refs[i + 1])
        out.extend(found)
    return out


def _answered(pack: Pack, found: list[Assertion], answer: SentenceRef) -> list[Assertion]:
    """A question answered by the next sentence ("Is it addictive? No.") asserts the answer.

    "Yes" commits the question's claims as asked, "No"/"Never" commits their denial. Any other
    next sentence leaves the question asserting nothing.
    """
    joined = tokenize(answer.text[:80]).joined
    verdict = None
    if any(p.regex.match(joined, 1) for p in pack.context.deny):
        verdict = False
    elif any(p.regex.match(joined, 1) for p in pack.context.affirm):
        verdict = True
    if verdict is None:
        return found
    return [
        replace(a, question=False, polarity=a.polarity if verdict else not a.polarity) if a.question else a
        for a in found
    ]


def detect_sentence(pack: Pack, doc: Document, ref: SentenceRef, speller: Speller) -> list[Assertion]:
    """The assertions of one sentence."""
    text = ref.text
    toks = _tokens(text, speller)
    candidates: set[int] = set(pack.unanchored)
    index = pack.cue_index
    for word in set(toks.norm):
        hit = index.get(word)
        if hit:
            candidates.update(hit)
    if not candidates:
        return []
    matches: dict[tuple[str, int, int], tuple[str, str | None]] = {}
    for i in sorted(candidates):
        cue = pack.cues[i]
        for m in cue.pattern.regex.finditer(toks.joined):
            first, last = toks.tokens_of_match(m.start(), m.end())
            qty = None
            for name in ("duration", "rate"):
                if name in m.re.groupindex and m.group(name):
                    qty = m.group(name).strip()
            key = (cue.claim, first, last)
            if key not in matches:
                matches[key] = (cue.pattern.source, qty)
    if not matches:
        return []
    # A cue inside a longer cue belongs to it: "addictive" in "non-addictive" asserts nothing alone.
    spans = [(f, la) for (_c, f, la) in matches]
    matches = {
        k: v for k, v in matches.items()
        if not any(f <= k[1] and k[2] <= la and (la - f) > (k[2] - k[1]) for f, la in spans)
    }
    ctx = SentenceContext(pack, toks)
    out: list[Assertion] = []
    taken: set[tuple[str, int, int]] = set()
    # Longest match first, so "non-addictive" wins over an overlapping shorter cue of the same claim.
    for (claim_id, first, last), (cue_src, qty) in sorted(matches.items(), key=lambda kv: (kv[0][1], -kv[0][2])):
        claim = pack.claims[claim_id]
        if any(c == claim_id and not (last < f or first > la) for c, f, la in taken):
            continue
        if claim.unless and any(p.regex.search(toks.joined) for p in claim.unless):
            continue
        value = None
        asserted = claim_id
        if claim.quantity is not None:
            if qty is None:
                continue
            parsed = parse_duration(qty) if claim.quantity.measure == "duration" else parse_rate(qty)
            if parsed is None:
                continue
            value = qty
            if parsed <= claim.quantity.limit:
                if claim.quantity.supports is None:
                    continue
                asserted = claim.quantity.supports
        taken.add((claim_id, first, last))
        c = ctx.of(first, last)
        start, end = toks.span(first, last)
        out.append(_assertion(doc, ref, asserted, c.negations % 2 == 0, start, end, cue_src, c, value))
    return out


def _assertion(doc, ref, claim_id, polarity, start, end, cue_src, c, value) -> Assertion:
    seg = ref.segment
    src_start = seg.src_offset(ref.start + start)
    src_end = seg.src_end(ref.start + end)
    line, col = doc.line_index.position(src_start)
    end_line, end_col = doc.line_index.position(max(src_end - 1, src_start))
    span = Span(src_start, src_end, line, col, end_line, end_col + 1)
    return Assertion(
        claim=claim_id, polarity=polarity, span=span, sentence=ref.text,
        sentence_span=(seg.src_offset(ref.start), seg.src_end(ref.end)), block=seg.block,
        sentence_index=ref.index, cue=cue_src, hedged=c.hedged, attributed=c.doubted, question=c.question,
        hypothetical=c.hypothetical, comparative=c.comparative, off_topic=c.off_topic, value=value,
        text=seg.text[ref.start + start:ref.start + end],
    )
