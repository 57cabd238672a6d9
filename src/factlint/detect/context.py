"""Context of a cue, ConText-style: negation, hedging, doubt, hypotheticals, comparisons, subject.

Every trigger is a pattern from the context lists (data, not code). A trigger affects a cue when
the cue lies within the trigger's scope: after it (forward) or before it (backward), at most
``window`` tokens away, with no terminator ("but", ";", ...) in between. Triggers that overlap the
cue belong to the cue itself ("non-addictive" is not a negation of "addictive"), and pseudo-triggers
("not only") cancel the triggers they contain.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.detect.prefilter import possible
from factlint.detect.tokens import Tokens
from factlint.pack.model import Pack

_DEFAULT_WINDOW = 8
_AFTER_WINDOW = 8  # how far after a subject-less cue a subject still counts as its own


def _family(kind: str) -> str:
    """"negation_wide" is negation with a longer reach, "hedge_frequency" a weaker hedge: one kind
    when overlapping triggers are merged."""
    return kind.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger found in a sentence: its kind, direction and token range (inclusive)."""

    kind: str
    direction: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class CueContext:
    """What the context says about one cue."""

    negations: int
    hedged: bool
    modal: bool
    doubted: bool
    hypothetical: bool
    comparative: bool
    question: bool
    off_topic: bool


class SentenceContext:
    """The triggers, terminators and subjects of one sentence, found once and queried per cue."""

    def __init__(self, pack: Pack, tokens: Tokens) -> None:
        self.pack = pack
        self.tokens = tokens
        ctx = pack.context
        joined = tokens.joined
        words = set(tokens.norm)
        masked: set[int] = set()
        for pseudo in possible(ctx.pseudo, words):
            for m in pseudo.regex.finditer(joined):
                a, b = tokens.tokens_of_match(m.start(), m.end())
                masked.update(range(a, b + 1))
        hits: list[Hit] = []
        for trig in possible(ctx.triggers, words):
            for m in trig.pattern.regex.finditer(joined):
                a, b = tokens.tokens_of_match(m.start(), m.end())
                if set(range(a, b + 1)) <= masked:
                    continue  # wholly inside a pseudo-trigger ("not only", "may have read")
                hits.append(Hit(trig.kind, trig.direction, a, b))
        # Overlapping triggers of one kind are one trigger ("by no means" holds "no").
        family = _family
        windows = ctx.windows
        # Of two triggers on the same words ("nobody" is a negation and a wide negation), the one
        # that reaches furthest is kept.
        hits.sort(key=lambda h: (family(h.kind), h.direction, h.first, -h.last, -windows.get(h.kind, _DEFAULT_WINDOW)))
        merged: list[Hit] = []
        for h in hits:
            prev = merged[-1] if merged else None
            if (prev and family(prev.kind) == family(h.kind) and prev.direction == h.direction
                    and h.first <= prev.last):
                continue
            merged.append(h)
        self.hits = merged
        self.cue_spans: list[tuple[int, int]] = []  # every cue match of the sentence, set by the detector
        self.terminators = [i for i, t in enumerate(tokens.norm) if t in ctx.terminators]
        self.kind_terminators = {
            kind: [i for i, t in enumerate(tokens.norm) if t in words] for kind, words in ctx.kind_terminators.items()
        }
        # A new clause with its own subject ends a scope: "it won't cure me and it could be
        # habit-forming" does not deny the habit.
        for kind, breaks in ctx.kind_breaks.items():
            for brk in possible(breaks, words):
                for m in brk.regex.finditer(joined):
                    self.kind_terminators.setdefault(kind, []).append(tokens.tokens_of_match(m.start(), m.end())[0])
        self.questions = [i for i, t in enumerate(tokens.norm) if t == "?"]
        self.topic = self._subjects(pack.topic, words)
        self.others = self._subjects(pack.others, words)

    def _subjects(self, patterns: tuple, words: set[str]) -> list[tuple[int, int]]:
        out = []
        for p in possible(patterns, words):
            for m in p.regex.finditer(self.tokens.joined):
                out.append(self.tokens.tokens_of_match(m.start(), m.end()))
        return sorted(out)

    def _blocked(self, a: int, b: int, kind: str | None = None) -> bool:
        """True when a terminator (of every kind, or of ``kind``) lies strictly between a and b."""
        extra = self.kind_terminators.get(kind, ()) if kind else ()
        return any(a < t < b for t in self.terminators) or any(a < t < b for t in extra)

    def of(self, first: int, last: int) -> CueContext:
        """The context of the cue spanning tokens ``first`` to ``last``."""
        counts: dict[str, int] = {}
        windows = self.pack.context.windows
        family = _family
        own_negation = any(family(h.kind) == "negation" and first <= h.first and h.last <= last for h in self.hits)
        for h in self.hits:
            if first <= h.first and h.last <= last:
                continue  # inside the cue: part of it ("non-addictive", "less addictive than caffeine")
            if family(h.kind) == "negation" and own_negation and any(
                    a <= h.first and h.last <= b and (b < first or a > last) for a, b in self.cue_spans):
                # Part of another claim: "no withdrawal and no dependence" is two denials. A cue
                # without a negation of its own is still denied by it: in "won't raise your blood
                # pressure or make you feel sick" nothing else denies the sickness. A hedge there
                # still hedges: "a small number of patients report relief that lasts".
                continue
            if h.last >= first and h.first <= last:
                # Straddles the cue: only a comparison ("less addictive than") still counts, and a
                # supposition or doubt that starts before it and frames it ("I thought I was cured",
                # "calling any drug 'perfectly safe' ignores the research").
                if family(h.kind) == "comparison" or (h.kind in ("hypothetical", "doubt") and h.first < first):
                    counts[h.kind] = counts.get(h.kind, 0) + 1
                continue
            window = windows.get(h.kind, _DEFAULT_WINDOW)
            if h.direction == "forward" and h.last < first:
                if first - h.last - 1 <= window and not self._blocked(h.last, first, h.kind):
                    counts[h.kind] = counts.get(h.kind, 0) + 1
            elif h.direction == "backward" and h.first > last:
                if h.first - last - 1 <= window and not self._blocked(last, h.first, h.kind):
                    counts[h.kind] = counts.get(h.kind, 0) + 1
        question = any(q > last and not self._blocked(last, q) for q in self.questions) or (
            bool(self.questions) and self.questions[-1] == len(self.tokens.norm) - 1
            and not self._blocked(last, self.questions[-1])
        )
        return CueContext(
            negations=counts.get("negation", 0) + counts.get("negation_wide", 0),
            hedged=counts.get("hedge", 0) + counts.get("hedge_frequency", 0) > 0,
            modal=counts.get("hedge", 0) > 0,
            doubted=counts.get("doubt", 0) > 0,
            hypothetical=counts.get("hypothetical", 0) > 0,
            comparative=counts.get("comparison", 0) > 0,
            question=question,
            off_topic=self._off_topic(first),
        )

    def _is_comparison(self, start: int) -> bool:
        norm = self.tokens.norm
        markers = self.pack.context.comparison_markers
        return any(norm[i] in markers for i in range(max(0, start - 4), start))

    def _off_topic(self, first: int) -> bool:
        """Is the nearest subject before the cue something other than the pack's topic?"""
        before: list[tuple[int, str]] = []
        for a, _b in self.topic:
            if a < first:
                before.append((a, "topic"))
        for a, b in self.others:
            if b < first and not self._inside_topic(a, b):
                # "Unlike painkillers that wear off": the compared thing is the subject of its own
                # relative clause; in "Ketamine, unlike opioids, is ..." it is not.
                # So is the one of "Unlike paracetamol, which wears off in hours, ...".
                compared = self._is_comparison(a)
                between = self.tokens.norm[b + 1:first]
                clause = between[1:] if between[:1] == (",",) else between
                if not compared or ("," not in clause and clause[:1] in (("that",), ("which",), ("who",))):
                    before.append((a, "other"))
        if before:
            # Only subjects in the same clause as the cue count, or the subject a relative clause
            # hangs from: in "Physiotherapy, which has no risk of addiction, ..." it is physiotherapy.
            nearest = max(before)
            if not self._blocked(nearest[0], first) or nearest[1] == "topic" or self._relative(nearest[0], first):
                return nearest[1] == "other"
        if self.topic:
            return False
        # No subject before the cue in its clause: one close after it decides ("The cure for Lyme
        # disease is antibiotics"). One in another clause, or far off, is about something else.
        norm = self.tokens.norm
        return any(
            first < a <= first + _AFTER_WINDOW and not self._blocked(first, a) and not self._is_comparison(a)
            and not self._inside_topic(a, b) and norm[b + 1:b + 3] != ("-", "free")
            for a, b in self.others
        )

    def _relative(self, subject: int, first: int) -> bool:
        """Does a relative clause ("which", "who") right after the subject hold the cue?"""
        norm = self.tokens.norm
        others = [b for a, b in self.others if a == subject]
        if not others:
            return False
        k = others[0] + 1
        if k < first and norm[k] == ",":
            k += 1
        if k >= first or norm[k] not in ("which", "who"):
            return False
        # The clause runs to the next terminator; the cue must lie inside it.
        return not any(k < t < first for t in self.terminators)

    def _inside_topic(self, a: int, b: int) -> bool:
        return any(ta <= a and b <= tb for ta, tb in self.topic)
