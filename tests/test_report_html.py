"""The HTML report: content, escaping, determinism, and what a reader sees in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.api import lint_text
from factlint.cli import main
from factlint.model import Evidence, Finding
from factlint.report import REPORTERS, RunReport
from factlint.report.html import render_html

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
PAGE = (
    "# Ketamine clinic\n"
    "\n"
    "Ketamine is the breakthrough cure for CRPS, now available in Austin.\n"
    "It is non-addictive and completely safe.\n"
    "\n"
    "Relief may last a few weeks for some patients.\n"
)
EVIL = "<script>alert(1)</script>"


def _report(text: str = PAGE, path: str = "clinic.md", **extra) -> RunReport:
    return RunReport(tuple(lint_text(text, path)), (), 1, {path: text}, False, extra)


class Dom(HTMLParser):
    """What the page shows: finding articles (with their hidden state), marks, the shown count."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.articles: list[dict[str, str | None]] = []
        self.marks: list[str] = []
        self.counter = ""
        self.scripts = 0
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "finding" in (a.get("class") or ""):
            self.articles.append(a)
        elif tag == "mark":
            self._in, self._buf = "mark", ""
        elif tag == "span" and a.get("id") == "shown-count":
            self._in, self._buf = "count", ""
        elif tag == "script":
            self.scripts += 1

    def handle_data(self, data):
        if self._in:
            self._buf += data

    def handle_endtag(self, tag):
        if self._in == "mark" and tag == "mark":
            self.marks.append(self._buf)
            self._in = None
        elif self._in == "count" and tag == "span":
            self.counter = self._buf
            self._in = None


def test_registered_and_cli(tmp_path):
    assert REPORTERS["html"] is render_html
    page = tmp_path / "clinic.md"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "report.html"
    r = CliRunner().invoke(main, ["check", str(page), "--format", "html", "-o", str(out)])
    assert r.exit_code == 1 and r.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_content_summary_and_findings():
    report = _report()
    page = render_html(report)
    dom = Dom(page)
    assert len(report.findings) >= 3
    assert len(dom.articles) == len(report.findings)
    assert dom.counter == str(len(report.findings))
    assert "cure" in dom.marks and "non-addictive" in [m.lower() for m in dom.marks]
    assert [a["data-category"] for a in dom.articles] == [f.category for f in report.findings]
    for f in report.findings:
        assert f"clinic.md:{f.line}:{f.column}" in page
        for e in f.evidence[:3]:
            assert f"<cite>{e.source}:{e.line}</cite>" in page
        assert f"<strong>Safer wording:</strong> {f.suggestion}".replace("'", "&#x27;") in page
    # The summary tables: one row per category present and one per file.
    assert "<caption>By category</caption>" in page and "<caption>By file</caption>" in page
    assert '<a href="#file-1">clinic.md</a>' in page
    # The source line in context, the claim marked at its columns.
    assert '<span class="ln hit">3</span> Ketamine is the breakthrough <mark>cure</mark> for CRPS' in page
    # Filters: one checkbox per severity and category present.
    cats = sorted({f.category for f in report.findings})
    assert sorted(re.findall(r'name="category" value="([^"]+)"', page)) == cats


def test_self_contained_and_deterministic():
    page = render_html(_report())
    assert page == render_html(_report())
    assert not re.search(r"\b(src|href)=\"(https?:)?//", page)
    assert "http://" not in page and "https://" not in page
    assert "Content-Security-Policy" in page
    assert not re.search(r"20\d\d-\d\d-\d\d", page)  # no timestamps


def test_everything_from_linted_text_is_escaped():
    f = Finding(
        path=f"site/{EVIL}.md", line=1, column=1, end_line=1, end_column=len(EVIL) + 1, rule=f"x.{EVIL}",
        category=EVIL, severity="error", message=f"msg {EVIL}", text=EVIL, sentence=f"Before {EVIL} after",
        evidence=(Evidence(EVIL, 3, f"quote {EVIL}"),), suggestion=f"say {EVIL}", explanation=(f"why {EVIL}",),
        related=({"path": EVIL, "line": 2, "column": 1, "text": EVIL},),
    )
    report = RunReport((f,), (), 1, {f.path: f"{EVIL} and more\n"}, False,
                       {"baseline": {"file": EVIL, "known": 1, "stale": []}})
    page = render_html(report)
    assert page.count("<script") == 1  # only the report's own script
    assert "alert(1)</script>" not in page.split("<script>")[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f'data-category="{EVIL}"' not in page
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>" in page


def test_a_real_finding_with_markup_in_the_text_is_escaped():
    text = "Ketamine is a cure, trust us <script>alert(1)</script> today.\n"
    report = _report(text, "draft.txt")
    assert report.findings
    page = render_html(report)
    assert page.count("<script") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_long_lines_are_clipped_around_the_claim():
    text = "<p>" + "filler words here " * 400 + "Ketamine is a cure for pain." + " more filler" * 400 + "</p>\n"
    report = _report(text, "min.html")
    page = render_html(report)
    line = next(ln for ln in page.splitlines() if '<span class="ln hit">1</span>' in ln)
    assert "<mark>cure</mark>" in line and len(line) < 600


def test_empty_report_and_file_errors():
    from factlint.model import FileError

    page = render_html(RunReport((), (FileError("bin.md", "binary file"),), 3))
    assert "No findings in 3 files." in page and "bin.md" in page and "binary file" in page
    assert 'id="filters"' not in page


def test_baseline_notice():
    page = render_html(_report(baseline={"file": "base.json", "known": 4, "stale": [{"count": 2}]}))
    assert "Baseline base.json: 4 known findings not shown; 2 stale entries no longer found." in page


# --- in a real browser -------------------------------------------------------------------------


def _browser() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("chromium is not installed (CI must run it: .ci/run installs Debian's chromium package)")
    pytest.skip("chromium is not installed")


def _chromium(browser: str, profile: Path, *args: str) -> str:
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_in_headless_chromium(tmp_path):
    browser = _browser()
    report = _report()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    url = page.as_uri()
    total = len(report.findings)

    # What a reader sees once the script has run: every finding, the count, the highlighted claim.
    dom = Dom(_chromium(browser, tmp_path / "profile", "--dump-dom", url))
    assert dom.counter == str(total)
    assert len(dom.articles) == total and not any("hidden" in a for a in dom.articles)
    assert "cure" in dom.marks

    # A filter preset in the fragment: the script hides everything but the cure findings.
    cure = sum(f.category == "cure" for f in report.findings)
    assert 0 < cure < total
    dom = Dom(_chromium(browser, tmp_path / "profile", "--dump-dom", url + "#category=cure"))
    assert dom.counter == str(cure)
    visible = [a for a in dom.articles if "hidden" not in a]
    assert len(visible) == cure and {a["data-category"] for a in visible} == {"cure"}
    # The same preset as a query string, with two categories and a severity.
    dom = Dom(_chromium(browser, tmp_path / "profile", "--dump-dom",
                        url + "?severity=error&category=cure,absolute-safety"))
    both = sum(f.category in ("cure", "absolute-safety") and f.severity == "error" for f in report.findings)
    assert 1 < both < total and dom.counter == str(both)

    # A screenshot kept as an artefact of the run (tests/artifacts/ is gitignored).
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    _chromium(browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,900", url)
    assert shot.is_file() and shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
