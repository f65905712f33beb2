"""The lead (standfirst) printed just above the body: the article's opening, in a box of its own.

News and blog templates set the opening paragraph apart ("teaser-text", "article__intro",
"lead", "excerpt", "standfirst") in a box before the body's container. The vote takes the
container; class pruning then cuts the lead ("teaser" marks a card elsewhere), and the
first sentences of the article are lost. A lead is looked for only among the elements just
before the winner (its siblings), and only unlinked prose of a few sentences counts.
"""

from __future__ import annotations

from itertools import islice

from selectolax.lexbor import LexborNode

from monitor.dom import boilerplate_names
from monitor.placement import overlaps, siblings
from monitor.scoring import class_weight, flat_text, link_density, name_tokens

LEAD_SIBLINGS = 3  # elements before the winner looked at (a headline, a byline, the lead)
LEAD_CHILDREN = 8  # children of such an element looked at (a header's few boxes, not a menu's items)
LEAD_MIN = 60  # characters: shorter is a kicker or a label, not an opening paragraph
LEAD_MAX = 800  # characters: longer is a block of its own, not a standfirst
LEAD_LINKS = 0.1  # linked share above which a "teaser" links elsewhere: a card, not a lead
# class/id words of a lead box (the Spanish "bajada", the French "chapo" too)
LEAD_WORDS = frozenset((
    "lead", "intro", "teaser", "excerpt", "summary", "abstract", "standfirst", "dek", "deck",
    "chapo", "bajada", "sapo",
))
_STOP_TAGS = frozenset(("body", "html", "main"))
# class/id words of the lead picture's box ("lead-image", "lead-media", "teaser-img"): a
# photo and its caption, not the standfirst
MEDIA_WORDS = frozenset(("image", "img", "media", "photo", "picture", "art", "video", "figure"))
_CUT = " .…[]"  # how an excerpt cut short ends ("…", "...", "[…]")
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", '"', "”", "“", "»", ":", "…")


def find_lead(best: LexborNode) -> LexborNode | None:
    """The lead box among the few elements just before the winner, if any (higher up sits
    the page header's dek, which most references leave out of the body)."""
    if best.tag in _STOP_TAGS or best.parent is None:
        return None
    for before in siblings(best, before=True, limit=LEAD_SIBLINGS):
        found = _lead_in(before)
        if found is not None:
            return found
    return None


def _lead_in(node: LexborNode) -> LexborNode | None:
    """``node`` or the first of its children named as a lead and holding a lead's prose
    (children only: a deep search of a big header or menu would cost more than it finds).
    A box inside a link is a card linked as a whole (its own text holds no <a>), not a lead;
    a box inside one named like chrome ("promo-box" > "intro") is that box's pitch."""
    if node.tag == "a":
        return None
    if _named_lead(node):
        return node if _reads_as_lead(node) else None
    if class_weight(node) < 0:
        return None
    for probe in islice(node.iter(), LEAD_CHILDREN):
        if _named_lead(probe):
            return probe if _reads_as_lead(probe) else None
    return None


def _named_lead(node: LexborNode) -> bool:
    """Named as a lead, and by nothing that marks boilerplate besides: "promo-teaser" or
    "podcast-teaser" is a pitch for something else, not the article's opening (the lead
    box is kept from pruning, so its other names must not say boilerplate); nor named as
    the lead picture ("lead-image": its caption is no standfirst)."""
    attrs = node.attributes
    if "class" not in attrs and "id" not in attrs:
        return False
    tokens = name_tokens(node)
    if LEAD_WORDS.isdisjoint(tokens) or not MEDIA_WORDS.isdisjoint(tokens):
        return False
    return not boilerplate_names(" ".join(token for token in tokens if token not in LEAD_WORDS))


def _reads_as_lead(node: LexborNode) -> bool:
    """A few sentences of unlinked prose: not a label, a card or a whole section."""
    text = flat_text(node)
    if not LEAD_MIN <= len(text) <= LEAD_MAX or not text.endswith(_SENTENCE_ENDS):
        return False
    return link_density(node, len(text)) <= LEAD_LINKS


def with_lead(lead: LexborNode | None, nodes: list[LexborNode]) -> list[LexborNode]:
    """The body's blocks with the lead first, unless they hold it (or its words) already."""
    if lead is None or not nodes:
        return nodes
    if overlaps(lead, nodes):
        return nodes
    # (an excerpt cut short, "...the town…", is a copy of the opening up to its ellipsis)
    words = flat_text(lead).rstrip(_CUT)
    if any(words in flat_text(node) for node in nodes):
        return nodes  # (the opening repeated as the body's first paragraph)
    return [lead, *nodes]
