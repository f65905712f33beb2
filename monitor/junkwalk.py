"""The one walk over a freshly parsed page: its junk elements, and what the metadata reads.

dom.remove_junk walks every element of the page for its junk tags (scripts among them);
the JSON-LD blocks are scripts and the <meta> elements sit beside them, so the same walk
lists those too, and metadata reads them without two queries of its own over the page
(``script[type="application/ld+json"]``, ``meta[content]``: ~1.5% of a synthetic page's
instructions). The walk tests tag ids: see monitor.tagids.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.tagids import tag_id, tag_ids

LD_TYPE = "application/ld+json"
_JUNK_IDS = tag_ids(sel.JUNK_TAGS)
_SCRIPT = tag_id("script")
_META = tag_id("meta")


@dataclass(slots=True)
class Walked:
    """What the walk met, each in document order: the junk elements and the <meta>s."""

    junk: list[LexborNode]
    metas: list[LexborNode]

    def ld_scripts(self) -> list[LexborNode]:
        """The JSON-LD blocks: what tree.css('script[type="application/ld+json"]') finds
        (lexbor compares a type's value in either case, ASCII letters only)."""
        return [node for node in self.junk if node.tag_id == _SCRIPT and _ld_type(node)]


def _ld_type(script: LexborNode) -> bool:
    kind = script.attributes.get("type")
    return kind is not None and kind.isascii() and kind.lower() == LD_TYPE


def walk(tree: LexborHTMLParser) -> Walked:
    """The junk elements (sel.JUNK_TAGS) and the <meta> elements of the whole page.

    (A comprehension with one set test per element, the two kinds told apart afterwards
    among the few found: a loop with two tests costs more per element than the queries
    it saves on a big page.)"""
    root = tree.root
    found = [node for node in root.traverse() if node.tag_id in _WALKED] if root is not None \
        else []
    metas = [node for node in found if node.tag_id == _META]
    return Walked([node for node in found if node.tag_id != _META] if metas else found, metas)


_WALKED = _JUNK_IDS | {_META}
