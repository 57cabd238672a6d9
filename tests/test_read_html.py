"""HTML: visible text, title, meta description and alt text, at exact positions; never raises."""

from __future__ import annotations

import time

import pytest
from test_read_common import all_text, assert_exact, find, pos, texts

from factlint.read.decode import decode
from factlint.read.document import Directive, Document
from factlint.read.html import read_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ketamine &amp; Chronic Pain</title>
  <meta name="description" content="Lasting&nbsp;relief &#8209; no side effects">
  <style>.cure { color: red }</style>
  <script>var cure = "guaranteed";</script>
</head>
<body>
  <h1>Ketamine <em>cures</em> pain</h1>
  <p>Relief lasts
     4&#8211;6 weeks &amp; more.</p>
  <img src="a.png" alt="A &quot;cure&quot; in a vial">
  <ul><li>One</li><li>Two <a href="/x">linked</a></li></ul>
  <pre>precode</pre><code>codeword</code>
</body>
</html>
"""


def html(source: str) -> Document:
    doc = read_html("page.html", source)
    assert doc.kind == "html"
    assert_exact(doc)
    return doc


def test_page_segments_and_kinds() -> None:
    doc = html(PAGE)
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("title", "Ketamine & Chronic Pain"),
        ("meta_description", "Lasting\u00a0relief \u2011 no side effects"),
        ("heading", "Ketamine cures pain"),
        ("paragraph", "Relief lasts\n4\u20136 weeks & more."),
        ("img_alt", 'A "cure" in a vial'),
        ("list_item", "One"),
        ("list_item", "Two linked"),
    ]
    blocks = [s.block for s in doc.segments]
    assert blocks == sorted(blocks) and len(set(blocks)) == len(blocks)
    for word in ("color", "guaranteed", "precode", "codeword", "utf-8", "a.png", "/x"):
        assert word not in all_text(doc)


def test_positions_of_text_title_meta_and_alt() -> None:
    doc = html(PAGE)
    assert pos(doc, "Chronic") == (5, 25)
    assert pos(doc, "relief") == (6, 50)
    assert pos(doc, "cures") == (11, 20)
    assert pos(doc, "weeks") == (13, 16)
    assert pos(doc, "in a vial") == (14, 44)
    for needle in ("Chronic", "relief", "cures", "weeks", "in a vial"):
        line, column = pos(doc, needle)
        assert PAGE.splitlines()[line - 1][column - 1 :].startswith(needle)


def test_entities_in_text_meta_and_alt_map_to_the_whole_reference() -> None:
    doc = html(PAGE)
    source = doc.source
    for needle, entity in (
        ("\u00a0relief", "&nbsp;"),
        ("\u2011 no", "&#8209;"),
        ("& Chronic", "&amp;"),
        ("\u2013", "&#8211;"),
        ('"cure"', "&quot;"),
    ):
        seg, i = find(doc, needle)
        start = seg.src_offset(i)
        assert source[start : seg.src_end(i + 1)] == entity
        assert source.startswith(entity, start)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("<p>&copy2024 &amp &lt;b&gt; &#x2014; &#8212 &#0; &bogus; & done</p>", "©2024 & <b> — — \ufffd &bogus; & done"),
        ("<p>&#99999999999999999999; &#x110000;</p>", "\ufffd \ufffd"),
        ("<p>&#; &#x; &# 5 text</p>", "&#; &#x; &# 5 text"),
        ('<img alt="&copy=1 &copy; &amp">', "&copy=1 © &"),
    ],
)
def test_entity_edge_cases(source: str, text: str) -> None:
    assert texts(html(source)) == [text]


def test_bad_character_reference_does_not_expose_scripts() -> None:
    # The standard parser gives up at "&#" without digits and, at the end, would return the rest
    # of the file (script included) as text.
    doc = html("<p>a &#; b</p><p>c &#x; d</p><script>secretcode()</script><p>end</p>")
    assert texts(doc) == ["a &#; b", "c &#x; d", "end"]


def test_crlf_positions() -> None:
    source = "<html>\r\n<body>\r\n<p>First\r\n   second &amp; third</p>\r\n<p>Next</p>\r\n"
    doc = html(source)
    assert texts(doc) == ["First\nsecond & third", "Next"]
    assert pos(doc, "second") == (4, 4)
    assert pos(doc, "third") == (4, 17)
    assert pos(doc, "Next") == (5, 4)


def test_lone_cr_positions() -> None:
    source = "<p>One\rtwo</p>\r<p>three &amp;\rfour</p>"
    doc = html(source)
    assert texts(doc) == ["One\ntwo", "three &\nfour"]
    assert pos(doc, "two") == (2, 1)
    assert pos(doc, "three") == (3, 4)
    assert pos(doc, "four") == (4, 1)


def test_bom_and_encodings() -> None:
    text, _ = decode(b"\xef\xbb\xbf<p>Caf\xc3\xa9 cures</p>")
    assert pos(html(text), "cures") == (1, 9)
    text, encoding = decode(b"<p>Caf\xe9 \x93cures\x94</p>")
    assert encoding == "cp1252"
    assert texts(html(text)) == ["Café “cures”"]
    text, _ = decode("\ufeff<p>\u00fcber\r\ncure</p>".encode("utf-16-be"))
    doc = html(text)
    assert texts(doc) == ["über\ncure"]
    assert pos(doc, "cure") == (2, 1)


def test_tabs_inside_text_are_kept() -> None:
    doc = html("<p>\tLasting\trelief</p>")
    assert texts(doc) == ["Lasting\trelief"]
    assert pos(doc, "relief") == (1, 13)


def test_block_elements_split_inline_elements_do_not() -> None:
    source = (
        "<div>Alpha <span>beta</span> <b>gamma</b><br>delta</div><section>epsilon<p>zeta</p>eta</section>"
        "<table><tr><td>cell one</td><th>cell <i>two</i></th></tr></table><blockquote>quoted</blockquote>"
    )
    doc = html(source)
    assert [(s.kind, s.text) for s in doc.segments] == [
        ("paragraph", "Alpha beta gamma"),
        ("paragraph", "delta"),
        ("paragraph", "epsilon"),
        ("paragraph", "zeta"),
        ("paragraph", "eta"),
        ("table_cell", "cell one"),
        ("table_cell", "cell two"),
        ("blockquote", "quoted"),
    ]


def test_hidden_elements_are_skipped() -> None:
    source = (
        "<p>shown</p><script>scriptcode</script><style>stylecode</style><pre>precode <b>x</b></pre>"
        "<noscript>noscriptcode</noscript><template>templatecode</template><svg><title>svgtitle</title>"
        "<text>svgtext</text></svg><math>mathcode</math><textarea>areacode</textarea>"
        "<p>inline <code>codeword</code> ok</p>"
    )
    doc = html(source)
    assert texts(doc) == ["shown", "inline ok"]
    for word in ("script", "style", "pre", "noscript", "template", "svg", "math", "area", "codeword"):
        assert word not in all_text(doc)


def test_text_in_head_is_skipped_except_title() -> None:
    doc = html("<head><title>Title</title>stray head text<link rel=x></head><body>Body text</body>")
    assert texts(doc) == ["Title", "Body text"]


def test_head_ends_at_body_content_without_body_tag() -> None:
    doc = html("<head><title>T</title><p>Paragraph</p>")
    assert texts(doc) == ["T", "Paragraph"]


def test_meta_description_only() -> None:
    source = (
        '<meta name="keywords" content="cure, relief">'
        "<meta content='Reversed order' NAME=Description>"
        '<meta property="og:description" content="other">'
    )
    doc = html(source)
    assert [(s.kind, s.text) for s in doc.segments] == [("meta_description", "Reversed order")]
    assert pos(doc, "Reversed") == (1, 61)


def test_directives_from_comments() -> None:
    source = (
        "<!-- factlint-disable cure -->\n"
        "<p>Ketamine cures pain.</p> <!-- factlint-disable-line -->\n"
        "<!--\n  factlint-disable-next-line no-addiction-risk,\n  durable-relief\n-->\n"
        "<p>Non-addictive.</p><!-- ordinary comment -->\n"
    )
    doc = html(source)
    assert doc.directives == (
        Directive("disable", ("cure",), 1, 1),
        Directive("disable-line", (), 2, 2),
        Directive("disable-next-line", ("no-addiction-risk", "durable-relief"), 3, 6),
    )
    assert texts(doc) == ["Ketamine cures pain.", "Non-addictive."]


@pytest.mark.parametrize(
    "source",
    [
        "<p>Unclosed paragraph <b>bold <i>both",
        "<div><p>Misnested</div></p></i></b></span>",
        "<p>Broken <a href='x>link text</p>",
        "<![ bogus section ]><p>after</p>",
        "<![CDATA[ hidden ]]><p>after cdata</p>",
        "<!-- unclosed comment <p>hidden</p>",
        "<p>ends inside a tag <img alt='x",
        "<p>a < b and c > d</p>",
        "</p></div></body></html>text",
        "<title>never closed",
        "<p>x</p><!DOCTYPE><?php echo 1 ?><!x>",
        "<",
        "&",
        "&#",
        "<a",
    ],
)
def test_broken_html_never_raises(source: str) -> None:
    doc = html(source)
    assert "<p" not in all_text(doc)


def test_unclosed_tags_keep_following_text() -> None:
    doc = html("<p>First <b>bold<p>Second<li>item<div>After")
    assert texts(doc) == ["First bold", "Second", "item", "After"]


def test_unclosed_comment_hides_the_rest_as_browsers_do() -> None:
    assert texts(html("<p>shown</p><!-- unclosed <p>hidden</p>")) == ["shown"]


def test_unclosed_pre_is_closed_by_its_parent() -> None:
    assert texts(html("<div><pre>code</div><p>visible</p>")) == ["visible"]


def test_deep_nesting_is_fast() -> None:
    depth = 20_000
    source = "<div>" * depth + "<p>deep text &amp; more</p>" + "</div>" * depth
    start = time.perf_counter()
    doc = html(source)
    assert time.perf_counter() - start < 5.0
    assert texts(doc) == ["deep text & more"]
    assert pos(doc, "more") == (1, len("<div>") * depth + len("<p>deep text &amp; ") + 1)


def test_deep_unclosed_inline_nesting_and_stray_end_tags_are_fast() -> None:
    source = "<span><b>" * 10_000 + "text" + "</div>" * 20_000 + "</b>" * 5_000
    start = time.perf_counter()
    assert texts(html(source)) == ["text"]
    assert time.perf_counter() - start < 5.0


def test_empty_input() -> None:
    assert html("").segments == ()
    assert html("   \n ").segments == ()
