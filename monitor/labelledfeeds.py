"""A box of teasers under a label ("Read more", "More from News", "Recommended for you") on
a page whose front end names nothing (hashed classes: "css-x9x9", "sc-abc123"): the class
words that mark such a box elsewhere are absent, and the teasers' summaries outvoted the
story, each of whose paragraphs sits in boxes of its own.

The box is the label's parent, opened by the label and holding CARDS or more blocks that
each link elsewhere (straight, or in one wrapper); never the page's or the headline's box.
(monitor.openedboxes walks the blocks that open a box.)
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.nodefinds import links_out
from monitor.placement import PAGE_LEVEL
from monitor.tagids import LINK_ID

CARDS = 3  # teasers a feed holds at least
LABEL_CHARS = 40  # a label is short


def feed_box(heading: LexborNode, text: str) -> LexborNode | None:
    """The teaser box a heading (the first block of its parent, its text ``text``) opens
    as a list label, if it is one."""
    if heading.tag == "p" or len(text) > LABEL_CHARS or sel.LIST_LABEL.match(text) is None:
        return None
    box = heading.parent
    if box is None or box.tag in PAGE_LEVEL or box.css_first("h1") is not None:
        return None
    return box if _cards(_children(box)[1:]) >= CARDS else None


def _children(node: LexborNode) -> list[LexborNode]:
    """The element children (iter() gives the comments between them too)."""
    return [child for child in node.iter() if child.is_element_node]


def _cards(blocks: list[LexborNode]) -> int:
    """Blocks that each link elsewhere (the blocks of a lone wrapper when there is one)."""
    if len(blocks) == 1:
        blocks = _children(blocks[0])
    linked = [block for block in blocks if block.tag == "a" or _links_out(block)]
    return len(linked) if len(linked) == len(blocks) else 0


def _links_out(block: LexborNode) -> bool:
    """Whether a block holds a link elsewhere: css_first("a[href]:not([href^='#'])"), by a
    walk of a teaser's few elements (a query per block cost more)."""
    return any(inner.tag_id == LINK_ID and links_out(inner) for inner in block.traverse())
