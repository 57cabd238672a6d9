"""Stage 6, report: findings -> text for people and machines.

Every reporter is a function ``(RunReport) -> str``; :data:`REPORTERS` maps format names to them, so
adding a format touches one module and one line here.
"""

from __future__ import annotations

from collections.abc import Callable

from factlint.report.base import RunReport
from factlint.report.github import render_github
from factlint.report.html import render_html
from factlint.report.json import render_json
from factlint.report.sarif import render_sarif
from factlint.report.text import render_text

REPORTERS: dict[str, Callable[[RunReport], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
    "html": render_html,
}

__all__ = ["REPORTERS", "RunReport"]
