"""Subheadings and lists between the blocks a body is gathered from: the sections' parts.

A page built as a column of boxes (a heading box, then a paragraph box, then another heading
box: FAQ-style explainers, listings, docs) gives the vote its paragraphs, and the body is
gathered from the paragraph boxes; the heading boxes between them hold no paragraph, so each
section's title was lost. A heading (h2-h4) that lies between the first and the last block
in document order comes in when its own box (its highest ancestor holding no other text) is
followed, past empty boxes, by a block or a box holding one, or by a list taken (below):
the title of the section that follows. A heading followed by anything else (a teaser's
excerpt, a sidebar's links) is another box's, and stays out.

A list between the blocks (the goods a story enumerates, a how-to's materials, a review's
pros and cons) holds no paragraph either: it comes in unless it is mostly links (a menu, a
list of other stories, which LIST_LINKS keeps out). So does the line that announces it in a
box of its own just before it ("Exported were above all:"), too short to vote, and the one
before a list the gathering took as a block of its own; a heading followed by that line
opens the list's section.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from selectolax.lexbor import LexborNode

from monitor.docorder import Positions
from monitor.docorder import position as one_position
from monitor.scoring import flat_text, link_density, text_len

HEADING_QUERY = "h2, h3, h4"
LIST_QUERY = "ul, ol"
_LIST_TAGS = frozenset(("ul", "ol"))
LIST_LINKS = 0.3  # linked share of its text above which a list is navigation or teasers
MIN_LIST = 20  # characters: a shorter list is a label or a control
LEAD_IN_MAX = 200  # characters: a longer box before a list is a paragraph, not its lead-in line
_LEAD_IN_ENDS = (":", "：")  # how a line announcing a list ends
_SKIPPED = frozenset(("-text", "-comment", "script", "style"))
MAX_HEADING = 150  # characters: a longer "heading" is a teaser's or a caption's text
MANY = 64  # headings and lists in the blocks' box that make one reading of their positions
# pay (docorder.Positions: linear where position() is quadratic, but dearer for a few)
Position = Callable[[LexborNode], tuple[int, ...]]


def with_headings(nodes: list[LexborNode]) -> list[LexborNode]:
    """The body blocks with the section headings and lists between them, in document order
    (the blocks unchanged, and in their order, when there is none). Blocks given out of
    document order (a lead or an FAQ placed first on purpose) are left as they are: the
    sections would come in sorted, and the placed block with them."""
    if len(nodes) < 2:
        return nodes
    spots = [one_position(node) for node in nodes]
    if any(later <= earlier for earlier, later in pairwise(spots)):
        return nodes
    first, last = spots[0], spots[-1]  # (in document order: checked above)
    depth = _shared(first, last)
    top: LexborNode | None = nodes[0]
    for _ in range(len(spots[0]) - depth):
        top = top.parent if top is not None else None
    if top is None or depth == 0:
        return nodes
    headings, boxes = top.css(HEADING_QUERY), top.css(LIST_QUERY)
    position = Positions() if len(headings) + len(boxes) > MANY else one_position
    lists = _lists(boxes, spots, first, last, position)
    lists += _lead_ins(lists + _listed_blocks(nodes, spots), spots, first, position)
    opened = spots + [spot for spot, _ in lists]  # (a heading may open a list taken, or its lead-in)
    found: list[tuple[tuple[int, ...], LexborNode]] = []
    for heading in headings:
        spot = position(heading)
        if not first < spot < last or any(_within(spot, block) for block in opened):
            continue  # (outside the run, or inside a block or list: its text is in already)
        text = flat_text(heading)
        if text and len(text) <= MAX_HEADING and _opens_block(heading, opened, position):
            found.append((spot, heading))
    found += lists
    if not found:
        return nodes
    return [node for _, node in sorted(
        [*zip(spots, nodes, strict=True), *found], key=lambda pair: pair[0])]


def _lists(boxes: list[LexborNode], spots: list[tuple[int, ...]], first: tuple[int, ...],
           last: tuple[int, ...], position: Position,
           ) -> list[tuple[tuple[int, ...], LexborNode]]:
    """The outermost lists between the first and the last block, outside them and holding
    none of them, that are text more than links."""
    found: list[tuple[tuple[int, ...], LexborNode]] = []
    for box in boxes:
        spot = position(box)
        if not first < spot < last or any(_within(spot, block) for block in spots):
            continue
        if found and _within(spot, found[-1][0]):
            continue  # (a list inside a list taken: the last, as they come in document order)
        if any(_within(block, spot) for block in spots):
            continue  # (a list holding a block: its text would come in twice)
        text = flat_text(box)
        if len(text) >= MIN_LIST and link_density(box) <= LIST_LINKS:
            found.append((spot, box))
    return found


def _listed_blocks(nodes: list[LexborNode], spots: list[tuple[int, ...]]
                   ) -> list[tuple[tuple[int, ...], LexborNode]]:
    """The blocks after the first that are a list and nothing else (a list whose items
    voted, gathered as a block of its own): their lead-in line is as much the text's as a
    list taken between the blocks."""
    found: list[tuple[tuple[int, ...], LexborNode]] = []
    for spot, node in zip(spots[1:], nodes[1:], strict=True):
        listed = node if node.tag in _LIST_TAGS else node.css_first(LIST_QUERY)
        if listed is not None and text_len(listed) == text_len(node):
            found.append((spot, node))
    return found


def _lead_ins(lists: list[tuple[tuple[int, ...], LexborNode]], spots: list[tuple[int, ...]],
              first: tuple[int, ...], position: Position,
              ) -> list[tuple[tuple[int, ...], LexborNode]]:
    """The lead-in line of each list taken: the box right before the list's own box (past
    empty ones), one short unlinked line ending in a colon, outside the blocks, after the
    first of them, and holding no heading or list of its own."""
    found: list[tuple[tuple[int, ...], LexborNode]] = []
    for _, listed in lists:
        before = _beside(listed, before=True)
        if before is None:
            continue
        text = flat_text(before)
        if len(text) > LEAD_IN_MAX or not text.endswith(_LEAD_IN_ENDS):
            continue
        spot = position(before)
        if spot <= first or any(_within(spot, block) or _within(block, spot) for block in spots):
            continue  # (before the body, or in a block: its text is in already)
        if link_density(before) <= LIST_LINKS and \
                before.css_first(f"{HEADING_QUERY}, {LIST_QUERY}") is None:
            found.append((spot, before))
    return found


def _opens_block(heading: LexborNode, spots: list[tuple[int, ...]], position: Position) -> bool:
    """Whether the heading's own box (its highest ancestor holding no other text) is
    followed, past empty boxes, by one of the blocks or a box holding one."""
    after = _beside(heading, before=False)
    if after is None:
        return False
    spot = position(after)
    return any(_within(block, spot) for block in spots)


def _beside(node: LexborNode, before: bool) -> LexborNode | None:
    """What comes right before (or after) ``node``'s own box, its highest ancestor holding
    no other text, past empty boxes and scripts."""
    box = node
    while box.parent is not None and _alone(box):
        box = box.parent
    near = box.prev if before else box.next
    while near is not None and (near.tag in _SKIPPED or not (near.text() or "").strip()):
        near = near.prev if before else near.next
    return near


def _alone(box: LexborNode) -> bool:
    """Whether the box's siblings hold no text (its parent's text is its own): read from the
    box outwards, to the first sibling with text, where the parent's whole text cost the
    size of the page's body box for each heading in it."""
    for step in ("prev", "next"):
        sibling = getattr(box, step)
        while sibling is not None:
            if (sibling.text() or "").strip():
                return False
            sibling = getattr(sibling, step)
    return True


def _within(spot: tuple[int, ...], box: tuple[int, ...]) -> bool:
    """Whether the node at ``spot`` is the one at ``box`` or inside it (positions: paths)."""
    return spot[: len(box)] == box


def _shared(first: tuple[int, ...], last: tuple[int, ...]) -> int:
    """Length of the path prefix the first and the last block share: the depth of all the
    blocks' common ancestor (each in document order between them shares that prefix)."""
    shortest = min(len(first), len(last))
    for index in range(shortest):
        if first[index] != last[index]:
            return index
    return shortest
