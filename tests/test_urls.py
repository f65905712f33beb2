"""Pure URL rules: resolution, canonical form, scope."""

from __future__ import annotations

import pytest

from monitor.urls import canonical, in_scope, looks_like_article, resolve


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
