"""Boxes their first block opens that are no body: a list label's teaser feed
(monitor.labelledfeeds) and a paywall's pitch (monitor.paywallbox), removed before the vote.

One walk over the blocks that may open a box serves both; a block after another in its
parent opens none, and that is read before its text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.labelledfeeds import feed_box
from monitor.paywallbox import pitch_box
from monitor.placement import sibling

OPENERS = "h2, h3, h4, p"


def drop_opened_boxes(root: LexborNode) -> None:
    """Remove the teaser feeds and paywall pitches that their first block opens."""
    for block in root.css(OPENERS):
        if sibling(block, before=True) is not None:
            continue
        text = (block.text() or "").strip()
        box = feed_box(block, text) or pitch_box(block, text)
        if box is not None:
            box.decompose()
