"""Sentence tokens in the normalised form that patterns match against.

The normalised form is ``" tok tok tok "``: lower-cased tokens separated by single spaces, with a
space at both ends. A regex match in it maps back to token indices, and token indices map back to
offsets in the sentence, so no position is ever guessed.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from factlint.detect.patterns import normalise_token

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*|[^\s\w]", re.UNICODE)
# Public for the prefilter, which must see the very tokens tokenize() sees.
TOKEN_RE = _TOKEN_RE
_DROP = frozenset("*_`#|~^\\")


class Tokens:
    """The tokens of one sentence: their normalised forms and, when asked, their offsets.

    Most sentences that are tokenised match no cue, so only :attr:`norm` and :attr:`joined` are
    made up front (at C speed); the offsets in the sentence and in :attr:`joined` are worked out
    the first time a match has to be located.
    """

    __slots__ = ("_ends", "_joined_starts", "_starts", "joined", "norm", "text")

    def __init__(self, text: str, norm: tuple[str, ...], joined: str) -> None:
        self.text = text
        self.norm = norm
        self.joined = joined
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] = ()
        self._joined_starts: tuple[int, ...] = ()

    def _locate(self) -> None:
        starts: list[int] = []
        ends: list[int] = []
        normal = _NORMAL
        for m in _TOKEN_RE.finditer(self.text):
            if normal[m.group()] is not None:
                start, end = m.span()
                starts.append(start)
                ends.append(end)
        self._starts, self._ends = tuple(starts), tuple(ends)
        # Each token starts one space after the previous one ends: " tok tok tok ".
        self._joined_starts = tuple(accumulate([len(n) + 1 for n in self.norm[:-1]], initial=1)) if self.norm else ()

    @property
    def starts(self) -> tuple[int, ...]:
        """Offset in the sentence where each token starts."""
        if self._starts is None:
            self._locate()
        return self._starts  # type: ignore[return-value]

    @property
    def ends(self) -> tuple[int, ...]:
        """Offset in the sentence just after each token."""
        if self._starts is None:
            self._locate()
        return self._ends

    def token_at(self, joined_pos: int) -> int:
        """Index of the token that starts at or before ``joined_pos`` in :attr:`joined`."""
        if self._starts is None:
            self._locate()
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
    # filter(None, ...) drops the tokens normalised to None (normal forms are never empty).
    norm = tuple(filter(None, map(_NORMAL.__getitem__, _TOKEN_RE.findall(text))))
    if correct is not None:
        norm = tuple(correct.get(n, n) for n in norm)
    joined = " " + " ".join(norm) + " " if norm else " "
    return Tokens(text, norm, joined)
