"""The one walk over a freshly parsed page: its junk elements, what the metadata reads, and
the voters of the paragraph vote.

dom.remove_junk walks every element of the page for its junk tags (scripts among them);
the JSON-LD blocks are scripts and the <meta> elements sit beside them, so the same walk
lists those too, and metadata reads them without two queries of its own over the page
(``script[type="application/ld+json"]``, ``meta[content]``: ~1.5% of a synthetic page's
instructions). The vote (voting.read) walked every element of <body> again after the
removals that precede it, which only take elements away: the voters this walk lists, less
those gone since, are that walk's; and the boxes a heading or paragraph opens
(nodefinds.first_children) were looked up by name twice before it. The walk tests tag
ids: see monitor.tagids.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.tagids import tag_id, tag_ids
from monitor.voting import VOTER_KINDS, VoterLists

LD_TYPE = "application/ld+json"
_JUNK_IDS = tag_ids(sel.JUNK_TAGS)
_SCRIPT = tag_id("script")
_META = tag_id("meta")


@dataclass(slots=True)
class Walked:
    """What the walk met, each in document order: the junk elements and the <meta>s."""

    junk: list[LexborNode]
    metas: list[LexborNode]
    voters: VoterLists | None = None  # <body>'s, by kind (voting.read); None: not listed
    openers: dict[str, list[LexborNode]] | None = None  # <body>'s h2, h3, h4 and p, by name

    def ld_scripts(self) -> list[LexborNode]:
        """The JSON-LD blocks: what tree.css('script[type="application/ld+json"]') finds
        (lexbor compares a type's value in either case, ASCII letters only)."""
        return [node for node in self.junk if node.tag_id == _SCRIPT and _ld_type(node)]


def _ld_type(script: LexborNode) -> bool:
    kind = script.attributes.get("type")
    return kind is not None and kind.isascii() and kind.lower() == LD_TYPE


def walk(tree: LexborHTMLParser) -> Walked:
    """The junk elements (sel.JUNK_TAGS) and the <meta> elements of the whole page, and
    the voters of <body> (voting.read's elements, by kind) and its h2, h3, h4 and p.

    (Each element is looked up once, by its tag id, for the append of the list it goes in:
    <head>'s in the junk and <meta> lists only; a tag read again costs a call into
    selectolax, as did telling the <meta>s from the junk, and the p from the other
    paragraphs, afterwards. A <p> goes in two lists.)"""
    parts = _head_and_body(tree)
    junk: list[LexborNode] = []
    metas: list[LexborNode] = []
    head_adds = dict.fromkeys(_JUNK_IDS, junk.append) | {_META: metas.append}
    if parts is None:
        if tree.root is not None:
            _walk(tree.root, head_adds.get)
        return Walked(junk, metas)
    head, body = parts
    _walk(head, head_adds.get)
    voters: VoterLists = tuple([] for _ in range(_VOTER_LISTS))
    headings: list[list[LexborNode]] = [[] for _ in _OPENERS]
    opening_p: list[LexborNode] = []
    paragraphs = voters[VOTER_KINDS[_P]]

    def add_p(node: LexborNode) -> None:
        paragraphs.append(node)
        opening_p.append(node)

    adds = head_adds | {tag: voters[kind].append for tag, kind in VOTER_KINDS.items()} \
        | {tag_id(name): found.append for name, found in zip(_OPENERS, headings, strict=True)} \
        | {_P: add_p}
    _walk(body, adds.get)
    openers = dict(zip(_OPENERS, headings, strict=True))
    openers["p"] = opening_p
    return Walked(junk, metas, voters, openers)


def _walk(root: LexborNode, add_of: Callable[[int], Callable[[LexborNode], None] | None]
          ) -> None:
    """Hand each element at and under ``root`` to the append its tag id names, if any."""
    for node in root.traverse():
        add = add_of(node.tag_id)
        if add is not None:
            add(node)


def _head_and_body(tree: LexborHTMLParser) -> tuple[LexborNode, LexborNode] | None:
    """<head> and <body>, when they are the only elements of <html> (as the parser builds
    every page but a frameset): a walk of each is a walk of the page."""
    root, head, body = tree.root, tree.head, tree.body
    if root is None or head is None or body is None:
        return None
    kids = [node.mem_id for node in root.iter() if node.is_element_node]
    return (head, body) if kids == [head.mem_id, body.mem_id] else None


_WALKED = _JUNK_IDS | {_META}
# (no tag is two: sel.JUNK_TAGS holds no voter's tag, and a heading is neither)
_OPENERS = ("h2", "h3", "h4")  # the headings that open boxes (nodefinds.first_children)
_VOTER_LISTS = len(set(VOTER_KINDS.values()))  # (voting.Reading's fields)
_P = tag_id("p")
