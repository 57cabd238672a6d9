"""Values that flow between the stages: evidence, assertions and findings.

These are plain frozen dataclasses so that they pickle, compare and sort without surprises, and so
that the JSON contract is a direct projection of :class:`Finding`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The finding categories of the contract (shared/DESIGN.md). Order is the documented order.
CATEGORIES: tuple[str, ...] = (
    "cure",
    "durable-relief",
    "no-addiction-risk",
    "absolute-safety",
    "guaranteed-efficacy",
    "regulatory-status",
    "numeric-overstatement",
    "inconsistency",
)

#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for ``error``, 1 for ``warning``, 2 for ``info``: lower is more severe."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from a source document, with the 1-based line it stands on."""

    source: str
    line: int
    quote: str

    def to_json(self) -> dict[str, object]:
        """The contract's evidence object."""
        return {"source": self.source, "line": self.line, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of source offsets with its 1-based start and end positions.

    ``end_column`` is exclusive (the column just after the last character), as in SARIF.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Assertion:
    """What one span of a document asserts: a claim, with polarity and strength.

    ``polarity`` is True when the text asserts the claim, False when it denies it. ``hedged`` (by
    any hedge; ``modal`` when by "may" or "some patients", not only by "usually"), ``attributed``, ``question``, ``hypothetical`` and ``comparative`` come from the context stage;
    ``qualified`` is set by the reasoner when a neighbouring sentence asserts what the claim
    contradicts. ``value`` carries a parsed quantity for numeric claims.
    """

    claim: str
    polarity: bool
    span: Span
    sentence: str
    sentence_span: tuple[int, int]
    block: int
    sentence_index: int
    cue: str
    hedged: bool = False
    modal: bool = False
    attributed: bool = False
    question: bool = False
    hypothetical: bool = False
    comparative: bool = False
    off_topic: bool = False
    value: str | None = None
    text: str = ""

    @property
    def committed(self) -> bool:
        """True when the author asserts this in their own voice, plainly."""
        return not (self.attributed or self.question or self.hypothetical or self.off_topic)


@dataclass(frozen=True, slots=True)  # slots: a site-wide run holds tens of thousands of these
class Finding:
    """One reported problem: a line-level diagnostic with its reasons."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    text: str
    evidence: tuple[Evidence, ...] = ()
    suggestion: str = ""
    explanation: tuple[str, ...] = ()
    sentence: str = ""
    related: tuple[dict[str, object], ...] = ()
    fingerprint: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, int, int]:
        """The contract's order: path, line, column, rule (then end, for stability)."""
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_json(self) -> dict[str, object]:
        """The contract's finding object, with a few extra fields (allowed by the contract)."""
        out: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "text": self.text,
            "evidence": [e.to_json() for e in self.evidence],
            "suggestion": self.suggestion,
        }
        if self.explanation:
            out["explanation"] = list(self.explanation)
        if self.sentence:
            out["sentence"] = self.sentence
        if self.related:
            out["related"] = list(self.related)
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        return out


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be linted (binary, unreadable, ...): reported, never fatal."""

    path: str
    message: str
    kind: str = "error"
