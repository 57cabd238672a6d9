"""The kernel: linting one document is a pure function of (compiled packs, document).

discover -> read -> segment -> detect -> reason -> report: this module runs the middle stages for
one file and the filter chain (inline switches, selection, severities) that follows them. It does no
I/O of its own beyond what it is handed, so the CLI, the Python API and worker processes share it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factlint.config import Config
from factlint.detect.detector import Speller, detect
from factlint.model import Finding
from factlint.pack.model import Pack
from factlint.read.document import Document
from factlint.reason.consistency import Located, find_inconsistencies, pairable
from factlint.reason.reasoner import reason
from factlint.reason.suppress import apply_directives


@dataclass(frozen=True)
class Analysis:
    """What one document yields: its findings and (per pack) the assertions a run-wide search for
    inconsistencies can use (see :func:`~factlint.reason.consistency.pairable`)."""

    findings: tuple[Finding, ...]
    located: tuple[tuple[str, Located], ...]


def analyse(packs: tuple[Pack, ...], doc: Document, spellers: dict[str, Speller]) -> Analysis:
    """Findings of one document, with inconsistencies inside the document."""
    findings: list[Finding] = []
    located: list[tuple[str, Located]] = []
    for pack in packs:
        speller = spellers.setdefault(pack.digest, Speller(pack.vocabulary, pack.known_words))
        assertions = detect(pack, doc, speller)
        findings += reason(pack, doc.path, assertions)
        mine = [Located(doc.path, a) for a in assertions]
        findings += find_inconsistencies(pack, mine)
        # Only what the run-wide search for inconsistencies can use is kept for it: a run over
        # thousands of files would otherwise hold every assertion of every file.
        located += [(pack.name, x) for x in pairable(pack, mine)]
    return Analysis(tuple(apply_directives(findings, doc.directives)), tuple(located))


def selected(f: Finding, config: Config) -> bool:
    """Does the selection (``select``/``ignore`` by rule id, short name or category) keep ``f``?"""
    names = {f.rule, f.rule.split(".", 1)[-1], f.category}
    if config.select and not names & set(config.select):
        return False
    return not names & set(config.ignore)


def configure(findings: list[Finding], config: Config) -> list[Finding]:
    """Apply selection and severity overrides, then sort in the contract's order."""
    out = []
    for f in findings:
        if not selected(f, config):
            continue
        sev = None
        for key in (f.category, f.rule.split(".", 1)[-1], f.rule):  # most specific wins
            sev = config.severity.get(key, sev)
        if sev == "off":
            continue
        out.append(replace(f, severity=sev) if sev and sev != f.severity else f)
    return sorted(out, key=Finding.sort_key)
