"""Decoding bytes before parsing (T17)."""

from __future__ import annotations

import codecs

import pytest

from monitor.encoding import decode_html

from .conftest import SITES


def test_gbk_page_declared_only_in_meta() -> None:
    """T17: the GBK sample decodes by its <meta charset>, not as UTF-8 or Latin-1."""
    raw = (SITES / "haisum" / "news" / "show_716.html").read_bytes()
    text, codec = decode_html(raw, "text/html")
    assert codec == "gb18030"
    assert "\ufffd" not in text and "海诚" in text and "’" in text


@pytest.mark.parametrize(("data", "ctype", "codec"), [
    (codecs.BOM_UTF8 + "<meta charset=gbk>é".encode(), "text/html; charset=latin-1", "utf-8"),
    ('<meta charset="utf-8">é'.encode("cp1252"), "text/html; charset=windows-1252", "cp1252"),
    (b"<p>caf\xe9</p>", "text/html; charset=iso-8859-1", "cp1252"),
    ("<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>日本".encode("shift_jis"),
     None, "shift_jis"),
    ("<meta charset=windows-1251>Привет".encode("cp1251"), None, "cp1251"),
    (b"<meta charset=no-such-label><p>ok</p>", None, "utf-8"),
])
def test_precedence(data: bytes, ctype: str | None, codec: str) -> None:
    """T17: BOM over header over meta; WHATWG labels; unknown labels fall back."""
    assert decode_html(data, ctype)[1] == codec


def test_invalid_bytes_never_crash() -> None:
    text, _ = decode_html(b"<p>\xff\xfe\x00bad\x80</p>", "text/html; charset=utf-8")
    assert "bad" in text and "\x00" not in text
