"""Pure URL rules: resolve, canonicalise, and decide what is in a source's scope.

Canonical URLs are the archive's identity for an article, so the rules are conservative:
lower-case scheme and host, default port dropped, fragment dropped, tracking parameters
(utm_*, fbclid, ...) removed, everything else kept as the site wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

MAX_URL_LENGTH = 2083
CANONICAL_CACHE = 16384  # URLs: a few passes of a large source set, ~5 MB at most
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|spm|from|share|ref_src)$", re.I)
_SKIP_SCHEMES = ("mailto:", "javascript:", "tel:", "data:", "sms:", "ftp:", "file:", "about:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_REWRITTEN = re.compile(r"/\.|\\|;|\?#|[?#]$")  # what makes urljoin rewrite a root path
# Files a news listing links to that are never articles.
_NOT_PAGES = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|bmp|ico|mp3|mp4|avi|mov|wmv|flv|zip|rar|7z|gz|tar|"
    r"docx?|xlsx?|pptx?|apk|exe|dmg|css|js|json|xml|rss|txt)$",
    re.I,
)
# Listing pages, not articles: index_2.html, /page/3/, list_1.html, ?page=2.
_PAGINATION = re.compile(
    r"(/|^)(index|list|page|default)([_-]?\d+)?\.(s?html?|php|aspx?)$|/page/\d+/?$|"
    r"[?&](page|p|pg|start|offset)=\d+",
    re.I,
)
HEADLINE_WORDS = 5  # "Haisum signs EPC contract in Uzbekistan" has six
HEADLINE_CHARS = 25
HEADLINE_CJK = 8  # a Chinese headline without spaces
_ARTICLE_HINT = re.compile(
    r"\d{4}[-/]?\d{2}[-/]?\d{2}|/\d{4}-\d{2}/|\d{3,}|[a-z0-9]+(-[a-z0-9]+){3,}", re.I
)


def resolve(base: str, href: str) -> str | None:
    """Absolute http(s) URL for a link as a browser would resolve it, or None to skip it."""
    href = _CONTROL.sub("", href.strip()) if href else ""
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
        return None
    if href[0] == "/" and href[1:2] != "/" and _REWRITTEN.search(href) is None:
        # a path from the site's root with nothing urljoin would rewrite (dot segments, an
        # empty ";", "?" or "#"): its answer is the base's origin and the path (most links of
        # a listing page; resolving them was a third of reading one)
        origin = _origin(base)
        if origin is not None:
            return origin + href if len(origin) + len(href) <= MAX_URL_LENGTH else None
    return _joined(base, href)


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    """``scheme://netloc`` of an http(s) base URL with a host, else None."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def _joined(base: str, href: str) -> str | None:
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if len(url) > MAX_URL_LENGTH:
        return None
    return url


@lru_cache(maxsize=CANONICAL_CACHE)
def split(url: str) -> SplitResult:
    """``urlsplit(url)``, remembered for as many URLs as ``canonical``: a fetch asks for the
    parts of its URL in five places (its canonical form, host key, egress check, pinned
    address, robots.txt), hours apart in a pass's terms, and urllib's own cache of 128 URLs
    had forgotten it each time: four parses of 7 us per known article (issue 9)."""
    return urlsplit(url)


@lru_cache(maxsize=CANONICAL_CACHE)
def canonical(url: str) -> str:
    """The archive's identity for a URL (see module docstring). Cached: a check asks it of
    each article's URL about five times (7.5 us each, issue 9.4)."""
    parts = split(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and not (scheme == "http" and port == 80) and not (scheme == "https" and port == 443):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"  # kept: never dropped silently, redacted when shown
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


@lru_cache(maxsize=CANONICAL_CACHE)
def site_of(url: str) -> str:
    """Host and port without a leading ``www.``: what "the same site" compares. Cached:
    scope checks ask it of every link of a listing page, and the same menu links recur."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


def same_site(url: str, other: str) -> bool:
    return site_of(url) == site_of(other)


def looks_like_article(url: str) -> bool:
    """The automatic rule: a page (not a file or a listing) with an id, date or long slug."""
    path = urlsplit(url).path
    if _NOT_PAGES.search(path) or _PAGINATION.search(url):
        return False
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return bool(last) and bool(_ARTICLE_HINT.search(path))


def headline_like(text: str | None) -> bool:
    """Anchor text that reads like a headline: several words, or a run of CJK characters.
    Menus say "News", "About us", "Contact"; headlines say what happened."""
    if not text:
        return False
    if len(text.split()) >= HEADLINE_WORDS and len(text) >= HEADLINE_CHARS:
        return True
    return sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af") \
        >= HEADLINE_CJK


def rejection(
    url: str, *, site: str | None, include: Iterable[re.Pattern[str]] = (),
    exclude: Iterable[re.Pattern[str]] = (), chosen: bool = False, title: str | None = None,
) -> str | None:
    """Why a discovered URL is not one of this source's articles, or None when it is.

    ``site`` (None for a feed, which may link anywhere) keeps links on the source's site.
    Exclude patterns always win; files are never articles. With include patterns a URL must
    match one (the user said what articles look like). Links the source itself vouches for
    (``chosen``: a ``links:`` selector, a feed's items) are articles; otherwise the automatic
    rule keeps URLs with an id, a date or a long slug, or a headline-like anchor text.
    """
    if site is not None and not same_site(url, site):
        return "other site"
    if any(p.search(url) for p in exclude):
        return "exclude"
    if _NOT_PAGES.search(urlsplit(url).path):
        return "file"
    patterns = list(include)
    if patterns:
        return None if any(p.search(url) for p in patterns) else "include"
    if chosen:
        return None
    if _PAGINATION.search(url):
        return "pagination"
    if looks_like_article(url) or (headline_like(title) and urlsplit(url).path.strip("/")):
        return None
    return "url rule"


def in_scope(
    url: str, *, site: str, include: Iterable[re.Pattern[str]] = (),
    exclude: Iterable[re.Pattern[str]] = (),
) -> bool:
    """Whether a discovered URL is one of this source's articles (see ``rejection``)."""
    return rejection(url, site=site, include=include, exclude=exclude) is None


def redact_url(url: str) -> str:
    """Hide ``user:password@`` so a dumped or logged URL never shows credentials."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"***@{host}").geturl()
