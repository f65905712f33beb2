"""Subheadings whose id is an anchor of their own text: a table of contents' targets.

Tables of contents give every heading such an id ("best-time-to-visit"); its words ("time",
"top", "social") name the section, not a boilerplate block, so pruning by class and id
names spares such a heading.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import selectors as sel

SLUG_SHARE = 0.8  # share of an id's words found in its heading's text for the id to be its anchor
SLUG_WORDS = 2  # words (two letters or more) an id needs before it can count as a slug
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def anchor_id(node: LexborNode) -> bool:
    """Whether a subheading's id is an anchor slug of its own text."""
    if node.tag not in _HEADINGS:
        return False
    ident = node.attributes.get("id")
    if not ident:
        return False
    words = [w for w in sel.NAME_TOKENS.split(ident.lower()) if len(w) > 1]
    if len(words) < SLUG_WORDS:
        return False
    text = set(sel.NAME_TOKENS.split((node.text() or "").lower()))
    return sum(1 for w in words if w in text) >= SLUG_SHARE * len(words)
