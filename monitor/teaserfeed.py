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
    if not _holds_prose(own):
        return
    above: dict[int | None, tuple[bool, bool]] = {}  # (the teasers of a feed share a parent)
    for story in reversed(stories):
        if not _beside(story, own.mem_id, around):
            continue
        # (a heading that links to another page, or sits in such a link: an in-page "#..."
        # link is a live entry's anchor)
        if text_len(story) <= TEASER_CHARS and heading_link(story, wrapped=True, above=above):
            story.decompose()


def _holds_prose(own: LexborNode) -> bool:
    """Whether ``own``'s paragraphs hold OWN_PROSE characters (read until they do)."""
    total = 0
    for para in own.css("p"):
        total += text_len(para)
        if total >= OWN_PROSE:
            return True
    return False


def _beside(story: LexborNode, own: int, around: set[int]) -> bool:
    """Whether a story is neither the headline's <article> (mem_id ``own``), nor one of
    its holders (``around``: their mem_ids), nor inside it: the first of its ancestors
    that holds ``own`` too is not ``own`` itself (a walk up to there, not to the root)."""
    if story.mem_id in around:
        return False
    probe = story.parent
    while probe is not None:
        found = probe.mem_id
        if found in around:
            return found != own
        probe = probe.parent
    return True
