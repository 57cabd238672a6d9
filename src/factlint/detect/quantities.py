"""Numbers in claims: durations and rates parsed into comparable values.

Durations are measured in weeks, rates as a fraction of 1. A range keeps its upper bound, because a
claim of "relief for 1-3 months" promises up to three months; "up to half" is one half.
"""

from __future__ import annotations

import re

# The number words, the "more than" prefixes and the "about" prefixes are shared with the regular
# expressions of ``patterns`` (which are built from them), so what a cue captures is what is parsed.
NUMBER_WORDS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "few": 3, "couple": 2, "several": 3, "many": 6,
}
_UNIT_WEEKS = {
    "minute": 1 / 10080, "hour": 1 / 168, "day": 1 / 7, "week": 1.0, "month": 4.345,
    "season": 13.0, "year": 52.18, "decade": 521.8,
}
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}


def _number(tok: str) -> float | None:
    tok = tok.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", tok) else tok.replace(",", "")
    try:
        return float(tok)
    except ValueError:
        return NUMBER_WORDS.get(tok)


def parse_duration(text: str) -> float | None:
    """Upper bound of a duration in weeks ("4 - 6 weeks" -> 6.0, "months to years" -> 52.18)."""
    toks = text.split()
    if toks[:1] == ["the"] and toks[2:4] == ["part", "of"]:
        toks = toks[4:]  # "the better part of a year"
    toks, more = _lower_bound(toks)
    value = _duration(toks)
    # "beyond six weeks", "more than a month": a little more than the number itself.
    return value + 0.01 if value is not None and more else value


def is_lower_bound(text: str) -> bool:
    """Does the quantity say "more than" ("beyond a few weeks", "well over a month")?"""
    return _lower_bound(text.split())[1]


DURATION_INTENSIFIERS = (("much",), ("well",), ("far",), ("way",), ("a", "lot"))
DURATION_MORE_THAN = (("beyond",), ("over",), ("more", "than"), ("longer", "than"), ("past",), ("upwards", "of"),
                      ("in", "excess", "of"))
RATE_MORE_THAN = (("more", "than"), ("over",), ("at", "least"), ("above",), ("upwards", "of"),
                  ("well", "over"), ("way", "over"), ("well", "above"), ("far", "more", "than"))
RATE_ABOUT = (("nearly",), ("almost",), ("close", "to"), ("about",), ("around",), ("roughly",),
              ("approximately",), ("some",))


def _lower_bound(toks: list[str]) -> tuple[list[str], bool]:
    """The quantity without a leading "(much) more than", and whether it had one."""
    for head in DURATION_INTENSIFIERS:
        if tuple(toks[:len(head)]) == head and any(
                tuple(toks[len(head):len(head) + len(p)]) == p for p in DURATION_MORE_THAN):
            toks = toks[len(head):]
            break
    for prefix in DURATION_MORE_THAN:
        if tuple(toks[:len(prefix)]) == prefix and len(toks) > len(prefix):
            return toks[len(prefix):], True
    return toks, False


_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    # seasons by their middle month, holidays by their month
    "winter": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10,
    "christmas": 12, "easter": 4, "halloween": 10, "thanksgiving": 11,
}


def _span(toks: list[str]) -> tuple[str, str, int] | None:
    """The first and last date words of a span and the months from one to the other."""
    when = [t for t in toks if t in _MONTHS]
    if len(when) < 2 or toks[0] not in _MONTHS or toks[-1] not in _MONTHS:
        return None
    months = (_MONTHS[when[-1]] - _MONTHS[when[0]]) % 12 or 12
    return when[0], when[-1], months


def display_duration(text: str) -> str:
    """A duration as a message quotes it: a span of dates reads "January to July"."""
    span = _span(text.split())
    return f"{span[0].capitalize()} to {span[1].capitalize()}" if span else text


def _duration(toks: list[str]) -> float | None:
    span = _span(toks)
    if span is not None:
        return span[2] * _UNIT_WEEKS["month"]
    if any(t in ("forever", "indefinitely", "lifetime", "life") for t in toks):
        return float("inf")
    if "next" in toks and toks[-1] == "year":
        return 26.0  # "well into next year": months away, at the least
    if toks[:1] == ["the"] and len(toks) == 2:
        return 13.0 if toks[1] != "year" else 52.18  # "through the winter", "the year"
    if toks in (["quarter"], ["quarterly"]):
        return 13.0
    for part, share in (("half", 0.5), ("quarter", 0.25), ("third", 1 / 3)):
        if part in toks and toks[-1] in ("year", "month"):
            return share * _UNIT_WEEKS[toks[-1]]
    best: float | None = None
    pending: list[float] = []
    for t in toks:
        unit = t[:-1] if t.endswith("s") and t[:-1] in _UNIT_WEEKS else t
        if unit in _UNIT_WEEKS:
            # A bare plural unit ("months") means at least two of them.
            count = max(pending) if pending else (2 if t.endswith("s") else 1)
            value = count * _UNIT_WEEKS[unit]
            best = value if best is None else max(best, value)
            pending = []
            continue
        n = _number(t)
        if n is not None:
            pending.append(n)
    return best


def parse_rate(text: str) -> float | None:
    """Upper bound of a rate as a fraction ("70 - 80 %" -> 0.8, "three quarters" -> 0.75)."""
    toks = text.split()
    bump = 0.0
    for prefix in RATE_MORE_THAN:
        if tuple(toks[: len(prefix)]) == prefix:
            toks = toks[len(prefix):]
            bump = 0.01
    for prefix in RATE_ABOUT:
        if tuple(toks[: len(prefix)]) == prefix:
            toks = toks[len(prefix):]
    value = _rate(toks)
    return value + bump if value is not None else None


_GROUPS = ("survey", "study", "audit", "review", "sample", "group", "cohort", "series", "poll")


def _group_count(toks: list[str]) -> tuple[str, str] | None:
    """(part, whole) of "survey of 200 patients , 160" or "among 120 patients , 96", else None."""
    if toks and (toks[0] in _GROUPS or (toks[0] in ("among", "of") and "," in toks)):
        nums = [t for t in toks if _number(t) is not None]
        if len(nums) >= 2:
            return nums[-1], nums[0]
    return None


def display_rate(text: str) -> str:
    """A rate as a message quotes it: "survey of 200 patients , 160" reads "160 of 200"."""
    count = _group_count(text.split())
    return f"{count[0]} of {count[1]}" if count else text


def _rate(toks: list[str]) -> float | None:
    toks = [t for t in toks if t not in ("the", "every", "out")]
    if toks and toks[0] == "most":
        return 0.6
    if toks[:3] == ["more", "often", "than"]:
        return 0.51  # "more often than not"
    if toks and toks[0] in ("majority", "vast"):
        return 0.51 if toks[0] == "majority" else 0.8
    if toks == ["half"]:
        return 0.5
    if "%" in toks or "percent" in toks or "cent" in toks:
        nums = [n for n in (_number(t) for t in toks) if n is not None]
        return max(nums) / 100 if nums else None
    for i, t in enumerate(toks):
        if t in _FRACTIONS and i > 0:
            num = _number(toks[i - 1] if toks[i - 1] != "-" else toks[i - 2])
            if num is not None:
                return num / _FRACTIONS[t]
    count = _group_count(toks)
    if count is not None:
        part, whole = _number(count[0]), _number(count[1])
        return part / whole if part is not None and whole else None
    if (len(toks) >= 3 and toks[-2] in ("of", "in")) or "out" in toks or (len(toks) >= 4 and toks[1] in ("of", "patients", "people", "clients", "sufferers")):
        nums = [n for n in (_number(t) for t in toks) if n is not None]
        if len(nums) >= 2 and nums[-1] > 0:
            return nums[0] / nums[-1]
    return None


def parse_limit(text: str, measure: str) -> float:
    """Parse a limit written in a rule file ("6 weeks", "50%")."""
    norm = " ".join(re.findall(r"\d+(?:\.\d+)?|[a-z]+|%", text.lower()))
    value = parse_duration(norm) if measure == "duration" else parse_rate(norm)
    if value is None:
        raise ValueError(f"cannot read {text!r} as a {measure}")
    return value
