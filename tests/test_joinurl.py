"""joinurl.join answers as urljoin does, errors included."""

from __future__ import annotations

from urllib.parse import urljoin

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.joinurl import join

_PIECES = st.sampled_from([
    "http://", "https://", "HTTP://", "ftp://", "//", "/", "a", "example.com", "127.0.0.1:8080",
    "?", "#", ";", "x=1", ".", "..", "[", "]", "[::1]", " ", "\t", "\n", "\\", "é", ":", "@",
    "%20", "",
])
_URLS = st.lists(_PIECES, max_size=7).map("".join)
_ABSOLUTE = st.tuples(st.sampled_from(["http://", "https://"]), _URLS).map("".join)  # the fast path's


def _outcome(function: object, base: str, url: str) -> tuple[str, str]:
    try:
        return "ok", function(base, url)  # type: ignore[operator]
    except ValueError as exc:
        return "error", type(exc).__name__


@settings(max_examples=3000)
@given(_URLS, _URLS)
def test_join_is_urljoin(base: str, url: str) -> None:
    assert _outcome(join, base, url) == _outcome(urljoin, base, url)


@settings(max_examples=3000)
@given(st.one_of(_ABSOLUTE, _URLS), _ABSOLUTE)
def test_join_is_urljoin_on_absolute_urls(base: str, url: str) -> None:
    assert _outcome(join, base, url) == _outcome(urljoin, base, url)


def test_plain_urls_come_back_as_they_are() -> None:
    page = "http://127.0.0.1:18001/business/2025/06/24/story-100215.html"
    assert join(page, page) == page == urljoin(page, page)
    assert join(page, "https://example.com/a/b") == "https://example.com/a/b"
    assert join(page, "/a/../b?x") == urljoin(page, "/a/../b?x") == "http://127.0.0.1:18001/b?x"
    assert join(page, "http://example.com/x?") == urljoin(page, "http://example.com/x?") \
        == "http://example.com/x"
