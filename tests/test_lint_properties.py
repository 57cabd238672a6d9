"""Property tests of the whole pipeline (``lint_text``, ``lint_paths``) on generated documents.

The readers have their own property tests (test_read_properties.py); these go through detection
and reasoning too, with cue phrases mixed in so that findings actually occur. For every finding:
its position lies inside the file and points at the text it quotes; the output is deterministic;
and (``inconsistency`` aside) it does not depend on the other files linted in the same run.
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_read_properties import _HTML_PIECES, _MARKDOWN_PIECES

from factlint.api import lint_paths, lint_text
from factlint.config import Config
from factlint.model import Finding
from factlint.read import decode, read_document
from factlint.read.document import LineIndex

#: Phrases the bundled pack reacts to (overclaims and the honest statements they contradict).
CUES = [
    "ketamine cures", "Ketamine cures CRPS.", "Ketamine is non-addictive.", "completely safe",
    "Ketamine is completely safe.", "FDA-approved for pain", "Ketamine is FDA-approved for pain.",
    "relief for 6 months", "Patients enjoy relief for 6 months.", "Ketamine is not a cure.",
    "Relief may last a few weeks.", "ketamine", "cures", "non-addictive", "90% of patients",
    "Ketamine permanently ends pain.", "It is not addictive.", "no side effects", "a cure for depression",
]
#: Characters that have broken positions in other tools: separators, zero-width and bidi marks,
#: letters whose lower case is longer (İ), astral characters, combining marks, ligatures.
ODD = ["\u00a0", "\u2028", "\u2029", "\u200b", "\ufeff", "\u202e", "İ", "ẞ", "ǅ", "😀", "e\u0301", "ﬁ",
       "\x85", "\x0b", "\x0c", "\t", "\r\n", "\r", "\n\n", "&nbsp;", "&#8209;", "&amp;", "&copy2", "—", "’"]
KINDS = ("markdown", "html", "text")
EXTENSIONS = {"markdown": "md", "html": "html", "text": "txt"}


class _Packs(tuple):
    """The packs, with a short repr: Hypothesis prints every argument of a failing example."""

    def __repr__(self) -> str:
        return "<bundled pack>"


@pytest.fixture(scope="module")
def packs(packs):
    """The session's bundled pack, wrapped so that a failing example stays readable."""
    return _Packs(packs)


def _doc(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(CUES), st.sampled_from(CUES), st.sampled_from(pieces or CUES),
                      st.sampled_from(ODD), st.text(max_size=6))
    return st.lists(piece, max_size=40).map(" ".join)


MARKDOWNISH = _doc(_MARKDOWN_PIECES)
HTMLISH = _doc(_HTML_PIECES)
ANY_DOC = st.one_of(MARKDOWNISH, HTMLISH, _doc([]), st.text(max_size=200))


def _offset(index: LineIndex, line: int, column: int) -> int:
    return index.line_start(line) + column - 1


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


def check_positions(source: str, kind: str, findings: list[Finding], path: str = "doc") -> None:
    """Every finding lies inside ``source`` and points at the text it quotes.

    When one verbatim stretch of a segment covers the span, the source slice equals the finding's
    text exactly. Otherwise (an entity, a collapsed line break or inline markup inside the span)
    the letters of the text appear in order in the slice, entities decoded, and the slice starts
    and ends with the text's first and last letters.
    """
    index = LineIndex(source)
    doc = read_document(path, source, kind)
    for f in findings:
        assert 1 <= f.line <= f.end_line <= index.line_count, f
        start = _offset(index, f.line, f.column)
        end = _offset(index, f.end_line, f.end_column)
        assert index.line_start(f.line) <= start <= end <= len(source), f
        assert f.column - 1 <= len(index.line_text(f.line)), f
        assert f.end_column - 1 <= len(index.line_text(f.end_line)) + 1, f
        assert f.text, f
        chunk = source[start:end]
        verbatim = any(
            r.text_len == r.src_len and r.src_start <= start and end <= r.src_start + r.src_len
            for seg in doc.segments for r in seg.runs
        )
        if verbatim:
            assert chunk.replace("\r", "\n") == f.text.replace("\r", "\n"), (f, chunk)
            continue
        assert quotes(f.text, chunk, kind), (f, chunk)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=ANY_DOC)
def test_lint_text_never_raises_and_positions_point_at_the_text(packs, kind: str, source: str) -> None:
    findings = lint_text(source, f"doc.{EXTENSIONS[kind]}", kind, packs=packs)
    check_positions(source, kind, findings)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=ANY_DOC, kind=st.sampled_from(KINDS))
def test_lint_text_is_deterministic(packs, source: str, kind: str) -> None:
    first = lint_text(source, "doc", kind, packs=packs)
    again = lint_text(source, "doc", kind, packs=packs)
    assert first == again
    assert [f.to_json() for f in first] == [f.to_json() for f in again]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.one_of(MARKDOWNISH, _doc([])), newline=st.sampled_from(["\r\n", "\r"]))
def test_line_ending_style_changes_no_finding_but_its_line_breaks(packs, source: str, newline: str) -> None:
    lf = source.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", " ").replace("\u2029", " ")
    other = lf.replace("\n", newline)

    def key(found: list[Finding]) -> list[tuple]:
        return [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in found]

    assert key(lint_text(lf, "doc.md", packs=packs)) == key(lint_text(other, "doc.md", packs=packs))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=st.lists(st.tuples(ANY_DOC, st.sampled_from(KINDS)), min_size=2, max_size=4))
def test_a_finding_does_not_depend_on_the_files_beside_it(packs, docs: list[tuple[str, str]]) -> None:
    """Linting files together or one by one gives the same findings, inconsistencies aside."""
    config = Config()  # explicit: no configuration found by walking up from the temporary folder
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (source, kind) in enumerate(docs):
            p = Path(tmp) / f"page{i}.{EXTENSIONS[kind]}"
            p.write_text(source, encoding="utf-8", newline="")
            paths.append(str(p))
        together = lint_paths(paths, config=config, packs=packs, jobs=1)
        for p, (_source, kind) in zip(paths, docs):
            alone = lint_paths([p], config=config, packs=packs, jobs=1)
            # A NUL character makes a file binary, alone or not.
            assert [e.message for e in alone.errors] == [
                e.message for e in together.errors if Path(e.path).name == Path(p).name]
            mine = [f for f in together.findings if Path(f.path).name == Path(p).name]
            assert [f for f in mine if f.category != "inconsistency"] == [
                f for f in alone.findings if f.category != "inconsistency"
            ]
            if not alone.errors:
                # Positions count from the decoded text: a leading U+FEFF is a byte order mark.
                check_positions(decode(Path(p).read_bytes())[0], kind, mine, p)
