"""Discovery over the sample listings: exactly the expected article links, nothing else."""

from __future__ import annotations

import re

import pytest

from monitor.discover import Scope, discover, links_from_feed, links_from_html
from monitor.errors import ExtractionFailed
from monitor.models import SourceKind

from .conftest import SITES, expected


def _scope(site: str, pattern: str | None = None) -> Scope:
    data = expected(site)
    include = (re.compile(pattern or data["index"]["article_link_pattern"]),)
    return Scope(site=data["base_url"], include=include)


@pytest.mark.parametrize("site", ["haisum", "chinadaily-hailing", "foshan"])
def test_index_links_match_expected(site: str) -> None:
    """Relative, root-relative, protocol-relative and <base href> links resolve; menus,
    pagination, mailto/tel/javascript, share links, the PDF and other sites are dropped."""
    data = expected(site)
    html = (SITES / site / "index.html").read_bytes().decode("utf-8")
    listing = discover(SourceKind.INDEX, html, data["index"]["url"], _scope(site))
    assert [link.url for link in listing.links] == data["index"]["article_links"]


@pytest.mark.parametrize("site", ["haisum", "chinadaily-hailing", "foshan"])
def test_automatic_rule_finds_every_article_link(site: str) -> None:
    """Without patterns, the automatic rule keeps article-like links only: no menus or pages."""
    data = expected(site)
    html = (SITES / site / "index.html").read_bytes().decode("utf-8")
    listing = discover(SourceKind.INDEX, html, data["index"]["url"], Scope(site=data["base_url"]))
    urls = [link.url for link in listing.links]
    assert set(data["index"]["article_links"]) <= set(urls)
    assert not any(re.search(r"index_\d+\.html|\.pdf$|mailto:|javascript:", u) for u in urls)
    assert all(u.startswith(data["base_url"]) for u in urls)


def test_base_href_changes_resolution() -> None:
    """foshan's index has <base href=.../en/>: ignoring it would give /news/... (404)."""
    data = expected("foshan")
    html = (SITES / "foshan" / "index.html").read_text("utf-8")
    urls = [link.url for link in links_from_html(html, data["index"]["url"])]
    assert "https://www.foshan-news.example/en/news/2023-04/03/2097.html" in urls
    assert "https://www.foshan-news.example/news/2023-04/03/2097.html" not in urls


def test_selector_limits_links_to_the_list() -> None:
    data = expected("haisum")
    html = (SITES / "haisum" / "index.html").read_text("utf-8")
    links = links_from_html(html, data["index"]["url"], selector=".newslist h3 a")
    assert [link.url for link in links] == data["index"]["article_links"]


def test_feed_links_and_dates() -> None:
    data = expected("foshan")
    raw = (SITES / "foshan" / "feed.xml").read_bytes()
    links = links_from_feed(raw, "https://www.foshan-news.example/feed.xml")
    assert [link.url for link in links] == data["feed"]["article_links"]
    assert {link.url: link.published for link in links} == data["feed"]["published"]


def test_sitemap_links() -> None:
    data = expected("chinadaily-hailing")
    raw = (SITES / "chinadaily-hailing" / "sitemap.xml").read_bytes()
    listing = discover(SourceKind.SITEMAP, raw, data["base_url"] + "sitemap.xml",
                       _scope("chinadaily-hailing"))
    assert [link.url for link in listing.links] == data["sitemap"]["article_links"]
    assert all(link.published for link in listing.links)


def test_atom_feed_and_sitemap_index() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>A</title><link rel="alternate" href="/a/1.html"/>
        <published>2024-01-02T10:00:00+08:00</published></entry>
      <entry><title>B</title><link href="https://x.example/b/2.html"/><updated>2024-01-03</updated></entry>
    </feed>"""
    links = links_from_feed(atom, "https://x.example/feed")
    assert [(lk.url, lk.published) for lk in links] == [
        ("https://x.example/a/1.html", "2024-01-02"), ("https://x.example/b/2.html", "2024-01-03")]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.example/s1.xml</loc></sitemap></sitemapindex>"""
    listing = discover(SourceKind.SITEMAP, index, "https://x.example/sitemap.xml",
                       Scope(site="https://x.example/"))
    assert listing.sitemaps == ("https://x.example/s1.xml",) and listing.links == ()


def test_hostile_xml_is_refused() -> None:
    """T26: entity expansion (XXE, billion laughs) is refused, not performed."""
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <rss><channel><item><link>&x;</link></item></channel></rss>"""
    with pytest.raises(ExtractionFailed):
        links_from_feed(xxe, "https://x.example/feed")


def test_link_cap() -> None:
    """T19: a listing with a huge number of links is capped."""
    html = "".join(f'<a href="/news/{i}000.html">n</a>' for i in range(5000))
    listing = discover(SourceKind.INDEX, html, "https://x.example/",
                       Scope(site="https://x.example/", limit=200))
    assert len(listing.links) == 200
