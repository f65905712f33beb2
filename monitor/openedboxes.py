"""Boxes their first block opens that are no body: a list label's teaser feed
(monitor.labelledfeeds) and a paywall's pitch (monitor.paywallbox), removed before the vote.

One pass over the blocks that may open a box serves both; a block after another in its
parent opens none, so only first children are read (nodefinds.first_children, by tag name)
and no other block's text. A box's tests read only its own subtree, where no other box
found is (its opener is its first element), so all are tested before any goes; one inside
another goes with it.
"""

from __future__ import annotations

from collections.abc import Mapping

from selectolax.lexbor import LexborNode

from monitor.labelledfeeds import feed_box
from monitor.nodefinds import first_children
from monitor.paywallbox import pitch_box
from monitor.placement import nested_in

OPENERS = ("h2", "h3", "h4", "p")


def drop_opened_boxes(root: LexborNode, found: Mapping[str, list[LexborNode]] | None = None) -> None:
    """Remove the teaser feeds and paywall pitches that their first block opens; ``found``:
    see nodefinds.first_children."""
    boxes = []
    for block in first_children(root, OPENERS, found):
        text = block.text_lexbor().strip()  # (text() of an element, a third cheaper)
        box = feed_box(block, text) or pitch_box(block, text)
        if box is not None:
            boxes.append(box)
    ids = {box.mem_id for box in boxes}
    for box in boxes:
        if not nested_in(box, ids):
            box.decompose()
