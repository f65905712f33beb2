"""Bytes to text before parsing: BOM, then the HTTP charset, then <meta>, then detection.

lexbor (selectolax) only understands UTF-8, so every page is decoded here first. Labels follow
the WHATWG encoding standard where Python's codec names differ (gb2312 means GBK, latin-1
means windows-1252), because that is what browsers, and so page authors, assume.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG labels whose Python codec is narrower than what browsers decode.
_WHATWG = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-sjis": "shift_jis",
    "shift-jis": "shift_jis",
    "ks_c_5601-1987": "euc-kr",
    "tis-620": "cp874",
    "iso-8859-9": "cp1254",
}
_HEADER_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I
)
_PRESCAN_BYTES = 4096


def codec_for(label: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when the label is unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _WHATWG.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if info.name in ("utf-16-le", "utf-16-be", "utf-16"):
        return "utf-8"  # an ASCII-compatible page cannot really be UTF-16 (WHATWG rule)
    return _WHATWG.get(info.name, info.name)


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type.encode("latin-1", "replace"))
    return codec_for(match.group(1).decode("ascii", "replace")) if match else None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    return codec_for(match.group(1).decode("ascii", "replace")) if match else None


def sniff_encoding(data: bytes, content_type: str | None = None) -> str:
    """Choose the codec for a page: BOM, HTTP header, meta, then statistical detection."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    declared = header_charset(content_type) or meta_charset(data)
    if declared:
        return "utf-8" if declared != "utf-8" and _utf8_text(data) else declared
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding:
            return codec_for(best.encoding) or "utf-8"
    return "utf-8"


# bytes beyond one per character (each multi-byte character adds 1 to 3) that make valid
# UTF-8 text rather than chance: 7 to 20 characters
MIN_UTF8_EXTRA = 20


def _utf8_text(data: bytes) -> bool:
    """Whether bytes are UTF-8 text whatever charset they declare: valid UTF-8 whose
    multi-byte characters add MIN_UTF8_EXTRA bytes or more. A page saved again as UTF-8
    keeps its old <meta charset=gb2312>; read as declared, every character turned to
    mojibake. Text truly in a legacy charset is almost never valid UTF-8 as well: a Latin-1
    accent or a GBK pair makes a byte sequence that UTF-8 forbids."""
    if data.isascii():
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(data) - len(text) >= MIN_UTF8_EXTRA


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; invalid bytes become U+FFFD rather than an error."""
    encoding = sniff_encoding(data, content_type)
    return _decoded(data, encoding), encoding


def utf8_source(data: bytes, content_type: str | None = None) -> tuple[str, bytes | None]:
    """decode_html's text, and beside it the bytes that are exactly its UTF-8 form when the
    page's own bytes are (valid UTF-8 read as UTF-8; less the BOM, NULs as U+FFFD), else
    None: lexbor parses UTF-8, and encoding the text again for it cost more than a tenth of
    the parse on pages with non-Latin-1 characters (issue 9)."""
    encoding = sniff_encoding(data, content_type)
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8") if encoding == "utf-8" else None
    except UnicodeDecodeError:  # replacement characters: the bytes are not the text's form
        text = None
    if text is None:
        return _decoded(data, encoding), None
    if text.startswith("\ufeff"):
        text, body = text[1:], body[len(codecs.BOM_UTF8):]
    if b"\x00" in body:
        text, body = text.replace("\x00", "\ufffd"), body.replace(b"\x00", _REPLACEMENT)
    return text, body


def _decoded(data: bytes, encoding: str) -> str:
    if encoding.startswith("utf-8") and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    text = data.decode(encoding, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if b"\x00" not in data and encoding.startswith(_NUL_BYTE_ONLY):
        return text  # no NUL to replace, and a search of a wide str is slow
    return text.replace("\x00", "\ufffd")


# Codecs in which U+0000 only ever comes from a 0x00 byte (not UTF-7's "+AAA-", say), so
# that memchr over the bytes can stand for a search of the text.
_NUL_BYTE_ONLY = ("utf-8", "cp125", "iso8859-")
_REPLACEMENT = "\ufffd".encode()
