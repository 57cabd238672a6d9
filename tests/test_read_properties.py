"""Property tests: any input is read without an exception, and every kept character maps back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_read_common import assert_exact

from factlint.read import BinaryFileError, decode, read_document
from factlint.read.document import Document

_MARKDOWN_PIECES = [
    "alpha", "beta", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "*", "**", "_", "__", "~~", "`", "``",
    "```", "~~~", "[", "]", "(", ")", "![", "]( ", "<", ">", "> ", "# ", "## ", "- ", "* ", "1. ", "2) ",
    "    ", "|", "| a | b |\n|---|---|\n", "---", "===", "\\", "&amp;", "&nbsp;", "&#8209;", "&#x2014;",
    "&bogus;", "&", "<!--", "-->", "<!-- factlint-disable cure -->", "<div>", "</div>", "<span>", "</span>",
    "<script>", "</script>", "<pre>", "</pre>", "<img alt='x'>", "<https://a.b>", "[t](u \"x\")",
    "[r]: /url", "[r]", "\n---\ntitle: \"T\\\"x\"\ndescription: >\n  d\n---\n", "é", "\u00a0", "\u2028",
]  # fmt: skip
_HTML_PIECES = [
    "text", " ", "\n", "\r\n", "\r", "\t", "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<br>", "<li>",
    "<script>", "</script>", "<style>", "</style>", "<pre>", "</pre>", "<title>", "</title>", "<head>",
    "</head>", "<body>", "<!--", "-->", "<!-- factlint-enable -->", "<![CDATA[", "]]>", "<![", "<!x>", "<?",
    "?>", "&amp;", "&amp", "&nbsp;", "&#", "&#;", "&#8209;", "&#x2014;", "&#99999999999;", "&copy2", "&",
    "<", ">", "\"", "'", "=", '<meta name="description" content="', '<img alt="', "<img alt='a &amp; b'>",
    '">', "<a href='x'>", "</a>", "<svg>", "</svg>", "<code>", "</code>", "é", "\x00",
]  # fmt: skip


def _joined(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(pieces), st.text(max_size=4)), max_size=60).map("".join)


_ANY_TEXT = st.text(max_size=300)
_MARKDOWN = _joined(_MARKDOWN_PIECES)
_HTML = _joined(_HTML_PIECES)
_KINDS = ("markdown", "html", "text")


def _read(source: str, kind: str) -> Document:
    doc = read_document(f"doc.{kind}", source, kind=kind)
    assert_exact(doc)
    for directive in doc.directives:
        assert 1 <= directive.line <= directive.end_line <= doc.line_index.line_count
    return doc


@pytest.mark.parametrize("kind", _KINDS)
@given(source=_ANY_TEXT)
def test_arbitrary_text_is_read_exactly(kind: str, source: str) -> None:
    _read(source, kind)


@pytest.mark.parametrize("kind", _KINDS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(source=_MARKDOWN)
def test_markdown_like_text_is_read_exactly(kind: str, source: str) -> None:
    _read(source, kind)


@pytest.mark.parametrize("kind", _KINDS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(source=_HTML)
def test_html_like_text_is_read_exactly(kind: str, source: str) -> None:
    _read(source, kind)


@pytest.mark.parametrize("kind", _KINDS)
@given(source=st.one_of(_MARKDOWN, _HTML), newline=st.sampled_from(["\r\n", "\r"]))
def test_line_ending_style_does_not_change_the_text(kind: str, source: str, newline: str) -> None:
    lf = source.replace("\r\n", "\n").replace("\r", "\n")
    other = lf.replace("\n", newline)
    assert [s.text for s in _read(lf, kind).segments] == [s.text for s in _read(other, kind).segments]


@given(data=st.binary(max_size=200))
def test_decode_never_fails_except_for_binary(data: bytes) -> None:
    try:
        text, encoding = decode(data)
    except BinaryFileError:
        assert b"\x00" in data
        return
    assert encoding in {"utf-8", "utf-8-sig", "cp1252", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}
    assert isinstance(text, str)


@pytest.mark.slow
@pytest.mark.parametrize("kind", _KINDS)
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(source=st.one_of(_ANY_TEXT, _MARKDOWN, _HTML))
def test_many_inputs_are_read_exactly(kind: str, source: str) -> None:
    _read(source, kind)
