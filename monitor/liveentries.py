"""A live blog's entries each an <article> of their own, side by side in one stream
("liveblog-entry"): separate <article>s are separate stories elsewhere (gathering.cousins),
and the body was one entry of the stream.

An entry's <article> joins the winner's when it is built like it (tag and class), shares its
parent with STREAM_ENTRIES such <article>s or more and is short (an infinite scroll's next
story, built like the first, is long; the winner may be a long entry, an analysis among the
updates); a teaser, whose heading links to another page, never joins nor draws others.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.nodefinds import heading_link
from monitor.scoring import outer_article, text_len

ENTRY_CHARS = 1500  # characters of a live entry at most; a story is longer
STREAM_ENTRIES = 4  # entries of a stream at least (an endless page appends a story or two)


def same_stream(node: LexborNode, best: LexborNode) -> bool:
    """Whether ``node`` sits in an entry of the stream whose entry holds ``best``."""
    own, other = outer_article(best), outer_article(node)
    if own is None or other is None or own.parent is None or other.parent is None:
        return False
    kind = own.attributes.get("class")
    return (own.parent.mem_id == other.parent.mem_id and other.attributes.get("class") == kind
            and not heading_link(own, wrapped=False) and _entry(other)
            and _built_alike(own.parent, kind) >= STREAM_ENTRIES)


def _built_alike(parent: LexborNode, kind: str | None) -> int:
    """The <article>s right under ``parent`` with class ``kind``."""
    return sum(1 for child in parent.iter()
               if child.tag == "article" and child.attributes.get("class") == kind)


def _entry(article: LexborNode) -> bool:
    """Short, and no heading in it links to another page (an entry's links to itself:
    "#entry-12")."""
    return text_len(article) <= ENTRY_CHARS and not heading_link(article, wrapped=False)
