"""``--format html``: one self-contained report page for reviewers who do not use a terminal.

The page has no external resources at all (inline CSS and JavaScript; a Content-Security-Policy
forbids loading anything else), so it can be mailed, attached to a CI run or opened from disk.
It shows a summary by category and by file, then every finding with its sentence (the claim in a
``<mark>``), the source lines around it, the evidence quotes with ``source:line``, the reasoning and
the safer wording. Checkboxes filter by severity and category; a ``#severity=error&category=cure``
fragment (or the same query string) presets them, so a filtered view can be linked to.

Everything that comes from linted text, rule packs or paths goes through :func:`html.escape`; the
script reads only ``data-`` attributes and never builds markup from them. The output has no
timestamps and follows the contract's order, so the same run always gives the same bytes.
"""

from __future__ import annotations

import html
from collections import Counter

from factlint import __version__
from factlint.model import CATEGORIES, SEVERITIES, Finding
from factlint.read.document import LineIndex
from factlint.report.base import RunReport

#: Longest source line shown whole; longer ones (minified HTML) are cut around the claim.
MAX_LINE = 240

#: Evidence quotes shown before the "more" toggle.
SHOWN_EVIDENCE = 3

_NOUN = {"error": "error", "warning": "warning", "info": "notice"}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _sev_class(severity: str) -> str:
    # Only known severities become class names; anything else gets a neutral style.
    return severity if severity in SEVERITIES else "other"


def _marked(text: str, start: int, end: int) -> str:
    """``text`` escaped, with ``text[start:end]`` in a ``<mark>`` (nothing marked when out of range)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end <= start:
        return _e(text)
    return f"{_e(text[:start])}<mark>{_e(text[start:end])}</mark>{_e(text[end:])}"


def _clip(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to about :data:`MAX_LINE` characters around ``[start, end)``, shifting the span."""
    if len(text) <= MAX_LINE:
        return text, start, end
    lo = max(0, min(start, len(text)) - MAX_LINE // 2)
    hi = min(len(text), max(end, lo) + MAX_LINE // 2)
    head, tail = ("\u2026" if lo > 0 else ""), ("\u2026" if hi < len(text) else "")
    return head + text[lo:hi] + tail, start - lo + len(head), end - lo + len(head)


def _sentence(f: Finding) -> str:
    """The finding's sentence with the claim marked (found in the sentence, case-insensitively if need be)."""
    sentence = f.sentence or f.text
    at = sentence.find(f.text) if f.text else -1
    if at < 0 and f.text:
        at = sentence.lower().find(f.text.lower())
    if at < 0:
        return _e(sentence)
    return _marked(sentence, at, at + len(f.text))


def _context(f: Finding, index: LineIndex | None) -> str:
    """The source lines from one before the claim to one after it, with the claim's columns marked."""
    if index is None or not 1 <= f.line <= index.line_count:
        return ""
    first, last = max(1, f.line - 1), min(index.line_count, max(f.end_line, f.line) + 1)
    width = len(str(last))
    rows = []
    for n in range(first, last + 1):
        text = index.line_text(n)
        # Columns are 1-based code points and end_column is exclusive, so they are Python indices + 1.
        if f.line <= n <= f.end_line:
            start = f.column - 1 if n == f.line else 0
            end = f.end_column - 1 if n == f.end_line else len(text)
            text, start, end = _clip(text, start, end)
            body = _marked(text, start, end)
        else:
            text, _, _ = _clip(text, 0, 0)
            body = _e(text)
        cls = "ln hit" if f.line <= n <= f.end_line else "ln"
        rows.append(f'<span class="{cls}">{n:>{width}}</span> {body}')
    return '<pre class="context">' + "\n".join(rows) + "</pre>"


def _finding(f: Finding, n: int, index: LineIndex | None) -> str:
    sev = _sev_class(f.severity)
    parts = [
        f'<article class="finding sev-{sev}" id="finding-{n}" data-severity="{_e(f.severity)}" '
        f'data-category="{_e(f.category)}">',
        f'<header><a class="loc" href="#finding-{n}">{_e(f.path)}:{f.line}:{f.column}</a> '
        f'<span class="badge {sev}">{_e(_NOUN.get(f.severity, f.severity))}</span> '
        f'<code class="rule">{_e(f.rule)}</code> <span class="cat">{_e(f.category)}</span></header>',
        f'<p class="message">{_e(f.message)}</p>',
        f'<blockquote class="sentence">{_sentence(f)}</blockquote>',
        _context(f, index),
    ]
    if f.evidence:
        items = [f'<li><q>{_e(ev.quote)}</q> <cite>{_e(ev.source)}:{ev.line}</cite></li>' for ev in f.evidence]
        # The first quotes are the most direct; the rest stay one click away so a page stays scannable.
        more = (f'<details><summary>{len(items) - SHOWN_EVIDENCE} more</summary><ul>'
                f'{"".join(items[SHOWN_EVIDENCE:])}</ul></details>') if len(items) > SHOWN_EVIDENCE else ""
        parts.append(f'<div class="evidence"><h4>Evidence</h4><ul>{"".join(items[:SHOWN_EVIDENCE])}</ul>{more}</div>')
    if f.explanation:
        items = "".join(f"<li>{_e(why)}</li>" for why in f.explanation)
        parts.append(f'<div class="why"><h4>Why</h4><ul>{items}</ul></div>')
    for rel in f.related:
        parts.append(
            f'<p class="related">Contradicts {_e(rel.get("path", ""))}:{_e(rel.get("line", ""))} '
            f'<q>{_e(rel.get("text", ""))}</q></p>'
        )
    if f.suggestion:
        parts.append(f'<p class="suggestion"><strong>Safer wording:</strong> {_e(f.suggestion)}</p>')
    parts.append("</article>")
    return "\n".join(p for p in parts if p)


def _count_row(label: str, counts: Counter[str], link: str | None = None) -> str:
    name = f'<a href="{_e(link)}">{_e(label)}</a>' if link else _e(label)
    cells = "".join(f'<td class="num">{counts[s]}</td>' for s in SEVERITIES)
    return f"<tr><th scope=\"row\">{name}</th>{cells}<td class=\"num\">{sum(counts.values())}</td></tr>"


def _table(caption: str, head: str, rows: list[str]) -> str:
    cols = "".join(f'<th scope="col" class="num">{_e(_NOUN[s].capitalize())}s</th>' for s in SEVERITIES)
    return (f'<table><caption>{_e(caption)}</caption><thead><tr><th scope="col">{_e(head)}</th>{cols}'
            f'<th scope="col" class="num">Total</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _filters(findings: tuple[Finding, ...]) -> str:
    sev_n = Counter(f.severity for f in findings)
    cat_n = Counter(f.category for f in findings)
    sevs = [s for s in SEVERITIES if sev_n[s]] + sorted(set(sev_n) - set(SEVERITIES))
    cats = [c for c in CATEGORIES if cat_n[c]] + sorted(set(cat_n) - set(CATEGORIES))

    def box(name: str, value: str, label: str, n: int) -> str:
        return (f'<label><input type="checkbox" name="{name}" value="{_e(value)}" checked> '
                f'{_e(label)} <span class="n">({n})</span></label>')

    sev_boxes = "".join(box("severity", s, _NOUN.get(s, s), sev_n[s]) for s in sevs)
    cat_boxes = "".join(box("category", c, c, cat_n[c]) for c in cats)
    total = len(findings)
    return (
        '<section id="filters" aria-label="Filters">'
        f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
        f'<fieldset><legend>Category</legend>{cat_boxes}</fieldset>'
        f'<p id="shown" aria-live="polite">Showing <span id="shown-count">{total}</span> of '
        f'<span id="total-count">{total}</span> findings</p></section>'
    )


def render_html(report: RunReport) -> str:
    """The whole report page as one HTML document (no external resources, no timestamps)."""
    findings = report.findings
    counts = report.counts()
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.path, []).append(f)
    anchors = {path: f"file-{i}" for i, path in enumerate(sorted(by_file), 1)}

    totals = (f"{_plural(len(findings), 'finding')} in {_plural(report.files, 'file')}: "
              f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
              f"{_plural(counts['info'], 'notice')}.")
    body = ["<header><h1>factlint report</h1>", f'<p class="totals" id="totals">{_e(totals)}</p>']
    baseline = report.extra.get("baseline")
    if isinstance(baseline, dict):
        stale = sum(int(e.get("count", 1)) for e in baseline.get("stale", []))
        note = (f"Baseline {baseline.get('file', '')}: {_plural(int(baseline.get('known', 0)), 'known finding')} "
                f"not shown")
        note += f"; {stale} stale entr{'y' if stale == 1 else 'ies'} no longer found." if stale else "."
        body.append(f'<p class="baseline">{_e(note)}</p>')
    body.append("</header>")

    if findings:
        cat_counts: dict[str, Counter[str]] = {}
        for f in findings:
            cat_counts.setdefault(f.category, Counter())[f.severity] += 1
        cats = [c for c in CATEGORIES if c in cat_counts] + sorted(set(cat_counts) - set(CATEGORIES))
        file_rows = [_count_row(p, Counter(f.severity for f in fs), "#" + anchors[p]) for p, fs in sorted(by_file.items())]
        body += [
            '<section id="summary"><h2>Summary</h2><div class="tables">',
            _table("By category", "Category", [_count_row(c, cat_counts[c]) for c in cats]),
            _table("By file", "File", file_rows),
            "</div></section>",
            _filters(findings),
            '<main id="findings">',
        ]
        n = 0
        for path in sorted(by_file):
            index = LineIndex(report.sources[path]) if path in report.sources else None
            fs = by_file[path]
            body.append(f'<section class="file" id="{anchors[path]}" data-path="{_e(path)}">'
                        f'<h2>{_e(path)} <span class="n">({_plural(len(fs), "finding")})</span></h2>')
            for f in fs:
                n += 1
                body.append(_finding(f, n, index))
            body.append("</section>")
        body.append("</main>")
    else:
        body.append(f'<main id="findings"><p class="clean">No findings in {_plural(report.files, "file")}.</p></main>')

    if report.errors:
        items = "".join(f"<li><code>{_e(e.path)}</code>: {_e(e.message)}</li>" for e in report.errors)
        body.append(f'<section id="file-errors"><h2>Files that could not be linted</h2><ul>{items}</ul></section>')
    body.append(f'<footer>factlint {_e(__version__)}</footer>')
    return _PAGE.format(css=_CSS, js=_JS, body="\n".join(body))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="factlint">
<title>factlint report</title>
<style>{css}</style>
</head>
<body>
{body}
<script>{js}</script>
</body>
</html>
"""

_CSS = """
:root { color-scheme: light; --error: #b3261e; --warning: #8a5a00; --info: #1d5f8a; --line: #d8dbe0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       margin: 0 auto; max-width: 1100px; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .85rem; margin: .6rem 0 .2rem; text-transform: uppercase; letter-spacing: .04em; color: #59636e; }
.totals { font-size: 1.05rem; margin: 0; }
.baseline { color: #59636e; margin: .25rem 0 0; }
.tables { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
table { border-collapse: collapse; min-width: 22rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
#filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line);
           padding: .5rem 0; margin-top: 1rem; z-index: 1; }
fieldset { display: inline-block; border: 1px solid var(--line); border-radius: 6px; margin: 0 .75rem .4rem 0;
           padding: .2rem .6rem; vertical-align: top; }
fieldset label { margin-right: .8rem; white-space: nowrap; }
#shown { margin: .2rem 0 0; font-weight: 600; }
.file h2 { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1rem; }
.n { color: #59636e; font-weight: normal; }
.finding { border: 1px solid var(--line); border-left: 4px solid #888; border-radius: 6px; padding: .6rem .9rem;
           margin: .75rem 0; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.finding header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: inherit; }
.badge { border-radius: 999px; padding: 0 .5rem; font-size: .8rem; color: #fff; background: #666; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.rule { font-size: .85rem; }
.cat { font-size: .85rem; color: #59636e; }
.message { margin: .4rem 0; }
blockquote.sentence { margin: .4rem 0; padding: .4rem .8rem; background: #f6f8fa; border-radius: 4px; font-size: 1.05rem; }
mark { background: #ffe08a; color: inherit; padding: 0 .1em; border-radius: 2px; }
pre.context { background: #f6f8fa; padding: .4rem .6rem; overflow-x: auto; font-size: .85rem; margin: .4rem 0;
              white-space: pre-wrap; word-break: break-word; }
.ln { color: #8c959f; user-select: none; }
.ln.hit { color: #1f2328; font-weight: 600; }
.evidence ul, .why ul { margin: 0; padding-left: 1.2rem; }
.evidence summary { cursor: pointer; color: #59636e; font-size: .85rem; margin-left: 1.2rem; }
.evidence cite { font-style: normal; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
                 font-size: .8rem; color: #59636e; }
.why li { font-size: .9rem; color: #424a53; }
.related { font-size: .9rem; }
.suggestion { background: #eaf6ec; border-radius: 4px; padding: .4rem .8rem; margin: .5rem 0 0; }
.clean { font-size: 1.1rem; }
footer { margin-top: 2rem; color: #8c959f; font-size: .8rem; }
[hidden] { display: none !important; }
@media print { #filters { display: none; } .finding { break-inside: avoid; } }
"""

# Plain ES5-level DOM code (no modules, no network): it only toggles `hidden` and a counter.
_JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[type=checkbox]"));
  if (!boxes.length) { return; }
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  var counter = document.getElementById("shown-count");

  function wanted(name) {
    var out = {};
    boxes.forEach(function (b) { if (b.name === name && b.checked) { out[b.value] = true; } });
    return out;
  }

  function apply() {
    var sev = wanted("severity"), cat = wanted("category"), shown = 0;
    findings.forEach(function (a) {
      var visible = sev[a.getAttribute("data-severity")] === true && cat[a.getAttribute("data-category")] === true;
      a.hidden = !visible;
      if (visible) { shown += 1; }
    });
    files.forEach(function (s) { s.hidden = !s.querySelector("article.finding:not([hidden])"); });
    counter.textContent = String(shown);
  }

  // A fragment or query string such as "severity=error&category=cure,durable-relief" presets the
  // filters, so a filtered view can be linked to; names not given keep every box checked.
  function preset() {
    var raw = window.location.hash.replace(/^#/, "") || window.location.search.replace(/^[?]/, "");
    if (raw.indexOf("=") < 0) { return; }
    var params = new URLSearchParams(raw);
    ["severity", "category"].forEach(function (name) {
      if (!params.has(name)) { return; }
      var want = params.get(name).split(",");
      boxes.forEach(function (b) { if (b.name === name) { b.checked = want.indexOf(b.value) >= 0; } });
    });
  }

  function remember() {
    var parts = [];
    ["severity", "category"].forEach(function (name) {
      var mine = boxes.filter(function (b) { return b.name === name; });
      var on = mine.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (on.length !== mine.length) { parts.push(name + "=" + on.map(encodeURIComponent).join(",")); }
    });
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", parts.length ? "#" + parts.join("&") : window.location.pathname);
    }
  }

  boxes.forEach(function (b) { b.addEventListener("change", function () { apply(); remember(); }); });
  preset();
  apply();
})();
"""
