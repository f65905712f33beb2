"""Image captions left in the body after pruning: one sweep over the chosen containers.

Captions (<figcaption>, an image's <figure>) are never body, and prune_region drops them in
the region it prunes. A protected path can run through a caption's box (a page builder's
image block that a widened body holds), and the caption stayed: a blog of photo captions
came out with each caption as a paragraph. The sweep drops what prune_region would, apart
from a caption that holds most of a container's text (a photo essay's only words) and a
<figure> with paragraphs of its own, outside its caption: a page builder that uses the tag
as its every box (its text is the article's).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.dom import is_boilerplate, text_len
from monitor.sweep import unlink_inside

QUERY = "figcaption, figure"
MOST = 0.5  # share of a container's text above which a caption is what the page says


def drop_captions(nodes: list[LexborNode]) -> None:
    """Unlink the captions and image figures inside the chosen body containers."""
    unlink_inside(nodes, QUERY, MOST, _caption)


def _caption(node: LexborNode, most: float) -> bool:
    """Whether a match is a caption or an image figure, of no more than ``most`` characters
    and, for a <figure>, with no paragraphs of its own."""
    tag = node.tag
    return is_boilerplate(node, tag) and text_len(node) <= most \
        and not (tag == "figure" and _text_box(node))


def _text_box(figure: LexborNode) -> bool:
    """Whether a <figure> holds paragraphs outside its caption."""
    paragraphs = len(figure.css("p"))
    return paragraphs > 0 and paragraphs > len(figure.css("figcaption p"))
