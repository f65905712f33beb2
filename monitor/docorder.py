"""Document order of a few chosen blocks, for laying them out as the page does.

A candidate's rank is the order of its first vote, and the vote reads paragraphs before
list items, inline spans and text boxes: a box of <p>s below an article written as bare
text in <div>s ranked ahead of it, and the blocks came out shuffled (the article's second
half after a "related" heading that ends the body). The path of sibling indexes from the
root sorts any nodes of one tree in document order.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode


def position(node: LexborNode) -> tuple[int, ...]:
    """The node's sibling index at each level from the root down: tuples compare in
    document order. (It walks the previous siblings of each ancestor: fine for the
    handful of blocks a body is gathered from, not for a whole page.)"""
    path: list[int] = []
    probe: LexborNode | None = node
    while probe is not None:
        index = 0
        sibling = probe.prev
        while sibling is not None:
            index += 1
            sibling = sibling.prev
        path.append(index)
        probe = probe.parent
    return tuple(reversed(path))
