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

# id of a tuple of patterns -> (the tuple itself, kept so that its id stays its own; indices of the
# patterns without required words; word -> indices of the patterns indexed by it, and its keys).
_INDEXES: dict[int, tuple[Sequence[object], list[int], dict[str, list[int]], frozenset[str]]] = {}


def _compiled(item: object) -> Compiled:
    """The pattern of a cue or trigger (anything with a ``pattern``), or the pattern itself."""
    return getattr(item, "pattern", item)  # type: ignore[return-value]


def _rarity(clause: frozenset[str]) -> tuple[bool, int, int, list[str]]:
    # Fewest words, no stopword, longest words first: the set least likely to be in a sentence.
    return (bool(clause & STOPWORDS), len(clause), -min(map(len, clause)), sorted(clause))


def _index(items: Sequence[object]) -> tuple[list[int], dict[str, list[int]], frozenset[str]]:
    entry = _INDEXES.get(id(items))
    if entry is None or entry[0] is not items:
        always: list[int] = []
        keyed: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            required = _compiled(item).required
            if not required:
                always.append(i)
                continue
            for word in min(required, key=_rarity):
                keyed.setdefault(word, []).append(i)
        entry = _INDEXES[id(items)] = (items, always, keyed, frozenset(keyed))
    return entry[1], entry[2], entry[3]


def possible_indices(items: Sequence[object], words: set[str]) -> list[int]:
    """Sorted indices of the patterns (or cues, or triggers) in ``items`` that can match ``words``.

    ``words`` may hold more words than the sentence (never fewer): that only keeps more patterns.
    """
    always, keyed, keys = _index(items)
    hits = keys.intersection(words)  # one C-level pass: most words index nothing
    if not hits:
        return list(always)
    found = set(always)
    for word in hits:
        for i in keyed[word]:
            if i not in found and not any(words.isdisjoint(c) for c in _compiled(items[i]).required):
                found.add(i)
    return sorted(found)


def possible(items: Sequence[object], words: set[str]) -> list:
    """The patterns (or cues, or triggers) of ``items`` that can match ``words``, in their order."""
    return [items[i] for i in possible_indices(items, words)]
