"""Reader comment threads known by the heading that opens them, not by their names.

remove_comments finds a thread by a class or id that says "comment"; a theme that calls it
"responses", "talk" or "thread" goes unseen, and under a short brief the readers' text
outvotes the story (it won, and the brief joined it as a sibling) or widens it (the box
holding both is mostly voted text). A box whose first element is a short heading that
announces the readers ("3 responses", "12 comments", "Join the conversation", "Leave a
reply") is that thread, whatever its names, unless it holds the page's <h1> (the story).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from selectolax.lexbor import LexborNode

from monitor.docorder import position
from monitor.dom import unlink
from monitor.nodefinds import first_children
from monitor.placement import PAGE_LEVEL

HEAD_CHARS = 60  # characters; a heading that announces comments is a short label
# a count of the readers' posts, or the invitation to write one
COMMENT_HEAD = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|"
    r"komentarz[ey]?)\s*(?:\(\d+\))?\s*:?\s*$|"
    r"^\s*\d+\s+(?:responses?|replies|reactions?)\s*$|"
    r"^\s*(?:\d+\s+thoughts?\s+on\b|join\s+the\s+(?:conversation|discussion)\b|"
    r"leave\s+a\s+(?:reply|comment)\b)", re.I)
# (a bare "Reaction" or "Responses" heads a story's own section: only a count of them counts)
# (only its first element opens a box: nodefinds.first_children)
_HEADINGS = ("h2", "h3", "h4")


def thread_boxes(root: LexborNode, named: Mapping[str, list[LexborNode]] | None = None
                 ) -> list[LexborNode]:
    """The boxes a comment heading opens, in document order, nested ones too (drop_threads
    unlinks the innermost first); ``named``: see nodefinds.first_children."""
    found: list[LexborNode] = []
    for head in first_children(root, _HEADINGS, named):
        box = head.parent
        if box is None or box.tag in PAGE_LEVEL:
            continue
        text = head.text_lexbor()  # (text() of an element, a third cheaper)
        if len(text) > HEAD_CHARS or not COMMENT_HEAD.search(text):
            continue
        if box.css_first("h1") is None:
            found.append(box)
    return sorted(found, key=position) if len(found) > 1 else found  # (found by tag name)


def drop_threads(root: LexborNode, named: Mapping[str, list[LexborNode]] | None = None) -> None:
    """Remove the comment threads a heading opens, before the vote reads the page."""
    for box in reversed(thread_boxes(root, named)):
        unlink(box)
