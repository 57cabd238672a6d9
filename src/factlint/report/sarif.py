"""``--format sarif``: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

One run, one rule descriptor per distinct rule id and one result per finding. The output is a pure
function of the report (no timestamps, no invocation data, sorted rules), so the same input always
gives the same bytes and uploads deduplicate on ``partialFingerprints``.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from factlint.model import Finding
from factlint.report.base import RunReport

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Characters left as they are in a URI path; everything else (spaces, %, #, ?, :) is percent-encoded
# so that the uri is a valid URI reference. ':' is encoded because in a relative reference the
# first segment would otherwise read as a scheme ("C:/x" or "a:b.md").
_URI_SAFE = "/-._~!$&'()*+,;=@"

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _level(severity: str) -> str:
    return _LEVELS.get(severity, "warning")


def _uri(path: str) -> str:
    """The artifact URI of a display path: POSIX separators, relative paths kept relative."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe=_URI_SAFE)
    return quote(posix, safe=_URI_SAFE)


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _sentence(text: str) -> str:
    """``text`` ending with sentence punctuation, so a following sentence reads as one."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _help_text(f: Finding) -> str:
    parts = [_sentence(f.message)]
    if f.evidence:
        parts.append("Evidence:\n" + "\n".join(f"- {e.source}:{e.line} \u201c{e.quote}\u201d"
                                               for e in f.evidence))
    if f.suggestion:
        parts.append(f"Safer wording: {f.suggestion}")
    return "\n\n".join(parts)


def _rule(f: Finding) -> dict[str, object]:
    """The descriptor of ``f.rule``, described by its first finding in contract order."""
    return {
        "id": f.rule,
        "name": f.rule.rsplit(".", 1)[-1],
        "shortDescription": {"text": _first_sentence(f.message) or f.rule},
        "fullDescription": {"text": f.message or f.rule},
        "help": {"text": _help_text(f)},
        "defaultConfiguration": {"level": _level(f.severity)},
        "properties": {"category": f.category, "tags": [f.category]},
    }


def _result(f: Finding, rule_index: int) -> dict[str, object]:
    text = _sentence(f.message)
    if f.suggestion:
        text = f"{text} {_sentence(f.suggestion)}"
    region: dict[str, object] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.text:
        region["snippet"] = {"text": f.text}
    properties: dict[str, object] = {
        "category": f.category,
        "evidence": [e.to_json() for e in f.evidence],
    }
    # The suggestion is advice for a person, not replacement text, so it is not a SARIF `fix`
    # (a fix would let tools apply it blindly); it travels in the message and here.
    if f.suggestion:
        properties["suggestion"] = f.suggestion
    out: dict[str, object] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _level(f.severity),
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": region,
            },
        }],
    }
    if f.fingerprint:
        out["partialFingerprints"] = {"factlint/v1": f.fingerprint}
    out["properties"] = properties
    return out


def render_sarif(report: RunReport) -> str:
    """The report as a SARIF 2.1.0 log with a single run, deterministic byte for byte.

    Rules are sorted by id; results keep the report's (contract) order. Files that could not be read
    are listed under ``run.properties.fileErrors``, because SARIF's own place for them
    (``invocations``) would drag in non-deterministic execution data.
    """
    from factlint import __version__

    findings = sorted(report.findings, key=Finding.sort_key)
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.rule, f)
    rule_ids = sorted(first)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "factlint",
                "version": __version__,
                "rules": [_rule(first[r]) for r in rule_ids],
            },
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in report.findings],
    }
    if report.errors:
        run["properties"] = {"fileErrors": [{"path": e.path, "message": e.message} for e in report.errors]}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
