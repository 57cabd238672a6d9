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
        "findings": [f.to_json() for f in report.findings],
    }
    if report.errors:
        out["file_errors"] = [{"path": e.path, "message": e.message} for e in report.errors]
    if "baseline" in report.extra:  # {"file", "known", "stale"} when --baseline was used
        out["baseline"] = report.extra["baseline"]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
