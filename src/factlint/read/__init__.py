"""The read stage: bytes to text, text to prose segments with exact source offsets.

``decode`` turns file bytes into text; ``read_document`` picks a reader by kind (Markdown, HTML or
plain text) and returns a :class:`Document` whose segments map every character back to the source.
"""

from __future__ import annotations

import os

from factlint.read.decode import BinaryFileError, ReadError, decode
from factlint.read.document import Directive, Document, LineIndex, Segment

__all__ = [
    "BinaryFileError",
    "Directive",
    "Document",
    "LineIndex",
    "ReadError",
    "Segment",
    "decode",
    "kind_for_path",
    "read_bytes",
    "read_document",
]

_KIND_BY_EXTENSION = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def kind_for_path(path: str) -> str:
    """The reader a file's extension calls for: ``markdown``, ``html`` or ``text``."""
    return _KIND_BY_EXTENSION.get(os.path.splitext(path)[1].lower(), "text")


def read_document(path: str, source: str, kind: str | None = None) -> Document:
    """Read decoded ``source`` into a :class:`Document`.

    ``kind`` is ``markdown``, ``html`` or ``text``; without it the extension of ``path`` decides.
    Raises :class:`ValueError` for an unknown kind.
    """
    kind = kind or kind_for_path(path)
    # Readers are imported when first needed: a run over plain text never compiles the Markdown
    # and HTML machinery, and start-up stays short.
    if kind == "markdown":
        from factlint.read.markdown import read_markdown

        return read_markdown(path, source)
    if kind == "html":
        from factlint.read.html import read_html

        return read_html(path, source)
    if kind == "text":
        from factlint.read.plaintext import read_text

        return read_text(path, source)
    raise ValueError(f"unknown document kind {kind!r} (expected markdown, html or text)")


def read_bytes(path: str, data: bytes, kind: str | None = None) -> Document:
    """Decode file bytes and read them; raises :class:`ReadError` for binary data."""
    text, _ = decode(data)
    return read_document(path, text, kind)
