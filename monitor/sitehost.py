"""The site a page belongs to, read from its own canonical address, for telling its own
links from links to other sites without the URL it was fetched from.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

SHORT_SECOND_LEVEL = 3  # letters of a second-level label under a country's domain: co.uk, com.tr, ne.jp
_ADDRESS = 'link[rel="canonical"], meta[property="og:url"]'


def page_site(node: LexborNode) -> str | None:
    """The site of the page that holds the node (its canonical or og:url address), or None
    when the page names none."""
    top = node
    while top.parent is not None:
        top = top.parent
    for tag in top.css(_ADDRESS):
        address = tag.attributes.get("href") or tag.attributes.get("content") or ""
        site = registrable_site(address)
        if site:
            return site
    return None


def registrable_site(address: str) -> str | None:
    """The registrable part of an absolute address's host ("id.paper.co.jp" -> "paper.co.jp",
    "www.news.example" -> "news.example"); None for a relative or malformed one."""
    try:
        host = (urlsplit(address).hostname or "").lower()
    except ValueError:  # a malformed address ("http://[x")
        return None
    labels = host.split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= SHORT_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])
