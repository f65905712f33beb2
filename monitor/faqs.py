"""The questions and answers printed below an article ("FAQ"): a part of its text.

Guides and explainers close with a block of frequently asked questions, built as a section
of its own (often an accordion) beside the container the vote picks; its answers are too
short to vote it in, and a reference keeps it as the article's last section. It is looked
for only among the blocks that follow the winner or one of its near ancestors, and only a
block named as such ("faq-sec", "blog-faq") or titled so (its first element the heading
"FAQ") that holds mostly unlinked text counts: not one named as chrome too ("faq-promo"),
nor one widget among others in a column beside the body.
"""

from __future__ import annotations

import re
from itertools import islice

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.dom import boilerplate_names
from monitor.placement import overlaps, siblings
from monitor.scoring import flat_text, link_density, node_names, text_len

FAQ_LEVELS = 3  # levels above the winner whose following siblings may hold the FAQ
FAQ_SIBLINGS = 6  # elements after each of those levels looked at (a call to action, a form...)
FAQ_CHILDREN = 8  # children of such an element looked at (a widget's box, not a list's items)
FAQ_MIN = 150  # characters: shorter is a "FAQ" link or a heading, not questions and answers
FAQ_ALONE = 0.6  # share of the block after the body a FAQ among its children holds, at least
FAQ_LINKS = 0.3  # linked share above which the block is a list of links to FAQ pages
_FAQ = "faq"  # the class/id word (faq, faqs, faqsection)
_STOP_TAGS = frozenset(("body", "html", "main"))
_TITLE_TAGS = frozenset(("h2", "h3", "h4"))
# an FAQ's title, the whole heading ("FAQs", "Frequently Asked Questions (FAQ)")
_FAQ_TITLE = re.compile(r"(?:faqs?|frequently\s+asked\s+questions)(?:\s*\(faqs?\))?\s*:?$", re.I)


def find_faq(best: LexborNode) -> LexborNode | None:
    """The FAQ block just after the winner or one of its near ancestors, if any."""
    probe = best
    for _ in range(FAQ_LEVELS):
        if probe.tag in _STOP_TAGS or probe.parent is None:
            return None
        for after in siblings(probe, before=False, limit=FAQ_SIBLINGS):
            found = next((n for n in (after, *islice(after.iter(), FAQ_CHILDREN))
                          if _named_faq(n)), None)
            if found is not None:  # (the block, or one of its children: a widget's box)
                return found if _article_faq(found, after) else None
        probe = probe.parent
    return None


def _named_faq(node: LexborNode) -> bool:
    """Named as an FAQ ("faq-sec"), or titled as one: its first element a heading that reads
    "FAQ" or "Frequently asked questions" (a builder's unnamed section under that title)."""
    names = node_names(node).lower()
    if _FAQ in names and any(t.startswith(_FAQ) for t in sel.NAME_TOKENS.split(names)):
        return True
    first = next(node.iter(), None)
    return first is not None and first.tag in _TITLE_TAGS and \
        _FAQ_TITLE.match(flat_text(first)) is not None


def _article_faq(found: LexborNode, after: LexborNode) -> bool:
    """The block reads as questions and answers, stands alone in the block after the body
    that holds it, and is not named as chrome: a "faq-promo" after a story (a box that sells
    the site's guide with one of its questions) is the promo's, not the article's."""
    return (_reads_as_faq(found) and _alone(found, after)
            and not boilerplate_names(node_names(found)))


def _alone(found: LexborNode, after: LexborNode) -> bool:
    """The FAQ is all but the whole of the block after the body that holds it: a widget's box
    wraps the FAQ alone, while a column of widgets beside the body (a sidebar: the site's
    election FAQ, its most read, its contacts) is no part of the article."""
    return found.mem_id == after.mem_id or text_len(found) >= FAQ_ALONE * text_len(after)


def _reads_as_faq(node: LexborNode) -> bool:
    length = text_len(node)
    return length >= FAQ_MIN and link_density(node, length) <= FAQ_LINKS


def with_faq(faq: LexborNode | None, nodes: list[LexborNode]) -> list[LexborNode]:
    """The body's blocks with the FAQ last, unless they hold it already (or it holds them)."""
    if faq is None or not nodes:
        return nodes
    if overlaps(faq, nodes):
        return nodes
    return [*nodes, faq]
