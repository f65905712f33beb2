"""The hidden blocks and the hidden paragraphs of a page, from one query.

The hidden-block query (leftovers.HIDDEN_QUERY) spares <p aria-hidden="true">, which
ariahidden.drop_decorations then looked up by a query of its own, and a first query for
any element holding a hiding attribute decided whether to run either:
three walks of the page where one does (-90k instructions of a ScrapingHub page's 19.6M;
+10k on a page with no hiding attribute, where the probe alone was the cheaper walk).
HIDDEN_OR_PARAGRAPHS lists what the two queries list, in document order; the <p> among
them (few) are told apart by their attributes, read as lexbor tests them: a value compared
exactly, a style's words in any ASCII case.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.leftovers import HIDDEN_QUERY
from monitor.tagids import tag_id

_NOT_P = "[aria-hidden=true]:not(p)"  # HIDDEN_QUERY's part that spares the paragraphs
HIDDEN_OR_PARAGRAPHS = HIDDEN_QUERY.replace(_NOT_P, "[aria-hidden=true]", 1)
# the words HIDDEN_QUERY's [style*="..." i] tests look for, as bytes (lexbor folds ASCII only)
_STYLE_WORDS = tuple(word.encode() for word in re.findall(r'\[style\*="([^"]*)" i\]', HIDDEN_QUERY))
_P = tag_id("p")


def split_hidden(found: list[LexborNode]) -> tuple[list[LexborNode], list[LexborNode]]:
    """What HIDDEN_OR_PARAGRAPHS found, as the blocks HIDDEN_QUERY lists (a block it lists
    twice, for two of its parts, may come a third time, next to the others: its readers
    skip a block met again at once) and the <p aria-hidden="true"> (once each)."""
    blocks: list[LexborNode] = []
    paragraphs: list[LexborNode] = []
    for node in found:
        if node.tag_id != _P:
            blocks.append(node)  # ([aria-hidden=true] is [aria-hidden=true]:not(p) here)
            continue
        attrs = node.attributes
        if "hidden" in attrs or hiding_style(attrs.get("style")):
            blocks.append(node)
        if attrs.get("aria-hidden") == "true" and (
                not paragraphs or paragraphs[-1].mem_id != node.mem_id):
            paragraphs.append(node)
    return blocks, paragraphs


def hiding_style(style: str | None) -> bool:
    """Whether a style value holds one of HIDDEN_QUERY's words in any ASCII case."""
    if not style:
        return False
    folded = style.encode().lower()
    return any(word in folded for word in _STYLE_WORDS)
