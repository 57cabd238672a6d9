"""Inline switches: findings silenced by comments in the linted file itself.

``factlint-disable-next-line [ids]`` silences the first line after the comment,
``factlint-disable-line [ids]`` the comment's own line, and ``factlint-disable [ids]`` ...
``factlint-enable [ids]`` a range. An id is a rule id (``ketamine.cure``), a rule's short name
(``cure`` of ``ketamine.cure``) or a category; no ids means every rule.
"""

from __future__ import annotations

from factlint.model import Finding
from factlint.read.document import Directive


def _matches(ids: tuple[str, ...], f: Finding) -> bool:
    if not ids:
        return True
    short = f.rule.split(".", 1)[-1]
    return any(i in (f.rule, short, f.category) for i in ids)


def apply_directives(findings: list[Finding], directives: tuple[Directive, ...]) -> list[Finding]:
    """The findings that no inline switch silences."""
    if not directives:
        return findings
    ordered = sorted(directives, key=lambda d: (d.line, d.end_line))
    out = []
    for f in findings:
        if not _silenced(f, ordered):
            out.append(f)
    return out


def _silenced(f: Finding, directives: list[Directive]) -> bool:
    disabled: dict[tuple[str, ...], bool] = {}
    for d in directives:
        if d.action == "disable-next-line" and d.end_line + 1 == f.line and _matches(d.ids, f):
            return True
        if d.action == "disable-line" and d.line <= f.line <= d.end_line and _matches(d.ids, f):
            return True
        if d.end_line < f.line or (d.action in ("disable", "enable") and d.line <= f.line and d.end_line < f.line):
            if d.action == "disable":
                disabled[d.ids] = True
            elif d.action == "enable":
                if not d.ids:
                    disabled.clear()
                else:
                    disabled.pop(d.ids, None)
                    for key in list(disabled):
                        if key and set(key) <= set(d.ids):
                            del disabled[key]
    return any(_matches(ids, f) for ids, on in disabled.items() if on)
