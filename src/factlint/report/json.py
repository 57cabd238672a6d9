"""``--format json``: the contract's single object (shared/DESIGN.md), byte-for-byte stable."""

from __future__ import annotations

import json
from collections.abc import Iterator

from factlint.report.base import RunReport


def render_json(report: RunReport) -> str:
    """The JSON object of the contract, with ``file_errors`` added when files could not be read and
    ``baseline`` when a baseline hid known findings (extra fields, which the contract allows)."""
    text = ""
    for piece in iter_json(report):
        text += piece  # CPython grows the string in place: no list of pieces beside the result
    return text


def iter_json(report: RunReport) -> Iterator[str]:
    """:func:`render_json`'s text in pieces, one finding at a time, for writing as it is made.

    With indent, json.dumps encodes in Python and holds every token of the whole output in one
    list before joining it: over 150 MB for 2,000 pages, and the report of a 20,000-page site as a
    string is larger than everything else a run holds. The bytes are the same: each finding is
    encoded on its own and indented two levels deeper (JSON strings hold no raw newline).
    """
    counts = report.counts()
    out: dict[str, object] = {
        "version": 1,
        "summary": {
            "files": report.files,
            "findings": len(report.findings),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
        },
        "findings": [],
    }
    if report.errors:
        out["file_errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    if "baseline" in report.extra:  # {"file", "known", "stale"} when --baseline was used
        out["baseline"] = report.extra["baseline"]
    text = json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    if not report.findings:
        yield text
        return
    head, tail = text.split('"findings": []', 1)
    yield head + '"findings": [\n'
    last = len(report.findings) - 1
    for i, f in enumerate(report.findings):
        piece = "    " + json.dumps(f.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield piece + (",\n" if i < last else "\n  ]")
    yield tail
