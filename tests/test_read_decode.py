"""Bytes to text: byte order marks, UTF-8, the Windows-1252 fallback, binary files."""

from __future__ import annotations

import codecs

import pytest

from factlint.read.decode import BinaryFileError, ReadError, decode


def test_plain_utf8() -> None:
    assert decode("Café – “quoted”\n".encode()) == ("Café – “quoted”\n", "utf-8")


def test_empty() -> None:
    assert decode(b"") == ("", "utf-8")


def test_utf8_bom_is_dropped() -> None:
    text, encoding = decode(codecs.BOM_UTF8 + b"Ketamine\n")
    assert text == "Ketamine\n"
    assert encoding == "utf-8-sig"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(encoding: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    original = "Relief – 4\u20136 weeks\r\nsecond line\n"
    text, name = decode(bom + original.encode(encoding))
    assert text == original  # BOM gone, CRLF kept
    assert name == encoding


def test_truncated_utf16_never_raises() -> None:
    text, name = decode(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00")
    assert name == "utf-16-le"
    assert text.startswith("ab")


def test_line_endings_are_not_normalised() -> None:
    assert decode(b"a\r\nb\rc\n")[0] == "a\r\nb\rc\n"


def test_cp1252_fallback() -> None:
    data = b"Caf\xe9 \x93quoted\x94 \x80 \x85"
    assert decode(data) == ("Café “quoted” € …", "cp1252")


def test_cp1252_undefined_bytes_fall_back_to_latin1() -> None:
    # 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252.
    text, name = decode(b"\xe9 \x81\x8d\x8f\x90\x9d")
    assert name == "cp1252"
    assert text == "é \x81\x8d\x8f\x90\x9d"


def test_every_byte_decodes() -> None:
    text, name = decode(bytes(range(1, 256)))
    assert name == "cp1252"
    assert len(text) == 255


def test_invalid_utf8_after_bom_falls_back() -> None:
    text, name = decode(codecs.BOM_UTF8 + b"Caf\xe9")
    assert (text, name) == ("Café", "cp1252")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"text\x00more", codecs.BOM_UTF8 + b"a\x00b"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryFileError):
        decode(data)
    with pytest.raises(ReadError):
        decode(data)


def test_utf16_without_bom_counts_as_binary() -> None:
    with pytest.raises(BinaryFileError):
        decode("plain".encode("utf-16-le"))
