"""The article's title: declared (JSON-LD, Open Graph), a visible headline, or <title>.

Whatever the source, a trailing site name is removed ("Headline | The Daily Example"): the
one the page declares (og:site_name) or its home link reads, or a last segment that spells
the site's host name. A declared title loses to the visible headline when the <title>
reads that headline and not the declared one (og:title is then a social-media variant).
Between a visible headline and the <title>, the headline wins when the <title> names it;
otherwise the longer of the two, since a first <h1> that the <title> does not mention is
often a section label ("Press releases") or the site's name. A heading that is the site's
logo (a logo class, a link to the home page) is the headline only when no other heading
is: in "Site: Headline" the <title> starts with the logo and ends with the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain, islice
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.clean import clean_text
from monitor.scoring import deep_text, node_names
from monitor.tagids import tag_ids

LOWER_HEADINGS = 30  # h3-h5 looked at for a headline when a page has no h1
_SITE_SEPARATORS = (" - ", " | ", " – ", " — ", " _ ", "_", " :: ", " · ", " » ", " / ", "|", "-")
_COMPACT = re.compile(r"[\W_]+")
MIN_HEADLINE = 8  # characters; a shorter heading that starts the <title> is a kicker or label
MAX_SITE_NAME = 60  # characters; a longer last segment is part of the headline, not a site
MIN_SITE_NAME = 3  # characters; a home link's shorter text ("Go") names no site
HOME_LINKS = 80  # links looked at for the one to the home page (the logo comes early)
# an absolute link whose path goes on past "/" (a letter or digit after it, inside the host
# no character urlsplit would stop at or refuse): never a link to the home page
_DEEP_LINK = re.compile(r"https?://[^/?#\[\]]*/[0-9A-Za-z]")
SITE_WORDS = 5  # words; a segment this short holding the host's name is the site's name
HOST_SHARE = 0.4  # share of a longer segment's letters the host must spell to be its name
ELLIPSES = ("...", "…")  # what ends a headline a template cut to a length
HEADINGS_SEEN = 60  # headings looked at for a headline (the visible ones come early)
MAX_HEADLINE = 300  # characters; a longer heading is a paragraph set in a heading tag
PREFIX_MARKS = ":|-–—»·•/_"  # what ends a site name put before the headline ("Site: Headline")


def _host_words(url: str | None) -> str:
    """The host without www. and the public suffix, compacted: 'www.e-how.co.uk' -> 'ehow'."""
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    if len(labels) >= 3 and len(labels[-2]) <= 3:
        labels = labels[:-2]  # co.uk, com.au
    elif len(labels) >= 2:
        labels = labels[:-1]
    return _COMPACT.sub("", "".join(labels[-1:])).lower()


def _is_site(segment: str, site: str | None, host: str) -> bool:
    """Whether a title's last segment names the site (declared name, or spelled like the host)."""
    segment = segment.strip()
    if not segment or len(segment) > MAX_SITE_NAME:
        return False
    if site and segment.casefold() == site.casefold():
        return True
    compact = _COMPACT.sub("", segment).lower()
    if len(host) < 3 or len(compact) < 3:
        return False
    if compact in host:
        return True
    # a long segment that merely mentions the host ("Delegation Visits Haisum Chengdu
    # Company" on haisum.example) is a headline; a long site name is mostly its host's words
    return host in compact and (len(segment.split()) <= SITE_WORDS
                                or len(host) >= HOST_SHARE * len(compact))


def strip_site(title: str, site: str | None, host: str = "") -> str:
    """Remove trailing site-name segments: 'Headline - The Site' -> 'Headline'."""
    for _ in range(2):
        for sep in _SITE_SEPARATORS:
            head, found, tail = title.rpartition(sep)
            if found and len(head.strip()) > 5 and _is_site(tail, site, host):
                title = head.strip()
                break
        else:
            break
    return title


def _split_title(title: str) -> str:
    """The headline part of an undeclared <title>: 'Section | Headline | Site' -> 'Headline'."""
    parts = [p for p in sel.TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title
    return max(parts, key=len) if len(parts[0]) < 20 else parts[0].strip()


def _is_logo(node: LexborNode) -> bool:
    """A heading that is the site's logo: a logo/brand class or a <nav> nearby (a site name
    set as an h1 in the navigation bar), or a link to the home page."""
    probe: LexborNode | None = node
    for _ in range(3):
        if probe is None:
            break
        if probe.tag == "nav" or sel.LOGO_HINT.search(node_names(probe)):
            return True
        probe = probe.parent
    href = _first_href(node)
    return href is not None and _links_home(href.strip())


def _home_name(tree: LexborHTMLParser, title: str) -> str | None:
    """The site's name as its home link reads it (the logo's text or image alt), when the
    title ends with it: "Headline | Example News" beside <a href="/">Example News</a>."""
    key = title.casefold()
    for count, link in enumerate(tree.css("a[href]")):
        if count >= HOME_LINKS:
            break
        if not _links_home((link.attributes.get("href") or "").strip()):
            continue
        image = link.css_first("img[alt]")
        for name in (clean_text(deep_text(link)), clean_text(image.attributes.get("alt"))
                     if image is not None else ""):
            if MIN_SITE_NAME <= len(name) <= MAX_SITE_NAME and key.endswith(name.casefold()) \
                    and len(name) < len(title):
                return name
    return None


def _links_home(href: str) -> bool:
    """A link to a site's home page: relative ("/", "index.html") or absolute with no path
    ("https://blog.example.com/", as Blogger's header writes it)."""
    if href in ("/", "./", "index.html"):
        return True
    if "//" not in href or _DEEP_LINK.match(href):  # no host part, or a path past it: the
        return False  # usual links, known without parsing them (urlsplit: ~1% of a page)
    parts = urlsplit(href)
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def _names_heading(doc_title: str, text: str) -> bool:
    """Whether the <title> starts with the heading or has it as a segment before the last."""
    key, probe = doc_title.casefold(), text.casefold()
    if len(text) < MIN_HEADLINE or not key:
        return False
    if key.startswith(probe):
        return True
    return probe in _named_segments(doc_title)


@lru_cache(maxsize=64)
def _named_segments(doc_title: str) -> tuple[str, ...]:
    """The <title>'s segments but the last (where the site's own name sits), stripped and
    casefolded: the same for every heading of a page, split once (~4 us a split)."""
    return tuple(p.strip().casefold() for p in sel.TITLE_SEPARATORS.split(doc_title))[:-1]


def _ends_title(doc_title: str, text: str) -> bool:
    """Whether the <title> is the heading after a site name: "The Site: Headline"."""
    key, probe = doc_title.casefold(), text.casefold()
    return len(text) >= MIN_HEADLINE and len(key) > len(probe) and key.endswith(probe) \
        and key[: -len(probe)].rstrip()[-1:] in tuple(PREFIX_MARKS)


def headline_node(tree: LexborHTMLParser, doc_title: str) -> tuple[str, LexborNode | None]:
    """The visible headline: a heading the <title> names, else the first non-logo h1."""
    found, _ = _headline(tree, doc_title)
    return found


def _headline(tree: LexborHTMLParser, doc_title: str
              ) -> tuple[tuple[str, LexborNode | None], bool]:
    """(headline text, node) and whether the <title> names it."""
    body = tree.body
    if body is None:
        return ("", None), False
    first_h1: tuple[str, LexborNode] | None = None
    logo: tuple[str, LexborNode] | None = None  # the site's name, which starts "Site: Headline"
    ending: tuple[str, LexborNode] | None = None  # a heading that ends "Site: Headline"
    for count, node in enumerate(body.css(sel.HEADLINE_SELECTOR)):
        if count > HEADINGS_SEEN:
            break
        text = clean_text(deep_text(node))
        if not text or len(text) > MAX_HEADLINE:
            continue
        if _names_heading(doc_title, text):
            if not _is_logo(node):
                return (text, node), True
            logo = logo or (text, node)
        elif ending is None and _ends_title(doc_title, text) and not _is_logo(node):
            ending = (text, node)
        if first_h1 is None and node.tag == "h1" and not _is_logo(node):
            first_h1 = (text, node)
    if first_h1 is None:
        lower = _lower_headline(body, doc_title)
        if lower[1]:
            return lower
        # "Site: Headline" where the site's name is a heading too or the heading is the
        # longer part: a footer heading "City Daily News" also ends "Headline - City Daily News"
        if ending is not None and (logo is not None or 2 * len(ending[0]) > len(doc_title)):
            return ending, True
        return (logo, True) if logo is not None else lower
    # only the page's own h1 may be the end of the <title>: a site name in a heading ends
    # "Headline - The Site" just the same
    return first_h1, _ends_title(doc_title, first_h1[0])


def _lower_headline(body: LexborNode, doc_title: str
                    ) -> tuple[tuple[str, LexborNode | None], bool]:
    """A lower heading the <title> names, on a page with no h1 (a press portal's <h4>)."""
    for count, node in enumerate(body.css("h3, h4, h5")):
        if count > LOWER_HEADINGS:
            break
        text = clean_text(deep_text(node))
        if text and len(text) <= MAX_HEADLINE and _names_heading(doc_title, text):
            return (text, node), True
    return ("", None), False


def _visible_prefix(tree: LexborHTMLParser, declared: str) -> str:
    """The declared title without a suffix the page's own headline does not carry.

    og:title is often "Headline | Site" with no og:site_name to name the suffix; when the
    visible headline is the declared title up to a separator, the rest is the site's.
    """
    if not sel.TITLE_SEPARATORS.search(declared):
        return declared
    (text, _), _named = _headline(tree, declared)
    if len(text) >= MIN_HEADLINE and declared.startswith(text) and len(text) < len(declared):
        rest = declared[len(text):]
        if sel.TITLE_SEPARATORS.match(rest):
            return text
    return declared


def _completed(tree: LexborHTMLParser, declared: str, others: list[str]) -> str:
    """The whole headline for a declared one cut short with an ellipsis.

    Templates cut JSON-LD's headline to 110 characters ("...Construction a..."); the
    other declared titles or a visible heading that starts with the cut text and goes on
    is the headline itself.
    """
    mark = next((m for m in ELLIPSES if declared.endswith(m)), None)
    if mark is None:
        return declared
    stem = declared[: -len(mark)].rstrip()
    if len(stem) < MIN_HEADLINE:
        return declared
    for text in chain(others, _heading_texts(tree)):
        if len(text) > len(stem) and text.startswith(stem) and not text.endswith(ELLIPSES):
            return text
    return declared


def _agreed(tree: LexborHTMLParser, declared: str, doc_title: str, site: str | None,
            host: str) -> str:
    """The declared title, or the visible headline where it and the <title> agree on other
    words: og:title is then a social-media variant ("You won't believe ...")."""
    head = strip_site(doc_title, site, host)
    wanted, shown = declared.casefold(), head.casefold()
    if not head or shown == wanted or (wanted in shown and not shown.startswith(wanted)):
        # (the usual page, and "Site - Headline": no heading can win, as below, so the
        # answer is known without looking for one)
        return declared
    (text, _), _named = _headline(tree, doc_title)
    if len(text) < MIN_HEADLINE or text.casefold() == wanted:
        return declared  # (the same words in another case: the declared spelling)
    if wanted in shown and not text.casefold().startswith(wanted):
        return declared  # (not a heading that goes on: og:title cut at a quote mark)
    if shown.startswith(text.casefold()) and _site_after(head[len(text):], text) \
            and not _shown(tree, declared):
        return text
    return declared


def _site_after(rest: str, heading: str) -> bool:
    """Whether what follows a heading in the <title> is nothing, or one segment that can be
    the site's name ("Headline | Site" whose site is named nowhere else): shorter than the
    heading and a few words. "World Cup 2022 | Messi leads Argentina to title" is a kicker
    and the headline, not a headline and a site."""
    if not rest:
        return True
    separator = sel.TITLE_SEPARATORS.match(rest)
    if separator is None:
        return False
    tail = rest[separator.end():].strip()
    return len(tail) < len(heading) and len(tail.split()) <= SITE_WORDS \
        and sel.TITLE_SEPARATORS.search(tail) is None


def _shown(tree: LexborHTMLParser, title: str) -> bool:
    """Whether a heading of the page reads ``title`` (a section label may be the <h1> and
    the <title> both, with the story's own headline in a lower heading)."""
    return any(text == title for text in _heading_texts(tree))


def _heading_texts(tree: LexborHTMLParser) -> Iterator[str]:
    """The texts of the page's first HEADINGS_SEEN headline-like elements, read lazily."""
    body = tree.body
    nodes = islice(body.css(sel.HEADLINE_SELECTOR), HEADINGS_SEEN) if body is not None else ()
    return (clean_text(deep_text(node)) for node in nodes)


def find_title(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
               url: str | None = None) -> str:
    """Title: JSON-LD headline, og:title, a heading matching <title>, then <title> itself."""
    host = _host_words(url or metas.get("og:url"))
    headline = ld.get("headline")
    declared = clean_text(headline) if isinstance(headline, str) else ""
    for key in ("og:title", "twitter:title", "title", "dc.title"):
        declared = declared or clean_text(metas.get(key))
    title_node = title_element(tree)
    doc_title = clean_text(title_node.text()) if title_node is not None else ""
    if len(doc_title) > 400:
        doc_title = ""
    site = clean_text(metas.get("og:site_name")) or _home_name(tree, declared or doc_title)
    if declared:
        declared = _completed(tree, declared, [strip_site(clean_text(metas.get(key)), site, host)
                                               for key in ("og:title", "twitter:title")])
        declared = _visible_prefix(tree, strip_site(declared, site, host))
        return _agreed(tree, declared, doc_title, site, host)
    (text, _), named = _headline(tree, doc_title)
    if not doc_title or (text and named):
        return text
    stripped = strip_site(doc_title, site, host)
    if stripped == doc_title:
        stripped = _split_title(doc_title)
    stripped = _completed(tree, stripped, [text])  # a <title> a template cut short
    return text if len(text) >= len(stripped) else stripped


_TITLE = next(iter(tag_ids(("title",))))
_LINK = next(iter(tag_ids(("a",))))
WALK_NODES = 40  # nodes a walk looks at before a query does (a query's fixed cost: ~26k instructions)


def _first_href(node: LexborNode) -> str | None:
    """The href ("" for an empty one) of node.css_first("a[href]"), found by a walk of the
    first WALK_NODES nodes (a heading holds a few), past them by the query."""
    for count, probe in enumerate(node.traverse()):
        if count >= WALK_NODES:
            link = node.css_first("a[href]")
            return None if link is None else link.attributes.get("href") or ""
        if probe.tag_id == _LINK:
            attrs = probe.attributes
            if "href" in attrs:
                return attrs["href"] or ""
    return None


def title_element(tree: LexborHTMLParser) -> LexborNode | None:
    """tree.css_first("title"), found among the children of <head> where it sits (a query's
    fixed cost, its selector parsed and its memory set up, is ~26k instructions; the head
    holds a few dozen nodes). Before a title there, the head holds only elements with no
    elements in them (<meta>, <link>; a <template>'s content is out of reach of a query
    too), and the head comes first: no <title> precedes it. Without one, the query."""
    head = tree.head
    probe = head.first_child if head is not None else None
    while probe is not None:
        if probe.tag_id == _TITLE:
            return probe
        probe = probe.next
    return tree.css_first("title")
