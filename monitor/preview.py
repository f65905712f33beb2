"""`monitor preview`: what a source's listing gives, and why, without touching the archive.

The first thing to run on a new site (urlwatch's --test-filter, changedetection's preview):
fetch the listing once the way the daemon would (politeness, robots.txt, egress rules), say
what it is, which links were kept and why each other was dropped, which feeds the page
announces, and extract the first kept article with the source's selectors.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from monitor.config import Settings, SourceConfig
from monitor.discover import Listing, alternate_feeds, discover, sniff_kind
from monitor.errors import ExtractionFailed, FetchError
from monitor.extract import extract
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import Article, FetchResult, Link
from monitor.politeness import HostLimiter
from monitor.robots import RobotsCache
from monitor.rulecheck import selector_matches
from monitor.sourcerules import listing_warnings, own_hosts, scope_of

FIRST_LINES = 5  # body lines shown of the extracted article


@dataclass(frozen=True, slots=True)
class ArticlePreview:
    url: str
    title: str = ""
    published: str | None = None
    lines: tuple[str, ...] = ()
    selectors: dict[str, bool] = field(default_factory=dict)  # configured selector -> matched
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Preview:
    source: str
    url: str
    configured: str  # the kind the config says
    kind: str  # the kind the content is
    found: int = 0
    kept: tuple[Link, ...] = ()
    dropped: tuple[tuple[str, str], ...] = ()
    feeds: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    article: ArticlePreview | None = None
    error: str | None = None


async def preview(source: SourceConfig, settings: Settings, fetch: FetchSettings) -> Preview:
    limiter = HostLimiter(total=1, per_host=1, delay=0)
    robots = RobotsCache(settings.user_agent) if settings.robots else None
    async with make_client(fetch) as client:
        fetcher = Fetcher(client, fetch, limiter, robots=robots)
        base = Preview(source.name, source.target, source.kind.value, source.kind.value)
        try:
            page = await fetcher.get(source.target, allowed_hosts=own_hosts(source),
                                     headers=source.headers)
        except FetchError as exc:
            return replace(base, error=str(exc))
        content: str | bytes = page.text or page.content
        kind = sniff_kind(content)
        feeds = alternate_feeds(content, page.final_url) if kind.value == "index" else ()
        try:
            listing = discover(source.kind, content, page.final_url, scope_of(source, settings),
                               source.links)
        except ExtractionFailed as exc:
            return replace(base, kind=kind.value, feeds=feeds, error=str(exc))
        first = await _first_article(fetcher, source, listing)
        return replace(base, kind=kind.value, found=listing.found, kept=listing.links,
                     dropped=listing.dropped, feeds=feeds, article=first,
                     warnings=listing_warnings(source, listing, len(listing.links)))


async def _first_article(fetcher: Fetcher, source: SourceConfig, listing: Listing
                         ) -> ArticlePreview | None:
    if not listing.links:
        return None
    url = listing.links[0].url
    try:
        page = await fetcher.get(url, allowed_hosts=own_hosts(source), headers=source.headers)
        article = extract(page.content, url, source.rules, page.content_type)
    except (FetchError, ExtractionFailed) as exc:
        return ArticlePreview(url, error=str(exc))
    return _describe(url, article, page, source)


def _describe(url: str, article: Article, page: FetchResult, source: SourceConfig) -> ArticlePreview:
    """What the first article gave; the page is decoded again only for a source's own
    selectors (their matches are counted on the text)."""
    rules = source.rules
    matched = selector_matches(page.text, rules) if rules is not None else {}
    lines = tuple(line for line in article.body.splitlines() if line.strip())[:FIRST_LINES]
    return ArticlePreview(url, article.title, article.published, lines, matched)
