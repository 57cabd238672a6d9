"""Shared checks for the readers, and the read stage's entry points.

``assert_exact`` is the invariant every reader must keep: each character of a segment that is a
copy of the source sits at the offset its segment says (a line break may stand for ``\\r\\n`` or
``\\r``), replacements point at real source offsets, offsets never go backwards inside a segment,
and no source character feeds two segments.
"""

from __future__ import annotations

import pytest

from factlint.read import (
    BinaryFileError,
    Document,
    ReadError,
    Segment,
    decode,
    kind_for_path,
    read_bytes,
    read_document,
)


def assert_exact(doc: Document) -> None:
    """Every identity-mapped character of every segment maps back to itself in the source."""
    source = doc.source
    seen: set[int] = set()
    for seg in doc.segments:
        assert seg.text.strip(), "empty segments are never emitted"
        assert sum(run.text_len for run in seg.runs) == len(seg.text)
        last = -1
        for run in seg.runs:
            assert run.src_start >= 0 and run.src_start + run.src_len <= len(source)
            identity = run.text_len == run.src_len
            for i in range(run.text_start, run.text_start + run.text_len):
                ch, offset = seg.text[i], seg.src_offset(i)
                assert 0 <= offset < len(source)
                assert offset >= last, f"offsets go backwards in {seg.text!r} at {i}"
                last = offset
                if not identity:
                    continue  # an entity, an escape or a line break standing for several characters
                assert source[offset] == ch or (ch == "\n" and source[offset] in "\r\n"), (
                    f"{seg.kind} {seg.text!r}[{i}]={ch!r} but source[{offset}]={source[offset]!r}"
                )
                assert offset not in seen, f"source offset {offset} used twice"
                seen.add(offset)


def texts(doc: Document, kind: str | None = None) -> list[str]:
    """The segment texts, optionally of one kind."""
    return [s.text for s in doc.segments if kind is None or s.kind == kind]


def all_text(doc: Document) -> str:
    return "\n".join(s.text for s in doc.segments)


def find(doc: Document, needle: str) -> tuple[Segment, int]:
    """The segment containing ``needle`` and its index there."""
    for seg in doc.segments:
        i = seg.text.find(needle)
        if i >= 0:
            return seg, i
    raise AssertionError(f"{needle!r} not in {texts(doc)}")


def pos(doc: Document, needle: str, k: int = 0) -> tuple[int, int]:
    """1-based (line, column) of character ``k`` of ``needle`` in the source, via the segment map."""
    seg, i = find(doc, needle)
    return doc.line_index.position(seg.src_offset(i + k))


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("a.md", "markdown"),
        ("dir/B.MARKDOWN", "markdown"),
        ("x.html", "html"),
        ("x.htm", "html"),
        ("x.xhtml", "html"),
        ("notes.txt", "text"),
        ("README", "text"),
        ("page.mdx", "text"),
    ],
)
def test_kind_for_path(path: str, kind: str) -> None:
    assert kind_for_path(path) == kind


def test_read_document_dispatches_on_extension_and_kind() -> None:
    source = "# Title\n\n<b>bold</b> text\n"
    assert read_document("a.md", source).kind == "markdown"
    assert read_document("a.html", source).kind == "html"
    assert read_document("a.txt", source).kind == "text"
    assert read_document("a.txt", source, kind="markdown").kind == "markdown"
    assert texts(read_document("a.md", source)) == ["Title", "bold text"]
    assert texts(read_document("a.txt", source)) == ["# Title", "<b>bold</b> text"]


def test_read_document_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown document kind"):
        read_document("a.md", "x", kind="pdf")


def test_read_bytes_decodes_then_reads() -> None:
    doc = read_bytes("a.md", b"\xef\xbb\xbf# Caf\xc3\xa9\r\n")
    assert texts(doc) == ["Café"]
    assert doc.line_index.position(doc.segments[0].src_offset(0)) == (1, 3)
    with pytest.raises(ReadError):
        read_bytes("a.md", b"\x00\x01binary")


def test_reexports() -> None:
    assert issubclass(BinaryFileError, ReadError)
    assert decode(b"abc") == ("abc", "utf-8")
