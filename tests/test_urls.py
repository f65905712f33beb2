"""Pure URL rules: resolution, canonical form, scope."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.urls import _joined, canonical, in_scope, looks_like_article, resolve


@pytest.mark.parametrize(("href", "want"), [
    ("news/1.html", "https://a.example/en/news/1.html"),
    ("/news/1.html", "https://a.example/news/1.html"),
    ("//a.example/x/2.html", "https://a.example/x/2.html"),
    ("./n/3.html#top", "https://a.example/en/n/3.html#top"),
    ("mailto:x@a.example", None), ("javascript:void(0)", None), ("tel:+1", None),
    ("#", None), ("", None), ("file:///etc/passwd", None), ("ftp://a.example/x", None),
    ("data:text/html,hi", None), (" java\tscript:alert(1)", None),
])
def test_resolve(href: str, want: str | None) -> None:
    """T2: non-HTTP schemes are refused before any I/O."""
    assert resolve("https://a.example/en/index.html", href) == want


def test_canonical() -> None:
    assert canonical("HTTPS://A.Example:443/p?utm_source=x&id=3#f") == "https://a.example/p?id=3"
    assert canonical("http://a.example:8080") == "http://a.example:8080/"


def test_scope_and_automatic_rule() -> None:
    site = "https://www.a.example/"
    assert in_scope("https://a.example/news/2024-01/02/123.html", site=site)
    assert not in_scope("https://other.example/news/123.html", site=site)
    assert not looks_like_article("https://a.example/news/index_2.html")
    assert not looks_like_article("https://a.example/files/report-2023.pdf")
    assert not looks_like_article("https://a.example/about/")
    assert looks_like_article("https://a.example/2024/05/10/big-plant-opens-in-town")


_BASES = ["http://news.example/a/b.html?x=1", "https://User@News.Example:8443/dir/", "HTTP://x.example",
          "http://127.0.0.1:18001/world/2025/", "ftp://files.example/", "http:///nohost",
          "http://[::1]:80/p", "http://[bad/"]
_PATH_CHARS = "/abc.-_~%?#;:@=&+$,!'()*[]\\ \t\n\x00é"


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_BASES), st.text(alphabet=_PATH_CHARS, max_size=30))
def test_a_root_path_link_resolves_as_urljoin_would(base: str, tail: str) -> None:
    """The shortcut for links that start with one slash (the origin plus the path, without
    urljoin) gives what urljoin gives, dot segments, queries and odd bases included."""
    href = "/" + tail
    cleaned = href.strip()
    assert resolve(base, href) == (_joined(base, "".join(
        ch for ch in cleaned if ch > " " and ch != "\x7f")) if cleaned else None)
