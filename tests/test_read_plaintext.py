"""Plain text: blocks of non-blank lines, exact positions, directive comment lines."""

from __future__ import annotations

from test_read_common import assert_exact, pos, texts

from factlint.read.decode import decode
from factlint.read.document import Directive
from factlint.read.plaintext import read_text


def test_blocks_are_runs_of_non_blank_lines() -> None:
    doc = read_text("a.txt", "First line\nstill first block\n\n\n  Second block  \n")
    assert doc.kind == "text"
    assert texts(doc) == ["First line\nstill first block", "Second block"]
    assert [s.block for s in doc.segments] == [0, 1]
    assert [s.kind for s in doc.segments] == ["text", "text"]
    assert pos(doc, "Second") == (5, 3)
    assert_exact(doc)


def test_crlf_line_break_maps_to_both_characters() -> None:
    source = "Ketamine helps\r\nsome patients\r\n\r\nOther block\r\n"
    doc = read_text("a.txt", source)
    seg = doc.segments[0]
    assert seg.text == "Ketamine helps\nsome patients"
    nl = seg.text.index("\n")
    assert seg.src_offset(nl) == source.index("\r\n")
    assert seg.src_end(nl + 1) == source.index("\r\n") + 2
    assert pos(doc, "some") == (2, 1)
    assert pos(doc, "Other") == (4, 1)
    assert_exact(doc)


def test_lone_cr_line_breaks() -> None:
    doc = read_text("a.txt", "one\rtwo\r\rthree")
    assert texts(doc) == ["one\ntwo", "three"]
    assert pos(doc, "two") == (2, 1)
    assert pos(doc, "three") == (4, 1)
    assert_exact(doc)


def test_trailing_blanks_are_not_in_the_text() -> None:
    source = "relief   \nlasts  \t\n"
    doc = read_text("a.txt", source)
    seg = doc.segments[0]
    assert seg.text == "relief\nlasts"
    # The soft break stands for the line break itself, not the blanks before it.
    assert seg.src_offset(6) == source.index("\n")
    assert_exact(doc)


def test_tabs_inside_a_line_are_kept() -> None:
    doc = read_text("a.txt", "\tIndented\tand\ttabbed\n")
    assert texts(doc) == ["Indented\tand\ttabbed"]
    assert pos(doc, "and") == (1, 11)
    assert_exact(doc)


def test_utf8_bom_file_starts_at_column_one() -> None:
    text, _ = decode(b"\xef\xbb\xbfKetamine cures\n")
    doc = read_text("a.txt", text)
    assert pos(doc, "cures") == (1, 10)


def test_directive_lines_are_not_prose() -> None:
    source = (
        "<!-- factlint-disable cure -->\n"
        "Ketamine cures pain.\n"
        "# factlint-enable\n"
        "// factlint-disable-next-line no-addiction-risk\n"
        "Not addictive.\n"
        "# A heading-like line\n"
    )
    doc = read_text("a.txt", source)
    assert texts(doc) == ["Ketamine cures pain.", "Not addictive.\n# A heading-like line"]
    assert doc.directives == (
        Directive("disable", ("cure",), 1, 1),
        Directive("enable", (), 3, 3),
        Directive("disable-next-line", ("no-addiction-risk",), 4, 4),
    )
    assert_exact(doc)


def test_directive_at_end_of_a_prose_line() -> None:
    source = "Ketamine is non-addictive. <!-- factlint-disable-line no-addiction-risk -->\nNext.\n"
    doc = read_text("a.txt", source)
    assert texts(doc) == ["Ketamine is non-addictive.\nNext."]
    assert doc.directives == (Directive("disable-line", ("no-addiction-risk",), 1, 1),)
    assert_exact(doc)


def test_multi_line_comment_directive() -> None:
    source = "Before.\n\n<!-- factlint-disable-next-line\n     cure, durable-relief -->\nA cure.\n"
    doc = read_text("a.txt", source)
    assert texts(doc) == ["Before.", "A cure."]
    assert doc.directives == (Directive("disable-next-line", ("cure", "durable-relief"), 3, 4),)


def test_ordinary_comments_stay_prose() -> None:
    doc = read_text("a.txt", "# Heading\n<!-- note -->\nUse C# or http://x.org // path\n")
    assert texts(doc) == ["# Heading\n<!-- note -->\nUse C# or http://x.org // path"]
    assert doc.directives == ()


def test_empty_and_blank_inputs() -> None:
    assert read_text("a.txt", "").segments == ()
    assert read_text("a.txt", " \n\t\n\r\n").segments == ()


def test_long_lines_are_paragraphs_of_their_own() -> None:
    # Text copied from a web page: a heading line, then one paragraph per line, no blank lines.
    para1 = "Ketamine has been studied for chronic pain for decades, and " * 3
    para2 = "Relief after an infusion series usually lasts a few weeks for those who respond. " * 2
    source = f"Understanding Chronic Pain\n{para1.strip()}\n{para2.strip()}\nShort closing line.\n"
    doc = read_text("a.txt", source)
    assert texts(doc) == [f"Understanding Chronic Pain\n{para1.strip()}", para2.strip(), "Short closing line."]
    assert [s.block for s in doc.segments] == [0, 1, 2]
    assert pos(doc, "Relief") == (3, 1)
    assert_exact(doc)
