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

# A candidate end: terminal punctuation, closing quotes/brackets, then white space.
_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")
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


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, len(out)))


_LIST_NUMBER_RE = re.compile(r"(?:^|\n)[ \t]*\d{1,3}$")
_MARKER_RE = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*•+])\s+")


def _is_real_end(text: str, dot: int, after: int) -> bool:
    if text[dot] == "." and _LIST_NUMBER_RE.search(text, 0, dot):
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
    nxt_line = text[nl + 1 :].lstrip(" \t")
    if nxt_line[:1] in ("-", "*", "•", "+") or re.match(r"\d+[.)]\s", nxt_line):
        return True
    # Two lines that both start with a capital and the first has no closing punctuation: a
    # heading or title line followed by prose (common in text extracted from web pages).
    return bool(nxt_line[:1].isupper() and prev[:1].isupper() and len(prev) < 80 and prev[-1].isalnum())
