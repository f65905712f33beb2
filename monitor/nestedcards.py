"""Other stories set as small <article>s inside the story: a "read also" card between its
paragraphs, a row of related headlines under it.

Modern front ends build every teaser as an <article> of its own, and set one inside the
story's box when an editor links a related piece (a kicker and headline, a one-line
summary, the card's one link either around the headline or stretched over the card as an
empty <a>). The story's own <article> holds them, so they pass every test made for boxes
outside it; nested_in and storycards look for a link around a headline or a box, which a
card whose link is empty or sits inside the heading is not.

A card is an <article> inside a body node, of at most CARD_CHARS characters and one
paragraph, with a heading and a link to another page that is either the heading's or holds
no text (a stretched link); its links to other pages all go to that one page (an entry's
row of share icons, empty links too, goes to several). A live blog's entries are <article>s
too, but longer, or headed by their time, and their links are anchors in the page
("#post-12"), never another page; an <article> holding others is a feed, not a card. Cards
go only where the node keeps OWN_PROSE characters of its own besides them: a listing of
cards is no story to clean.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.placement import nested_in
from monitor.scoring import flat_text, text_len

CARD_CHARS = 320  # characters of a card: a kicker, a headline and a one-line summary
CARD_PARAGRAPHS = 1  # paragraphs of a card: its summary (two are a boxed section's text)
OWN_PROSE = 400  # characters a node keeps besides its cards: it holds a story of its own
HEADINGS = "h2, h3, h4, h5, h6"


def _other_page(href: str) -> bool:
    """Whether a link points at another page (not an anchor of this one, nor a script)."""
    return bool(href) and "#" not in href and not href.startswith(("javascript:", "mailto:"))


def _card(article: LexborNode) -> bool:
    """Whether an inner <article> reads as the card of another story (see the module)."""
    if text_len(article) > CARD_CHARS or len(article.css("article")) > 1 \
            or len(article.css("p")) > CARD_PARAGRAPHS:
        return False  # (a query from a node matches the node itself)
    heading = article.css_first(HEADINGS)
    if heading is None:
        return False
    links = [(link, href) for link in article.css("a[href]")
             if _other_page(href := (link.attributes.get("href") or "").strip())]
    if len({href for _, href in links}) > 1:
        return False  # (a card names one story; a row of share icons goes to several pages)
    # a stretched link (no text: the whole card is its target), or the heading's
    return any(not (link.text() or "").strip() or nested_in(link, (heading.mem_id,))
               for link, _ in links)


def drop_nested_cards(nodes: list[LexborNode]) -> None:
    """Remove the story cards set as <article>s inside each node (when it keeps its own
    prose)."""
    for node in nodes:
        if node.tag == "-text":
            continue
        cards = [inner for inner in node.css("article")
                 if inner.mem_id != node.mem_id and _card(inner)]
        if not cards:
            continue
        # (a card holds no <article>, so no card is inside another)
        # (flat: a pretty-printed listing's indentation between its cards is no prose)
        if len(flat_text(node)) - sum(len(flat_text(card)) for card in cards) < OWN_PROSE:
            continue
        for card in cards:
            card.decompose()

