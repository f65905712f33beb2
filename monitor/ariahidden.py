"""Paragraphs hidden from screen readers that are no text of their own.

The hidden-block selectors spare <p aria-hidden="true">: pages set a paragraph twice, a
visual copy hidden from screen readers beside a visually hidden copy for them, and the text
must stay once. Two kinds are no such copy. A short hidden paragraph is an ornament: a "•••"
section break, a drop-cap letter, an icon's caption. A pull quote repeats part of a longer
paragraph of the story, and is hidden so screen readers do not read it twice.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.scoring import flat_text

DECORATION_CHARS = 20  # characters: a divider, a drop cap or an icon label; a copied paragraph runs longer
_HIDDEN = 'p[aria-hidden="true"]'
_TRIM = "\"'“”‘’«»„‚ .,;:…-–—"  # quote marks and punctuation a pull quote adds or drops


def drop_decorations(root: LexborNode, hidden: list[LexborNode]) -> None:
    """Remove the hidden paragraphs below ``root`` that are ornaments or pull quotes;
    ``hidden``: what root.css(_HIDDEN) finds (monitor.hiddensplit lists them with the hidden
    blocks, in one query)."""
    if not hidden:
        return
    texts: list[str] | None = None
    for para in hidden:
        own = _plain(para)
        if len(own) < DECORATION_CHARS:
            para.decompose()
            continue
        if texts is None:  # (read the page's paragraphs once, for the pages that need them)
            texts = [_plain(p) for p in root.css("p") if p.attributes.get("aria-hidden") != "true"]
        if any(len(text) > len(own) and own in text for text in texts):
            para.decompose()  # a pull quote: part of a longer paragraph, said again


def _plain(node: LexborNode) -> str:
    """The node's text, spaces collapsed, without the quote marks around it."""
    return flat_text(node).strip(_TRIM)
