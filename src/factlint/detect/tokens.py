"""Sentence tokens in the normalised form that patterns match against.

The normalised form is ``" tok tok tok "``: lower-cased tokens separated by single spaces, with a
space at both ends. A regex match in it maps back to token indices, and token indices map back to
offsets in the sentence, so no position is ever guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

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


class _Normal(dict):
    """Raw token -> its normalised form, or None for a token that is dropped; filled on first use.

    A site has a few thousand distinct tokens and millions of occurrences: normalising each
    distinct token once made tokenising a third faster. Bounded, so memory stays flat however
    many files a run reads.
    """

    def __missing__(self, tok: str) -> str | None:
        n: str | None = None if tok in _DROP else normalise_token(tok)
        if n == '"':
            n = None  # quotation marks do not change what is claimed: is "not a concern"
        if len(self) < 200_000:
            self[tok] = n
        return n


_NORMAL = _Normal()


def tokenize(text: str, correct: dict[str, str] | None = None) -> Tokens:
    """Tokenise a sentence; ``correct`` maps misspelt tokens to the words they stand for."""
    starts: list[int] = []
    ends: list[int] = []
    norm: list[str] = []
    normal = _NORMAL
    for m in _TOKEN_RE.finditer(text):
        n = normal[m.group()]
        if n is None:
            continue
        if correct is not None:
            n = correct.get(n, n)
        start, end = m.span()
        starts.append(start)
        ends.append(end)
        norm.append(n)
    # Each token starts one space after the previous one ends: " tok tok tok ".
    joined_starts = tuple(accumulate([len(n) + 1 for n in norm[:-1]], initial=1)) if norm else ()
    joined = " " + " ".join(norm) + " " if norm else " "
    return Tokens(tuple(starts), tuple(ends), tuple(norm), joined, joined_starts)
