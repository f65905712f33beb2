"""From the nodes a reading chose to clean body lines, and the user's selectors applied to a
page: the steps every reading of a page (extract and its fallbacks) ends with."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import inlinecards
from monitor import selectors as sel
from monitor.blockmarks import mark_blocks
from monitor.clean import carry_links, clean_lines
from monitor.markers import PARA
from monitor.scoring import deep_text


def select_nodes(root: LexborNode, selector: str) -> list[LexborNode]:
    """Nodes for a user-written selector; an invalid selector selects nothing."""
    try:
        return list(root.css(selector))
    except Exception:
        return []


def drop_selected(root: LexborNode, selectors: tuple[str, ...]) -> None:
    """Remove what a source's ``drop`` selectors name (innermost first, so nodes stay valid)."""
    for selector in selectors:
        for node in reversed(select_nodes(root, selector)):
            node.decompose()


def raw_lines(nodes: list[LexborNode]) -> list[str]:
    """Text of the nodes split at block boundaries (link markers kept for later filters)."""
    parts: list[str] = []
    for node in nodes:
        inlinecards.remove_cards(node)
        mark_blocks(node)
        text = deep_text(node)
        parts.append(text if node.tag != "br" else PARA)
        parts.append(PARA)
    return carry_links("".join(parts)).split(PARA)


def body_lines_of(nodes: list[LexborNode], title: str, credits: list[str] | None = None
                  ) -> list[str]:
    """The chosen nodes' text as clean body lines (``credits``, when given, receives the last
    raw lines, for the byline)."""
    raw = raw_lines(nodes)
    if credits is not None:
        credits.extend(line for line in raw[-60:] if line and not line.isspace())
    return clean_lines(
        raw, title, sel.BOILERPLATE_LINE, sel.META_LINE, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END,
        sel.LIST_LABEL,
    )
