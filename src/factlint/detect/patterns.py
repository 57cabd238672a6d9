"""The cue pattern language: readable for medical writers, compiled to regular expressions.

A pattern is a sequence of words matched against a sentence's normalised tokens::

    cure~                 cure, cures, cured, curing (simple English inflections)
    non-addictive         non-addictive, non addictive, nonaddictive
    (pain|crps) free      alternatives, grouped
    [completely] safe     an optional part
    relief ... weeks      a gap of up to 4 words (``...6`` for up to 6); never crosses ; : . ! ?
                          or the words "but", "however", "although"
    addict*               any word starting with "addict"
    @pain                 a macro defined in the pack (``macros:``)
    @duration  @rate      built-in quantities, captured for the numeric checks
    @share                @rate, or "most" (for tight patterns only)
    @span                 a duration given by two dates: "in January ... until July" (months,
                          seasons and a few holidays)

Matching is on lower-cased tokens joined by single spaces, so patterns never see case, runs of
white space, curly quotes or the many Unicode dashes. Each compiled pattern also knows its *anchors*:
a set of words of which every match contains at least one. The prefilter uses them to skip a
pattern unless one of its anchors is in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from factlint.detect.quantities import (
    DURATION_INTENSIFIERS,
    DURATION_MORE_THAN,
    NUMBER_WORDS,
    RATE_ABOUT,
    RATE_MORE_THAN,
)
from factlint.detect.regexcode import Frozen, freeze, thaw

# Words too common to serve as a prefilter anchor.
STOPWORDS = frozenset(
    ["a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "and", "or", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's", "this", "that", "these", "those", "as", "from", "your", "you", "our", "we", "they", "their", "his", "her", "can", "may", "will", "would", "could", "should", "not", "no", "do", "does", "did", "has", "have", "had", "i", "me", "my", "he", "she", "them", "than", "then", "so", "very", "more", "most", "some", "any", "all"]
)

# A gap never swallows a clause break or a negation: "has no side effects" must not match "has ...
# side effects" and then read as a positive statement.
_GAP_STOP = (
    r"(?!(?:but|however|although|though|whereas|except|yet|no|not|never|without|nothing|none|zero"
    r"|cannot|can't|isn't|aren't|doesn't|don't|won't|didn't|wasn't|hasn't|haven't|nor|neither) )"
)
# A hyphenated compound ("first-line", tokenised "first - line") counts as one word of a gap.
_GAP_TOKEN = r"[^ .;:!?—]+ (?:- [^ .;:!?—-][^ .;:!?—]* )*"

def _alternatives(words: object) -> str:
    """``a|b c|...`` of words or word tuples, longest first."""
    texts = {w if isinstance(w, str) else " ".join(w) for w in words}
    return "|".join(sorted(texts, key=lambda t: (-len(t), t)))


_NUMBER_WORDS = _alternatives([*NUMBER_WORDS, "a few", "a couple of"])
_NUM = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})"
# "nine good months", "six pain-free months": the adjective does not change the duration.
_ADJ = r"(?:(?:good|solid|full|whole|blissful|wonderful|great|comfortable|pain - free|pain free|glorious) )"
_UNIT = r"(?:minute|hour|day|week|month|season|year|decade)s?"
# "4 - 6 weeks", "four to six weeks", "1 to 3 months", "months to years", "a year", "several months"
# "beyond six weeks", "well over a month": more than the number says (see parse_duration)
_MORE = rf"(?:(?:(?:{_alternatives(DURATION_INTENSIFIERS)}) )?(?:{_alternatives(DURATION_MORE_THAN)}) )?"
DURATION_RE = (
    # "the better part of a year": most of it, read as the whole
    r"(?:the (?:better|best|greater) part of )?"
    rf"{_MORE}(?:"
    r"(?:(?:a |one )?(?:half|quarter|third) (?:of )?(?:a |an )?(?:year|month) )|"
    rf"(?:(?:(?:between )?{_NUM} (?:(?:-|to|or|and) {_NUM} )?(?:- )?{_ADJ}?{_UNIT} (?:(?:-|to|or) (?:{_NUM} )?{_UNIT} )?)"
    rf"|(?:{_UNIT} (?:(?:-|to|or) {_UNIT} )?)"
    r"|(?:(?:well )?into next year )|(?:the (?:winter|summer|spring|autumn|fall|year|season) )"
    # "a booster every quarter": a quarter of a year (a quarter of the patients is not a duration:
    # there the word follows "a", which no cue lets stand before this form).
    r"|(?:quarter )|(?:quarterly )))"
)
_FRACTION = (
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine) (?:- )?"
    r"(?:half|halves|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth|tenths) )"
)
_PERCENT = rf"(?:{_NUM} (?:(?:-|to|and) {_NUM} )?(?:%|percent|per cent) )"
# "70 %", "70 to 80 %", "three quarters", "two - thirds", "half", "4 of 6", "nine out of ten", "9 in 10"
RATE_RE = (
    rf"(?:(?:{_alternatives((*RATE_MORE_THAN, *RATE_ABOUT))}) )?"
    rf"(?:{_PERCENT}|{_FRACTION}|(?:half |majority |vast majority |more often than not )"
    rf"|(?:{_NUM} (?:out of every|out of|of every|in every|of the|of|in) {_NUM} )"
    # "four of our last five", "a survey of 200 patients , 160": the share is the one number over the other
    rf"|(?:{_NUM} of (?:our|my|the|his|her) (?:last|first|past|latest|most recent) {_NUM} )"
    rf"|(?:(?:survey|study|audit|review|sample|group|cohort|series|poll) of {_NUM} "
    rf"(?:patients|people|clients|participants|respondents|users|sufferers) , {_NUM} )"
    # "three patients in every four"
    rf"|(?:{_NUM} (?:patients|people|clients|sufferers) (?:in every|out of every|in|out of|of) {_NUM} )"
    # "among 120 patients , 96", "of the 40 patients in the audit , 31"
    rf"|(?:(?:among|of) (?:the |our |our last |the last |our first |the first )?{_NUM} (?:[^ .;:!?—,]+ )?"
    rf"(?:patients|people|clients|participants|respondents|users|sufferers"
    rf"|veterans|women|men|adults) (?:[^ .;:!?—,]+ ){{0,4}}?, {_NUM} ))"
)

_WHEN = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|spring|summer|autumn|fall|winter|christmas|easter|halloween|thanksgiving)"
)
# "January ... until July", "from Halloween right through to Easter": read as the months between.
SPAN_RE = (
    rf"(?:{_WHEN} (?:[^ .;:!?—]+ ){{0,10}}?"
    r"(?:until|till|to|through|into|in|by|since|now) (?:[^ .;:!?—]+ ){0,3}?"
    rf"{_WHEN} )"
)

# "most" as a share: only where a cue says what most patients do ("most patients respond"); in a
# loose pattern it reads "most people need boosters" as a response rate.
SHARE_RE = rf"(?:most |{RATE_RE})"

_BUILTIN_MACROS = {"duration": DURATION_RE, "rate": RATE_RE, "span": SPAN_RE, "share": SHARE_RE}
QUANTITY_GROUPS = tuple(_BUILTIN_MACROS)
"""Names of the groups a match captures its quantity in (one per built-in macro)."""


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says what is wrong."""


def inflections(stem: str) -> tuple[str, ...]:
    """Simple English inflections of ``stem``: over-generation is harmless, omission is a miss."""
    forms = {stem, stem + "s", stem + "es", stem + "ed", stem + "ing", stem + "d"}
    if stem[-1:] not in "aeiouy":
        # Stems written without their final "e" ("eliminat~", "induc~") still match the base form.
        forms |= {stem + "e", stem + "es"}
    if stem.endswith("e"):
        forms |= {stem[:-1] + "ing", stem + "d", stem + "s"}
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
        forms |= {stem[:-1] + "ies", stem[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", stem) and len(stem) <= 5:
        forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    return tuple(sorted(forms))


# --- a tiny parser: pattern text -> element tree -> (regex, anchors) -------------------------

@dataclass(frozen=True)
class _Words:
    words: tuple[str, ...]


@dataclass(frozen=True)
class _Prefix:
    prefix: str


@dataclass(frozen=True)
class _Raw:
    regex: str
    name: str


@dataclass(frozen=True)
class _Gap:
    size: int


@dataclass(frozen=True)
class _Seq:
    items: tuple[object, ...]


@dataclass(frozen=True)
class _Alt:
    options: tuple[object, ...]


@dataclass(frozen=True)
class _Opt:
    item: object


_TOKEN_RE = re.compile(r"\s*(\.\.\.\d*|[()\[\]|]|@[a-z_][a-z0-9_]*|[^\s()\[\]|]+)")


def _lex(text: str) -> list[str]:
    pos = 0
    out = []
    text = text.strip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m or not m.group(1):
            raise PatternError(f"cannot read pattern near {text[pos:pos + 10]!r}")
        out.append(m.group(1))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str, macros: dict[str, object]) -> None:
        self.text = text
        self.tokens = _lex(text)
        self.pos = 0
        self.macros = macros

    def parse(self) -> object:
        node = self._alternation(end=None)
        if self.pos != len(self.tokens):
            raise PatternError(f"unexpected {self.tokens[self.pos]!r} in pattern {self.text!r}")
        return node

    def _alternation(self, end: str | None) -> object:
        options = [self._sequence(end)]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
            self.pos += 1
            options.append(self._sequence(end))
        return options[0] if len(options) == 1 else _Alt(tuple(options))

    def _sequence(self, end: str | None) -> object:
        items: list[object] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if tok == "|" or tok == end:
                break
            if tok in (")", "]"):
                raise PatternError(f"unbalanced {tok!r} in pattern {self.text!r}")
            self.pos += 1
            if tok == "(":
                items.append(self._group(")"))
            elif tok == "[":
                items.append(_Opt(self._group("]")))
            elif tok.startswith("..."):
                size = int(tok[3:]) if len(tok) > 3 else 4
                if not 1 <= size <= 12:
                    raise PatternError(f"a gap may span 1 to 12 words, not {size}, in {self.text!r}")
                items.append(_Gap(size))
            elif tok.startswith("@"):
                name = tok[1:]
                if name in _BUILTIN_MACROS:
                    items.append(_Raw(_BUILTIN_MACROS[name], name))
                elif name in self.macros:
                    items.append(self.macros[name])
                else:
                    raise PatternError(f"unknown macro @{name} in pattern {self.text!r}")
            else:
                items.append(_word(tok, self.text))
        if not items:
            raise PatternError(f"empty alternative in pattern {self.text!r}")
        return items[0] if len(items) == 1 else _Seq(tuple(items))

    def _group(self, close: str) -> object:
        node = self._alternation(end=close)
        if self.pos >= len(self.tokens) or self.tokens[self.pos] != close:
            raise PatternError(f"missing {close!r} in pattern {self.text!r}")
        self.pos += 1
        return node


def _word(tok: str, text: str) -> object:
    tok = normalise_token(tok)
    if re.search(r"[?+{}\\^$]", tok):
        # Regex habits ("(fda )?approval", "claims?") would silently match nothing.
        raise PatternError(f"{tok!r} is not a word: use [optional] parts and alternatives, not regex, in {text!r}")
    if tok.endswith("*"):
        stem = tok[:-1]
        if len(stem) < 3:
            raise PatternError(f"prefix {tok!r} is too short (3 letters at least) in {text!r}")
        return _Prefix(stem)
    inflect = tok.endswith("~")
    if inflect:
        tok = tok[:-1]
    if "-" in tok.strip("-") and re.fullmatch(r"[^\s-]+(?:-[^\s-]+)+", tok):
        # Tokenised "top - ups": the hyphen is a token of its own, and only the last part inflects.
        parts = tok.split("-")
        last = inflections(parts[-1]) if inflect else (parts[-1],)
        spaced = _Seq(tuple(
            x for i, p in enumerate(parts[:-1]) for x in ((_Opt(_Words(("-",))),) if i else ()) + (_Words((p,)),)
        ) + (_Opt(_Words(("-",))), _Words(last)))
        return _Alt((spaced, _Words(tuple("".join(parts[:-1]) + w for w in last))))
    return _Words(inflections(tok)) if inflect else _Words((tok,))


def _regex(node: object) -> str:
    if isinstance(node, _Words):
        alts = sorted({re.escape(w) for w in node.words}, key=lambda w: (-len(w), w))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return body + " "
    if isinstance(node, _Prefix):
        return re.escape(node.prefix) + r"[^ ]* "
    if isinstance(node, _Raw):
        return f"(?P<{node.name}>{node.regex})"
    if isinstance(node, _Gap):
        return f"(?:{_GAP_STOP}{_GAP_TOKEN}){{0,{node.size}}}?"
    if isinstance(node, _Seq):
        return "".join(_regex(i) for i in node.items)
    if isinstance(node, _Alt):
        return "(?:" + "|".join(_regex(o) for o in node.options) + ")"
    if isinstance(node, _Opt):
        return "(?:" + _regex(node.item) + ")?"
    raise TypeError(node)  # pragma: no cover


def _score(words: frozenset[str]) -> tuple[int, int, int]:
    return (int(bool(words & STOPWORDS)), len(words), -min(len(w) for w in words))


def _anchors(node: object) -> frozenset[str] | None:
    """A set of words every match contains one of, or None when there is no such useful set."""
    if isinstance(node, _Words):
        return frozenset(node.words)
    if isinstance(node, _Seq):
        best = None
        for item in node.items:
            a = _anchors(item)
            if a and (best is None or _score(a) < _score(best)):
                best = a
        return best
    if isinstance(node, _Alt):
        out: set[str] = set()
        for o in node.options:
            a = _anchors(o)
            if not a:
                return None
            out |= a
        return frozenset(out)
    return None


def _words_of(node: object) -> set[str]:
    if isinstance(node, _Words):
        return set(node.words)
    if isinstance(node, (_Seq, _Alt)):
        items = node.items if isinstance(node, _Seq) else node.options
        return set().union(*(_words_of(i) for i in items))
    if isinstance(node, _Opt):
        return _words_of(node.item)
    return set()


def _required(node: object) -> list[frozenset[str]]:
    """Word sets that every match has a token from, one set per word a match cannot skip.

    ``_anchors`` picks one such set to index a pattern by; these are all of them, so the prefilter
    can also skip a pattern whose anchor occurs but whose other indispensable words do not.
    """
    if isinstance(node, _Words):
        return [frozenset(node.words)]
    if isinstance(node, _Seq):
        return [clause for item in node.items for clause in _required(item)]
    if isinstance(node, _Alt):
        a = _anchors(node)
        return [a] if a else []
    return []


# --- how much work a pattern can cost the regular expression engine --------------------------
#
# Python's engine backtracks: when the rest of a pattern fails, it goes back and tries the next way
# an earlier part could have matched. In the cue language that cannot become catastrophic in the
# length of the text: every element consumes whole tokens, gaps are bounded (at most 12 words) and
# there is no unbounded repetition, so from one starting token the engine tries at most the number
# of distinct ways the pattern can match there (:func:`_ways`), whatever follows. Matching is linear
# in the text. What can explode is that number, in the size of the pattern: each gap or optional
# part multiplies it ("a ...12 ...12 ...12 ...12 ...12 b" can match one place in 13**5 = 371,293
# ways, and took 43 seconds on one 200-word sentence). A pattern whose count exceeds MAX_WAYS is
# therefore rejected when the pack is compiled. Measured cost: about 0.4 microseconds per way per
# token, so a pattern at the limit costs at most ~2 ms per token of a sentence crafted against it;
# the most ambiguous cue of the bundled pack allows 1,792 ways.

#: The most ways a pattern may match at one place (see above).
MAX_WAYS = 4096
# Ways a built-in quantity (@duration, @rate) may match at one place: their alternatives mostly
# exclude each other; measured, each costs the engine less than a gap of seven words (8 ways).
_RAW_WAYS = 8

_FirstSet = tuple[frozenset[str], frozenset[str]]  # words and prefixes a first token can be


def _union(a: _FirstSet | None, b: _FirstSet | None) -> _FirstSet | None:
    return None if a is None or b is None else (a[0] | b[0], a[1] | b[1])


@cache
def _first(node: object) -> tuple[_FirstSet | None, bool]:
    """What the first token of a match of ``node`` can be (None: any token), and whether ``node``
    can match nothing."""
    if isinstance(node, _Words):
        return (frozenset(node.words), frozenset()), False
    if isinstance(node, _Prefix):
        return (frozenset(), frozenset((node.prefix,))), False
    if isinstance(node, _Raw):
        return None, False
    if isinstance(node, _Gap):
        return None, True
    if isinstance(node, _Opt):
        return _first(node.item)[0], True
    first: _FirstSet | None = (frozenset(), frozenset())
    if isinstance(node, _Seq):
        for item in node.items:
            f, empty = _first(item)
            first = _union(first, f)
            if not empty:
                return first, False
        return first, True
    any_empty = False
    for option in node.options:  # type: ignore[attr-defined]
        f, empty = _first(option)
        first, any_empty = _union(first, f), any_empty or empty
    return first, any_empty


def _overlap(a: _FirstSet | None, b: _FirstSet | None) -> bool:
    """Can one token be the first of both?"""
    if a is None or b is None or a[0] & b[0]:
        return True
    return any(w.startswith(p) for x, y in ((a, b), (b, a)) for p in x[1] for w in (*y[0], *y[1])) or any(
        q.startswith(p) for p in a[1] for q in b[1])


def _groups(items: list[object], first: Callable[[object], object]) -> list[list[object]]:
    """Items grouped so that items whose first tokens can coincide share a group."""
    firsts = [first(item) for item in items]
    if all(f is not None and not f[1] for f in firsts):  # type: ignore[index]
        # The usual case, words only: when no word is shared, every item is a group of its own.
        words = [w for f in firsts for w in f[0]]  # type: ignore[index]
        if len(words) == len(set(words)):
            return [[item] for item in items]
    groups: list[tuple[list[object], list[object]]] = []  # (items, their first-token sets)
    for item in items:
        f = first(item)
        joined = [g for g in groups if any(_overlap(f, h) for h in g[1])]  # type: ignore[arg-type]
        merged: tuple[list[object], list[object]] = ([item], [f])
        for g in joined:
            groups.remove(g)
            merged[0].extend(g[0])
            merged[1].extend(g[1])
        groups.append(merged)
    return [g[0] for g in groups]


def _literal(node: object) -> tuple[frozenset[str], ...] | None:
    """``node`` as a sequence of word sets when it is only words, else None."""
    if isinstance(node, _Words):
        return (frozenset(node.words),)
    if isinstance(node, _Seq) and all(isinstance(i, _Words) for i in node.items):
        return tuple(frozenset(i.words) for i in node.items)  # type: ignore[attr-defined]
    return None


def _trie_ways(seqs: list[tuple[frozenset[str], ...]]) -> int:
    """Ways a set of word sequences can match one place: only those along one path of their trie."""
    empty = int(any(not s for s in seqs))
    rest = [s for s in seqs if s]
    groups = _groups(rest, lambda s: (s[0], frozenset()))  # type: ignore[index]
    return empty + max((_trie_ways([s[1:] for s in g]) for g in groups), default=0)  # type: ignore[index]


@cache  # macros are shared by many patterns
def _ways(node: object) -> int:
    """An upper bound on the number of distinct ways ``node`` can match at one place.

    A sequence multiplies, an optional part adds one, a gap of n words has n + 1 ways. For an
    alternation only options whose first tokens can coincide add up; options that are plain words
    count along one path of their trie ("pain" and "pain relief" can both match, "fda" and "ema"
    cannot).
    """
    if isinstance(node, (_Words, _Prefix)):
        return 1
    if isinstance(node, _Raw):
        return _RAW_WAYS
    if isinstance(node, _Gap):
        return node.size + 1
    if isinstance(node, _Opt):
        return _ways(node.item) + 1
    if isinstance(node, _Seq):
        total = 1
        for item in node.items:
            total *= _ways(item)
        return total
    if isinstance(node, _Alt):
        def first(o: object) -> object:
            f, empty = _first(o)
            return None if empty else f

        best = 0
        for group in _groups(list(node.options), first):
            literal = [_literal(o) for o in group]
            if all(x is not None for x in literal):
                best = max(best, _trie_ways(literal))  # type: ignore[arg-type]
            else:
                best = max(best, sum(_ways(o) for o in group))
        return best
    raise TypeError(node)  # pragma: no cover


@dataclass(frozen=True)
class Compiled:
    """A compiled pattern: its source text, regular expression, prefilter anchors and vocabulary.

    ``expression`` is the regular expression's source and ``code`` the engine's compiled form of
    it (see :mod:`factlint.detect.regexcode`); :attr:`regex` builds the pattern on first use.
    ``required`` lists word sets a match always has a token from (see :func:`_required`).
    """

    source: str
    expression: str
    anchors: frozenset[str] | None
    vocabulary: frozenset[str]
    required: tuple[frozenset[str], ...] = ()
    code: Frozen | None = field(default=None, compare=False, repr=False)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled regular expression.

        Built lazily and from stored code: a pack holds hundreds of patterns, a small file needs
        few of them, and compiling them all on every start (which unpickling compiled patterns
        does) took longer than linting a small file.
        """
        return thaw(self.expression, self.code)

    def __getstate__(self) -> dict[str, object]:
        # Pickle the source only, never the compiled form (see ``regex``).
        state = dict(self.__dict__)
        state.pop("regex", None)
        return state


def parse_macros(raw: dict[str, str]) -> dict[str, object]:
    """Compile a pack's macros, which may use each other (in any order, without cycles)."""
    done: dict[str, object] = {}
    pending = dict(raw)
    while pending:
        progressed = False
        for name, text in list(pending.items()):
            refs = set(re.findall(r"@([a-z_][a-z0-9_]*)", text)) - set(_BUILTIN_MACROS)
            if refs - set(done):
                if refs - set(raw):
                    missing = sorted(refs - set(raw))[0]
                    raise PatternError(f"macro @{name} uses unknown macro @{missing}")
                continue
            done[name] = _Parser(text, done).parse()
            del pending[name]
            progressed = True
        if not progressed:
            raise PatternError(f"macros refer to each other in a cycle: {', '.join(sorted(pending))}")
    return done


def compile_pattern(text: str, macros: dict[str, object] | None = None) -> Compiled:
    """Compile one pattern; raises :class:`PatternError` with a readable message."""
    if not isinstance(text, str) or not text.strip():
        raise PatternError("a pattern must be a non-empty string")
    node = _Parser(text, macros or {}).parse()
    ways = _ways(node)
    if ways > MAX_WAYS:
        raise PatternError(
            f"pattern can match one place in up to {ways:,} ways (limit {MAX_WAYS:,}), which makes matching "
            f"slow: every gap and [optional] part multiplies the ways; use fewer or shorter gaps, or split it "
            f"into several cues: {text!r}")
    # Matches start right after a space in the " tok tok tok " form, so words never match inside
    # other words and each element can simply consume its trailing space.
    regex = "(?<= )" + _regex(node)
    code = freeze(regex)  # also reports a bad pattern now, when the pack is compiled
    anchors = _anchors(node)
    if anchors is not None and _score(anchors)[0]:
        anchors = None
    return Compiled(text, regex, anchors, frozenset(_words_of(node)), tuple(_required(node)), code)


# --- token normalisation, shared by patterns and sentences ------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"), "-")
_DASHES.update(dict.fromkeys(map(ord, "\u2014\u2015"), "—"))
_DASHES.update(dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u2032"), "'"))
_DASHES.update(dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb\u2033"), '"'))


def normalise_token(tok: str) -> str:
    """Lower-case and fold the Unicode look-alikes (dashes, quotes) that writers use."""
    return tok.translate(_DASHES).lower()
