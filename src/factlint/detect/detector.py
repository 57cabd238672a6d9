"""Stage 4, detect: from a document's sentences to assertions (claim, polarity, context, span).

Per sentence: tokens are normalised (and near-misspellings of cue words corrected), the prefilter
keeps only the cues one of whose anchor words occurs, the surviving cues are matched, and each match
is read in its context. Most sentences stop at the prefilter.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from factlint.detect.context import SentenceContext
from factlint.detect.patterns import QUANTITY_GROUPS, normalise_token
from factlint.detect.prefilter import possible_indices
from factlint.detect.quantities import display_duration, display_rate, is_lower_bound, parse_duration, parse_rate
from factlint.detect.tokens import TOKEN_RE, Tokens, tokenize
from factlint.model import Assertion, Span
from factlint.pack.model import Context, Pack
from factlint.read.document import Document, Segment
from factlint.segment import split_sentences


@dataclass
class Speller:
    """Corrects near-misses of cue words ("adictive", "permanant"), memoising every verdict.

    One speller serves one run: its cache is the only state, and it changes no result, only speed.
    """

    vocabulary: frozenset[str]
    known: frozenset[str] = frozenset()
    _cache: dict[str, str] = field(default_factory=dict)
    _choices: list[str] = field(default_factory=list)
    # What the matcher sees for a raw token and for a normalised one (see _fix), memoised.
    _fixed: _Memo = field(init=False, repr=False, compare=False)
    _by_norm: _Memo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._fixed = _Memo(lambda raw: _fix(normalise_token(raw), self))
        self._by_norm = _Memo(lambda norm: _fix(norm, self))

    def correct(self, word: str) -> str:
        """The cue word ``word`` stands for, or ``word`` itself."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out = word
        if len(word) >= 6 and word.isalpha() and word not in self.vocabulary:
            if not self._choices:
                self._choices = sorted(self.vocabulary)
            # Optimal string alignment counts a swap ("releif") as one edit, as people make them.
            limit = 1 if len(word) < 8 else 2
            best = process.extractOne(word, self._choices, scorer=OSA.distance, score_cutoff=limit)
            # A real word of another length ("advertise" vs "adverse") is not a typo of a cue word.
            if (best is not None and best[0][0] == word[0] and word not in self.known
                    and not _inflection(word, best[0]) and _typo(word, best[0])):
                out = best[0]
        self._cache[word] = out
        return out


_TAILS = frozenset({"", "s", "es", "ed", "d", "ing", "e", "ly", "al", "er", "ers", "ion", "ions", "ive"})


_VOWELS = frozenset("aeiouy")


def _typo(word: str, target: str) -> bool:
    """Is ``word`` one of the slips people make when typing ``target``?

    Swapped neighbours ("releif"), a vowel for a vowel ("permanant", "dependance"), a dropped or
    doubled letter ("aproved", "addictve"). Other one-letter differences usually make another real
    word ("masking" is not "making"), so they are not corrected.
    """
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            return word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
        # One vowel slip, or two in a long word ("permenant").
        limit = 1 if len(word) < 8 else 2
        return 0 < len(diff) <= limit and all(word[i] in _VOWELS and target[i] in _VOWELS for i in diff)
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    if len(long_) - len(short) != 1:
        return False
    i = next((k for k, (a, b) in enumerate(zip(short, long_)) if a != b), len(short))
    extra = long_[i]
    return extra in _VOWELS or (i > 0 and long_[i - 1] == extra) or (i + 1 < len(long_) and long_[i + 1] == extra)


def _inflection(word: str, other: str) -> bool:
    """Is ``word`` a different form of ``other`` ("clinics" of "clinic"), not a typo of it?"""
    shared = len(os.path.commonprefix([word, other]))  # noqa: RUF071 - characters, not paths
    return word[shared:] in _TAILS and other[shared:] in _TAILS


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


class _Memo(dict):
    """A dict that computes a missing value with ``fn`` and keeps it.

    Unlike a memoised function, a whole sentence's tokens can be looked up by ``map`` at C speed.
    """

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> str:
        value = self[key] = self.fn(key)
        return value


def _fix(norm: str, speller: Speller) -> str:
    """A normalised token as the matcher sees it: near-misspellings of cue words corrected."""
    return speller.correct(norm) if len(norm) >= 6 else norm


def _tokens(text: str, speller: Speller) -> Tokens:
    toks = tokenize(text)
    fixed = tuple(map(speller._by_norm.__getitem__, toks.norm))
    if fixed == toks.norm:
        return toks
    return tokenize(text, correct=dict(zip(toks.norm, fixed)))


def candidates(pack: Pack, text: str, speller: Speller) -> list[int]:
    """Indices of the cues of ``pack`` that can match in ``text`` (a sentence or a segment), sorted.

    A cue is a candidate when every word set it requires (``Compiled.required``, of which its
    anchors are one) meets the text's words; the others cannot match, so leaving them out changes
    nothing but the time. Words are the text's tokens normalised and spell-corrected as
    :func:`detect_sentence` does it, memoised per raw token for the run: one C-level tokenising
    pass and a dictionary lookup per token, and most sentences never get tokenised in full.
    """
    fixed = speller._fixed
    # A superset of the words tokenize() keeps (it drops a few tokens), which is safe here.
    words = set(map(fixed.__getitem__, TOKEN_RE.findall(text)))
    return possible_indices(pack.cues, words)


def detect(pack: Pack, doc: Document, speller: Speller) -> list[Assertion]:
    """All assertions the document makes about the pack's claims."""
    out: list[Assertion] = []
    # The file-level prefilter: a document whose prose holds no anchor word (after spelling
    # correction) asserts nothing, so it is not even split into sentences. It looks at the prose
    # the reader extracted, not the raw file, because markup can split a word ("cu<b>re</b>",
    # "cu**re**", "&#99;ure") and would make a check on the raw text miss it. All of the prose is
    # checked at once: a cue may need words from two segments read together (a question and its
    # answer, a table cell and its headers, a list item and its lead-in).
    if not candidates(pack, " ".join(seg.text for seg in doc.segments), speller):
        return out
    refs = iter_sentences(doc)
    headers, labels = table_headers(doc)
    headers.update(list_intros(doc))
    per: list[list[Assertion]] = []
    for i, ref in enumerate(refs):
        # An exception ("esketamine") may stand in the sentence before, in the same paragraph:
        # "The approved spray is Spravato. It is approved for depression."
        prev = refs[i - 1].text if i and refs[i - 1].segment is ref.segment else ""
        found = detect_sentence(pack, doc, ref, speller, prev)
        if id(ref.segment) in labels:
            # A header cell names a topic ("Addiction risk"); it does not state that the risk exists.
            found = [a for a in found if not (a.polarity and pack.claims[a.claim].status == "established")]
        lead = ""
        if i and refs[i - 1].text.rstrip().endswith("?") and not ref.text.rstrip().endswith("?"):
            lead = refs[i - 1].text
        elif ref.start == 0 and id(ref.segment) in headers:
            lead = headers[id(ref.segment)]  # "Addiction risk | ... | None"
        if lead:
            seen = {(a.claim, a.span.start) for a in found}
            found += [a for a in detect_sentence(pack, doc, ref, speller, prev, lead=lead)
                      if (a.claim, a.span.start) not in seen]
        per.append(found)
    for i, found in enumerate(per):
        if found and i + 1 < len(refs):
            if any(a.question for a in found):
                answered = _answered(pack, found, refs[i + 1])
                # When the answer states the claim itself ("No. Ketamine is not addictive."), the
                # answer is the finding's place, not the question.
                said_later = {_family(pack, b.claim) for later in per[i + 1:i + 3] for b in later}
                per[i] = [a for a, q in zip(answered, found) if not (q.question and not a.question
                                                                      and _family(pack, a.claim) in said_later)]
            elif refs[i + 1].segment.block == refs[i].segment.block:
                # A rebuttal or a challenge answers the sentence before it in the same block.
                per[i] = _challenged(pack, _rebutted(pack, found, refs[i + 1]), refs[i + 1])
        out.extend(per[i])
    return out


def list_intros(doc: Document) -> dict[int, str]:
    """For each list item under a lead-in that ends with a colon, the lead-in, by ``id`` of segment.

    "The FDA has approved:" followed by "- Ketamine nasal spray: for depression" says that the
    FDA approved a ketamine nasal spray; the item is matched with its lead-in the way an answer is
    matched with its question.
    """
    out: dict[int, str] = {}
    intro = ""
    for seg in doc.segments:
        if intro and seg.kind == "list_item":
            out[id(seg)] = intro
        else:
            intro = ""
        text = seg.text.rstrip()
        if text.endswith(":"):
            # The lead-in's last sentence, without its colon.
            intro = text[:-1].rstrip().rsplit(". ", 1)[-1]
    return out


def table_headers(doc: Document) -> tuple[dict[int, str], set[int]]:
    """For each table cell that is not a header, the headers it is read with, by ``id`` of segment;
    and the ``id`` of every header cell.

    A cell such as "None" says something only with its row's first cell ("Addiction risk") and
    its column's header ("Ketamine"): the cell is matched the way an answer is matched with its
    question, so "Addiction risk ... Ketamine ... None" can deny a risk and "Opioids ... High"
    stays about opioids. A table is a run of cells with nothing between them; its first row is
    the header row, aligned with the other rows from the right (an empty corner cell is not read).
    """
    out: dict[int, str] = {}
    labels: set[int] = set()
    rows: list[list[Segment]] = []
    segs = list(doc.segments) + [None]
    for seg in segs:
        if seg is not None and seg.kind == "table_cell":
            if rows and rows[-1][0].block == seg.block:
                rows[-1].append(seg)
            else:
                rows.append([seg])
            continue
        if len(rows) >= 2:
            head = rows[0]
            labels.update(id(c) for c in head)
            labels.update(id(row[0]) for row in rows[1:] if len(row) > 1)
            for row in rows[1:]:
                for k, cell in enumerate(row[1:], start=1):
                    column = head[k - len(row)] if len(head) >= len(row) - k else None
                    parts = [row[0].text.strip()] + ([column.text.strip()] if column is not None else [])
                    out[id(cell)] = " ".join(parts)
        rows = []
    return out, labels


def _with_prev(prev: str, toks: Tokens) -> str:
    """The previous sentence and this one as one token string, the full stop between them dropped."""
    head = tokenize(prev).joined.rstrip()
    while head.endswith((" .", " !", " ?")):
        head = head[:-2].rstrip()
    return head + toks.joined


def _family(pack: Pack, claim_id: str) -> str:
    """A claim and the claim it negates count as one subject of discussion."""
    return pack.claims[claim_id].negates or claim_id


def _rebutted(pack: Pack, found: list[Assertion], nxt: SentenceRef) -> list[Assertion]:
    """A statement followed by a short denial ("... is FDA approved for pain. It isn't.") is denied."""
    toks = tokenize(nxt.text[:120])
    words = [t for t in toks.norm if t[0].isalnum()]
    # A bare "It isn't." answers the sentence before, and so does a specific rebuttal ("the research
    # does not back that up") or one that turns to something else ("It isn't, but two good weeks
    # a month is worth it"; "It didn't; the pain returned"). "Ketamine won't make you dependent" is
    # short but says something of its own.
    joined = toks.joined
    turns = (", but ", "; but ", "— but ", ", though ", "; ", "— ", ": ")
    if not words or not (_rebuttal(pack.context, joined) or any(
            (m := p.regex.match(joined, 1)) and joined[m.end():].startswith(turns) for p in pack.context.rebut)):
        return found
    return [replace(a, polarity=not a.polarity) for a in found]


def _challenged(pack: Pack, found: list[Assertion], nxt: SentenceRef) -> list[Assertion]:
    """A statement the next sentence calls into question ("... no side effects. Is that true?") is
    reported, not asserted: the writer puts it up in order to examine it."""
    if len(nxt.text) > 60:
        return found  # a challenge is a short question of its own
    joined = tokenize(nxt.text).joined
    if not any((m := p.regex.match(joined, 1)) and joined[m.end():].strip() in ("?", "? !", "?!")
               for p in pack.context.challenge):
        return found
    return [replace(a, attributed=True) for a in found]


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


def detect_sentence(
    pack: Pack, doc: Document, ref: SentenceRef, speller: Speller, prev: str = "", lead: str = ""
) -> list[Assertion]:
    """The assertions of one sentence.

    ``lead`` is a question the sentence answers ("What is the success rate? About 75 percent."):
    cues are matched on the question and the answer together, and only matches that reach into the
    answer are kept, located in the answer.
    """
    shift = 0
    text = ref.text
    if lead:
        lead = lead.rstrip().rstrip("?").rstrip()
        shift = len(lead) + 1
        text = lead + " " + text
    # Most sentences stop here, before they are tokenised in full.
    found = candidates(pack, text, speller)
    if not found:
        return []
    toks = _tokens(text, speller)
    matches: dict[tuple[str, int, int], tuple[str, str | None, int]] = {}
    for i in found:
        cue = pack.cues[i]
        for m in cue.pattern.regex.finditer(toks.joined):
            first, last = toks.tokens_of_match(m.start(), m.end())
            whole = first  # where the match starts, in the question when it reaches into one
            if shift:
                if toks.starts[last] < shift:
                    continue  # all in the question: the question's own business
                while toks.starts[first] < shift:
                    first += 1
            qty = None
            for name in QUANTITY_GROUPS:
                if name in m.re.groupindex and m.group(name):
                    qty = m.group(name).strip()
            key = (cue.claim, first, last)
            if key not in matches:
                matches[key] = (cue.pattern.source, qty, whole)
    if not matches:
        return []
    # A cue inside a longer cue belongs to it: "addictive" in "non-addictive" asserts nothing alone.
    spans = [(f, la) for (_c, f, la) in matches]
    # A number keeps its own claim even inside a longer cue ("Most patients enjoy 1-3 months").
    matches = {
        k: v for k, v in matches.items()
        if v[1] is not None or not any(f <= k[1] and k[2] <= la and (la - f) > (k[2] - k[1]) for f, la in spans)
    }
    ctx = SentenceContext(pack, toks)
    ctx.cue_spans = [(f, la) for (_c, f, la) in matches]
    out: list[Assertion] = []
    taken: set[tuple[str, int, int]] = set()
    unless_hit: dict[str, bool] = {}
    joined_prev: str | None = None
    # Longest match first, so "non-addictive" wins over an overlapping shorter cue of the same claim.
    for (claim_id, first, last), (cue_src, qty, whole) in sorted(matches.items(), key=lambda kv: (kv[0][1], -kv[0][2])):
        claim = pack.claims[claim_id]
        if any(c == claim_id and not (last < f or first > la) for c, f, la in taken):
            continue
        if claim.unless:
            # One verdict per claim and sentence: asking again for every match of the claim made a
            # long sentence with many matches quadratic (the previous sentence was re-tokenised).
            hit = unless_hit.get(claim_id)
            if hit is None:
                if prev and joined_prev is None:
                    joined_prev = _with_prev(prev, toks)
                hit = unless_hit[claim_id] = any(
                    p.regex.search(toks.joined) or (joined_prev is not None and p.regex.search(joined_prev))
                    for p in claim.unless)
            if hit:
                continue
        value = None
        asserted = claim_id
        if claim.quantity is not None:
            if qty is None:
                continue
            parsed = parse_duration(qty) if claim.quantity.measure == "duration" else parse_rate(qty)
            if parsed is None:
                continue
            value = display_rate(qty) if claim.quantity.measure == "rate" else display_duration(qty)
            if parsed <= claim.quantity.limit:
                # "lasts beyond a few weeks" neither supports short relief nor overstates it.
                if claim.quantity.supports is None or is_lower_bound(qty):
                    continue
                asserted = claim.quantity.supports
        taken.add((claim_id, first, last))
        # Words of the question that the match takes in are part of the cue, not its context:
        # "Worried about dependence? Don't be." is no hypothetical.
        c = ctx.of(whole, last)
        start, end = toks.span(first, last)
        start, end = start - shift, end - shift
        polarity = (c.negations % 2 == 0) != _refuted_after(pack, toks, last)
        out.append(_assertion(doc, ref, asserted, polarity, start, end, cue_src, c, value))
    return _drop_swallowed(pack, out) if len(out) > 1 else out


def _drop_swallowed(pack: Pack, found: list[Assertion]) -> list[Assertion]:
    """Drop a statement that a longer, overlapping statement of the same sentence contradicts.

    In "the risk of addiction is virtually nil", "risk of addiction" names the risk only to deny
    it: it is part of the overclaim, not a statement of its own, and must not pair with it as an
    inconsistency or qualify it.
    """
    def swallowed(a: Assertion) -> bool:
        return any(
            b is not a and b.span.start < a.span.end and a.span.start < b.span.end
            and b.span.end - b.span.start > a.span.end - a.span.start
            and pack.contradicts((a.claim, a.polarity), (b.claim, b.polarity))
            for b in found)
    return [a for a in found if not swallowed(a)]


def _refuted_after(pack: Pack, toks: Tokens, last: int) -> bool:
    """Is the cue followed by a denial of it in the same sentence?

    After a colon or dash: "Cures CRPS": no study shows that. After a semicolon or in a "but"
    clause, only a bare denial counts: "Some say it is non-addictive, but it is not."
    """
    ctx = pack.context
    for k in range(last + 1, len(toks.norm)):
        word = toks.norm[k]
        if word not in (":", "—", ";", "but", "yet", "however"):
            continue
        rest = " " + " ".join(toks.norm[k + 1:]) + " "
        if word in ("but", "yet", "however"):
            # "but it is not risk-free" denies something else; a specific rebuttal is not enough.
            return _rebuttal(ctx, rest, specific=False)
        # "— it isn't", "— the evidence does not back that", not "— ketamine simply doesn't cause
        # it" or "; it isn't habit-forming either", which go on to say something of their own.
        if _rebuttal(ctx, rest):
            return True
        if word == ";":
            return False
        # A bare "no" goes on with the claim as often as it denies it: "it stayed with me ever
        # since — no boosters, no flare-ups". It denies when it stands alone or names what is
        # missing ("no study shows that").
        for p in ctx.deny:
            m = p.regex.match(rest, 1)
            if m:
                after = rest[m.end():].split()
                if not after or not after[0][0].isalnum() or after[0] in ctx.deny_support:
                    return True
        return False
    return False


def _rebuttal(ctx: Context, rest: str, *, specific: bool = True) -> bool:
    """Does ``rest`` open with a rebuttal that says nothing else (only ``rebut_filler`` words up
    to the end of its clause)? With ``specific``, a rebuttal of five words or more ("the research
    does not back that up") may go on."""
    for p in ctx.rebut:
        m = p.regex.match(rest, 1)
        if m and ((specific and m.group().count(" ") >= 4) or _bare(rest[m.end():].split(), ctx.rebut_filler)):
            return True
    return False


def _bare(words: list[str], filler: frozenset[str]) -> bool:
    """Are the words up to the end of the clause all filler ("really true", "the case")?"""
    for t in words:
        if t in (",", ";", ".", "!", "—"):
            return True
        if t[0].isalnum() and t not in filler:
            return False
    return True


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
        sentence_index=ref.index, cue=cue_src, hedged=c.hedged, modal=c.modal, attributed=c.doubted, question=c.question,
        hypothetical=c.hypothetical, comparative=c.comparative, off_topic=c.off_topic, value=value,
        text=seg.text[ref.start + start:ref.start + end],
    )
