"""Hover cards planted inside a sentence: an inline box of links and a picture.

Some sites put a person's card (portrait, full name, links to their latest stories, "MORE")
into a <span> right after the name's link in the text, shown only on hover. Its words then
run into the sentence ("Gov. Kristi NoemKristi Lynn NoemSouth Dakota governor doubles ...").
A span inside a paragraph that holds a picture and at least CARD_LINKS links, and hardly
any text outside them, is such a card; the name's own link before it stays.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.placement import nested_in
from monitor.scoring import link_density, text_len

CARD_LINKS = 3  # links in a span beside a picture that make it a card (a name and its stories)
CARD_DENSITY = 0.9  # linked share of the span's text: a card holds links, not words of the text


def _card(span: LexborNode) -> bool:
    if len(span.css("a")) < CARD_LINKS:
        return False
    length = text_len(span)
    return length > 0 and link_density(span, length) >= CARD_DENSITY


def remove_cards(root: LexborNode) -> None:
    """Remove the innermost card span around each picture inside a paragraph."""
    cards: dict[int, LexborNode] = {}
    for img in root.css("p img"):
        probe = img.parent
        while probe is not None and probe.tag != "p":
            if probe.tag == "span" and _card(probe):
                cards.setdefault(probe.mem_id, probe)
                break
            probe = probe.parent
    for card in cards.values():
        if not nested_in(card, cards.keys()):
            card.decompose()
