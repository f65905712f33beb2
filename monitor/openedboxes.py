"""Boxes their first block opens that are no body: a list label's teaser feed
(monitor.labelledfeeds) and a paywall's pitch (monitor.paywallbox), removed before the vote.

One walk over the blocks that may open a box serves both; a block after another in its
parent opens none, so the query asks for first children only (lexbor's :first-child skips
text and comments as placement.sibling does) and reads no other block's text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.labelledfeeds import feed_box
from monitor.paywallbox import pitch_box

OPENERS = "h2:first-child, h3:first-child, h4:first-child, p:first-child"


def drop_opened_boxes(root: LexborNode) -> None:
    """Remove the teaser feeds and paywall pitches that their first block opens."""
    for block in root.css(OPENERS):
        text = block.text_lexbor().strip()  # (text() of an element, a third cheaper)
        box = feed_box(block, text) or pitch_box(block, text)
        if box is not None:
            box.decompose()
