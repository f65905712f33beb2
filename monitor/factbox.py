"""Fact boxes and info boxes set into an article: the publisher's aside, not its prose.

A box named "factbox" or "infobox" (a fact file beside a story, a transcript, a timeline,
a "what to know" list of links, a financial disclaimer) sits inside the article's
container, and its paragraphs would pass for more text. It goes even when longer than the
story (a speech's transcript under a report on it), but not when it holds nearly all of
the container's text (MOST): then the page set its article itself in such a box.
"""

from __future__ import annotations

from itertools import pairwise

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.dom import text_len, unlink

WORDS = frozenset(("factbox", "infobox", "faktenbox", "infokasten"))
PAIRS = frozenset(("fact-box", "info-box", "facts-box"))
MOST = 0.8  # share of a container's text above which a box is the article itself
QUERY = ", ".join(f'[class*="{word}" i]' for word in (*WORDS, *PAIRS))


def fact_box(names: str) -> bool:
    """Whether class names name a fact box: one of WORDS as a word, or a PAIRS word pair."""
    tokens = [token for token in sel.NAME_TOKENS.split(names.lower()) if token]
    return any(token in WORDS for token in tokens) or any(
        f"{a}-{b}" in PAIRS for a, b in pairwise(tokens))


def drop_fact_boxes(nodes: list[LexborNode]) -> list[LexborNode]:
    """The chosen body containers without the fact boxes in them, or among them (the vote
    can gather a box's own content block as one of the body's parts)."""
    total = sum(text_len(node) for node in nodes)
    kept = [node for node in nodes if not (
        len(nodes) > 1 and _named_box(node) and text_len(node) <= MOST * total)]
    for node in kept:
        boxes = node.css(QUERY)
        if not boxes:
            continue
        most = MOST * max(text_len(node), 1)
        for box in reversed(boxes):
            if box.parent is not None and fact_box(box.attributes.get("class") or "") \
                    and text_len(box) <= most:
                unlink(box)
    return kept


def _named_box(node: LexborNode) -> bool:
    """Whether a gathered part is a fact box, or the content block right inside one."""
    parent = node.parent
    return fact_box(node.attributes.get("class") or "") or (
        parent is not None and fact_box(parent.attributes.get("class") or ""))
