"""The article's title: declared (JSON-LD, Open Graph), a visible headline, or <title>.

Whatever the source, a trailing site name is removed ("Headline | The Daily Example"): the
one the page declares (og:site_name) or its home link reads, or a last segment that spells
the site's host name; so is a leading one that is exactly that name ("Diario HOY | ...")
unless a heading reads it with the headline (a kicker: "BBC: ..." on the BBC's site).
JSON-LD's headline loses to og:title when the <h1> reads og:title (an SEO variant). A
declared title loses to the visible headline when the <title> reads that headline and not
the declared one (og:title is then a social-media variant).
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

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.clean import clean_text
from monitor.homelink import MAX_SITE_NAME, MIN_SITE_NAME, home_name, links_home
from monitor.hostname import host_of
from monitor.nodefinds import first_href, title_element
from monitor.scoring import deep_text, node_names

LOWER_HEADINGS = 30  # h3-h5 looked at for a headline when a page has no h1
_SITE_SEPARATORS = (" - ", " | ", " – ", " — ", " _ ", "_", " :: ", " · ", " » ", " › ", " / ", "|",
                    "-")
# what ends a site name before the headline: no bare "-" or "_" ("Privatkredit-Zinsen: ...")
_PREFIX_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ", " » ", " › ", "|", ": ")
# ": " ends only the declared name: after a word the host spells it ends a kicker, a topic
# the site is named for ("Wetter: Sturm ..." on wetter.de, "Golf: McIlroy ..." on golf.com)
_KICKER_SEPARATOR = ": "
_COMPACT = re.compile(r"[\W_]+")
MIN_HEADLINE = 8  # characters; a shorter heading that starts the <title> is a kicker or label
SITE_WORDS = 5  # words; a segment this short holding the host's name is the site's name
HOST_SHARE = 0.4  # share of a longer segment's letters the host must spell to be its name
ELLIPSES = ("...", "…")  # what ends a headline a template cut to a length
HEADINGS_SEEN = 60  # headings looked at for a headline (the visible ones come early)
MAX_HEADLINE = 300  # characters; a longer heading is a paragraph set in a heading tag
PREFIX_MARKS = ":|-–—»·•/_"  # what ends a site name put before the headline ("Site: Headline")
_PREFIX_MARK_TUPLE = tuple(PREFIX_MARKS)  # (one character each: "" is none of them)
MIN_OG_WORDS = 3  # words; a shorter og:title is a label ("Politics", "Harbour Times")


def _host_words(url: str | None) -> str:
    """The host without www. and the public suffix, compacted: 'www.e-how.co.uk' -> 'ehow'."""
    host = host_of(url or "")
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


@lru_cache(maxsize=64)
def strip_site(title: str, site: str | None, host: str = "") -> str:
    """Remove trailing site-name segments: 'Headline - The Site' -> 'Headline'. (Kept: a
    page asks it of og:title, twitter:title, the declared title and <title>, mostly the
    same; only the separators in the title are tried, as a stripped title holds no other.)"""
    present = [sep for sep in _SITE_SEPARATORS if sep in title]
    for _ in range(2 if present else 0):
        for sep in present:
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
    href = first_href(node)
    return href is not None and links_home(href.strip())


def _names_heading(doc_title: str, text: str, key: str | None = None) -> bool:
    """Whether the <title> starts with the heading or has it as a segment before the last.
    ``key``: the title casefolded, when a loop over headings has it (a casefolded text is
    empty only when the text is)."""
    if len(text) < MIN_HEADLINE or not doc_title:
        return False
    key, probe = doc_title.casefold() if key is None else key, text.casefold()
    if key.startswith(probe):
        return True
    return probe in _named_segments(doc_title)


@lru_cache(maxsize=64)
def _named_segments(doc_title: str) -> tuple[str, ...]:
    """The <title>'s segments but the last (where the site's own name sits), stripped and
    casefolded: the same for every heading of a page, split once (~4 us a split)."""
    return tuple(p.strip().casefold() for p in sel.TITLE_SEPARATORS.split(doc_title))[:-1]


def _ends_title(doc_title: str, text: str, key: str | None = None) -> bool:
    """Whether the <title> is the heading after a site name: "The Site: Headline"
    (``key``: as for _names_heading)."""
    if len(text) < MIN_HEADLINE:
        return False
    key, probe = doc_title.casefold() if key is None else key, text.casefold()
    return len(key) > len(probe) and key.endswith(probe) \
        and key[: -len(probe)].rstrip()[-1:] in _PREFIX_MARK_TUPLE


Shown = tuple[tuple[str, LexborNode | None], bool]  # _headline's answer


def headline_node(tree: LexborHTMLParser, doc_title: str, seen: dict[str, Shown] | None = None
                  ) -> tuple[str, LexborNode | None]:
    """The visible headline: a heading the <title> names, else the first non-logo h1.
    ``seen``: answers for this tree by title (see _headline_of), this one added."""
    found, _ = _headline_of(tree, doc_title, {} if seen is None else seen)
    return found


def _headline_of(tree: LexborHTMLParser, doc_title: str, seen: dict[str, Shown]) -> Shown:
    """_headline, read once per title of an unchanged tree: extract() finds the headline
    before find_title, which asks again on a third of the pages (a query over the page)."""
    found = seen.get(doc_title)
    if found is None:
        found = seen[doc_title] = _headline(tree, doc_title)
    return found


def _headline(tree: LexborHTMLParser, doc_title: str) -> Shown:
    """(headline text, node) and whether the <title> names it."""
    body = tree.body
    if body is None:
        return ("", None), False
    first = body.css_first(sel.HEADLINE_SELECTOR)  # (css()'s first: the query stops there)
    if first is None:
        return _lower_headline(body, doc_title)
    text = clean_text(deep_text(first))
    if text and len(text) <= MAX_HEADLINE and _names_heading(doc_title, text) \
            and not _is_logo(first):
        return (text, first), True  # (the loop's first answer, known before the full query)
    first_h1: tuple[str, LexborNode] | None = None
    logo: tuple[str, LexborNode] | None = None  # the site's name, which starts "Site: Headline"
    ending: tuple[str, LexborNode] | None = None  # a heading that ends "Site: Headline"
    nodes = body.css(sel.HEADLINE_SELECTOR)
    key = doc_title.casefold()  # (folded once for the loop)
    for node in nodes[:HEADINGS_SEEN + 1]:
        text = clean_text(deep_text(node))
        if not text or len(text) > MAX_HEADLINE:
            continue
        if _names_heading(doc_title, text, key):
            if not _is_logo(node):
                return (text, node), True
            logo = logo or (text, node)
        elif ending is None and _ends_title(doc_title, text, key) and not _is_logo(node):
            ending = (text, node)
        if first_h1 is None and node.tag == "h1" and not _is_logo(node):
            first_h1 = (text, node)
    late = _late_h1(body, doc_title) if first_h1 is None and len(nodes) > HEADINGS_SEEN else None
    if late is not None:
        return late, True
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


def _late_h1(body: LexborNode, doc_title: str) -> tuple[str, LexborNode] | None:
    """The first <h1> past the HEADINGS_SEEN headline-like elements (a menu of a hundred
    titled items before the article), when the <title> names it and it is no logo."""
    node = body.css_first("h1")
    if node is None:
        return None
    text = clean_text(deep_text(node))
    if len(text) > MAX_HEADLINE or not _names_heading(doc_title, text) or _is_logo(node):
        return None
    return text, node


def _lower_headline(body: LexborNode, doc_title: str
                    ) -> tuple[tuple[str, LexborNode | None], bool]:
    """A lower heading the <title> names, on a page with no h1 (a press portal's <h4>)."""
    key = doc_title.casefold()  # (folded once for the loop)
    for count, node in enumerate(body.css("h3, h4, h5")):
        if count > LOWER_HEADINGS:
            break
        text = clean_text(deep_text(node))
        if text and len(text) <= MAX_HEADLINE and _names_heading(doc_title, text, key):
            return (text, node), True
    return ("", None), False


def _visible_prefix(tree: LexborHTMLParser, declared: str, seen: dict[str, Shown]) -> str:
    """The declared title without a suffix the page's own headline does not carry.

    og:title is often "Headline | Site" with no og:site_name to name the suffix; when the
    visible headline is the declared title up to a separator, the rest is the site's.
    """
    if not sel.TITLE_SEPARATORS.search(declared):
        return declared
    (text, _), _named = _headline_of(tree, declared, seen)
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
            host: str, seen: dict[str, Shown]) -> str:
    """The declared title, or the visible headline where it and the <title> agree on other
    words: og:title is then a social-media variant ("You won't believe ...")."""
    head = strip_site(doc_title, site, host)
    wanted, shown = declared.casefold(), head.casefold()
    if not head or shown == wanted or (wanted in shown and not shown.startswith(wanted)):
        # (the usual page, and "Site - Headline": no heading can win, as below, so the
        # answer is known without looking for one)
        return declared
    (text, _), _named = _headline_of(tree, doc_title, seen)
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


def _h1_og_title(tree: LexborHTMLParser, metas: dict[str, str], ld_headline: str) -> str:
    """JSON-LD's headline, or og:title where it differs and the page's <h1> reads it: the
    headline readers see, JSON-LD's being a search-engine variant ("... 2023/24 ..." beside
    a shown "... 23/24 ... aus", "Product Review With Photos" beside "I Tried ...").
    An og:title that is a label (the site's name, a section's) read by a logo or section
    <h1> is no headline: JSON-LD's stands."""
    og_title = clean_text(metas.get("og:title"))
    if not ld_headline or not og_title or og_title == ld_headline \
            or len(og_title.split()) < MIN_OG_WORDS \
            or og_title.casefold() == clean_text(metas.get("og:site_name")).casefold():
        return ld_headline
    h1 = tree.css_first("h1")
    if h1 is None or clean_text(deep_text(h1)) != og_title or _is_logo(h1):
        return ld_headline
    return og_title


def find_title(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
               url: str | None = None, seen: dict[str, Shown] | None = None) -> str:
    """Title: JSON-LD headline, og:title, a heading matching <title>, then <title> itself;
    a site name before it ("Diario HOY | Headline") removed. ``seen``: headline_node's."""
    host = _host_words(url or metas.get("og:url"))
    headline = ld.get("headline")
    declared = _h1_og_title(tree, metas, clean_text(headline) if isinstance(headline, str)
                            else "")
    for key in ("og:title", "twitter:title", "title", "dc.title", "parsely-title"):
        declared = declared or clean_text(metas.get(key))
    title_node = title_element(tree)
    doc_title = clean_text(title_node.text()) if title_node is not None else ""
    if len(doc_title) > 400:
        doc_title = ""
    site = clean_text(metas.get("og:site_name")) or home_name(tree, declared or doc_title)
    title = _chosen(tree, metas, declared, doc_title, site, host, {} if seen is None else seen)
    bare = strip_site_prefix(title, site, host)
    # a heading that reads the name too shows it as part of the headline ("BBC: Director
    # general resigns" on the BBC's site, "Bitcoin - Price tops $100,000" on bitcoin.com)
    return title if bare != title and _shown(tree, title) else bare


def _chosen(tree: LexborHTMLParser, metas: dict[str, str], declared: str, doc_title: str,
            site: str | None, host: str, seen: dict[str, Shown]) -> str:
    """find_title's choice between the declared title, the visible headline and <title>."""
    if declared:
        declared = _completed(tree, declared, [strip_site(clean_text(metas.get(key)), site, host)
                                               for key in ("og:title", "twitter:title")])
        declared = _visible_prefix(tree, strip_site(declared, site, host), seen)
        return _agreed(tree, declared, doc_title, site, host, seen)
    (text, _), named = _headline_of(tree, doc_title, seen)
    if not doc_title or (text and named):
        return text
    stripped = strip_site(doc_title, site, host)
    if stripped == doc_title:
        stripped = _split_title(doc_title)
    stripped = _completed(tree, stripped, [text])  # a <title> a template cut short
    return text if len(text) >= len(stripped) else stripped


def strip_site_prefix(title: str, site: str | None, host: str = "") -> str:
    """Remove a leading site name: 'Diario HOY | Headline', 'BMAS - Headline'. Only the
    declared name or the host's very name counts ('Frauen im THW: ...' on thw.de, 'Corti
    introduces GIM: ...' on corti.ai are headlines that mention the site), the host's only
    before a title-template separator, not before a kicker's colon."""
    for sep in _PREFIX_SEPARATORS:
        head, found, tail = title.partition(sep)
        if not found or len(tail.strip()) < MIN_HEADLINE:
            continue
        name = head.strip()
        if (site and name.casefold() == site.casefold()) \
                or (sep != _KICKER_SEPARATOR and len(host) >= MIN_SITE_NAME
                    and _COMPACT.sub("", name).lower() == host):
            return tail.strip()
    return title
