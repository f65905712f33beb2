"""A photo gallery told in its captions: the slides' <figcaption>s are the story.

Captions are never body elsewhere (prune_region and monitor.captions drop them), so a
gallery page came out with its standfirst alone. When several captions are prose and hold
much of the page's text (SHARE, menus and footer included), each such caption and its
<figure> are unwrapped: their text stays in the page as plain blocks that vote.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.nodefinds import by_tag
from monitor.scoring import text_len

SLIDES = 4  # captions of prose a gallery holds at least
CAPTION_PROSE = 80  # characters of a caption that make it prose, not a label or a credit
SHARE = 0.4  # share of the page's text the captions of prose hold, at least


def unwrap_gallery(root: LexborNode) -> None:
    """Unwrap the captions (and their figures) of a page whose story is its captions."""
    captions = by_tag(root, "figcaption")  # (the page's body: by name, not by a query)
    if len(captions) < SLIDES:
        return
    prose = [caption for caption in captions if text_len(caption) >= CAPTION_PROSE]
    if len(prose) < SLIDES:
        return
    told = sum(text_len(caption) for caption in prose)
    if told < SHARE * text_len(root):  # (a story's own text is in divs as often as in <p>s)
        return
    for caption in prose:
        figure = caption.parent
        caption.unwrap()
        if figure is not None and figure.tag == "figure":
            figure.unwrap()
