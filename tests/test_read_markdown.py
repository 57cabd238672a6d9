"""Markdown: what is prose, what is not, and exactly where every character came from."""

from __future__ import annotations

import codecs
import time

import pytest
from test_read_common import all_text, assert_exact, find, pos, texts

from factlint.read.decode import decode
from factlint.read.document import Directive, Document
from factlint.read.markdown import read_markdown


def md(source: str) -> Document:
    doc = read_markdown("doc.md", source)
    assert doc.kind == "markdown"
    assert_exact(doc)
    return doc


# -- blocks ---------------------------------------------------------------------------------------


def test_paragraphs_and_headings() -> None:
    doc = md("# Ketamine for pain #\n\nIt was first produced\nin the 1960s.\n\nSetext title\n---\n")
    assert texts(doc) == ["Ketamine for pain", "It was first produced\nin the 1960s.", "Setext title"]
    assert [s.kind for s in doc.segments] == ["heading", "paragraph", "heading"]
    assert [s.block for s in doc.segments] == [0, 1, 2]
    assert pos(doc, "Ketamine") == (1, 3)
    assert pos(doc, "in the") == (4, 1)
    assert pos(doc, "Setext") == (6, 1)


def test_atx_heading_closing_hashes() -> None:
    assert texts(md("## Cure #5\n### Not closed\\#\n#### ####\n#hashtag\n")) == [
        "Cure #5",
        "Not closed#",
        "#hashtag",
    ]


def test_soft_break_maps_to_the_line_break_and_skips_indentation() -> None:
    source = "Relief lasts   \n    four to six weeks.\n"
    doc = md(source)
    seg = doc.segments[0]
    assert seg.text == "Relief lasts\nfour to six weeks."
    assert seg.src_offset(seg.text.index("\n")) == source.index("\n")
    assert pos(doc, "four") == (2, 5)


def test_crlf_file() -> None:
    source = "# Title\r\n\r\nFirst line\r\nsecond line\r\n\r\n- item\r\n  more\r\n"
    doc = md(source)
    assert texts(doc) == ["Title", "First line\nsecond line", "item\nmore"]
    seg, i = find(doc, "\nsecond")
    assert seg.src_offset(i) == source.index("\r\nsecond")
    assert seg.src_end(i + 1) == source.index("second")  # the "\n" stands for two characters
    assert pos(doc, "second") == (4, 1)
    assert pos(doc, "more") == (7, 3)


def test_lone_cr_file() -> None:
    doc = md("Title\r=====\rone\rtwo\r\r> quoted\r")
    assert texts(doc) == ["Title", "one\ntwo", "quoted"]
    assert pos(doc, "two") == (4, 1)
    assert pos(doc, "quoted") == (6, 3)


def test_utf8_bom_is_gone_before_reading() -> None:
    text, _ = decode(codecs.BOM_UTF8 + b"---\ntitle: Cure\n---\n# Heading\n")
    doc = md(text)
    assert texts(doc) == ["Cure", "Heading"]
    assert pos(doc, "Cure") == (2, 8)
    assert pos(doc, "Heading") == (4, 3)


def test_utf16_file() -> None:
    text, encoding = decode(codecs.BOM_UTF16_LE + "# Über\r\n\r\nLasting relief\r\n".encode("utf-16-le"))
    assert encoding == "utf-16-le"
    doc = md(text)
    assert texts(doc) == ["Über", "Lasting relief"]
    assert pos(doc, "relief") == (3, 9)


def test_cp1252_file() -> None:
    text, encoding = decode(b"Caf\xe9 \x93cures\x94 pain\n")
    assert encoding == "cp1252"
    doc = md(text)
    assert texts(doc) == ["Café “cures” pain"]
    assert pos(doc, "cures") == (1, 7)


def test_tabs() -> None:
    source = "Text\twith\ttabs\n\n\tindented code\n\n-\tItem one\n\n\tsame item\n"
    doc = md(source)
    assert texts(doc) == ["Text\twith\ttabs", "Item one", "same item"]
    assert pos(doc, "with") == (1, 6)
    assert pos(doc, "Item") == (5, 3)
    assert pos(doc, "same") == (7, 2)
    assert [s.kind for s in doc.segments] == ["paragraph", "list_item", "list_item"]


# -- containers -----------------------------------------------------------------------------------


def test_nested_lists() -> None:
    source = (
        "- Top item\n"
        "  continues here\n"
        "  - Nested item\n"
        "    * Third level\n"
        "      with more\n"
        "\n"
        "1. Ordered one\n"
        "2) Ordered two\n"
        "   1. Deep ordered\n"
        "- lazy\n"
        "continuation line\n"
    )
    doc = md(source)
    assert texts(doc) == [
        "Top item\ncontinues here",
        "Nested item",
        "Third level\nwith more",
        "Ordered one",
        "Ordered two",
        "Deep ordered",
        "lazy\ncontinuation line",
    ]
    assert {s.kind for s in doc.segments} == {"list_item"}
    assert len({s.block for s in doc.segments}) == len(doc.segments)
    assert pos(doc, "Third") == (4, 7)
    assert pos(doc, "with more") == (5, 7)
    assert pos(doc, "Deep") == (9, 7)
    assert pos(doc, "continuation") == (11, 1)


def test_list_item_paragraphs_after_blank_lines() -> None:
    doc = md("1. First paragraph.\n\n   Second paragraph of the item,\n   indented by three.\n")
    assert texts(doc) == ["First paragraph.", "Second paragraph of the item,\nindented by three."]
    assert [s.kind for s in doc.segments] == ["list_item", "list_item"]
    assert pos(doc, "indented") == (4, 4)


def test_block_quotes() -> None:
    source = "> Quoted line\n> continues\nlazily\n>\n> > Nested quote\n> > more\n\n> - list in quote\n"
    doc = md(source)
    assert texts(doc) == ["Quoted line\ncontinues\nlazily", "Nested quote\nmore", "list in quote"]
    assert [s.kind for s in doc.segments] == ["blockquote", "blockquote", "list_item"]
    assert pos(doc, "continues") == (2, 3)
    assert pos(doc, "more") == (6, 5)
    # The ">" prefixes are not part of the text, not even as blanks.
    assert ">" not in all_text(doc)


def test_ordered_item_not_starting_at_one_does_not_interrupt_a_paragraph() -> None:
    doc = md("The number of sessions is\n14. Most patients need fewer.\n")
    assert texts(doc) == ["The number of sessions is\n14. Most patients need fewer."]


def test_thematic_breaks_are_not_prose() -> None:
    assert texts(md("One\n\n***\n- - -\n___\n\nTwo\n")) == ["One", "Two"]


# -- tables ---------------------------------------------------------------------------------------


def test_table_cells() -> None:
    source = (
        "Intro paragraph\n"
        "| Claim | Verdict \\| note |\n"
        "|:------|--------:|\n"
        "| *cures* CRPS | `false` |\n"
        "no pipes row\n"
        "\n"
        "After.\n"
    )
    doc = md(source)
    assert texts(doc) == ["Intro paragraph", "Claim", "Verdict | note", "cures CRPS", "no pipes row", "After."]
    kinds = [s.kind for s in doc.segments]
    assert kinds == ["paragraph", "table_cell", "table_cell", "table_cell", "table_cell", "paragraph"]
    header, body = doc.segments[1:3], doc.segments[3]
    assert header[0].block == header[1].block != body.block
    assert pos(doc, "Verdict") == (2, 11)
    assert pos(doc, "cures") == (4, 4)
    assert "-----" not in all_text(doc)


def test_table_needs_matching_header() -> None:
    doc = md("a | b | c\n--|--\n")
    assert doc.segments[0].kind != "table_cell"


# -- never prose ----------------------------------------------------------------------------------


def test_fenced_code_is_skipped() -> None:
    source = (
        "Before.\n"
        "```python title=\"x\"\n"
        "fencedcode = 1\n"
        "```\n"
        "~~~~\n"
        "tildecode\n"
        "```\n"
        "~~~~\n"
        "- item\n"
        "  ```\n"
        "  listcode\n"
        "  ```\n"
        "After.\n"
        "```\n"
        "unclosedcode runs to the end\n"
    )
    doc = md(source)
    assert texts(doc) == ["Before.", "item", "After."]
    for word in ("fencedcode", "tildecode", "listcode", "unclosedcode", "```", "~~~"):
        assert word not in all_text(doc)


def test_indented_code_is_skipped() -> None:
    doc = md("Para.\n\n    indentedcode()\n\n        moreindented\nBack.\n\n- item\n\n  item paragraph\n")
    assert texts(doc) == ["Para.", "Back.", "item", "item paragraph"]
    assert "indented" not in all_text(doc)


def test_indented_line_continues_a_paragraph() -> None:
    assert texts(md("Para line\n    still para\n")) == ["Para line\nstill para"]


def test_inline_code_spans_are_skipped() -> None:
    doc = md("Use `inlinecode` or ``double `tick` code`` or ```three``` here.\nUnmatched `tick stays.\n")
    text = doc.segments[0].text
    assert text == "Use  or  or  here.\nUnmatched `tick stays."
    for word in ("inlinecode", "double", "three"):
        assert word not in text


def test_html_blocks_script_style_pre_are_skipped() -> None:
    source = (
        "<script>\nscriptcode()\n</script>\n"
        "<style>\n.stylecode {}\n</style>\n"
        "<pre>\nprecode\n</pre>\n"
        "<div class=\"note\">\nDiv text &amp; <em>more</em>\n<script>nestedscript()</script>\n</div>\n"
        "\n"
        "<details>\n<summary>Is it a cure?</summary>\n\nMarkdown *inside*.\n\n</details>\n"
    )
    doc = md(source)
    assert texts(doc) == ["Div text & more", "Is it a cure?", "Markdown inside."]
    for word in ("scriptcode", "stylecode", "precode", "nestedscript", "class", "note"):
        assert word not in all_text(doc)
    assert pos(doc, "Div") == (11, 1)


def test_links_keep_their_text_only() -> None:
    source = (
        "See [the review](https://example.org/review \"Review title\") and [ref link][r1],\n"
        "[Shortcut] and <https://auto.example.org/x> or mail <me@example.org>.\n"
        "Raw https://raw.example.org stays. [not a link] stays.\n"
        "\n"
        "[r1]: https://defined.example.org/ref \"Ref title\"\n"
        "[shortcut]: <https://short.example.org>\n"
    )
    doc = md(source)
    assert texts(doc) == [
        "See the review and ref link,\nShortcut and https://auto.example.org/x or mail me@example.org.\n"
        "Raw https://raw.example.org stays. [not a link] stays."
    ]
    for word in ("example.org/review", "Review title", "defined", "Ref title", "short.example", "r1"):
        assert word not in all_text(doc)
    assert pos(doc, "review") == (1, 10)
    assert pos(doc, "auto") == (2, 25)


def test_images_alt_is_its_own_segment() -> None:
    source = "Text ![A *cure* for pain](cure.png \"title\") more <img src=x alt=\"Raw &amp; alt\"> end.\n"
    doc = md(source)
    assert texts(doc) == ["Text  more  end.", "A cure for pain", "Raw & alt"]
    assert [s.kind for s in doc.segments] == ["paragraph", "img_alt", "img_alt"]
    assert [s.block for s in doc.segments] == [0, 1, 2]
    # A paragraph that is only an image yields the alt text alone; block numbers stay dense.
    assert [(s.kind, s.block) for s in md("![alt](x.png)\n\nNext.\n").segments] == [
        ("img_alt", 0),
        ("paragraph", 1),
    ]
    assert pos(doc, "cure for") == (1, 11)
    seg, i = find(doc, "& alt")
    assert doc.source[seg.src_offset(i) : seg.src_end(i + 1)] == "&amp;"
    assert "cure.png" not in all_text(doc)


def test_inline_html_tags_are_removed_text_stays() -> None:
    doc = md('Ketamine <span class="hl">cures</span> <b>pain</b><br/> <code>codeword</code> end.\n')
    assert texts(doc) == ["Ketamine cures pain\n  end."]
    assert pos(doc, "cures") == (1, 27)
    seg, i = find(doc, "\n")
    assert doc.source[seg.src_offset(i) : seg.src_end(i + 1)] == "<br/>"  # a break, not glued words
    assert texts(md("Relief<br>lasts<div>weeks</div>\n")) == ["Relief\nlasts\nweeks"]


def test_emphasis_markers_are_removed() -> None:
    source = "**Strong** *em* __under__ _em_ ~~gone~~ ***both*** snake_case_word 5 * 3 = 15 *unclosed\n"
    doc = md(source)
    assert texts(doc) == ["Strong em under em gone both snake_case_word 5 * 3 = 15 *unclosed"]
    assert pos(doc, "both") == (1, 44)


def test_backslash_escapes_keep_the_escaped_character_at_its_position() -> None:
    source = "\\*not em\\* \\[x\\] a\\\\b \\q\n"
    doc = md(source)
    assert texts(doc) == ["*not em* [x] a\\b \\q"]
    seg = doc.segments[0]
    assert seg.src_offset(0) == 1
    assert doc.line_index.position(seg.src_offset(seg.text.index("]"))) == (1, 16)


def test_hard_line_break_backslash() -> None:
    doc = md("line one\\\nline two\n")
    assert texts(doc) == ["line one\nline two"]


def test_entities_map_to_the_whole_reference() -> None:
    source = "Relief&nbsp;lasts 4&#8209;6 weeks &amp; more &#x2014; says &unknown; &copy\n"
    doc = md(source)
    seg = doc.segments[0]
    assert seg.text == "Relief\u00a0lasts 4\u20116 weeks & more \u2014 says &unknown; &copy"
    for char, entity in (("\u00a0", "&nbsp;"), ("\u2011", "&#8209;"), ("&", "&amp;"), ("\u2014", "&#x2014;")):
        i = seg.text.index(char)
        start = seg.src_offset(i)
        assert source[start : seg.src_end(i + 1)] == entity
        assert doc.line_index.position(start) == (1, source.index(entity) + 1)
    assert pos(doc, "weeks") == (1, 29)


def test_front_matter() -> None:
    source = (
        "---\n"
        'title: "Ketamine \\"cures\\" pain"\n'
        "layout: post\n"
        "description: Lasting relief for everyone # comment\n"
        "tags: [cure]\n"
        "---\n"
        "# Body\n"
    )
    doc = md(source)
    assert texts(doc) == ['Ketamine "cures" pain', "Lasting relief for everyone", "Body"]
    assert [s.kind for s in doc.segments] == ["front_matter", "front_matter", "heading"]
    assert pos(doc, "Ketamine") == (2, 9)
    assert pos(doc, "Lasting") == (4, 14)
    seg, i = find(doc, '"cures')
    assert source[seg.src_offset(i) : seg.src_end(i + 1)] == '\\"'
    for word in ("layout", "post", "tags", "comment"):
        assert word not in all_text(doc)


def test_front_matter_single_quoted_and_block_scalars() -> None:
    source = (
        "---\n"
        "title: 'It''s a cure'\n"
        "description: >-\n"
        "  Folded text that\n"
        "  continues here.\n"
        "other: |\n"
        "  ignored\n"
        "---\n"
    )
    doc = md(source)
    assert texts(doc) == ["It's a cure", "Folded text that\ncontinues here."]
    assert pos(doc, "continues") == (5, 3)
    assert pos(doc, "s a cure") == (2, 13)


def test_front_matter_needs_to_be_first_and_closed() -> None:
    assert texts(md("Intro\n\n---\ntitle: x\n---\n")) == ["Intro", "title: x"]
    assert texts(md("---\ntitle: open\n")) == ["title: open"]
    # A thematic break opening a document is not front matter when prose follows it.
    assert texts(md("---\nSome prose here.\n\n---\nMore.\n")) == ["Some prose here.", "More."]


def test_comments_give_directives() -> None:
    source = (
        "<!-- factlint-disable cure -->\n"
        "Ketamine cures. <!-- factlint-disable-line no-addiction-risk -->\n"
        "\n"
        "<!--\n"
        "  just a note, not a switch\n"
        "-->\n"
        "<!-- factlint-disable-next-line\n"
        "     cure, durable-relief -->\n"
        "Lasting cure.\n"
        "\n"
        "Text <!-- factlint-enable\n"
        "-->more.\n"
    )
    doc = md(source)
    assert doc.directives == (
        Directive("disable", ("cure",), 1, 1),
        Directive("disable-line", ("no-addiction-risk",), 2, 2),
        Directive("disable-next-line", ("cure", "durable-relief"), 7, 8),
        Directive("enable", (), 11, 12),
    )
    assert texts(doc) == ["Ketamine cures.", "Lasting cure.", "Text more."]
    assert "note" not in all_text(doc)


def test_reference_definitions_and_footnotes() -> None:
    doc = md("[a]: http://x.org\n[^1]: Footnote text is prose.\n\nText[^1].\n")
    assert texts(doc) == ["[^1]: Footnote text is prose.", "Text[^1]."]


def test_empty_inputs() -> None:
    assert md("").segments == ()
    assert md("\n\n   \n").segments == ()
    assert md("```\n").segments == ()


def test_large_document_is_linear() -> None:
    chunk = (
        "# Heading *x*\n\nSome **bold** text with `code` and [a link](http://x.org) &amp; more\n"
        "over two lines.\n\n- item one\n  - nested\n> quote\n\n| a | b |\n|---|---|\n| c | d |\n\n"
    )
    small = chunk * 200
    big = chunk * 2000
    start = time.perf_counter()
    read_markdown("a.md", small)
    small_time = time.perf_counter() - start
    start = time.perf_counter()
    doc = read_markdown("a.md", big)
    big_time = time.perf_counter() - start
    assert len(doc.segments) == 2000 * 9
    assert big_time < 10 * small_time * 3  # roughly linear, generous for noisy machines


@pytest.mark.parametrize(
    "source",
    [
        "[" * 5000 + "x" + "]" * 5000,
        "*" * 10000 + "a" + "_" * 10000,
        "<a x='" * 3000,
        "`" * 3000 + "a" + "``" * 1500,
        "<!--" * 5000,
        "> " * 3000 + "deep",
        "".join(" " * i + "- x\n" for i in range(0, 600, 2)),
        "![a](" * 3000,
    ],
    ids=["brackets", "emphasis", "quotes", "backticks", "comments", "quote-depth", "list-depth", "images"],
)
def test_pathological_inputs_finish_fast(source: str) -> None:
    start = time.perf_counter()
    md(source)
    assert time.perf_counter() - start < 2.0
