"""Decorative paragraphs hidden from screen readers.

The hidden-block selectors spare <p aria-hidden="true">: pages set a paragraph twice, a
visual copy hidden from screen readers beside a visually hidden copy for them, and the text
must stay once. A short hidden paragraph is no such copy but an ornament: a "•••" section
break, a drop-cap letter, an icon's caption. Those would stand as stray lines of the body.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

DECORATION_CHARS = 20  # characters: a divider, a drop cap or an icon label; a copied paragraph runs longer


def drop_decorations(root: LexborNode) -> None:
    """Remove the short paragraphs below ``root`` that are hidden from screen readers."""
    for para in root.css('p[aria-hidden="true"]'):
        if len((para.text() or "").strip()) < DECORATION_CHARS:
            para.decompose()
