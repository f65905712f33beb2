"""Whether a date element belongs to the article or to a list of other articles.

Teasers, related links and sidebars carry dates of other articles; the page's own header
sometimes is a list too (date, section, reading time), which a last resort may read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.datemarks import line_date
from monitor.linetests import DIGIT
from monitor.placement import enclosing
from monitor.scoring import in_comments, name_tokens
from monitor.tagids import tag_id, tag_ids
from monitor.textnorm import normalize_line

# class/id tokens of blocks that list other articles (whole tokens: "vcard" is no card)
LIST_PREFIXES = ("related", "sidebar", "recommend", "popular", "teaser", "prenext", "latest",
                 "recent", "more")
LIST_WORDS = frozenset(("hot", "list", "lists", "card", "cards"))
# class/id tokens of the one article's own block: a list named further out is the CMS's
# wrapper of it ("frame-type-list" around "news-single"), not a list of other articles
SINGLE_WORDS = frozenset(("article", "single", "detail", "details"))
# the names that never wrap the page's own header, even for the last resorts
OTHERS_PREFIXES = ("related", "recommend", "popular")
# elements that hold other articles' dates (a page's own date may sit in an <aside> of its
# <article>, but a last resort reading page-wide does not look there), and quoted matter's
# (an embedded post's blockquote ends with its own date)
OTHERS_BLOCKS = ("ul", "ol", "aside", "nav", "footer", "blockquote")
TEASER_LEVELS = 2  # levels above a date searched for the headline link that makes it a teaser
LABEL_CHILDREN = 3  # first children of a block looked at for the heading that labels it
LIST_LABEL_CHARS = 50  # characters; a longer heading is a headline, not a list's label
CARD_CHARS = 500  # characters; an <article> this short holding a headline link is a card
HEADLINE_LINK = 20  # characters; a link this long reads as another article's headline


_ARTICLE = tag_id("article")
_STOPS = tag_ids(("main", "body"))
_LISTING = tag_ids(("li", *OTHERS_BLOCKS))
_LABEL_HEADINGS = tag_ids(("h2", "h3", "h4", "h5", "h6"))


def _listy(tokens: tuple[str, ...]) -> bool:
    return any(token and (token in LIST_WORDS or token.startswith(LIST_PREFIXES)
                          or token.endswith(("list", "lists"))) for token in tokens)


def in_list(node: LexborNode, names: bool = True) -> bool:
    """Inside a list item or a related/sidebar block: dates there belong to other articles.

    ``names=False`` looks at the elements only, not at class names (for a date the page
    marks as its datePublished, a class like "news-list-date" says little). A block that is
    itself named as related posts ("jp-relatedposts" holding a teaser and its date) is one
    too; its own "teaser" or "list" name is not enough (a page header's "bb-teaser-meta").
    """
    if names and (_names_others(node) or in_comments(node)):
        return True  # a comment's date ("June 20, 2024 at 10:05 am") is a reader's
    probe = node.parent
    for _ in range(6):
        if probe is None:
            return False
        tag = probe.tag_id  # (one number read: each .tag read builds a str)
        if tag == _ARTICLE:
            return _card(probe)  # the article itself (its header is no list) or a card
        if tag in _STOPS:
            return False
        if tag in _LISTING:
            return True
        if names:
            tokens = name_tokens(probe)
            if _listy(tokens) or _labelled_others(probe):
                return True
            if not SINGLE_WORDS.isdisjoint(tokens):
                return False
        probe = probe.parent
    return False


def _names_others(node: LexborNode) -> bool:
    """Named as a block of other articles whatever it holds: related, recommended, popular."""
    return any(token.startswith(OTHERS_PREFIXES)
               for token in name_tokens(node))


def _labelled_others(block: LexborNode) -> bool:
    """A block opened by a heading that names a list of others ("Recent Posts", "More on
    this story"): blocks with no class to say so (data attributes, hashed classes)."""
    for count, child in enumerate(block.iter()):
        if count >= LABEL_CHILDREN:
            break
        if child.tag_id in _LABEL_HEADINGS:
            text = normalize_line(child.text() or "")
            return len(text) <= LIST_LABEL_CHARS and sel.LIST_LABEL.match(text) is not None
    return False


def _card(article: LexborNode) -> bool:
    """An <article> that is a teaser card of another one: short, its headline linked away."""
    return len((article.text() or "").strip()) < CARD_CHARS and _links_away(article)


def _links_away(block: LexborNode) -> bool:
    """Whether a block holds a headline-like link (a teaser's link to its article). A link in
    an <h1> is the page's own headline linking to itself (WordPress's permalink title)."""
    return any(len((link.text() or "").strip()) >= HEADLINE_LINK and not _in_h1(link)
               for link in block.css("a[href]"))


def _in_h1(link: LexborNode) -> bool:
    return enclosing(link, "h1", 2) is not None  # <h1><a> or <h1><span><a>


def in_header_list(node: LexborNode, closed: tuple[str, ...] = OTHERS_BLOCKS) -> bool:
    """Not inside list elements, or inside a list item that links nowhere: a header written
    as a list (date, section), where a teaser's item links to its article. Class names are
    not read (a header's "teaser" or "sidebar-mode" wrapper says little); a card, whatever
    its markup, is told by the headline link beside its date (within TEASER_LEVELS), a list
    of others by the heading that opens it ("Upcoming events", _labelled_others), and
    an <article> ends the walk as the page's own only when it is no card (_card).
    ``closed``: the elements taken to hold others' dates whatever they link to. A reader's
    comment (named so, as in_list reads it) is never the page's header, links or none."""
    if in_comments(node):
        return False
    probe: LexborNode | None = node  # the element itself may be the list item
    for level in range(7):
        if probe is not None and probe.tag == "article":
            return not _card(probe)
        if probe is None or probe.tag in ("main", "body"):
            return True
        if probe.tag == "li":
            return probe.css_first("a[href]") is None
        if probe.tag in closed:
            return False
        if 0 < level <= TEASER_LEVELS and _links_away(probe):
            return False
        if _names_others(probe) or _labelled_others(probe):
            return False  # "jp-relatedposts", "Upcoming events": links may be short
        probe = probe.parent
    return True


def first_dated(nodes: Iterable[LexborNode], longest: int, first_month: bool,
                belongs: Callable[[LexborNode], bool]) -> str | None:
    """The date of the first element of at most ``longest`` characters that holds one and
    ``belongs`` to the page (the costlier test, so it runs last). The element's texts are
    read apart: minified markup glues a byline to its date ("Marco Rossi27 settembre
    2021"), which hides the date's first number; read apart, a date split across inline
    elements holds none ("3<sup>rd</sup> March 2021", "<span>03</span>/<span>04</span>/..."),
    so the joined text is read then."""
    for node in nodes:
        found = _node_date(node, longest, first_month)
        if found and belongs(node):
            return found
    return None


def _node_date(node: LexborNode, longest: int, first_month: bool) -> str | None:
    """The date of an element's text of at most ``longest`` characters, read apart first."""
    found = None
    for separator in (" ", ""):
        text = normalize_line(node.text(separator=separator) or "")
        if separator and DIGIT.search(text) is None:
            return None  # every date holds a digit, read apart or joined
        if not text or len(text) > longest:
            continue
        found = line_date(text, first_month)
        if found:
            break
    return found
