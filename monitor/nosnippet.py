"""Blocks a publisher keeps out of search snippets: never the article's text.

``data-nosnippet`` tells search engines which parts of a page not to quote: publishers put
it on sign-up pitches, notices, code widgets and the like. On the dev pages no such block
held reference text. A block that holds most of a body's text is kept all the same (a
paywalled site may mark its whole article), and so is an inline element inside a sentence.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.dom import text_len, unlink
from monitor.placement import in_sentence

QUERY = "[data-nosnippet]"
MOST = 0.5  # share of a body's text above which a marked block is the article itself


def drop_nosnippet(nodes: list[LexborNode]) -> None:
    """Unlink the snippet-excluded blocks inside the chosen body containers."""
    for node in nodes:
        marked = node.css(QUERY) if "data-nosnippet" not in node.attributes else []
        if not marked:
            continue
        most = MOST * max(text_len(node), 1)
        for block in reversed(marked):
            if block.parent is not None and not in_sentence(block) and text_len(block) <= most:
                unlink(block)
