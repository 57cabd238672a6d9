"""The one-regex floor: how fast can Python merely look for the rule pack's words in every file?

One alternation of the words (whole words, on the lower-cased text), compiled once, run over the
text of every file under the given paths; it prints how many files it read and how many matches it
found.
No linter written in Python that reads every file can beat this by much, so factlint's time is
reported as a multiple of it. Deliberately free of factlint imports: its start-up is Python's::

    python bench/floor.py --words bench/out/anchors.txt bench/out/corpus-500
"""

from __future__ import annotations

import argparse
import os
import re

SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xhtml", ".txt")


def files_under(paths: list[str]) -> list[str]:
    """Every linted-suffix file under ``paths``, sorted like factlint's discovery."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, n) for n in sorted(names) if n.lower().endswith(SUFFIXES)]
        else:
            out.append(p)
    return out


def trie_regex(words: list[str]) -> str:
    """One alternation of ``words`` written as a trie ("pain|painful" as "pain(?:ful)?").

    It matches exactly what ``w1|w2|...`` matches, but Python's engine does not factor common
    prefixes itself: a flat alternation of a few hundred words tries each in turn at every
    position and runs about forty times slower. The floor should be the fast form.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or "" in node else alts[0]
        return body + "?" if "" in node else body

    return emit(trie)


def main() -> None:
    """Scan the files; print ``files matches``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", required=True, help="file with one word per line")
    ap.add_argument("--naive", action="store_true", help="a flat alternation with re.IGNORECASE (for reference)")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    with open(args.words, encoding="utf-8") as fh:
        words = sorted({w.strip().lower() for w in fh if w.strip()}, key=lambda w: (-len(w), w))
    if args.naive:
        regex = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    else:
        regex = re.compile(r"\b" + trie_regex(words) + r"\b")
    files = matches = 0
    for path in files_under(args.paths):
        with open(path, "rb") as fh:
            text = fh.read().decode("utf-8", errors="replace")
        files += 1
        # Lower-casing the text once is cheaper than asking the engine to ignore case.
        matches += sum(1 for _ in regex.finditer(text if args.naive else text.lower()))
    print(files, matches)


if __name__ == "__main__":
    main()
