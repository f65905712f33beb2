"""Publication dates: find the one a page declares or shows.

Order of trust: what the page declares on purpose (JSON-LD, meta tags, <time datetime>), a
date in the URL path, a date line beside the headline, a labelled line ("Published: ...")
anywhere outside lists. Two corrections keep the day the publisher meant: numeric dates
are read month-first only on evidence (an unambiguous date on the page, a US locale), and
a UTC timestamp ("...Z") is moved to the publisher's day when the page shows its offset or
its own date beside it. A date beside the headline is none of a forum member's sign-up,
the page's clock or a photo's caption (monitor.datemarks). Reading a written date is
monitor.datetext; the UTC day, monitor.utcday.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from itertools import islice
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.datefallback import DATE_NAMED, last_resort
from monitor.datelists import first_dated, in_header_list, in_list
from monitor.datemarks import dates_no_text, is_modification
from monitor.datescan import SCAN_NODES, hint_scan, scan
from monitor.datetext import month_first, parse_date, url_date
from monitor.markeddates import (
    DATE_NODES,
    MARKED_PROPERTIES,
    PROPERTY_HINTS,
    Marked,
    marked_dates,
    marked_elements,
)
from monitor.scoring import node_names
from monitor.tagids import PAGE_TOP_IDS
from monitor.utcday import local_offset, publisher_day, utc_stamp

__all__ = ["DATE_NODES", "MARKED_PROPERTIES", "PROPERTY_HINTS", "find_published", "marked_dates",
           "month_first", "parse_date", "publisher_day", "url_date"]

# selectors.PUBLISHED_LABEL past the start: a literal "\n" first lets the engine skip to newlines
_LABEL_AFTER_NEWLINE = re.compile(sel.PUBLISHED_LABEL.pattern.replace("(?:^|\\n)", "\\n", 1),
                                  sel.PUBLISHED_LABEL.flags)
# a newline that can open a label line: blanks, then the first letter (any case) of "first" or
# of a label word of selectors.PUBLISHED_LABEL; only these (~4% of a page's newlines) are tried
_LABEL_LINE_START = re.compile("\n[ \t]*[FfPpRrDdVv发日]")
LABEL_SCAN = 40_000  # characters of page text searched for a labelled date line
HEADLINE_LEVELS = 3  # levels above the headline searched for its date line
SHORT_DATE_LINE = 50  # characters; an unnamed element this short holding a date is a date line
AUTHOR_LEVELS = 2  # levels above the byline searched for its date line
AUTHOR_TRIES = 2  # bylines looked at: the first ones belong to the article, later ones to teasers
BYLINE_LINE = 200  # characters; a byline this short may hold its date in its own sentence
_DOTTED = re.compile(r"\d\.\d{1,2}\.(?:19|20)\d\d")  # a numeric date written with dots
# meta names some CMSs use for the publication date beyond selectors.DATE_META_NAMES
EXTRA_DATE_METAS = ("published", "publish_time", "article:publish_date", "publishtime",
                    "published-date", "published_date")
_LD_DATE_KEYS = ("datePublished", "dateCreated", "uploadDate")  # JSON-LD's, in order of trust
_META_DATE_NAMES = sel.DATE_META_NAMES + EXTRA_DATE_METAS
# names of a box about the author, whose own sentence is no byline's: "author-bio",
# "about-author", "author-description"
_BIO_NAMES = ("bio", "about", "desc")
# the author's name or link: a date line usually sits right beside it
AUTHOR_NODES = '[rel="author"], a[href*="/author/"], [class*="author" i], [class*="byline" i]'


# --- finding the date in a page -----------------------------------------------------------

class Declared(NamedTuple):
    """The publication date a page declares on purpose, and what else it declares."""

    raw: str | None  # the date string trusted first: JSON-LD, meta tags, <time datetime>
    stamps: list[str]  # the timestamps declared (one may carry the publisher's offset; see
    # declared: the elements' are left out where no reader of the list could reach them)
    ld_raw: str | None  # JSON-LD's datePublished (or dateCreated, uploadDate)
    meta_raw: str | None  # the meta tags' publication date, which may differ from JSON-LD's


def _first_parsed(values: Iterable[object]) -> str | None:
    return next((v for v in values if isinstance(v, str) and parse_date(v)), None)


def declared(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
             times: list[LexborNode] | None = None, listed: list[Marked] | None = None
             ) -> Declared:
    """The date string the page declares on purpose, and every timestamp it declares
    (``times``, ``listed``: see monitor.markeddates.marked_elements)."""
    stamps = [v for k, v in ld.items() if k.startswith("date") and isinstance(v, str)]
    stamps += [v for k, v in metas.items() if "time" in k or "date" in k]
    ld_raw = _first_parsed(map(ld.get, _LD_DATE_KEYS))
    meta_raw = _first_parsed(map(metas.get, _META_DATE_NAMES))
    found = ld_raw or meta_raw
    if found is not None and not _offset_wanted(found, stamps):
        return Declared(found, stamps, ld_raw, meta_raw)  # (the page-wide query saved)
    for node, attrs in marked_elements(tree, times, listed):
        value = (attrs.get("content") or attrs.get("datetime") or attrs.get("title")
                 or node.text() or "")
        stamps.append(value)
        if found is None and parse_date(value):  # (most pages: only the stamps wanted)
            published = "datePublished" in (attrs.get("itemprop") or "")
            marked = published or bool(attrs.get("property"))
            if not in_list(node, names=not marked) \
                    and (published or not is_modification(node)):  # hAtom: class "updated"
                found = value
    return Declared(found, stamps, ld_raw, meta_raw)


def _offset_wanted(raw: str, stamps: list[str]) -> bool:
    """Whether the date elements' timestamps can matter beside a date that JSON-LD or a meta
    tag declares (which they never replace): utcday reads the list only for a UTC timestamp,
    and then first for the publisher's offset, which a declared stamp may already give."""
    return utc_stamp(raw) is not None and local_offset(stamps) is None


def beside_headline(headline: LexborNode | None, first_month: bool) -> str | None:
    """A date line in the few levels around the headline (not in lists of other articles).

    Elements named like dates or metadata first; then any short element whose text is
    little more than a date ("Janic Cathomen, 01.12.2021", "am 25.08.2015 22:30").
    """
    for selector, longest in ((sel.DATE_HINT_SELECTOR, 200), (sel.SHORT_DATE_SELECTOR,
                                                             SHORT_DATE_LINE)):
        scope: LexborNode | None = headline.parent if headline is not None else None
        seen: dict[int, str | None] = {}  # (an outer scope holds the inner one's elements)
        for _ in range(HEADLINE_LEVELS):
            if scope is None or scope.tag_id in PAGE_TOP_IDS:
                break
            found = hint_scan(scope, longest, first_month, seen) \
                if selector is sel.DATE_HINT_SELECTOR \
                else scan(scope, selector, longest, first_month, seen=seen)
            if found:
                return found
            scope = scope.parent
    return None


def beside_author(body: LexborNode, first_month: bool) -> str | None:
    """A short date line beside the first byline (author name or link) outside lists.

    Blogs often show "Jane Doe · April 8, 2024" under the title with no date markup and
    no headline nearby that the page names as such. Failing a short one, the byline's own
    sentence: "Written by Jane Doe in Science on 1 June 2019 at 08:34 PM EDT."
    """
    for count, node in enumerate(body.css(AUTHOR_NODES)):
        if count >= AUTHOR_TRIES or in_list(node):
            break
        scope: LexborNode | None = node.parent
        for _ in range(AUTHOR_LEVELS):
            if scope is None or scope.tag in ("body", "html", "article", "main"):
                break
            found = scan(scope, sel.SHORT_DATE_SELECTOR, SHORT_DATE_LINE, first_month)
            if found:
                return found
            scope = scope.parent
        # (a member's box says "Joined: 12 Jan 2014"; an author's box, "since 1 June 2015")
        found = None if _author_bio(node) else first_dated([node], BYLINE_LINE, first_month,
                                                            lambda own: not dates_no_text(own))
        if found:
            return found
    return None


def _author_bio(node: LexborNode) -> bool:
    """Whether an author element is a box about the author ("author-bio", "about-author"):
    its sentence dates the author's career ("... has written for us since 1 June 2015")."""
    names = node_names(node).lower()
    return any(word in names for word in _BIO_NAMES)


def _labels(text: str) -> Iterator[re.Match[str]]:
    """The matches of selectors.PUBLISHED_LABEL in ``text``, found faster (same sequence):
    the full pattern is tried only at newlines a label word can follow, past the last match
    (whose blanks may have crossed lines)."""
    first = sel.PUBLISHED_LABEL.match(text)
    end = 0
    if first is not None:
        yield first
        end = first.end()
    for start in _LABEL_LINE_START.finditer(text, end):
        if start.start() >= end and (found := _LABEL_AFTER_NEWLINE.match(text, start.start())):
            yield found
            end = found.end()


def labelled(text: str, first_month: bool) -> str | None:
    """The date of the first 'Published: 2021-09-27 10:05' style line of the page text."""
    return own_labelled(None, text, first_month)


def own_labelled(body: LexborNode | None, text: str, first_month: bool) -> str | None:
    """labelled(), passing over a label line of a teaser (with ``body``, where its elements
    are found): 'Publié le 05/01/2020' under another article's headline link, in a block
    named or labelled as others' (either sign alone misleads: utility-class names, a blog
    header's long category link). The page text finds the lines; the walk to their
    elements runs only for a dated one."""
    for match in _labels(text[:LABEL_SCAN]):
        found = parse_date(match.group("rest"), first_month)
        if found is None:
            continue
        if body is None:
            return found
        node = _text_node(body, match.group(0).strip().split("\n", 1)[0].strip())
        if node is None or not in_list(node) or in_header_list(node):
            return found
    return None


def _text_node(body: LexborNode, line: str) -> LexborNode | None:
    """The first text node of ``body`` reading ``line`` (white space around it aside)."""
    for node in body.traverse(include_text=True):
        if node.tag == "-text" and (node.text_content or "").strip() == line:
            return node
    return None


def _without_shown(raw: str, stamps: list[str], from_url: str | None, lang: str | None
                   ) -> str | None:
    """publisher_day where the dates the page shows (a walk over its text) cannot change it:
    no UTC stamp, the publisher's offset known, or the URL showing the UTC day; else None."""
    moment = utc_stamp(raw)
    if moment is None or local_offset(stamps) is not None:
        return publisher_day(raw, stamps, [], lang)
    return from_url if from_url == moment.date().isoformat() else None


def _far(day: str | None, other: str) -> bool:
    """Whether two YYYY-MM-DD days are more than a day apart (no time zone between them)."""
    if day is None:
        return False
    return abs(datetime.fromisoformat(day) - datetime.fromisoformat(other)) > timedelta(days=1)


def _shown_wins(found: Declared, visible: str | None) -> str | None:
    """The date shown beside the headline over JSON-LD's datePublished, when the meta tags
    do not back JSON-LD: they declare no publication date (such pages show and mean their
    update), or they declare the day shown."""
    if visible is None or found.ld_raw is None or found.raw != found.ld_raw:
        return None
    if visible == parse_date(found.ld_raw):
        return None
    meta_day = parse_date(found.meta_raw)
    return visible if meta_day is None or meta_day == visible else None


def _two_readings(raw: str) -> bool:
    """Whether a declared date is numeric and reads as two days ('03-09-2026', '03/09/2026').
    A dotted one ('03.09.2026') does not: the locales that write dots put the day first,
    and an event's 'am 9. März' beside the headline is no reason to read it otherwise."""
    return parse_date(raw, True) != parse_date(raw) and not _DOTTED.search(raw)


def _shown_reading(raw: str, shown: list[str | None]) -> str | None:
    """A declared numeric date read month first when the page shows that day: '03-09-2026'
    beside 'Published March 9, 2026' (declared dates are otherwise read day first)."""
    us_day = parse_date(raw, True)
    return us_day if _two_readings(raw) and us_day in shown else None


def _contested(found: Declared, headline: LexborNode | None, body: LexborNode | None,
               lang: str | None, seen: dict[bool, str | None]) -> bool:
    """Whether JSON-LD's date, not backed by the meta tags, differs from the date beside the
    headline (read here with the locale's day/month order: a cheap first look)."""
    if found.ld_raw is None or parse_date(found.meta_raw) == parse_date(found.ld_raw):
        return False
    shown = _shown_once(seen, found, headline, body, month_first("", lang))
    return shown is not None and shown != parse_date(found.ld_raw)


def _shown_once(seen: dict[bool, str | None], found: Declared, headline: LexborNode | None,
                body: LexborNode | None, first_month: bool) -> str | None:
    """shown_date, read once per day/month order: find_published asks again with the order
    the page's text gives, the same as the locale's on most pages (a scan of the header)."""
    if first_month not in seen:
        seen[first_month] = shown_date(found, headline, body, first_month)
    return seen[first_month]


def shown_date(found: Declared, headline: LexborNode | None, body: LexborNode | None,
               first_month: bool) -> str | None:
    """The date beside the headline; where JSON-LD and the meta tags declare two days and
    none is there, the page's first date-named line outside lists after the headline (a
    header laid out away from its headline shows which of the two the page means; a
    masthead's 'Tuesday, December 1, 2026' before it is the day the page was fetched)."""
    shown = beside_headline(headline, first_month)
    meta_day = parse_date(found.meta_raw)
    if shown is None and body is not None and found.ld_raw is not None \
            and meta_day is not None and meta_day != parse_date(found.ld_raw):
        masthead = _before(body, headline) if headline is not None else frozenset()
        shown = scan(body, sel.DATE_HINT_SELECTOR, SHORT_DATE_LINE, first_month, masthead)
    return shown


def _before(body: LexborNode, headline: LexborNode) -> frozenset[int]:
    """The mem_ids of the elements before the headline in document order (its ancestors
    among them); none when the headline is not in ``body``."""
    ids: list[int] = []
    for node in body.traverse():
        if node.mem_id == headline.mem_id:
            return frozenset(ids)
        ids.append(node.mem_id)
    return frozenset()


def find_published(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
                   headline: LexborNode | None, url: str | None = None,
                   lang: str | None = None, times: list[LexborNode] | None = None,
                   listed: list[Marked] | None = None) -> str | None:
    """Publication date: declared, else the URL, beside the headline, a labelled line, the
    first short date-named element of the page outside lists of other articles, or else
    the weaker signals of monitor.datefallback.

    A date in the URL path beats a declared date more than a day away (a republication);
    the date shown beside the headline beats JSON-LD's that no meta tag backs. ``times``:
    the page's <time> elements as its junk walk listed them; ``listed``: receives the
    marked elements the page-wide query found, when it runs (both: monitor.markeddates)."""
    found = declared(tree, ld, metas, times, listed)
    raw, stamps = found.raw, found.stamps
    from_url = url_date(url)
    if raw is not None and from_url is not None and _far(parse_date(raw), from_url):
        return from_url
    early = from_url if raw is None else None
    seen: dict[bool, str | None] = {}  # shown_date's answers by day/month order
    contested = raw is not None and _contested(found, headline, tree.body, lang, seen)
    if raw is not None and not contested and not _two_readings(raw):
        early = _without_shown(raw, stamps, from_url, lang)
    if early:
        return early
    body = tree.body
    text = (body.text(separator="\n") or "") if body is not None else ""
    first_month = month_first(text[:LABEL_SCAN], lang)
    if raw is not None:
        shown = [from_url, _shown_once(seen, found, headline, body, first_month),
                 labelled(text, first_month)]
        return (_shown_wins(found, shown[1]) or _shown_reading(raw, shown)
                or publisher_day(raw, stamps, shown, lang))
    found_day = beside_headline(headline, first_month) or own_labelled(body, text, first_month)
    if found_day is None and body is not None:
        found_day = (scan(body, sel.DATE_HINT_SELECTOR, SHORT_DATE_LINE, first_month)
                     or scan(body, DATE_NAMED, SHORT_DATE_LINE, first_month)
                     or beside_author(body, first_month) or _first_stamp(body))
    return found_day or last_resort(tree, ld, metas, text, first_month)


def _first_stamp(body: LexborNode) -> str | None:
    """Last resort: the first machine-readable ``<time datetime>`` of the page, even in a
    list (a header written as a list of date, author and section) or an <aside> of the
    article, when nothing else is; never a teaser's (a card of another article, its
    headline linked beside its date, or a list item linking to it)."""
    for node in islice(body.css("time[datetime]"), SCAN_NODES):
        found = parse_date(node.attributes.get("datetime"))
        if found and in_header_list(node, closed=()):
            return found
    return None
