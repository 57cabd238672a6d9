"""The prefilter: which patterns can match a sentence, decided from its words alone.

Every compiled pattern knows the word sets a match always has a token from (``Compiled.required``:
one set per word it cannot skip, "pain free" requires {pain} and {free}). A pattern one of whose
sets misses the sentence's words cannot match, so its regular expression is not run. Patterns are
indexed by their least common set, so a sentence costs a dictionary lookup per word rather than a
check per pattern. Skipping a pattern that cannot match changes no result, only the time.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlint.detect.patterns import STOPWORDS, Compiled

# id of a plain tuple of patterns -> (the tuple itself, kept so that its id stays its own, and its
# index). A pack's own lists are :class:`Indexed` and never land here.
_INDEXES: dict[int, tuple[Sequence[object], _Index]] = {}


class _Index:
    """Patterns indexed for the prefilter.

    Every distinct required word set is one bit; ``masks`` gives each word the bits of the sets it
    belongs to, so the sets a sentence meets are one integer, and a pattern can match when it has
    all of its bits (``need``). Patterns are listed under the words of their least common set
    (``keyed``), so only those whose key word occurs are looked at; those without required words
    (``always``) are always candidates.
    """

    __slots__ = ("always", "keyed", "keys", "mask_keys", "masks")

    def __init__(self, items: Sequence[object]) -> None:
        bits: dict[frozenset[str], int] = {}
        self.always: list[int] = []
        self.keyed: dict[str, list[tuple[int, int]]] = {}
        self.masks: dict[str, int] = {}
        for i, item in enumerate(items):
            required = _compiled(item).required
            if not required:
                self.always.append(i)
                continue
            need = 0
            for clause in required:
                bit = bits.get(clause)
                if bit is None:
                    bit = bits[clause] = 1 << len(bits)
                    for word in clause:
                        self.masks[word] = self.masks.get(word, 0) | bit
                need |= bit
            for word in min(required, key=_rarity):
                self.keyed.setdefault(word, []).append((i, need))
        self.keys = frozenset(self.keyed)
        self.mask_keys = frozenset(self.masks)


class Indexed(tuple):
    """A tuple of patterns (or cues, or triggers) that carries its prefilter index.

    The index is built once, when the pack is compiled, and travels with the tuple when the pack is
    cached or sent to worker processes: building it costs a one-file run (the pre-commit case) more
    than linting the file.
    """

    prefilter: _Index

    def __new__(cls, items: Sequence[object] = ()) -> Indexed:
        obj = super().__new__(cls, items)
        obj.prefilter = _Index(obj)
        return obj

    def __reduce__(self) -> tuple:
        return _restore, (tuple(self), self.prefilter)


def _restore(items: tuple, index: _Index) -> Indexed:
    obj = tuple.__new__(Indexed, items)
    obj.prefilter = index
    return obj


def _compiled(item: object) -> Compiled:
    """The pattern of a cue or trigger (anything with a ``pattern``), or the pattern itself."""
    return getattr(item, "pattern", item)  # type: ignore[return-value]


def _rarity(clause: frozenset[str]) -> tuple[bool, int, int, list[str]]:
    # Fewest words, no stopword, longest words first: the set least likely to be in a sentence.
    return (bool(clause & STOPWORDS), len(clause), -min(map(len, clause)), sorted(clause))


def _index(items: Sequence[object]) -> _Index:
    if isinstance(items, Indexed):
        return items.prefilter
    entry = _INDEXES.get(id(items))
    if entry is None or entry[0] is not items:
        entry = _INDEXES[id(items)] = (items, _Index(items))
    return entry[1]


def possible_indices(items: Sequence[object], words: set[str]) -> list[int]:
    """Sorted indices of the patterns (or cues, or triggers) in ``items`` that can match ``words``.

    ``words`` may hold more words than the sentence (never fewer): that only keeps more patterns.
    """
    index = _index(items)
    hits = index.keys.intersection(words)  # one C-level pass: most words index nothing
    if not hits:
        return list(index.always)
    met = 0
    masks = index.masks
    for word in index.mask_keys.intersection(words):
        met |= masks[word]
    found = set(index.always)
    keyed = index.keyed
    for word in hits:
        for i, need in keyed[word]:
            if need & met == need:
                found.add(i)
    return sorted(found)


def possible(items: Sequence[object], words: set[str]) -> list:
    """The patterns (or cues, or triggers) of ``items`` that can match ``words``, in their order."""
    return [items[i] for i in possible_indices(items, words)]
