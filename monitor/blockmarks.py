"""Block and link markers put into a body's tree, so that one text() call renders it as
lines that keep paragraphs, headings, list items and links apart (extract's rendering
step; clean.py reads the markers back)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import dom
from monitor.markers import HEADING, LINK_CLOSE, LINK_OPEN, LIST_ITEM, NAMED_OPEN, PARA
from monitor.nodefinds import link_target
from monitor.placement import enclosing
from monitor.tagids import LINK_ID, tag_id, tag_ids

TOC_LEVELS = 3  # levels above an in-page link searched for its list item
_HEADING_IDS = tag_ids(("h2", "h3", "h4"))
_ITEM_IDS = tag_ids(("li", "td", "th"))
_BR_ID = tag_id("br")
# the markers as the UTF-8 text nodes selectolax makes of them (a str is encoded anew at
# each insertion: thousands a page)
_PARA = PARA.encode()
_HEADING_MARKS = (PARA + HEADING).encode()
_ITEM_MARKS = (PARA + LIST_ITEM).encode()
_OPEN, _NAMED, _CLOSE = LINK_OPEN.encode(), NAMED_OPEN.encode(), LINK_CLOSE.encode()


def mark_blocks(node: LexborNode) -> None:
    """Put paragraph, heading, item (list item, table cell) and link markers into the tree so
    one text() call keeps the structure. (A block's markers before it go in as one text
    node, its tag read once: each insertion and each read costs a call into selectolax.)"""
    blocks, links = blocks_and_links(node)
    targets = [link_target(link) for link in links]  # (read once for both uses)
    contents = toc_items(links, targets)
    for block in blocks:
        tag = block.tag_id  # (lexbor's number: .tag builds a str on each read)
        if tag in _HEADING_IDS:
            block.insert_before(_HEADING_MARKS)
        elif tag in _ITEM_IDS and block.mem_id not in contents:
            block.insert_before(_ITEM_MARKS)
        else:
            block.insert_before(_PARA)
        if tag != _BR_ID:
            block.insert_after(_PARA)
    for link, target in zip(links, targets, strict=True):  # (an svg xlink:href link is one)
        link.insert_before(_OPEN if target is not None else _NAMED)
        link.insert_after(_CLOSE)


def blocks_and_links(node: LexborNode) -> tuple[list[LexborNode], list[LexborNode]]:
    """block_elements(node) and node.css("a") (the node itself among them, as both count
    it), from one walk: the markers put in are text, so neither list changes meanwhile."""
    ids = dom.BLOCK_IDS
    blocks: list[LexborNode] = []
    links: list[LexborNode] = []
    for found in node.traverse():
        tag = found.tag_id
        if tag in ids:
            blocks.append(found)
        elif tag == LINK_ID:
            links.append(found)
    return blocks, links


def block_elements(node: LexborNode) -> list[LexborNode]:
    """The block elements at and under a node in document order, as css(BLOCK_SELECTOR)
    finds them: one walk with a set test per element costs about half of a query that tries
    its 35 tag selectors on every element (the walk tests tag ids: see monitor.tagids).
    mark_blocks takes the blocks from blocks_and_links' walk instead; this plain form is
    what the tests check that walk against."""
    ids = dom.BLOCK_IDS  # (a local: looked up once, not per element)
    return [found for found in node.traverse() if found.tag_id in ids]


def toc_items(links: list[LexborNode], targets: list[str | None] | None = None) -> set[int]:
    """mem_ids of list items that link within the page (of these links, the ones
    css('a[href^="#"]') finds): a table of contents, whose links are no part of the text
    the way a list of named tools or sources is. ``targets``: the links' link_target()."""
    if targets is None:
        targets = [link_target(link) for link in links]
    items = (enclosing(link, "li", TOC_LEVELS) for link, target in zip(links, targets, strict=True)
             if (target or "").startswith("#"))
    return {item.mem_id for item in items if item is not None}
