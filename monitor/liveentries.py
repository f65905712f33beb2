"""A live blog's entries each an <article> of their own, side by side in one stream
("liveblog-entry"): separate <article>s are separate stories elsewhere (gathering.cousins),
and the body was one entry of the stream.

An entry's <article> joins the winner's when it is built like it (tag and class), shares its
parent and is short (an infinite scroll's next story, built like the first, is long; the
winner may be a long entry, an analysis among the updates); a teaser, whose heading links
to another page, never joins nor draws others.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.scoring import text_len

ENTRY_CHARS = 1500  # characters of a live entry at most; a story is longer
LEVELS = 10  # levels searched above a node for its outermost <article> (as article_root)
# a heading that links to another page (an entry's links to itself: "#entry-12")
LINKED_HEADING = ", ".join(f"{h} a[href]:not([href^='#'])" for h in ("h2", "h3", "h4"))


def same_stream(node: LexborNode, best: LexborNode) -> bool:
    """Whether ``node`` sits in an entry of the stream whose entry holds ``best``."""
    own, other = _outer_article(best), _outer_article(node)
    if own is None or other is None or own.parent is None or other.parent is None:
        return False
    return (own.parent.mem_id == other.parent.mem_id
            and own.attributes.get("class") == other.attributes.get("class")
            and own.css_first(LINKED_HEADING) is None and _entry(other))


def _entry(article: LexborNode) -> bool:
    return text_len(article) <= ENTRY_CHARS and article.css_first(LINKED_HEADING) is None


def _outer_article(node: LexborNode) -> LexborNode | None:
    probe: LexborNode | None = node
    found: LexborNode | None = None
    for _ in range(LEVELS):
        if probe is None or probe.tag in ("body", "html"):
            break
        if probe.tag == "article":
            found = probe
        probe = probe.parent
    return found
