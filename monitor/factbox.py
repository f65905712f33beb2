"""Long fact boxes and link boxes set into an article: the publisher's aside, not its prose.

A box named "factbox" or "infobox" sits inside the article's container, and its paragraphs
pass for more text. A short one states the story's key facts (an event's place and time, an
election's dates): those stay, as the reviewed pages want. A long one (LONG_BOX) is a text
of its own (a speech's transcript under the report on it, a book list, a disclaimer), and a
box of links (LINKED) points elsewhere ("What to know: ..."): those go, even when longer
than the story, but not when one holds nearly all of the container's text (MOST): then the
page set its article itself in such a box.
"""

from __future__ import annotations

from itertools import pairwise

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.caseless import ascii_fold
from monitor.dom import text_len
from monitor.scoring import link_density
from monitor.sweep import unlink_inside

WORDS = frozenset(("factbox", "infobox", "faktenbox", "infokasten"))
PAIRS = frozenset(("fact-box", "info-box", "facts-box"))
NAMED = (*WORDS, *PAIRS)  # what a class holds (ASCII letters in either case) to be looked at
# each of NAMED holds one of these: two selectors find a superset of the seven, at 2/7 of the
# cost ([class*=... i] tests every element's class), and _named_aside tests NAMED itself
STEMS = ("box", "kasten")
QUERY = ", ".join(f'[class*="{stem}" i]' for stem in STEMS)
MOST = 0.8  # share of a container's text above which a box is the article itself
LONG_BOX = 600  # characters above which a fact box is a text of its own
LINKED = 0.5  # linked share of a box's text above which it is a box of links


def fact_box(names: str) -> bool:
    """Whether class names name a fact box: one of WORDS as a word, or a PAIRS word pair."""
    tokens = [token for token in sel.NAME_TOKENS.split(names.lower()) if token]
    return any(token in WORDS for token in tokens) or any(
        f"{a}-{b}" in PAIRS for a, b in pairwise(tokens))


def drop_fact_boxes(nodes: list[LexborNode]) -> list[LexborNode]:
    """The chosen body containers without the long or linked fact boxes in them, or among
    them (the vote can gather a box's own content block as one of the body's parts)."""
    total = sum(text_len(node) for node in nodes)
    kept = [node for node in nodes if not (
        len(nodes) > 1 and _named_box(node) and _aside(node, MOST * total))]
    unlink_inside(kept, QUERY, MOST, _named_aside)
    return kept


def _named_aside(box: LexborNode, most: float) -> bool:
    """Whether a match of QUERY is a fact box by its class names, and long or linked."""
    names = box.attributes.get("class") or ""
    return _holds_named(names) and fact_box(names) and _aside(box, most)


def _holds_named(names: str) -> bool:
    """Whether class names hold one of NAMED as [class*="..." i] does: ASCII letters in
    either case, no other (str.lower() folds some beyond ASCII to ASCII letters)."""
    folded = ascii_fold(names)
    return any(word in folded for word in NAMED)


def _aside(box: LexborNode, most: float) -> bool:
    """Whether a fact box is long or linked, and no more than ``most`` characters."""
    length = text_len(box)
    return length <= most and (length > LONG_BOX or link_density(box, length) > LINKED)


def _named_box(node: LexborNode) -> bool:
    """Whether a gathered part is a fact box, or the content block right inside one."""
    parent = node.parent
    return fact_box(node.attributes.get("class") or "") or (
        parent is not None and fact_box(parent.attributes.get("class") or ""))
