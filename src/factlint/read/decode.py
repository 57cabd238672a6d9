"""Bytes to text: byte order marks, strict UTF-8, then Windows-1252 that never fails.

Line endings are left exactly as they are (CRLF and lone CR included): every later position is an
offset into the text returned here, and :class:`~factlint.read.document.LineIndex` knows all three
kinds of line break, so normalising them would only shift columns away from the file on disk.
"""

from __future__ import annotations

import codecs
import contextlib


class ReadError(Exception):
    """A file that cannot be read as text."""


class BinaryFileError(ReadError):
    """A file that looks binary (NUL bytes without a UTF-16/32 byte order mark)."""


# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Windows-1252 differs from Latin-1 only in 0x80-0x9F, and leaves five of those bytes undefined.
# Decoding as Latin-1 and translating that range gives cp1252 with the undefined bytes falling back
# to their Latin-1 code points, in C speed and without an error handler.
_CP1252_FIXUP: dict[int, str] = {}
for _byte in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):
        _CP1252_FIXUP[_byte] = bytes([_byte]).decode("cp1252")
del _byte


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes; return ``(text, encoding name)``.

    A byte order mark picks the encoding and is dropped, so line 1 column 1 is the first real
    character. Without one, strict UTF-8 is tried, then Windows-1252 (bytes it leaves undefined
    decode as Latin-1), which cannot fail. Raises :class:`BinaryFileError` for data containing NUL
    bytes unless a UTF-16 or UTF-32 byte order mark explains them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                if b"\x00" in body:
                    raise BinaryFileError("NUL bytes in a UTF-8 file")
                return _utf8_or_cp1252(body, "utf-8-sig")
            # A truncated or corrupt UTF-16/32 file still deserves a best effort: U+FFFD stands in
            # for each bad code unit and positions stay consistent with the decoded text.
            return body.decode(encoding, errors="replace"), encoding
    if b"\x00" in data:
        raise BinaryFileError("NUL bytes: binary file")
    return _utf8_or_cp1252(data, "utf-8")


def _utf8_or_cp1252(data: bytes, utf8_name: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), utf8_name
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252_FIXUP), "cp1252"
