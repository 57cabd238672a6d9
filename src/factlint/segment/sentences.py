"""Sentence splitting that keeps offsets: a sentence is a (start, end) range of a segment's text.

A rule-based splitter is enough for marketing prose and is an order of magnitude faster than a
statistical one. It knows common abbreviations, decimals, initials and list-like line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    ["dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "approx", "fig", "al", "jr", "sr", "inc", "ltd", "co", "mt", "dept", "est", "min", "max", "u.s", "u.k", "ph.d", "m.d", "d.o", "b.a", "m.s", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)

# A candidate end: terminal punctuation, closing quotes/brackets, then white space. The look-behind
# lets a match start only at the first mark of a run: every match takes the whole run anyway, and
# retrying from each later mark made a long run of dots ("......x") quadratic.
_END_RE = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: offsets into its segment's text, and its index within the segment."""

    start: int
    end: int
    index: int


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; white space around them is not included."""
    out: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _END_RE.finditer(text):
        end = m.end()
        if m.group() == "\n":
            if not _line_break_ends_sentence(text, m.start()):
                continue
            end = m.start()
        elif not _is_real_end(text, m.start(), m.end()):
            continue
        _emit(text, start, end, out)
        start = m.end()
    if start < n:
        _emit(text, start, n, out)
    return out


#: The longest stretch of text treated as one sentence. Real sentences stay far below it (the
#: longest in the sources, fixtures and corpora is about 300 characters); a page region without
#: sentence punctuation (a keyword-stuffed footer, a tag cloud, a table flattened into one line)
#: can run to megabytes. Later stages do some work per cue match over the whole sentence, so such
#: a "sentence" made linting quadratic; cutting it into pieces of at most this size keeps every
#: stage linear in the length of the file.
MAX_SENTENCE_CHARS = 1000


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        # Cut at the last white space of the window (a hard cut only when there is none), so
        # that no word is split.
        limit = start + MAX_SENTENCE_CHARS
        cut = limit
        while cut > start + MAX_SENTENCE_CHARS // 2 and not text[cut].isspace():
            cut -= 1
        if not text[cut].isspace():
            cut = limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append(Sentence(start, piece_end, len(out)))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, len(out)))


_MARKER_RE = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•+])\s+")
_NEXT_LIST_ITEM_RE = re.compile(r"\d+[.)]\s")


def _list_number_before(text: str, dot: int) -> bool:
    r"""Is ``text[:dot]`` a line holding only 1 to 3 digits (after blanks)? "2. Non-Opioid Option".

    Scans backwards from ``dot`` over at most the digits and blanks in front of it. The regular
    expression this replaces, ``(?:^|\n)[ \t]*\d{1,3}$`` searched from offset 0, tried every
    position of the segment for every full stop: quadratic, minutes for a 1 MB single-line paragraph.
    Like that expression's ``$``, the digits may also end just before a line break at ``dot - 1``.
    """
    ends = (dot, dot - 1) if dot > 0 and text[dot - 1] == "\n" else (dot,)
    for end in ends:
        i = end
        while i > 0 and end - i < 4 and text[i - 1].isdecimal():
            i -= 1
        if not 1 <= end - i <= 3:
            continue
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if i == 0 or text[i - 1] == "\n":
            return True
    return False


def _is_real_end(text: str, dot: int, after: int) -> bool:
    if text[dot] == "." and _list_number_before(text, dot):
        return False  # "2. Non-Opioid Option": a list number, not a sentence
    if text[dot] == ".":
        before = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot + 1)
        if before:
            word = before.group(1).lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                return False
    # The next sentence starts with a capital, digit, quote or bullet; otherwise ("e.g. x") go on.
    nxt = after
    while nxt < len(text) and text[nxt] in " \t\r\n\u00a0":
        nxt += 1
    if nxt >= len(text):
        return True
    ch = text[nxt]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘(*-•[" or not ch.isalpha()


def _line_break_ends_sentence(text: str, nl: int) -> bool:
    """Hard-wrapped prose continues across a line break; a heading or list line does not."""
    line_start = text.rfind("\n", 0, nl) + 1
    prev = _MARKER_RE.sub("", text[line_start:nl]).rstrip()
    if not prev:
        return True
    if prev[-1] in ".!?:;\"”)":
        return True
    nxt = text[nl + 1 : nl + 2]
    if not nxt:
        return True
    # The next line's first character, found without copying the rest of the segment (a copy per
    # line break made a long hard-wrapped paragraph quadratic).
    first = nl + 1
    while first < len(text) and text[first] in " \t":
        first += 1
    nxt_line = text[first : first + 1]
    if nxt_line in ("-", "*", "•", "+") or _NEXT_LIST_ITEM_RE.match(text, first):
        return True
    # Two lines that both start with a capital and the first has no closing punctuation: a
    # heading or title line followed by prose (common in text extracted from web pages).
    return bool(nxt_line[:1].isupper() and prev[:1].isupper() and len(prev) < 80 and prev[-1].isalnum())
