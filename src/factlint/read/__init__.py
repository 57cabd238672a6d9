"""Stage 2, read: bytes -> text -> a :class:`Document` of prose segments with exact offsets."""

from __future__ import annotations

from pathlib import PurePath

from factlint.read.decode import BinaryFileError, ReadError, decode
from factlint.read.document import Document, Segment

_KINDS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}


def kind_for_path(path: str) -> str:
    """``markdown``, ``html`` or ``text``, by the file's extension."""
    return _KINDS.get(PurePath(path).suffix.lower(), "text")


def read_document(path: str, source: str, kind: str | None = None) -> Document:
    """Read decoded ``source`` as the given kind (by default, the kind of ``path``)."""
    kind = kind or kind_for_path(path)
    if kind == "markdown":
        from factlint.read.markdown import read_markdown

        return read_markdown(path, source)
    if kind == "html":
        from factlint.read.html import read_html

        return read_html(path, source)
    from factlint.read.plaintext import read_text

    return read_text(path, source)


__all__ = ["BinaryFileError", "Document", "ReadError", "Segment", "decode", "kind_for_path", "read_document"]
