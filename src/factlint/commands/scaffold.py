"""``factlint rules scaffold``: a draft pack from new source documents.

The draft is a starting point for a maintainer, not a finished pack: every sentence of the sources
that talks about duration, risk, approval or efficacy becomes a candidate established claim with
its quote and line, ready to be merged, reworded, given cues and paired with overclaims. The draft
loads and passes ``factlint rules verify`` as it is, so the maintainer can work in small steps.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from factlint.read import decode, read_document
from factlint.segment import split_sentences

# Signals of each family of claim a health pack usually needs. Deliberately broad: a maintainer
# deletes candidates faster than they find missing ones.
FAMILIES: dict[str, re.Pattern[str]] = {
    "duration": re.compile(
        r"\b(weeks?|months?|years?|days?|hours?|lasting|long[- ]term|short[- ]term|temporar\w*|wears? off|"
        r"booster\w*|repeat\w*|durab\w*|permanent\w*)\b", re.I),
    "risk": re.compile(
        r"\b(risks?|side[- ]effects?|adverse|dependen\w*|addict\w*|abuse|misuse|toxic\w*|contraindicat\w*|"
        r"warning|danger\w*|harm\w*|complications?)\b", re.I),
    "approval": re.compile(
        r"\b(approv\w*|FDA|EMA|licen[cs]\w*|off[- ]label|indicat\w*|regulat\w*|schedule[d]?|controlled substance)\b",
        re.I),
    "efficacy": re.compile(
        r"\b(effective\w*|efficacy|respon\w*|relie\w*|improv\w*|cure\w*|stud(y|ies)|trials?|patients|\d+\s?%|"
        r"percent|half|third|quarter)\b", re.I),
}


class ScaffoldError(Exception):
    """The scaffold cannot be written (existing folder, unreadable source)."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "pack"


def candidates(path: Path) -> list[tuple[str, int, str]]:
    """(family, line, sentence) for every candidate sentence of one source."""
    text, _ = decode(path.read_bytes())
    doc = read_document(str(path), text, "text")
    out: list[tuple[str, int, str]] = []
    for seg in doc.segments:
        for s in split_sentences(seg.text):
            sentence = " ".join(seg.text[s.start:s.end].split())
            if len(sentence) < 25 or len(sentence.split()) < 5:
                continue
            line, _ = doc.line_index.position(seg.src_offset(s.start))
            for family, rx in FAMILIES.items():
                if rx.search(sentence):
                    out.append((family, line, sentence))
                    break
    return out


def scaffold(sources: list[Path], out: Path, name: str) -> tuple[Path, int]:
    """Write a draft pack to ``out``; returns (claims file, number of candidate claims)."""
    if out.exists():
        raise ScaffoldError(f"{out}: already exists; choose a new folder")
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise ScaffoldError(f"{name!r}: a pack name is lower-case letters, digits and dashes")
    for s in sources:
        if not s.is_file():
            raise ScaffoldError(f"{s}: no such source file")
    (out / "sources").mkdir(parents=True)
    (out / "claims").mkdir()
    pack_sources = []
    claims = []
    counters: dict[str, int] = {}
    for src in sources:
        sid = _slug(src.stem)
        shutil.copyfile(src, out / "sources" / src.name)
        pack_sources.append({"id": sid, "file": f"sources/{src.name}", "title": src.stem,
                             "kind": "unknown", "trust": "medium"})
        for family, line, sentence in candidates(src):
            counters[family] = counters.get(family, 0) + 1
            quote = sentence if len(sentence) <= 200 else sentence[:200].rsplit(" ", 1)[0]
            claims.append({
                "id": f"{family}-{counters[family]}",
                "status": "established",
                "statement": f"TODO: restate as a claim. Candidate ({family}): {quote}",
                "evidence": [{"source": sid, "line": line, "quote": quote}],
            })
    header = (
        f"# Draft pack for {name}, written by `factlint rules scaffold`.\n"
        "# Next steps: set each source's kind and trust; merge and restate the candidate claims below;\n"
        "# add cues to established claims; write overclaims (status: overclaim, category, message,\n"
        "# suggestion, negates/contradicts, cues, five flag and five pass examples); then run\n"
        "# `factlint rules verify --rules DIR` and `factlint rules test --rules DIR`.\n"
    )
    pack = {"pack": name, "title": name, "version": "0.1", "subject": {"terms": [name]},
            "sources": pack_sources, "claims": ["claims/*.yaml"]}
    (out / "pack.yaml").write_text(header + yaml.safe_dump(pack, sort_keys=False, allow_unicode=True), encoding="utf-8")
    claims_file = out / "claims" / "draft.yaml"
    claims_file.write_text(header + yaml.safe_dump({"claims": claims}, sort_keys=False, allow_unicode=True, width=100),
                           encoding="utf-8")
    return claims_file, len(claims)
