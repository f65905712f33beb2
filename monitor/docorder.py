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


class Positions:
    """position() for many nodes of one tree (every heading and list of a page's body box):
    each parent's children are counted once, and each node's path is its parent's (kept)
    and its index, where position() walks the previous siblings of every ancestor again
    (quadratic in a box of thousands of siblings)."""

    def __init__(self) -> None:
        self._index: dict[int, int] = {}  # a node's mem_id -> its sibling index
        self._spots: dict[int, tuple[int, ...]] = {}  # a node's mem_id -> its position

    def __call__(self, node: LexborNode) -> tuple[int, ...]:
        chain: list[LexborNode] = []  # the node and its ancestors up to the first one read
        probe: LexborNode | None = node
        spot: tuple[int, ...] = ()
        while probe is not None:
            known = self._spots.get(probe.mem_id)
            if known is not None:
                spot = known
                break
            chain.append(probe)
            probe = probe.parent
        for link in reversed(chain):
            index = self._index.get(link.mem_id)
            spot = (*spot, self._count(link) if index is None else index)
            self._spots[link.mem_id] = spot
        return spot

    def _count(self, node: LexborNode) -> int:
        """The node's sibling index, its siblings' recorded on the way."""
        first = node
        while first.prev is not None:
            first = first.prev
        index = 0
        sibling: LexborNode | None = first
        while sibling is not None:
            self._index[sibling.mem_id] = index
            index += 1
            sibling = sibling.next
        return self._index[node.mem_id]
