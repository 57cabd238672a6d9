"""Baselines: the findings a site already has, recorded so that only new ones fail the gate.

A site with hundreds of existing pages cannot fix every finding before it turns factlint on in CI.
``factlint baseline write FILE`` records what is there today; ``factlint check --baseline FILE``
then reports only findings that are not in it.

A finding is identified by its path and its *fingerprint* (rule + normalised sentence + normalised
claim text, see :func:`factlint.reason.reasoner.fingerprint`), never by its line: inserting,
deleting or moving other text shifts lines but leaves the fingerprint alone, so old findings do not
come back. Editing the offending sentence itself does change it, which is what a reviewer wants:
the new wording is new text and is checked again.

The same sentence can occur several times in one file (a repeated call to action), so each entry
carries a count: with ``count: 2`` the first two occurrences are known and a third is new.

Paths in the file are relative to the baseline file's directory, so the gate gives the same answer
whether it runs from the repository root (pre-commit, CI) or from a subdirectory.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from factlint.config import Config
from factlint.engine import configure
from factlint.model import Finding
from factlint.pack.yamlio import RuleError

#: Version of the baseline file format; bumped only for incompatible changes.
BASELINE_VERSION = 1


class BaselineError(RuleError):
    """A baseline file that is missing, unreadable or not a factlint baseline (a usage error)."""


@dataclass(frozen=True, order=True)
class Entry:
    """A known finding: ``count`` occurrences of ``fingerprint`` in ``path``.

    ``path`` is POSIX-style and relative to the baseline file's directory. ``rule``, ``category``
    and ``sentence`` are there for people reading or reviewing the file; matching uses only the
    path and the fingerprint.
    """

    path: str
    fingerprint: str
    rule: str = ""
    category: str = ""
    sentence: str = ""
    count: int = 1

    def to_json(self) -> dict[str, object]:
        """The entry as written to the baseline file (and listed as stale in JSON reports)."""
        return {
            "path": self.path,
            "fingerprint": self.fingerprint,
            "rule": self.rule,
            "category": self.category,
            "count": self.count,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Baseline:
    """A loaded baseline file: where it is (paths are relative to its directory) and its entries."""

    file: Path
    entries: tuple[Entry, ...]

    @property
    def base_dir(self) -> Path:
        """The directory that entry paths are relative to."""
        return Path(os.path.abspath(self.file)).parent


@dataclass
class BaselineOutcome:
    """What a baseline did to a run: the new findings, how many were known, which entries are stale.

    A stale entry is one the run could have found (its file was linted or no longer exists, and its
    rule was selected) but did not: the text was fixed, so the entry can go. Its ``count`` is the
    number of occurrences that were not found.
    """

    findings: list[Finding]
    known: int = 0
    stale: list[Entry] = field(default_factory=list)
    file: str = ""

    def to_json(self) -> dict[str, object]:
        """The ``baseline`` object added to the JSON report (an extra field the contract allows)."""
        return {"file": self.file, "known": self.known, "stale": [e.to_json() for e in self.stale]}

    def notice(self) -> str | None:
        """A one-line summary for people (stderr), or None when the baseline changed nothing."""
        if not self.known and not self.stale:
            return None
        parts = [f"{self.known} known finding{'' if self.known == 1 else 's'} not shown"]
        if self.stale:
            n = sum(e.count for e in self.stale)
            parts.append(f"{n} stale entr{'y' if n == 1 else 'ies'} no longer found (fixed? rewrite it with "
                         f"`factlint baseline write {self.file}` and the paths it was written for)")
        return f"factlint: baseline {self.file}: {'; '.join(parts)}"


def key_path(display: str, base_dir: Path) -> str:
    """The path of a finding (as displayed, relative to the working directory) as the baseline keys it."""
    absolute = os.path.abspath(display)
    try:
        rel = os.path.relpath(absolute, base_dir)
    except ValueError:  # another drive on Windows: no relative path exists
        rel = absolute
    return Path(rel).as_posix()


def build_entries(findings: Iterable[Finding], base_dir: Path) -> list[Entry]:
    """Baseline entries for ``findings``: one per (path, fingerprint), with counts, sorted."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Finding] = {}
    for f in sorted(findings, key=Finding.sort_key):
        key = (key_path(f.path, base_dir), f.fingerprint)
        counts[key] += 1
        first.setdefault(key, f)
    return sorted(
        Entry(path, fp, first[path, fp].rule, first[path, fp].category, first[path, fp].sentence, n)
        for (path, fp), n in counts.items()
    )


def render_baseline(entries: Iterable[Entry]) -> str:
    """The baseline file's text: sorted, no timestamps, so rewriting an unchanged site changes nothing."""
    doc = {
        "version": BASELINE_VERSION,
        "tool": "factlint",
        "findings": [e.to_json() for e in sorted(entries)],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_baseline(file: str | os.PathLike[str], findings: Iterable[Finding]) -> list[Entry]:
    """Write the baseline of ``findings`` to ``file`` and return its entries."""
    target = Path(file)
    entries = build_entries(findings, Path(os.path.abspath(target)).parent)
    try:
        target.write_text(render_baseline(entries), encoding="utf-8")
    except OSError as exc:
        raise BaselineError(target, None, f"cannot write the baseline: {exc.strerror or exc}") from None
    return entries


def load_baseline(file: str | os.PathLike[str]) -> Baseline:
    """Read and validate a baseline file; any problem is a :class:`BaselineError` (one line)."""
    path = Path(file)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(path, None, f"baseline not found (create it with `factlint baseline write {path}`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(path, None, f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(path, exc.lineno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(path, None, "not a factlint baseline (expected an object with a \"findings\" list)")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(path, None, f"unsupported baseline version {data.get('version')!r} "
                                        f"(this factlint reads version {BASELINE_VERSION})")
    entries = []
    for n, item in enumerate(data["findings"], 1):
        if not (isinstance(item, dict) and isinstance(item.get("path"), str)
                and isinstance(item.get("fingerprint"), str)):
            raise BaselineError(path, None, f"finding {n} needs a \"path\" and a \"fingerprint\" string")
        count = item.get("count", 1)
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise BaselineError(path, None, f"finding {n}: \"count\" must be a positive integer")
        entries.append(Entry(item["path"], item["fingerprint"], str(item.get("rule", "")),
                             str(item.get("category", "")), str(item.get("sentence", "")), count))
    return Baseline(path, tuple(entries))


def checked_by(config: Config) -> Callable[[Entry], bool]:
    """Whether a run with ``config`` checks an entry's rule (selection and severity ``off`` applied)."""

    def in_scope(e: Entry) -> bool:
        # The same function that filters real findings decides, so the two can never disagree.
        probe = Finding(e.path, 1, 1, 1, 1, e.rule, e.category, "info", "", "")
        return bool(configure([probe], config))

    return in_scope


def shown_path(file: str | os.PathLike[str]) -> str:
    """``file`` as people should see it: relative to the working directory when it is inside it."""
    absolute = os.path.abspath(file)
    rel = os.path.relpath(absolute) if absolute.startswith(os.getcwd() + os.sep) else absolute
    return Path(rel).as_posix()


def apply_baseline(
    findings: Iterable[Finding],
    baseline: Baseline,
    linted: Iterable[str],
    in_scope: Callable[[Entry], bool] = lambda _e: True,
) -> BaselineOutcome:
    """Drop the findings ``baseline`` knows; report the rest as new and the unmatched entries as stale.

    ``linted`` are the display paths of the files this run read. Only entries for those files, or
    for files that no longer exist, can be stale: a run over part of a site (a subdirectory,
    ``--changed-since``) says nothing about the other files. ``in_scope`` excludes entries whose
    rule this run did not check (``--select``, ``ignore``, severity ``off``) for the same reason.
    """
    base_dir = baseline.base_dir
    remaining: Counter[tuple[str, str]] = Counter()
    for e in baseline.entries:
        remaining[e.path, e.fingerprint] += e.count
    new: list[Finding] = []
    known = 0
    # Sorted so that, with more occurrences than the baseline knows, the later ones are the new ones.
    for f in sorted(findings, key=Finding.sort_key):
        key = (key_path(f.path, base_dir), f.fingerprint)
        if remaining[key] > 0:
            remaining[key] -= 1
            known += 1
        else:
            new.append(f)
    checked = {key_path(p, base_dir) for p in linted}
    stale: list[Entry] = []
    for e in baseline.entries:
        key = (e.path, e.fingerprint)
        left = remaining[key]
        if left <= 0:
            continue
        gone = not (base_dir / e.path).exists()
        if (e.path in checked or gone) and in_scope(e):
            stale.append(replace(e, count=left))
        # An entry listed twice (hand-merged files) shares one budget: report what is left once.
        remaining[key] = 0
    return BaselineOutcome(new, known, sorted(stale), shown_path(baseline.file))
