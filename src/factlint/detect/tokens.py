"""Sentence tokens in the normalised form that patterns match against.

The normalised form is ``" tok tok tok "``: lower-cased tokens separated by single spaces, with a
space at both ends. A regex match in it maps back to token indices, and token indices map back to
offsets in the sentence, so no position is ever guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factlint.detect.patterns import normalise_token

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*|[^\s\w]", re.UNICODE)
# Public for the prefilter, which must see the very tokens tokenize() sees.
TOKEN_RE = _TOKEN_RE
_DROP = frozenset("*_`#|~^\\")


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of one sentence: offsets in the sentence text and their normalised forms."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    norm: tuple[str, ...]
    joined: str
    _joined_starts: tuple[int, ...]

    def token_at(self, joined_pos: int) -> int:
        """Index of the token that starts at or before ``joined_pos`` in :attr:`joined`."""
        return bisect.bisect_right(self._joined_starts, joined_pos) - 1

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Offsets (start, end) in the sentence of tokens ``first`` to ``last`` inclusive."""
        return self.starts[first], self.ends[last]

    def tokens_of_match(self, start: int, end: int) -> tuple[int, int]:
        """(first, last) token indices covered by a match of ``joined[start:end]``."""
        first = self.token_at(start)
        last = self.token_at(max(start, end - 2))
        return first, last


def tokenize(text: str, correct: dict[str, str] | None = None) -> Tokens:
    """Tokenise a sentence; ``correct`` maps misspelt tokens to the words they stand for."""
    starts: list[int] = []
    ends: list[int] = []
    norm: list[str] = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group()
        if tok in _DROP:
            continue
        n = normalise_token(tok)
        if n == '"':
            continue  # quotation marks do not change what is claimed: is "not a concern"
        if correct is not None:
            n = correct.get(n, n)
        starts.append(m.start())
        ends.append(m.end())
        norm.append(n)
    joined_starts = []
    pos = 1
    for n in norm:
        joined_starts.append(pos)
        pos += len(n) + 1
    joined = " " + " ".join(norm) + " " if norm else " "
    return Tokens(tuple(starts), tuple(ends), tuple(norm), joined, tuple(joined_starts))
