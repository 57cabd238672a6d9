"""Fuzz the whole pipeline: generated documents through decode, read and lint.

Every document is made from its own seed (``seed + index``), so any one can be regenerated alone;
the run is deterministic whatever the number of worker processes. Documents mix Markdown, HTML and
plain text with random structure (headings, nested lists and tags, tables, quotes, code, comments
with inline switches, broken markup), cue phrases and honest statements, entities, CRLF and lone CR,
tabs, odd Unicode (separators, zero-width and bidirectional marks, astral characters, letters whose
lower case is longer) and several encodings (UTF-8 with and without BOM, UTF-16, cp1252). For each
it records:

- a crash: any exception from decoding (other than a NUL-byte file refused as binary), reading or
  linting;
- a position error: a finding outside the file, or whose line and column do not point at the text
  it quotes (exactly when one verbatim stretch covers it; otherwise its letters in order, entities
  decoded, starting and ending with the right letters);
- the time per document (decode + read + lint).

    python bench/fuzz.py                      # 100,000 documents on every core
    python bench/fuzz.py -n 2000 -j 1         # a quick look
    python bench/fuzz.py --show 1234          # print document 1234 and what factlint says
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import multiprocessing
import os
import platform
import random
import re
import statistics
import sys
import time
import traceback
from pathlib import Path

try:
    import factlint
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import factlint

from factlint.config import Config
from factlint.engine import analyse, configure
from factlint.read import BinaryFileError, decode, read_document
from factlint.read.document import Document, LineIndex

# --- generation ---------------------------------------------------------------------------------

CUES = [
    "ketamine cures CRPS", "Ketamine is the cure for fibromyalgia", "ketamine is non-addictive",
    "it is completely safe", "ketamine is FDA-approved for pain", "relief lasts for 6 months",
    "90% of patients are pain-free", "ketamine permanently ends nerve pain", "there are no side effects",
    "it is not addictive", "guaranteed relief", "a cure for depression", "relief for 6 to 12 months",
    "Ketamine is not a cure", "relief may last a few weeks", "it carries a risk of dependence",
    "it is FDA-approved as an anesthetic", "side effects are common", "some patients feel better",
    "ketamine is not without risk", "no treatment is completely safe", "Does ketamine cure pain",
    "some clinics claim ketamine cures CRPS", "esketamine is approved for depression",
]
FILLER = ["our", "clinic", "offers", "infusions", "for", "chronic", "pain", "patients", "call", "today", "many", "people", "report", "that", "the", "team", "is", "friendly", "and", "caring", "we", "accept", "most", "insurance", "plans", "parking", "is", "free", "book", "a", "consultation", "with", "a", "doctor", "who", "listens", "results", "vary", "treatment", "plan", "session", "nurse", "monitoring", "comfortable", "room"]
HEDGES = ["may", "might", "in some studies", "for some patients", "reportedly", "we believe"]
ODD = [
    "\u00a0", "\u2028", "\u2029", "\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "İ", "ẞ", "ǅ", "ß", "😀", "𝐀",
    "e\u0301", "ﬁ", "\x85", "\x0b", "\x0c", "\x1b[31m", "\x7f", "—", "–", "‑", "’", "“", "”", "…", "½", "²", "٣",
    "\t", "\u3000", "한", "ع", "\U0010ffff",
]
ENTITIES = ["&nbsp;", "&amp;", "&#8209;", "&#x2014;", "&mdash;", "&rsquo;", "&copy2", "&bogus;", "&", "&#;",
            "&#99999999999;", "&lt;", "&gt;", "&quot;", "&#x1F600;", "&amp"]
DIRECTIVES = ["factlint-disable-next-line", "factlint-disable-next-line cure", "factlint-disable",
              "factlint-enable", "factlint-disable-line", "factlint-disable no-addiction-risk"]


def _sentence(r: random.Random) -> str:
    parts = []
    for _ in range(r.randint(1, 3)):
        roll = r.random()
        if roll < 0.45:
            parts.append(r.choice(CUES))
        elif roll < 0.55:
            parts.append(r.choice(HEDGES) + " " + r.choice(CUES))
        else:
            parts.append(" ".join(r.choice(FILLER) for _ in range(r.randint(1, 9))))
    text = r.choice([" ", ", ", "; ", " and ", " but ", " — "]).join(parts)
    text = text[:1].upper() + text[1:]
    return text + r.choice([".", ".", ".", "!", "?", "", "...", ":"])


def _inline(r: random.Random, text: str, kind: str) -> str:
    """Sprinkle inline markup, entities and odd characters into a sentence."""
    words = text.split(" ")
    for _ in range(r.randint(0, 3)):
        i = r.randrange(len(words))
        if kind == "md":
            mark = r.choice(["**", "_", "*", "`", "~~", "[", "]", "](https://x.y)", "<span>", "</span>", "\\", "<!--"])
        elif kind == "html":
            mark = r.choice(["<b>", "</b>", "<i>", "</i>", "<span class='x'>", "</span>", "<a href='?a=1&b=2'>", "</a>",
                             "<br>", "<br/>", "</p>", "<", ">", "<!-- x -->", "<em", "</em>"])
        else:
            mark = r.choice(["*", "#", "-", "(", ")", "|"])
        words[i] = mark + words[i] if r.random() < 0.5 else words[i] + mark
    if kind != "txt" or r.random() < 0.2:
        for _ in range(r.randint(0, 2)):
            i = r.randrange(len(words))
            words[i] += r.choice(ENTITIES)
    for _ in range(r.choice([0, 0, 0, 1, 2])):
        i = r.randrange(len(words))
        words[i] += r.choice(ODD)
    if r.random() < 0.05:
        i = r.randrange(len(words))
        words[i] += "".join(chr(r.choice([r.randint(0x80, 0x2FFF), r.randint(0x10000, 0x10FFFF)])) for _ in range(3))
    sep = " " if r.random() < 0.9 else r.choice(["  ", "\t", " \u00a0"])
    return sep.join(words)


def _paragraph(r: random.Random, kind: str) -> list[str]:
    """A paragraph as lines (hard-wrapped now and then)."""
    text = " ".join(_inline(r, _sentence(r), kind) for _ in range(r.randint(1, 4)))
    if r.random() < 0.3:
        words, lines, line = text.split(" "), [], []
        for w in words:
            line.append(w)
            if len(line) >= r.randint(4, 12):
                lines.append(" ".join(line))
                line = []
        return lines + ([" ".join(line)] if line else [])
    return [text]


def _markdown(r: random.Random) -> list[str]:
    out: list[str] = []
    if r.random() < 0.1:
        out += ["---", f'title: "{_sentence(r)}"', f"description: {_sentence(r)}", "---", ""]
    for _ in range(r.randint(1, 8)):
        roll = r.random()
        if roll < 0.15:
            out.append("#" * r.randint(1, 6) + " " + _inline(r, _sentence(r), "md"))
        elif roll < 0.45:
            out += _paragraph(r, "md")
        elif roll < 0.6:
            depth = 0
            for _ in range(r.randint(1, 6)):
                depth = max(0, min(depth + r.choice([-1, 0, 1]), 6))
                marker = r.choice(["-", "*", "+", "1.", "2)", "10."])
                out.append("  " * depth + marker + " " + _inline(r, _sentence(r), "md"))
        elif roll < 0.7:
            prefix = "> " * r.randint(1, 4)
            out += [prefix + ln for ln in _paragraph(r, "md")]
        elif roll < 0.78:
            cols = r.randint(1, 4)
            out.append("| " + " | ".join(r.choice(FILLER) for _ in range(cols)) + " |")
            out.append("|" + "---|" * cols)
            for _ in range(r.randint(1, 3)):
                out.append("| " + " | ".join(_inline(r, _sentence(r), "md") for _ in range(cols)) + " |")
        elif roll < 0.84:
            fence = r.choice(["```", "~~~", "````"])
            out += [fence + r.choice(["", "python", "html"]), _sentence(r), *([fence] if r.random() < 0.9 else [])]
        elif roll < 0.9:
            out.append(f"<!-- {r.choice(DIRECTIVES)} -->")
        elif roll < 0.95:
            out += ["<div>", _html_fragment(r, 2), "</div>"]
        else:
            out.append(r.choice(["---", "***", "    indented code " + r.choice(CUES), "[ref]: https://x.y", "\\", ""]))
        out.append("")
    return out


_TAGS = ["p", "div", "span", "b", "i", "em", "strong", "a", "li", "ul", "ol", "td", "tr", "table", "blockquote", "h1", "h2",
         "h3", "section", "article", "label", "button", "noscript", "pre", "code", "svg", "template", "textarea"]


def _html_fragment(r: random.Random, depth: int) -> str:
    parts = []
    for _ in range(r.randint(1, 4)):
        roll = r.random()
        if roll < 0.45 or depth <= 0:
            parts.append(_inline(r, _sentence(r), "html"))
        elif roll < 0.8:
            tag = r.choice(_TAGS)
            attrs = r.choice(["", " class='c'", ' title="x &amp; y"', " data-x=1", ' style="color:red"', " hidden"])
            close = f"</{tag}>" if r.random() < 0.85 else r.choice(["", f"</{r.choice(_TAGS)}>"])
            parts.append(f"<{tag}{attrs}>{_html_fragment(r, depth - 1)}{close}")
        elif roll < 0.88:
            parts.append(f"<!-- {r.choice(DIRECTIVES)} -->")
        elif roll < 0.93:
            parts.append(f'<img src="x.png" alt="{_sentence(r)}">')
        elif roll < 0.97:
            parts.append(r.choice(["<script>var s = '<p>" + r.choice(CUES) + "</p>';</script>",
                                   "<style>p { color: red }</style>", "<![CDATA[" + r.choice(CUES) + "]]>",
                                   "<?xml version='1.0'?>", "<!DOCTYPE html>"]))
        else:
            parts.append(r.choice(["<", "</", "<p", "&#", "<!--", "<![", "</>", "<>"]))
    return r.choice(["", "\n", " ", "\n  "]).join(parts)


def _html(r: random.Random) -> list[str]:
    out = []
    if r.random() < 0.7:
        out += ["<!DOCTYPE html>", "<html>", "<head>", f"<title>{_sentence(r)}</title>"]
        if r.random() < 0.5:
            out.append(f'<meta name="description" content="{html.escape(_sentence(r))}">')
        out += ["</head>", "<body>"]
    for _ in range(r.randint(1, 6)):
        out.append(_html_fragment(r, r.randint(1, 5)))
    if r.random() < 0.02:
        depth = r.randint(100, 3000)
        out.append("<div>" * depth + _sentence(r) + "</div>" * r.choice([depth, 0]))
    if out[:1] == ["<!DOCTYPE html>"] and r.random() < 0.9:
        out += ["</body>", "</html>"]
    return out


def _text(r: random.Random) -> list[str]:
    out = []
    for _ in range(r.randint(1, 8)):
        roll = r.random()
        if roll < 0.6:
            out += _paragraph(r, "txt")
        elif roll < 0.75:
            out += [_inline(r, _sentence(r), "txt") for _ in range(r.randint(2, 5))]  # one sentence per line
        elif roll < 0.85:
            out.append(r.choice(["# ", "// ", "<!-- "]) + r.choice(DIRECTIVES) + (" -->" if r.random() < 0.3 else ""))
        else:
            out.append(r.choice(FILLER).upper())
        out.append("")
    return out


def generate(index: int, seed: int) -> tuple[str, bytes]:
    """Document ``index``: its file name (whose extension picks the reader) and its bytes."""
    r = random.Random(seed * 1_000_003 + index)
    kind = r.choice(["md", "md", "html", "html", "txt"])
    lines = {"md": _markdown, "html": _html, "txt": _text}[kind](r)
    if r.random() < 0.01:  # now and then a long one
        lines = lines * r.randint(5, 30)
    if r.random() < 0.005:  # or a minified one: everything on one line
        lines = [" ".join(lines)]
    newline = r.choices(["\n", "\r\n", "\r", "mixed"], weights=[70, 20, 5, 5])[0]
    if newline == "mixed":
        text = "".join(ln + r.choice(["\n", "\r\n", "\r"]) for ln in lines)
    else:
        text = newline.join(lines) + (newline if r.random() < 0.8 else "")
    encoding = r.choices(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"], weights=[80, 5, 5, 5, 5])[0]
    if encoding in ("cp1252", "latin-1"):
        data = text.encode(encoding, errors="replace")
    else:
        data = text.encode(encoding, errors="surrogatepass")
    if r.random() < 0.002:
        data = data[: r.randrange(len(data) + 1)]  # truncated mid-character
    return f"doc{index}.{kind}", data


# --- checking -------------------------------------------------------------------------------------


_MD_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")


def unescape(chunk: str, kind: str) -> str:
    """``chunk`` with its character references decoded as the reader of ``kind`` decodes them.

    HTML follows browsers (``&amp`` without ``;`` counts); Markdown needs the ``;``
    (CommonMark); plain text has no references.
    """
    if kind == "html":
        return html.unescape(chunk)
    if kind == "markdown":
        return _MD_ENTITY_RE.sub(lambda m: html.unescape(m.group()), chunk)
    return chunk


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


_MARKUP_RE = re.compile(r"<!--.*?(?:-->|$)|<[^<>]*>", re.S)


def quotes(text: str, chunk: str, kind: str) -> bool:
    """Does ``chunk`` of the source say ``text``, markup and character references aside?

    The letters of ``text`` must appear in order in the chunk, and the chunk must start and end
    with its first and last letters; tags and comments inside the chunk are tried both as text
    and taken out (a literal "<" in prose is not a tag).
    """
    want = _letters(text)
    for candidate in (chunk, _MARKUP_RE.sub(" ", chunk)) if kind != "text" else (chunk,):
        got = _letters(unescape(candidate, kind))
        it = iter(got)
        if all(ch in it for ch in want) and (not want or (got[:1] == want[:1] and got[-1:] == want[-1:])):
            return True
    return False


def position_errors(doc: Document, findings: list) -> list[str]:
    """What is wrong with the positions of ``findings`` in ``doc`` (nothing, normally)."""
    problems = []
    source, index = doc.source, LineIndex(doc.source)
    for f in findings:
        if not (1 <= f.line <= f.end_line <= index.line_count):
            problems.append(f"{f.rule}: lines {f.line}-{f.end_line} outside 1-{index.line_count}")
            continue
        start = index.line_start(f.line) + f.column - 1
        end = index.line_start(f.end_line) + f.end_column - 1
        if not (index.line_start(f.line) <= start <= end <= len(source)) or f.column - 1 > len(index.line_text(f.line)):
            problems.append(f"{f.rule}: {f.line}:{f.column}-{f.end_line}:{f.end_column} outside the file")
            continue
        chunk = source[start:end]
        verbatim = any(r.text_len == r.src_len and r.src_start <= start and end <= r.src_start + r.src_len
                       for seg in doc.segments for r in seg.runs)
        if verbatim:
            if chunk.replace("\r", "\n") != f.text.replace("\r", "\n"):
                problems.append(f"{f.rule}: {f.line}:{f.column} quotes {f.text!r} but the file has {chunk!r}")
            continue
        if not quotes(f.text, chunk, doc.kind):
            problems.append(f"{f.rule}: {f.line}:{f.column} quotes {f.text!r} but the file has {chunk!r}")
    return problems


_STATE: dict[str, object] = {}


def _init(cache_dir: str | None) -> None:
    if cache_dir is not None:
        os.environ["FACTLINT_CACHE_DIR"] = cache_dir
    from factlint.pack import load_pack_dir

    pack = load_pack_dir()
    _STATE["packs"] = (pack,)
    _STATE["spellers"] = {}
    _STATE["config"] = Config()


def check_one(index: int, seed: int) -> dict:
    """Run document ``index`` through decode, read and lint; what happened and how long it took."""
    name, data = generate(index, seed)
    started = time.perf_counter()
    outcome: dict = {"index": index, "bytes": len(data), "findings": 0}
    try:
        try:
            text, _ = decode(data)
        except BinaryFileError:
            outcome["binary"] = True
            text = None
        if text is not None:
            doc = read_document(name, text)
            analysis = analyse(_STATE["packs"], doc, _STATE["spellers"])  # type: ignore[arg-type]
            findings = configure(list(analysis.findings), _STATE["config"])  # type: ignore[arg-type]
            outcome["findings"] = len(findings)
            elapsed = time.perf_counter() - started
            problems = position_errors(doc, findings)
            if problems:
                outcome["position_errors"] = problems[:3]
            outcome["seconds"] = elapsed
            return outcome
    except Exception as exc:
        outcome["crash"] = f"{type(exc).__name__}: {exc}"[:300]
        outcome["trace"] = traceback.format_exc(limit=-4)
    outcome["seconds"] = time.perf_counter() - started
    return outcome


def _work(args: tuple[int, int, int]) -> list[dict]:
    start, stop, seed = args
    return [check_one(i, seed) for i in range(start, stop)]


def run(n: int, seed: int = 20260101, jobs: int = 0, cache_dir: str | None = None, progress: bool = False) -> dict:
    """Fuzz ``n`` documents; the summary (counts, timings, the first failures)."""
    jobs = jobs or os.cpu_count() or 1
    chunk = 250
    tasks = [(i, min(i + chunk, n), seed) for i in range(0, n, chunk)]
    results: list[dict] = []
    started = time.perf_counter()
    if jobs == 1:
        _init(cache_dir)
        batches = map(_work, tasks)
        for batch in batches:
            results += batch
            if progress:
                print(f"\r{len(results):,}/{n:,}", end="", file=sys.stderr, flush=True)
    else:
        with multiprocessing.get_context("spawn").Pool(jobs, initializer=_init, initargs=(cache_dir,)) as pool:
            for batch in pool.imap_unordered(_work, tasks):
                results += batch
                if progress:
                    print(f"\r{len(results):,}/{n:,}", end="", file=sys.stderr, flush=True)
    wall = time.perf_counter() - started
    if progress:
        print(file=sys.stderr)
    results.sort(key=lambda o: o["index"])
    times = sorted(o["seconds"] for o in results)
    crashes = [o for o in results if "crash" in o]
    bad = [o for o in results if "position_errors" in o]
    slowest = max(results, key=lambda o: o["seconds"]) if results else None
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "factlint": factlint.__version__, "python": platform.python_version(), "cpus": os.cpu_count(),
        "documents": n, "seed": seed, "jobs": jobs,
        "crashes": len(crashes), "position_errors": len(bad),
        "binary_refused": sum(1 for o in results if o.get("binary")),
        "findings": sum(o["findings"] for o in results),
        "documents_with_findings": sum(1 for o in results if o["findings"]),
        "bytes": sum(o["bytes"] for o in results),
        "wall_seconds": round(wall, 1),
        "ms_per_document": {
            "mean": round(1000 * statistics.fmean(times), 2) if times else 0,
            "median": round(1000 * times[len(times) // 2], 2) if times else 0,
            "p99": round(1000 * times[int(len(times) * 0.99)], 2) if times else 0,
            "max": round(1000 * times[-1], 1) if times else 0,
        },
        "slowest": {"index": slowest["index"], "bytes": slowest["bytes"]} if slowest else None,
        "first_crashes": [{k: o[k] for k in ("index", "crash", "trace")} for o in crashes[:5]],
        "first_position_errors": [{"index": o["index"], "problems": o["position_errors"]} for o in bad[:5]],
    }


def _report(summary: dict) -> str:
    ms = summary["ms_per_document"]
    lines = [
        f"factlint fuzz, {summary['date']}: {summary['documents']:,} documents (seed {summary['seed']}, "
        f"{summary['jobs']} processes, Python {summary['python']})",
        f"  crashes: {summary['crashes']}    position errors: {summary['position_errors']}    "
        f"refused as binary: {summary['binary_refused']}",
        f"  findings: {summary['findings']:,} in {summary['documents_with_findings']:,} documents; "
        f"{summary['bytes'] / 1e6:.1f} MB read",
        f"  time per document: mean {ms['mean']} ms, median {ms['median']} ms, p99 {ms['p99']} ms, max {ms['max']} ms "
        f"(document {summary['slowest']['index'] if summary['slowest'] else '-'}); wall {summary['wall_seconds']} s",
    ]
    for c in summary["first_crashes"]:
        lines.append(f"  CRASH document {c['index']}: {c['crash']}")
    for p in summary["first_position_errors"]:
        lines.append(f"  POSITION document {p['index']}: {p['problems'][0]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: fuzz and print the summary; exit 1 on any crash or position error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (0: one per core)")
    parser.add_argument("--json", type=Path, help="also write the summary as JSON to this file")
    parser.add_argument("--show", type=int, metavar="INDEX", help="print one document and its findings instead")
    args = parser.parse_args(argv)
    if args.show is not None:
        _init(None)
        name, data = generate(args.show, args.seed)
        print(name, repr(data[:4000]))
        print(json.dumps(check_one(args.show, args.seed), indent=2, default=str))
        return 0
    summary = run(args.documents, args.seed, args.jobs, progress=sys.stderr.isatty())
    print(_report(summary))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 1 if summary["crashes"] or summary["position_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
