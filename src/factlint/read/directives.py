"""Inline switches written in comments: ``factlint-disable-next-line cure, ketamine.non-addictive``."""

from __future__ import annotations

import re

from factlint.read.document import Directive

# Longer actions first so "disable-line" is not read as "disable" followed by an id "-line".
_DIRECTIVE_RE = re.compile(
    r"\s*factlint-(disable-next-line|disable-line|disable|enable)(?=\s|,|$)(.*)",
    re.DOTALL | re.IGNORECASE,
)
_ID_SEPARATOR_RE = re.compile(r"[\s,]+")
# ESLint-style description after the ids: "factlint-disable cure -- quoting a patient".
_DESCRIPTION_RE = re.compile(r"(?:^|\s)--(?:\s|$)")


def parse_directive(body: str, line: int, end_line: int) -> Directive | None:
    """Read a comment body as a directive, or return ``None`` when it is an ordinary comment.

    ``body`` is the text inside the comment markers. Rule ids or categories follow the action,
    separated by commas and/or white space; none means every rule. ``line`` and ``end_line`` are
    the 1-based lines where the comment starts and ends.
    """
    match = _DIRECTIVE_RE.match(body)
    if match is None:
        return None
    rest = match.group(2)
    described = _DESCRIPTION_RE.search(rest)
    if described is not None:
        rest = rest[: described.start()]
    ids = tuple(part for part in _ID_SEPARATOR_RE.split(rest) if part)
    return Directive(action=match.group(1).lower(), ids=ids, line=line, end_line=end_line)
