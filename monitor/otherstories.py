"""The other full stories a page renders below its own (infinite scroll), each an <article>
with an <h1> of another title: left in, a longer next story won the body vote and an undated
page took its date. The page's own story is the <article> its headline heads.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import dom, metadata
from monitor.nodefinds import by_tag
from monitor.placement import enclosing, nested_in
from monitor.teaserfeed import drop_teasers
from monitor.textnorm import normalize_line

STORY_LEVELS = 4  # levels above an <h1> searched for the <article> whose headline it is


def headline_of(tree: LexborHTMLParser, seen: dict[str, metadata.Shown]) -> LexborNode | None:
    """The visible headline's node (the one the <title> names), which marks the page's own
    story; ``seen`` keeps the answer for find_title."""
    doc_title_node = metadata.title_element(tree)
    doc_title = metadata.clean_text(doc_title_node.text()) if doc_title_node else ""
    return metadata.headline_node(tree, doc_title[:400], seen)[1]


def may_drop(tree: LexborHTMLParser, title: str) -> bool:
    """Whether drop() can find anything: it needs two <article>s (the headline's and
    another) and a headline that is an <h1> reading the title. extract_text asks first: the
    headline search costs ~6% of a page's extraction, and 9 in 10 ScrapingHub pages have no
    such pair."""
    if len(tree.tags("article")) < 2:
        return False
    key = title.casefold()
    return any(_reads(h1) == key for h1 in tree.tags("h1"))


def drop(tree: LexborHTMLParser, headline: LexborNode | None, title: str) -> None:
    """Remove the other stories (and a feed of teasers: monitor.teaserfeed) when the page's
    headline, an <h1> reading its title, heads an <article> of its own."""
    if headline is None or tree.body is None or headline.tag != "h1":
        return
    own = enclosing(headline, "article", STORY_LEVELS)
    key = title.casefold()
    if own is None or _reads(headline) != key:
        return
    drop_teasers(own, tree.body)
    around = dom.ancestry(own)
    others: dict[int, LexborNode] = {}
    for h1 in by_tag(tree.body, "h1"):  # (one outside an <article> has no story: by name)
        story = enclosing(h1, "article", STORY_LEVELS)
        if story is None or story.mem_id in around or own.mem_id in dom.ancestry(story):
            continue
        if _reads(h1) != key:
            others[story.mem_id] = story
    for story in others.values():
        if not nested_in(story, others.keys()):  # (an outer one takes it along)
            story.decompose()


def _reads(h1: LexborNode) -> str:
    """What a heading reads, as compared with the title (casefolded)."""
    return normalize_line(h1.text() or "").casefold()
