"""Pure discovery: a listing (index HTML, RSS/Atom feed, sitemap) -> candidate article links.

XML is parsed with defusedxml, so entity tricks in a hostile feed (XXE, billion laughs) fail
instead of expanding. Links keep listing order, resolved against the page URL or its
``<base href>``, fragments dropped, de-duplicated by canonical URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from selectolax.lexbor import LexborHTMLParser

from monitor.errors import ExtractionFailed
from monitor.models import Link, SourceKind
from monitor.urls import canonical, rejection, resolve, same_site

_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
# The first element of a document, past an XML declaration, comments and a doctype.
_ROOT = re.compile(r"^(?:\ufeff)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<![^>]*>\s*)*"
                   r"<([A-Za-z][\w:.-]*)", re.S)
MAX_DROPPED = 1000  # dropped links remembered for preview; more are only counted
_PAGE_NUMBER = re.compile(r"/page/(\d+)/?$|[?&](?:page|p|pg)=(\d+)(?:&|$)|"
                          r"/(?:index|list)[_-](\d+)\.(?:s?html?|php|aspx?)$", re.I)


@dataclass(frozen=True, slots=True)
class Listing:
    """What one listing page gave: article links, child sitemaps of a sitemap index, how many
    links it had, which were dropped and why, and notes on what the page turned out to be."""

    links: tuple[Link, ...]
    sitemaps: tuple[str, ...] = ()
    found: int = 0
    dropped: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    next_page: str | None = None  # an index page's next page (rel=next, or page N+1)

    def reasons(self) -> dict[str, int]:
        """How many links were dropped for each reason (of those recorded)."""
        counts: dict[str, int] = {}
        for _url, reason in self.dropped:
            counts[reason] = counts.get(reason, 0) + 1
        return counts


@dataclass(frozen=True, slots=True)
class Scope:
    """Which discovered links belong to a source (see ``urls.in_scope``)."""

    site: str
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    same_site: bool = True
    limit: int = 200


def links_from_html(html: str, page_url: str, selector: str | None = None) -> tuple[Link, ...]:
    """Every link of an HTML page (or of the elements a CSS selector picks)."""
    return _links_in(LexborHTMLParser(html), page_url, selector)


def _links_in(tree: LexborHTMLParser, page_url: str, selector: str | None) -> tuple[Link, ...]:
    base = page_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = resolve(page_url, base_node.attributes.get("href") or "") or page_url
    anchors: list[Any] = []
    if selector:
        for node in tree.css(selector):
            anchors.extend([node] if node.tag == "a" else node.css("a[href]"))
    else:
        anchors = tree.css("a[href]")
    links = []
    for anchor in anchors:
        url = resolve(base, anchor.attributes.get("href") or "")
        if url:
            title = anchor.text(strip=True) or None
            links.append(Link(url=url.split("#", 1)[0], title=title))
    return _dedupe(links)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: Element, *names: str) -> str | None:
    for child in node:
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def feed_date(value: str | None) -> str | None:
    """The local calendar date of an RFC 822 or ISO 8601 timestamp, as the feed wrote it."""
    if not value:
        return None
    match = _ISO_DATE.match(value)
    if match:
        return match.group(1)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_xml(data: bytes | str) -> Element:
    try:
        root: Element = SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises several unrelated types; all mean "not XML"
        raise ExtractionFailed(f"not a valid XML document: {exc}") from exc
    return root


def links_from_feed(data: bytes | str, page_url: str) -> tuple[Link, ...]:
    """Items of an RSS 0.9x/1.0/2.0 or Atom feed, with their dates and titles."""
    root = _parse_xml(data)
    links = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item":
            href = _child_text(node, "link") or _permalink_guid(node)
            date = _child_text(node, "pubdate", "date", "published", "issued")
        elif name == "entry":
            href = _atom_link(node)
            date = _child_text(node, "published", "issued", "updated")
        else:
            continue
        url = resolve(page_url, href or "")
        if url:
            links.append(Link(url=url.split("#", 1)[0], published=feed_date(date),
                              title=_child_text(node, "title")))
    return _dedupe(links)


def _permalink_guid(item: Element) -> str | None:
    for child in item:
        if _local(child.tag) == "guid" and child.get("isPermaLink", "true") != "false":
            return (child.text or "").strip() or None
    return None


def _atom_link(entry: Element) -> str | None:
    fallback = None
    for child in entry:
        if _local(child.tag) != "link":
            continue
        rel = child.get("rel", "alternate")
        if rel == "alternate":
            return child.get("href")
        fallback = fallback or child.get("href")
    return fallback


def links_from_sitemap(data: bytes | str, page_url: str) -> Listing:
    """URLs of a sitemap (with Google News dates), or the child sitemaps of a sitemap index."""
    root = _parse_xml(data)
    kind = _local(root.tag)
    links, children = [], []
    for node in root:
        loc = resolve(page_url, _child_text(node, "loc") or "")
        if not loc:
            continue
        if kind == "sitemapindex":
            children.append(loc)
            continue
        published = None
        for sub in node.iter():
            if _local(sub.tag) == "publication_date":
                published = feed_date(sub.text)
        links.append(Link(url=loc.split("#", 1)[0], published=published))
    return Listing(links=_dedupe(links), sitemaps=tuple(dict.fromkeys(children)))


def _dedupe(links: Iterable[Link]) -> tuple[Link, ...]:
    """First occurrence wins, but a later one may fill in a missing title or date."""
    seen: dict[str, Link] = {}
    for link in links:
        key = canonical(link.url)
        old = seen.get(key)
        if old is None:
            seen[key] = link
        elif (old.title is None and link.title) or (old.published is None and link.published):
            seen[key] = Link(old.url, old.published or link.published, old.title or link.title)
    return tuple(seen.values())


def in_source(links: Iterable[Link], scope: Scope, *, chosen: bool = False) -> Listing:
    """The links that are this source's articles, capped at ``scope.limit``, and why each
    other link was dropped (for ``monitor preview`` and the no-silent-zero warnings)."""
    kept: list[Link] = []
    dropped: list[tuple[str, str]] = []
    found = 0
    for link in links:
        found += 1
        reason = rejection(link.url, site=scope.site if scope.same_site else None,
                           include=scope.include, exclude=scope.exclude, chosen=chosen,
                           title=link.title)
        if reason is None and len(kept) >= scope.limit:
            reason = "limit"
        if reason is None:
            kept.append(link)
        elif len(dropped) < MAX_DROPPED:
            dropped.append((link.url, reason))
    return Listing(tuple(kept), found=found, dropped=tuple(dropped))


def discover(
    kind: SourceKind, content: str | bytes, page_url: str, scope: Scope,
    selector: str | None = None,
) -> Listing:
    """Article links of one listing page of a source, in scope and capped.

    The content decides over the configured kind: a feed or sitemap given as ``url:`` is read
    as what it is (with a note); an HTML page given as ``feed:`` or ``sitemap:`` is an error
    that says what to write instead."""
    actual = sniff_kind(content)
    notes: tuple[str, ...] = ()
    if actual is not kind:
        if actual is SourceKind.INDEX:
            raise ExtractionFailed(f"this is an HTML page, not a {kind.value}: use url: for an "
                                   "index page" + _alternates(content, page_url))
        notes = (f"configured as {_KEYS[kind]}: but it is a {actual.value}; read as one "
                 f"(write {_KEYS[actual]}: to say so)",)
    if actual is SourceKind.FEED:
        listing = in_source(links_from_feed(content, page_url), scope, chosen=True)
    elif actual is SourceKind.SITEMAP:
        found = links_from_sitemap(content, page_url)
        listing = replace(in_source(found.links, scope), sitemaps=found.sitemaps)
    else:
        html = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        tree = LexborHTMLParser(html)  # once for both: a listing page has hundreds of links
        listing = replace(in_source(_links_in(tree, page_url, selector), scope,
                                    chosen=selector is not None),
                          next_page=_next_in(tree, page_url))
    return replace(listing, notes=notes)


def page_number(url: str) -> int | None:
    """The page number a listing URL carries (``/page/3/``, ``?page=3``, ``index_3.html``)."""
    match = _PAGE_NUMBER.search(url)
    if match is None:
        return None
    return int(next(group for group in match.groups() if group))


def next_page(html: str, page_url: str) -> str | None:
    """The next page of an index: ``rel=next`` if the page says so, else the same-site link
    numbered one more than this page (page 1 when the URL has no number)."""
    return _next_in(LexborHTMLParser(html), page_url)


def _next_in(tree: LexborHTMLParser, page_url: str) -> str | None:
    for node in tree.css('link[rel~="next"][href], a[rel~="next"][href]'):
        url = resolve(page_url, node.attributes.get("href") or "")
        if url and same_site(url, page_url) and canonical(url) != canonical(page_url):
            return url
    wanted = (page_number(page_url) or 1) + 1
    number, here = str(wanted), urlsplit(page_url)
    inherited = number in here.path or number in here.query
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if number not in href and not inherited:
            continue  # the number can only come from the link or this page's own path
        url = resolve(page_url, href)
        if url and same_site(url, page_url) and page_number(url) == wanted:
            return url.split("#", 1)[0]
    return None


_KEYS = {SourceKind.INDEX: "url", SourceKind.FEED: "feed", SourceKind.SITEMAP: "sitemap"}


def _alternates(content: str | bytes, page_url: str) -> str:
    feeds = alternate_feeds(content, page_url)
    return f" (it announces a feed: {feeds[0]})" if feeds else ""


def alternate_feeds(content: str | bytes, page_url: str) -> tuple[str, ...]:
    """Feeds an HTML page announces with ``<link rel="alternate" type="application/rss+xml">``."""
    html = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    tree = LexborHTMLParser(html)
    found = []
    for node in tree.css('link[rel~="alternate"][href]'):
        kind = (node.attributes.get("type") or "").lower()
        if "rss" in kind or "atom" in kind or kind.endswith("/xml"):
            url = resolve(page_url, node.attributes.get("href") or "")
            if url:
                found.append(url)
    return tuple(dict.fromkeys(found))


def sniff_kind(content: str | bytes) -> SourceKind:
    """What a listing is, from its first element: RSS/RDF/Atom, a sitemap, or HTML."""
    head = content[:2048]
    text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
    match = _ROOT.search(text)
    if match is None:
        return SourceKind.INDEX
    root = match.group(1).lower().rsplit(":", 1)[-1]
    if root in ("rss", "feed", "rdf"):
        return SourceKind.FEED
    if root in ("urlset", "sitemapindex"):
        return SourceKind.SITEMAP
    return SourceKind.INDEX
