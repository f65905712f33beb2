"""A page given to extract() as bytes reads exactly as its decoded text does.

The pipeline hands extract() the page's bytes: when they are valid UTF-8 they go to lexbor as
they are (no decode-and-encode-again), so every difference between that path and the text
path (NULs, a BOM, an unclosed <title>, another charset, invalid bytes) must be made up for.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.encoding import decode_html, utf8_source
from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text

PAGES = Path(__file__).resolve().parent / "pages"
URL = "http://127.0.0.1:8000/news/2025/03/04/harbour-ferry.html"
HTML = "text/html"
UTF8 = "text/html; charset=utf-8"

PARAS = (
    "The harbour ferry will run every twenty minutes from March — twice as often as now, "
    "the port authority said on Tuesday after the council approved the money.",
    "Residents of the northern districts have asked for more crossings for years; "
    "the new timetable adds early boats at 05:40 and late ones until midnight.",
    "Officials said the plan costs 4.2 million euros a year, paid from the fares and "
    "a regional grant, and that two more boats are ordered from a yard in Gdańsk.",
    "Construction of the second pier is due to start next spring: «It will take a year», "
    "the engineer in charge said, adding that the old landing stays open meanwhile.",
)


def page(paras: tuple[str, ...] = PARAS, head: str = "<meta charset='utf-8'>",
         title: str = "<title>Harbour ferry doubles its crossings</title>") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html><head>{head}{title}</head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>Harbour ferry doubles its crossings</h1>{body}</article>"
            "<footer>© Coast Daily</footer></body></html>")


def outcome(html: str | bytes, ctype: str | None = None) -> tuple[str, ...]:
    try:
        a = extract(html, URL, None, ctype)
    except ExtractionFailed as exc:
        return ("failed", str(exc))
    return (a.title, a.body, str(a.published), str(a.author), str(a.lang), str(a.canonical_url))


def same_both_ways(raw: bytes, ctype: str | None) -> tuple[str, ...]:
    """The outcome of the bytes, checked against that of their decoded text."""
    got = outcome(raw, ctype)
    assert got == outcome(decode_html(raw, ctype)[0])
    assert extract_text(raw) == extract_text(decode_html(raw)[0])
    return got


CASES = {  # name -> (bytes, content type, whether they go to lexbor as they are)
    "utf-8, wider than latin-1": (page().encode(), UTF8, True),
    "utf-8 by its meta only": (page().encode(), HTML, True),
    "NULs in the text": (page((PARAS[0].replace("twenty", "twen\x00ty"), *PARAS[1:])).encode(),
                         UTF8, True),
    "a BOM": (codecs.BOM_UTF8 + page().encode(), None, True),
    "two BOMs": (codecs.BOM_UTF8 * 2 + page().encode(), None, True),
    "a BOM as text after a BOM": (codecs.BOM_UTF8 + "\ufeff".encode() + page().encode(), UTF8,
                                  True),
    "an unclosed title": (page(title="<title>Harbour ferry").encode(), UTF8, True),
    "invalid bytes": (page().encode().replace(b"twenty", b"tw\xffenty\xe2\x80"), UTF8, False),
    "windows-1251": (page(("Паром будет ходить каждые двадцать минут с марта, вдвое чаще, "
                           "чем сейчас, сообщило управление порта во вторник.",) * 3,
                          head="<meta charset='windows-1251'>").encode("cp1251"), HTML, False),
    "latin-1 header over utf-8 bytes": (page((*PARAS, "Zażółć gęślą jaźń, łódź — żółw. " * 4))
                                        .encode(), "text/html; charset=iso-8859-1", True),
    "utf-16 with a BOM": (codecs.BOM_UTF16_LE + page().encode("utf-16-le"), None, False),
}


@pytest.mark.parametrize("name", CASES)
def test_bytes_read_as_their_text(name: str) -> None:
    raw, ctype, as_they_are = CASES[name]
    text, utf8 = utf8_source(raw, ctype)
    assert (utf8 is not None) is as_they_are
    assert text == decode_html(raw, ctype)[0]
    if utf8 is not None:
        assert utf8 == text.encode("utf-8")
    title, body, *_ = same_both_ways(raw, ctype)
    assert "Harbour ferry doubles its crossings" in title or "Паром" in body


def test_nul_and_unclosed_title_are_mended_on_bytes() -> None:
    """What parse() mends on text it mends on bytes: a NUL is U+FFFD, not dropped, and an
    unclosed <title> does not swallow the page."""
    _, body, *_ = same_both_ways(CASES["NULs in the text"][0], UTF8)
    assert "twen\ufffdty" in body
    title, body, *_ = same_both_ways(CASES["an unclosed title"][0], UTF8)
    assert title == "Harbour ferry doubles its crossings" and "second pier" in body


def test_empty_pages_fail_alike() -> None:
    for raw in (b"", b"  \n", codecs.BOM_UTF8, "\u00a0\u3000".encode()):
        assert same_both_ways(raw, UTF8)[0] == "failed"
    same_both_ways(b"\x00", UTF8)  # (U+FFFD is text)


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_test_pages_read_alike(path: Path) -> None:
    same_both_ways(path.read_bytes(), None)


_PIECES = st.sampled_from([codecs.BOM_UTF8, b"\x00", b"\xff", b"\xc3", "é".encode(), "Ж".encode(),
                           "\ufeff".encode(), b"<meta charset='windows-1251'>", b"<p>a</p>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.binary(max_size=12)), max_size=8),
       st.sampled_from([None, UTF8, HTML, "text/html; charset=latin-1"]))
def test_any_bytes_give_decode_htmls_text(pieces: list[bytes], ctype: str | None) -> None:
    """Whatever the bytes (BOMs, NULs, broken sequences, a meta charset), utf8_source's text is
    decode_html's, and its bytes, when given, are that text's UTF-8 form."""
    raw = b"".join(pieces)
    text, utf8 = utf8_source(raw, ctype)
    assert text == decode_html(raw, ctype)[0]
    assert utf8 is None or utf8 == text.encode("utf-8")
