"""``factlint explain ID``: everything about one claim, as ``ruff rule`` does for a code."""

from __future__ import annotations

import textwrap

from factlint.cli_errors import UnknownId
from factlint.pack.model import Pack


def _find(packs: list[Pack], rule_id: str) -> tuple[Pack, str]:
    for pack in packs:
        for cid in (rule_id, f"{pack.name}.{rule_id}"):
            if cid in pack.claims:
                return pack, cid
        for c in pack.claims.values():
            if c.category == rule_id and c.status == "overclaim":
                return pack, c.id
    known = sorted(c for p in packs for c in p.claims)
    raise UnknownId(f"unknown rule or claim {rule_id!r}; known: {', '.join(known)}")


def explain_text(packs: list[Pack], rule_id: str) -> str:
    """The explanation of a claim or rule id (or the first overclaim of a category)."""
    pack, cid = _find(packs, rule_id)
    c = pack.claims[cid]
    out = [f"{c.id}  ({c.status}{', ' + c.category if c.category else ''}{', ' + c.severity if c.category else ''})",
           "", textwrap.fill(c.statement, 96), ""]
    if c.doc:
        out += [textwrap.fill(c.doc, 96), ""]
    if c.message:
        out += ["Message:", textwrap.indent(textwrap.fill(c.message, 92), "  "), ""]
    if c.suggestion:
        out += ["Safer wording:", textwrap.indent(textwrap.fill(c.suggestion, 92), "  "), ""]
    if c.evidence:
        out.append("Evidence:")
        for e in c.evidence:
            out.append(f"  {e.source}:{e.line}  \u201c{e.quote}\u201d")
        out.append("")
    conflicts = pack.conflicts.get((c.id, True), ())
    if conflicts:
        out.append("Contradicted by the sources:")
        for k in conflicts:
            out.append("  " + " ".join(k.path))
            for e in pack.claims[k.established].evidence[:3]:
                out.append(f"      {e.source}:{e.line}  \u201c{e.quote}\u201d")
        out.append("")
    neighbours = [(a, kind, b) for a, kind, b in pack.edges if c.id in (a, b)]
    if neighbours:
        out.append("Graph:")
        out += [f"  {a} --{kind}--> {b}" for a, kind, b in neighbours]
        out.append("")
    if c.quantity:
        out += [f"Numeric limit: {c.quantity.measure} at most {c.quantity.limit_text}", ""]
    for title, items in (("Flags:", c.flag_examples), ("Passes:", c.pass_examples)):
        if items:
            out.append(title)
            out += [f"  - {e.text}" for e in items]
            out.append("")
    out.append(f"Defined at {c.file}:{c.line}")
    return "\n".join(out) + "\n"
