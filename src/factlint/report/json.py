"""``--format json``: the contract's single object (shared/DESIGN.md), byte-for-byte stable."""

from __future__ import annotations

import json

from factlint.report.base import RunReport


def render_json(report: RunReport) -> str:
    """The JSON object of the contract, with ``file_errors`` added when files could not be read and
    ``baseline`` when a baseline hid known findings (extra fields, which the contract allows)."""
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
        return text
    # The findings are encoded one at a time and appended. With indent, json.dumps encodes in
    # Python and holds every token of the whole output in one list before joining it: over 150 MB
    # for 2,000 pages. Appended to one string (which CPython grows in place), only the output and
    # one finding are held. The bytes are the same: each finding is indented two levels deeper,
    # and JSON strings hold no raw newline.
    head, tail = text.split('"findings": []', 1)
    out_text = head + '"findings": [\n'
    last = len(report.findings) - 1
    for i, f in enumerate(report.findings):
        out_text += "    " + json.dumps(f.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        out_text += ",\n" if i < last else "\n  ]"
    out_text += tail
    return out_text
