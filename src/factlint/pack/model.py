"""The compiled rule pack: immutable values built once from YAML and shared by every file."""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.detect.patterns import Compiled
from factlint.model import Evidence

Literal = tuple[str, bool]
"""A claim with a polarity: ``("ketamine.cure", True)`` asserts it, ``False`` denies it."""


@dataclass(frozen=True)
class Source:
    """A source document of the pack."""

    id: str
    file: str
    title: str
    kind: str
    trust: str
    url: str = ""


@dataclass(frozen=True)
class Cue:
    """A pattern that, when it matches, makes a sentence assert ``claim``."""

    claim: str
    pattern: Compiled
    severity: str | None = None


@dataclass(frozen=True)
class Quantity:
    """A numeric check: values above ``limit`` (in base units) overclaim; others support."""

    measure: str
    limit: float
    limit_text: str
    supports: str | None


@dataclass(frozen=True)
class Example:
    """A rule example with the line of the rule file it stands on."""

    text: str
    line: int


@dataclass(frozen=True)
class Claim:
    """A node of the claim graph.

    ``status`` is ``established`` (the sources say so; carries evidence) or ``overclaim`` (the
    sources contradict it; carries a category, a message and a safer wording) or ``neutral``.
    """

    id: str
    statement: str
    status: str
    file: str
    line: int
    category: str | None = None
    severity: str = "error"
    message: str = ""
    suggestion: str = ""
    evidence: tuple[Evidence, ...] = ()
    negates: str | None = None
    contradicts: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    quantity: Quantity | None = None
    hedge: str = "pass"
    unless: tuple[Compiled, ...] = ()
    supersedes: tuple[str, ...] = ()
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class Trigger:
    """A context trigger: a pattern, its kind and the direction its scope extends."""

    kind: str
    direction: str
    pattern: Compiled


@dataclass(frozen=True)
class Context:
    """The context lists (ConText-style), compiled."""

    triggers: tuple[Trigger, ...]
    pseudo: tuple[Compiled, ...]
    terminators: frozenset[str]
    windows: dict[str, int]
    comparison_markers: frozenset[str]
    kind_terminators: dict[str, frozenset[str]] = field(default_factory=dict)
    affirm: tuple[Compiled, ...] = ()
    deny: tuple[Compiled, ...] = ()
    rebut: tuple[Compiled, ...] = ()
    challenge: tuple[Compiled, ...] = ()
    rebut_filler: frozenset[str] = frozenset()
    deny_support: frozenset[str] = frozenset()
    kind_breaks: dict[str, tuple[Compiled, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    """Why a literal contradicts an established claim: the claim and the path of claim ids."""

    established: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class Pack:
    """A compiled rule pack. Built once, never mutated, safe to share across processes."""

    name: str
    title: str
    version: str
    root: str
    digest: str
    claims: dict[str, Claim]
    sources: dict[str, Source]
    cues: tuple[Cue, ...]
    vocabulary: frozenset[str]
    context: Context
    topic: tuple[Compiled, ...]
    others: tuple[Compiled, ...]
    closure: dict[Literal, frozenset[Literal]]
    conflicts: dict[Literal, tuple[Conflict, ...]]
    reporter: dict[Literal, str]
    edges: tuple[tuple[str, str, str], ...]
    files: tuple[str, ...] = field(default=())
    known_words: frozenset[str] = frozenset()

    def contradicts(self, a: Literal, b: Literal) -> bool:
        """True when ``a`` entails the denial of ``b`` (the closure is symmetric in this)."""
        closure = self.closure.get(a)
        return closure is not None and (b[0], not b[1]) in closure

    def rule_ids(self) -> list[str]:
        """Ids of the claims that report findings (the overclaim rules), sorted."""
        return sorted(c.id for c in self.claims.values() if c.status == "overclaim")
