"""``factlint rules verify`` and ``factlint rules test``: the pack checks itself.

verify: every evidence quote is found in its source at the cited line (fuzzy, so typographic quotes
and white space do not matter), established claims do not contradict each other through the graph,
every overclaim has at least five flag and five pass examples.
test: every flag example produces a finding of its rule; every pass example produces none at all.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from factlint.pack.model import Pack

MIN_EXAMPLES = 5
QUOTE_SCORE = 90.0


def _norm(text: str) -> str:
    table = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
    return " ".join(text.translate(table).split()).lower()


def verify_pack(pack: Pack) -> list[str]:
    """Problems found in the pack, each as ``file:line: message``."""
    problems: list[str] = []
    lines: dict[str, list[str]] = {}
    for src in pack.sources.values():
        text = (Path(pack.root) / src.file).read_text(encoding="utf-8-sig")
        lines[src.id] = [_norm(x) for x in text.splitlines()]
    for claim in sorted(pack.claims.values(), key=lambda c: (c.file, c.line)):
        where = f"{claim.file}:{claim.line}"
        for ev in claim.evidence:
            src_lines = lines[ev.source]
            quote = _norm(ev.quote)
            cited = src_lines[ev.line - 1] if 0 < ev.line <= len(src_lines) else ""
            if quote in cited or fuzz.partial_ratio(quote, cited) >= QUOTE_SCORE:
                continue
            found = [i + 1 for i, ln in enumerate(src_lines) if quote in ln or fuzz.partial_ratio(quote, ln) >= QUOTE_SCORE]
            if found:
                problems.append(f"{where}: {claim.id}: quote is on line {found[0]} of {ev.source}, not line {ev.line}")
            else:
                problems.append(f"{where}: {claim.id}: quote not found in {ev.source}: \u201c{ev.quote}\u201d")
        if claim.status == "overclaim":
            if len(claim.flag_examples) < MIN_EXAMPLES or len(claim.pass_examples) < MIN_EXAMPLES:
                problems.append(
                    f"{where}: {claim.id}: needs at least {MIN_EXAMPLES} flag and {MIN_EXAMPLES} pass examples "
                    f"(has {len(claim.flag_examples)} and {len(claim.pass_examples)})"
                )
            if not pack.conflicts.get((claim.id, True)):
                problems.append(f"{where}: {claim.id}: an overclaim must contradict an established claim")
        if claim.status == "established":
            closure = pack.closure[(claim.id, True)]
            for other in pack.claims.values():
                if other.status == "established" and (other.id, False) in closure:
                    problems.append(f"{where}: {claim.id}: established, yet it contradicts established {other.id}")
    return problems


def run_examples(pack: Pack) -> tuple[int, list[str]]:
    """(number of examples run, failures as ``file:line: message``)."""
    from factlint.api import lint_text

    failures: list[str] = []
    total = 0
    for claim in sorted(pack.claims.values(), key=lambda c: (c.file, c.line)):
        for ex in claim.flag_examples:
            total += 1
            found = lint_text(ex.text, "example.txt", packs=(pack,))
            if not any(f.rule == claim.id for f in found):
                got = ", ".join(sorted({f.rule for f in found})) or "nothing"
                failures.append(f"{claim.file}:{ex.line}: {claim.id} should flag: {ex.text!r} (got {got})")
        for ex in claim.pass_examples:
            total += 1
            found = lint_text(ex.text, "example.txt", packs=(pack,))
            if found:
                got = ", ".join(sorted({f.rule for f in found}))
                failures.append(f"{claim.file}:{ex.line}: {claim.id} should pass: {ex.text!r} (got {got})")
    return total, failures
