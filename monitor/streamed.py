"""React's streamed segments, put where the page's script would put them.

A server that streams a React page sends the parts that were not ready (often the article
itself) as hidden ``<div id="S:n">`` at the end of ``<body>``; an inline script then moves
each into its placeholder and removes the "Loading..." fallback shown there. The extractor
drops hidden blocks before any vote, so without this the article is lost.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.tagids import tag_id

_DIV = tag_id("div")
TAIL_NODES = 200  # trailing children of <body> looked at for a segment (scanning the text costs more)
# React's streamed segments: the server sends late parts of the page (often the article) as
# hidden <div id="S:n"> at the end of <body>, and inline $RC("B:m","S:n") / $RS("S:n","P:n")
# calls move each to its placeholder, <template id="B:m"> or <template id="P:n">.
STREAMED = 'div[hidden][id^="S:"]'
STREAM_FALLBACK = 20  # nodes after a placeholder searched for the end of its loading fallback
LOADING_LINE = 40  # characters of a bare "Loading..." line left where a segment goes
_STREAM_MOVE = re.compile(r'\$R[CS]\("([BS]:[0-9a-f]+)","([SP]:[0-9a-f]+)"\)')


def _drop_fallback(slot: LexborNode) -> None:
    """Remove what a placeholder showed while loading ("Loading paragraph..."): the nodes
    after it up to React's closing <!--/$--> marker, as the page's script does; in a copy
    saved without the markers, a short "...ing..." line right after it."""
    fallback: list[LexborNode] = []
    probe = slot.next
    while probe is not None and len(fallback) < STREAM_FALLBACK:
        if probe.tag == "-comment" and probe.html == "<!--/$-->":
            for node in fallback:
                node.decompose()
            return
        fallback.append(probe)
        probe = probe.next
    after = slot.next
    lone = after.child if after is not None and after.tag == "div" else None
    if after is not None and lone is not None and lone.tag == "-text" and lone.next is None:
        text = (after.text() or "").strip()
        if len(text) <= LOADING_LINE and text.endswith(("...", "…")):
            after.decompose()


def present(tree: LexborHTMLParser) -> bool:
    """Whether the page ends with streamed segments: they follow the page's shell as the
    last children of <body>. Looking there costs microseconds; searching the page text for
    them cost a twentieth of the whole extraction."""
    probe = tree.body.last_child if tree.body is not None else None
    for _ in range(TAIL_NODES):
        if probe is None:
            return False
        # (the tag's and the id's reads first: each costs a fraction of building the
        # attributes' dict, and few of the trailing nodes pass them)
        if probe.tag_id == _DIV and (probe.id or "").startswith("S:") \
                and "hidden" in probe.attributes:
            return True
        probe = probe.prev
    return False


def reveal(tree: LexborHTMLParser, html: str) -> None:
    """Put React's streamed segments where the page's script would, and unhide them: they
    are content shown on load, not the hidden copies the extractor drops before any vote."""
    moves = [(a, b) if a[0] == "B" else (b, a) for a, b in _STREAM_MOVE.findall(html)]
    if not moves:  # scripts dropped (a saved copy): the ids' numbers usually pair them
        moves = [(f"{kind}:{node.id[2:]}", node.id)
                 for node in tree.css(STREAMED) if node.id for kind in "BP"]
    for hole, part in moves:
        slot = tree.css_first(f'template[id="{hole}"]')
        segment = tree.css_first(f'div[id="{part}"]') if slot is not None else None
        if slot is not None and segment is not None:
            slot.insert_before(segment)  # a copy
            segment.decompose()
            _drop_fallback(slot)
    for node in tree.css(STREAMED):
        del node.attrs["hidden"]
