"""What every reporter receives."""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.model import FileError, Finding


@dataclass(frozen=True)
class RunReport:
    """The outcome of a run, as reporters see it.

    ``sources`` maps a file's display path to its decoded text, for snippets; ``color`` says whether
    the output goes to a terminal that wants ANSI colours.
    """

    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()
    files: int = 0
    sources: dict[str, str] = field(default_factory=dict)
    color: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Findings by severity."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] = out.get(f.severity, 0) + 1
        return out
