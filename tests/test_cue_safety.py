"""Cue patterns cannot make matching explode, and the stages after matching stay linear.

The cue language compiles to Python regular expressions, which backtrack. Every element consumes
whole tokens, gaps are bounded and there is no unbounded repetition, so matching is linear in the
text; what can explode is the number of ways one pattern matches at one place, in the size of the
pattern (nested gaps, runs of optional parts). ``_ways`` bounds that number and the pack compiler
rejects patterns above ``MAX_WAYS`` (see detect/patterns.py).
"""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.detect import patterns as P
from factlint.detect.detector import Speller, detect
from factlint.read import read_document
from factlint.reason.reasoner import Neighbours, qualified, reportable
from factlint.segment import sentences as S

# --- the bound ------------------------------------------------------------------------------------

_STOP = {"but", "however", "although", "though", "whereas", "except", "yet", "no", "not", "never", "without",
         "nothing", "none", "zero", "cannot", "nor", "neither"}


def _ends(node: object, toks: list[str], i: int) -> list[int]:
    """Every way ``node`` matches ``toks`` from ``i``, as the list of end positions (with repeats)."""
    if isinstance(node, P._Words):
        return [i + 1] if i < len(toks) and toks[i] in node.words else []
    if isinstance(node, P._Prefix):
        return [i + 1] if i < len(toks) and toks[i].startswith(node.prefix) else []
    if isinstance(node, P._Gap):
        out = [i]
        for k in range(i, min(len(toks), i + node.size)):
            if toks[k] in _STOP or not re.fullmatch(r"[^ .;:!?—]+", toks[k]):
                break
            out.append(k + 1)
        return out
    if isinstance(node, P._Opt):
        return [i, *_ends(node.item, toks, i)]
    if isinstance(node, P._Alt):
        return [e for o in node.options for e in _ends(o, toks, i)]
    if isinstance(node, P._Seq):
        positions = [i]
        for item in node.items:
            positions = [e for p in positions for e in _ends(item, toks, p)]
        return positions
    raise TypeError(node)


_WORDS = ["aa", "bb", "cc", "aab", "aabc", "aa-bb", "aab*", "no", "aa bb", "aa bb cc"]


@st.composite
def _pattern(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["word", "word", "gap", "opt", "alt"] if depth < 2 else ["word", "gap"]))
        if kind == "word":
            parts.append(draw(st.sampled_from(_WORDS)))
        elif kind == "gap":
            parts.append(f"...{draw(st.integers(1, 3))}")
        elif kind == "opt":
            parts.append(f"[{draw(_pattern(depth + 1))}]")
        else:
            parts.append("(" + "|".join(draw(st.lists(_pattern(depth + 1), min_size=2, max_size=3))) + ")")
    return " ".join(parts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pattern=_pattern(), tokens=st.lists(st.sampled_from(["aa", "bb", "cc", "aab", "aabc", "-", "aabb", "no", "."]),
                                           max_size=12))
def test_ways_bounds_the_ways_a_pattern_really_matches(pattern: str, tokens: list[str]) -> None:
    try:
        node = P._Parser(pattern, {}).parse()
    except P.PatternError:
        return
    bound = P._ways(node)
    for i in range(len(tokens) + 1):
        assert len(_ends(node, tokens, i)) <= bound, (pattern, tokens, i)


@pytest.mark.parametrize(
    "pattern",
    [
        "a ...12 ...12 ...12 ...12 ...12 b",  # 371,293 ways: 43 s on one 200-word sentence before
        "[a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] b",  # 8,192 ways
        "(a|[a]) (a|[a]) (a|[a]) (a|[a]) (a|[a]) (a|[a]) (a|[a]) (a|[a]) b",  # alternatives that can both match
        "a [...12 [...12 [...12 [...12]]]] b",
        "@rate ...12 @rate ...12 @duration ...12 b",
    ],
)
def test_patterns_that_would_backtrack_catastrophically_are_rejected_at_once(pattern):
    started = time.perf_counter()
    with pytest.raises(P.PatternError, match=r"pattern can match one place in up to [\d,]+ ways"):
        P.compile_pattern(pattern)
    assert time.perf_counter() - started < 1


def test_alternatives_that_exclude_each_other_do_not_add_up():
    ways = lambda text: P._ways(P._Parser(text, {}).parse())  # noqa: E731
    assert ways("(fda|ema|mhra|tga) approved") == 1
    assert ways("(pain|pain relief|chronic pain|chronic pain relief)") == 2  # "pain" and "pain relief"
    assert ways("(relief|relie*)") == 2  # a prefix can share a token with a word
    assert ways("a ...4 b ...2 c") == 5 * 3
    assert ways("[very] safe") == 2


def test_worst_accepted_cues_on_crafted_long_input_stay_fast(packs):
    """Input built from the words of the bundled pack's most ambiguous cues, no full stops."""
    from factlint.api import lint_text

    crafted = [
        "fda approved approved for for as as pain pain ",
        "50 % of patients of them people 50 % fewer headaches ",
        "relief relief lasts lasts remain remain for for weeks ",
        "ketamine cures 50 % of patients fda approved for pain relief lasts 6 months non-addictive completely safe ",
    ]
    for unit in crafted:
        times = []
        for n in (1, 4):
            text = unit * (1500 * n // len(unit.split()))
            started = time.perf_counter()
            lint_text(text, "crafted.txt", packs=packs)
            times.append(time.perf_counter() - started)
        assert times[1] < 10, (unit, times)  # 6,000 words; about a second on a quiet machine
        assert times[1] < 8 * times[0] + 1.0, (unit, times)  # linear, not quadratic


# --- linear stages around matching ------------------------------------------------------------------

_OLD_LIST_NUMBER_RE = re.compile(r"(?:^|\n)[ \t]*\d{1,3}$")
_OLD_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)|\n")


@given(text=st.text(alphabet="12 \t\n.a!?\"')٣", max_size=30))
def test_list_number_check_agrees_with_the_regex_it_replaced(text: str) -> None:
    for dot in range(len(text) + 1):
        assert S._list_number_before(text, dot) == bool(_OLD_LIST_NUMBER_RE.search(text, 0, dot)), (text, dot)


@given(text=st.text(alphabet=".!?\"')] \nab", max_size=30))
def test_sentence_end_regex_agrees_with_the_one_it_replaced(text: str) -> None:
    assert [m.span() for m in S._END_RE.finditer(text)] == [m.span() for m in _OLD_END_RE.finditer(text)]


@given(text=st.text(max_size=3000))
def test_long_sentences_are_cut_into_pieces_that_cover_the_text(text: str) -> None:
    found = S.split_sentences(text)
    assert all(0 < s.end - s.start <= S.MAX_SENTENCE_CHARS for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    covered = "".join(text[s.start:s.end] for s in found)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but white space is left out


def test_sentence_splitting_is_linear():
    for unit in ("Lorem ipsum dolor sit amet. ", "." * 50 + "x", "word\n", "1.\n", "a " * 600 + "\n"):
        times = []
        for n in (1, 4):
            text = unit * (20_000 * n // len(unit))
            started = time.perf_counter()
            S.split_sentences(text)
            times.append(time.perf_counter() - started)
        assert times[1] < 8 * times[0] + 0.2, (unit[:20], times)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from([
    "Ketamine cures CRPS.", "Ketamine is not a cure.", "Relief lasts for 6 months.", "For most it fades within weeks.",
    "Many feel lasting relief.", "Ketamine is non-addictive.", "It carries a risk of dependence.", "\n\n", "Really?",
    "Some say ketamine cures pain.", "Ketamine is completely safe.", "Side effects are common.",
]), max_size=12).map(" ".join))
def test_indexed_qualification_agrees_with_scanning(packs, text: str) -> None:
    pack = packs[0]
    doc = read_document("d.md", text)
    found = detect(pack, doc, Speller(pack.vocabulary, pack.known_words))
    index = Neighbours(found)
    for a in found:
        rule = reportable(pack, a)
        if rule is not None:
            assert qualified(pack, rule, a, found) == qualified(pack, rule, a, index)
