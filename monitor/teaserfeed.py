"""A feed of other stories below the article, each teaser an <article> as the story is
("More from ...", "Recommended", an endless list). Without a wrapper whose name marks the
feed, the teasers' paragraphs outvoted the story's and the body took the feed in.

Only once the headline's own <article> holds a story (OWN_PROSE of paragraphs: not a header
box with the body elsewhere), and only teasers: an <article> outside it, short, whose heading
links to another page.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.nodefinds import by_tag, heading_link
from monitor.scoring import ancestry, text_len

OWN_PROSE = 400  # characters of paragraphs in the headline's <article>: the story is there
TEASER_CHARS = 600  # a teaser is a heading and a line or two


def drop_teasers(own: LexborNode, body: LexborNode) -> None:
    """Remove the teaser <article>s outside ``own``, the headline's <article>."""
    around, stories = ancestry(own), by_tag(body, "article")  # (the page's body: by name)
    if all(story.mem_id in around for story in stories):
        return  # (no <article> but the headline's and its holders: no paragraphs to sum)
    if sum(text_len(para) for para in own.css("p")) < OWN_PROSE:
        return
    for story in reversed(stories):
        if story.mem_id in around or own.mem_id in ancestry(story):
            continue
        # (a heading that links to another page, or sits in such a link: an in-page "#..."
        # link is a live entry's anchor)
        if text_len(story) <= TEASER_CHARS and heading_link(story, wrapped=True):
            story.decompose()
