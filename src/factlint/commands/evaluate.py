"""``factlint eval``: precision and recall on the labelled corpus, and agreement on golden pages.

Scoring is per sentence (item) and per category. An item labelled with category C is caught when a
finding of category C is reported for it (a true positive for C) and missed otherwise; every other
category reported for an item is a false alarm of that category. ``inconsistency`` is a document
property and is not scored on single sentences. Pages are scored against their hand labels
(``*.expected.yaml``): a labelled finding is caught when a finding of its category starts on its
line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factlint.model import CATEGORIES
from factlint.pack.model import Pack

SCORED = tuple(c for c in CATEGORIES if c != "inconsistency")


@dataclass
class Score:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was reported."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SplitResult:
    """Scores of one corpus split, with every miss and false alarm."""

    name: str
    items: int = 0
    per_category: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in SCORED})
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        """Micro-averaged over the categories."""
        s = Score()
        for c in self.per_category.values():
            s.tp += c.tp
            s.fp += c.fp
            s.fn += c.fn
        return s


def load_items(path: Path) -> list[dict]:
    """The items of a corpus file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["items"])


def evaluate_split(packs: tuple[Pack, ...], name: str, items: list[dict]) -> SplitResult:
    """Lint each item on its own and score it."""
    from factlint.api import lint_text

    res = SplitResult(name)
    for item in items:
        res.items += 1
        label = item["label"]
        found = [f for f in lint_text(item["text"], "item.txt", packs=packs) if f.category != "inconsistency"]
        cats = sorted({f.category for f in found}, key=SCORED.index)
        predicted = found[0].category if found else "honest"
        if label in cats:
            predicted = label
        res.confusion.setdefault(label, {})
        res.confusion[label][predicted] = res.confusion[label].get(predicted, 0) + 1
        if label != "honest":
            if label in cats:
                res.per_category[label].tp += 1
            else:
                res.per_category[label].fn += 1
                res.misses.append((item["id"], label, ", ".join(cats) or "nothing", item["text"]))
        for c in cats:
            if c != label:
                res.per_category[c].fp += 1
                res.false_alarms.append((item["id"], label, c, item["text"]))
    return res


@dataclass
class PageResult:
    """Agreement of a page's findings with its hand labels."""

    page: str
    expected: int
    caught: int
    extra: list[tuple[int, str, str]]
    missed: list[tuple[int, str, str]]


def evaluate_pages(packs: tuple[Pack, ...], folder: Path) -> list[PageResult]:
    """Score every page in ``folder`` that has a ``.expected.yaml`` next to it."""
    from factlint.api import lint_paths
    from factlint.config import Config

    out = []
    for expected_file in sorted(folder.glob("*.expected.yaml")):
        page = expected_file.with_name(expected_file.name[: -len(".expected.yaml")])
        labels = yaml.safe_load(expected_file.read_text(encoding="utf-8")) or {}
        want = {(int(f["line"]), f["category"]) for f in labels.get("findings", [])}
        result = lint_paths([str(page)], config=Config(), rules=(), packs=packs)
        got = {(f.line, f.category) for f in result.findings}
        texts = {(f.line, f.category): f.text for f in result.findings}
        wanted_text = {(int(f["line"]), f["category"]): f.get("text", "") for f in labels.get("findings", [])}
        out.append(PageResult(
            page=page.name, expected=len(want), caught=len(want & got),
            extra=sorted((ln, c, texts[(ln, c)]) for ln, c in got - want),
            missed=sorted((ln, c, wanted_text[(ln, c)]) for ln, c in want - got),
        ))
    return out


def render_text(splits: list[SplitResult], pages: list[PageResult], details: bool) -> str:
    """The human-readable report."""
    out: list[str] = []
    for s in splits:
        o = s.overall
        out.append(f"== {s.name}: {s.items} items  precision {o.precision:.3f}  recall {o.recall:.3f}  "
                   f"F1 {o.f1:.3f}  (tp {o.tp}, fp {o.fp}, fn {o.fn})")
        out.append(f"   {'category':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
        for c, sc in s.per_category.items():
            out.append(f"   {c:<24}{sc.precision:7.3f}{sc.recall:7.3f}{sc.f1:7.3f}{sc.tp:5}{sc.fp:5}{sc.fn:5}")
        cols = [*SCORED, "honest"]
        out.append("   confusion (rows: label, columns: first reported category):")
        out.append("   " + " " * 24 + "".join(f"{c[:6]:>7}" for c in cols))
        for label in cols:
            row = s.confusion.get(label, {})
            out.append(f"   {label:<24}" + "".join(f"{row.get(c, 0):7}" for c in cols))
        if details:
            for item_id, label, got, text in s.misses:
                out.append(f"   miss  {item_id} [{label}] got {got}: {text}")
            for item_id, label, got, text in s.false_alarms:
                out.append(f"   false {item_id} [{label}] reported {got}: {text}")
        out.append("")
    if pages:
        exp = sum(p.expected for p in pages)
        caught = sum(p.caught for p in pages)
        extra = sum(len(p.extra) for p in pages)
        out.append(f"== pages: {len(pages)} pages, {caught}/{exp} labelled findings caught, {extra} unlabelled findings")
        for p in pages:
            out.append(f"   {p.page}: {p.caught}/{p.expected}")
            if details:
                for ln, c, t in p.missed:
                    out.append(f"      miss  line {ln} [{c}] {t}")
                for ln, c, t in p.extra:
                    out.append(f"      extra line {ln} [{c}] {t}")
    return "\n".join(out) + "\n"


def render_json(splits: list[SplitResult], pages: list[PageResult]) -> str:
    """The report as JSON (for the ratchet and for tools)."""
    data = {
        "splits": {
            s.name: {
                "items": s.items,
                "precision": round(s.overall.precision, 4),
                "recall": round(s.overall.recall, 4),
                "f1": round(s.overall.f1, 4),
                "categories": {c: {"precision": round(v.precision, 4), "recall": round(v.recall, 4),
                                   "tp": v.tp, "fp": v.fp, "fn": v.fn} for c, v in s.per_category.items()},
                "confusion": s.confusion,
                "misses": [list(m) for m in s.misses],
                "false_alarms": [list(m) for m in s.false_alarms],
            }
            for s in splits
        },
        "pages": [{"page": p.page, "expected": p.expected, "caught": p.caught,
                   "missed": [list(m) for m in p.missed], "extra": [list(m) for m in p.extra]} for p in pages],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
