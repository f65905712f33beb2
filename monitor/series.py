"""Blocks that pruning would cut by their names but that are the body: a series.

A slideshow's slides or a guide's steps are each named like a widget ("slide", "gallery-
item"); pruned one by one, the article goes with them. When the blocks a region would lose
hold most of its text, a same-class series of distinct prose blocks among them stays.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.placement import nested_in
from monitor.scoring import PROSE_LINKS, link_density

PRUNE_MOST = 0.75  # share of the region's text whose removal means the names misled us
SERIES = 3  # same-class blocks that make a series (slides, steps, sections) of the body
SERIES_TEXT = 120  # characters per block, on average, for a series to be prose
_NOT_SLIDES = ("figure", "figcaption", "picture", "form")  # captions and forms, never slides


def spare_series(victims: list[tuple[LexborNode, int]], total: int) -> list[LexborNode]:
    """The victims, less a same-class series of prose blocks when together they hold most of
    the region: the body of a slideshow or a step-by-step page, each block named like a
    widget. (Captions, cards and repeated teasers are no such series.)"""
    if not cuts_most(victims, total):
        return [node for node, _ in victims]
    series: dict[str, list[tuple[LexborNode, int]]] = {}
    for node, length in victims:
        names = (node.attributes.get("class") or "").split()
        if names and node.tag not in _NOT_SLIDES:
            # by the first class: the rest may vary per block ("slide n", its own URL)
            series.setdefault(f"{node.tag}.{names[0]}", []).append((node, length))
    spared: set[int] = set()
    for members in series.values():
        if len(members) >= SERIES and _prose_series(members):
            spared.update(node.mem_id for node, _ in members)
    return [node for node, _ in victims if node.mem_id not in spared]


def cuts_most(victims: list[tuple[LexborNode, int]], total: int) -> bool:
    """Whether the victims hold PRUNE_MOST of the region's ``total`` characters (nested
    victims counted once): only then may a series among them be spared. It depends on the
    outermost victims alone, the ones a block nested in another cannot change."""
    return sum(length for _, length in victims) >= PRUNE_MOST * total and \
        _outer_chars(victims) >= PRUNE_MOST * total


def _outer_chars(victims: list[tuple[LexborNode, int]]) -> int:
    """Characters the victims hold, each counted once (a widget inside a sidebar, both
    victims, is the sidebar's text)."""
    ids = {node.mem_id for node, _ in victims}
    return sum(length for node, length in victims if not nested_in(node, ids))


def _prose_series(members: list[tuple[LexborNode, int]]) -> bool:
    """Distinct blocks of prose with few links: slides or steps, not repeated cards."""
    texts = {(node.text() or "").strip() for node, _ in members}
    chars = sum(length for _, length in members)
    return (len(texts) == len(members) and chars >= SERIES_TEXT * len(members)
            and all(link_density(node, length) < PROSE_LINKS for node, length in members))
