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

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.markeddates import Marked
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
    times: list[LexborNode] | None = None  # <body>'s <time> elements (dates._marked); None:
    # not listed (a page whose <html> holds more than <head> and <body>)
    marked: list[Marked] | None = None  # the date search's itemprop/property elements, when
    # its query ran (markeddates.marked_elements' ``listed``): the marked body's candidates
    templates: tuple[LexborNode, ...] = ()  # <body>'s <template>s (junk too: monitor.shadowroots)

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

    (A comprehension with one set test per element over <head>, the two kinds told apart
    afterwards among the few found; <body>'s elements sorted by one lookup each.)"""
    parts = _head_and_body(tree)
    if parts is None:
        root = tree.root
        found = [node for node in root.traverse() if node.tag_id in _WALKED] \
            if root is not None else []
        return _walked(found, None, None)
    head, body = parts
    found = [node for node in head.traverse() if node.tag_id in _WALKED]
    sorted_: VoterLists = tuple([] for _ in range(_LISTS))  # junk and <meta>s, voters, headings
    kind_of = _KINDS.get  # (a local: looked up once, not per element)
    for node in body.traverse():
        kind = kind_of(node.tag_id)
        if kind is not None:
            sorted_[kind].append(node)
    found.extend(sorted_[0])
    # (an HTML <template> is a leaf, its content held apart: last in the list, it goes first,
    # before any junk element it sits in; one with children is an <svg>'s or a <math>'s,
    # junk that takes it along)
    templates = sorted_[_TEMPLATES]
    found.extend(node for node in templates if node.child is None)
    openers = dict(zip(_OPENERS, sorted_[_FIRST_OPENER:_TIMES], strict=True))
    openers["p"] = [node for node in sorted_[1] if node.tag_id == _P]  # (among the paragraphs)
    walked = _walked(found, sorted_[1:_FIRST_OPENER], openers, sorted_[_TIMES])
    walked.templates = tuple(templates)
    return walked


def _walked(found: list[LexborNode], voters: VoterLists | None,
            openers: dict[str, list[LexborNode]] | None,
            times: list[LexborNode] | None = None) -> Walked:
    metas = [node for node in found if node.tag_id == _META]
    return Walked([node for node in found if node.tag_id != _META] if metas else found, metas,
                  voters, openers, times)


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
# the lists walk() sorts <body>'s elements into: junk and <meta>s, each kind of voter, each
# opener, the <time>s (no time is a voter: a <time> in <head> is put in <body> by the parser),
# the <template>s
_FIRST_OPENER = 1 + len(set(VOTER_KINDS.values()))
_TIMES = _FIRST_OPENER + len(_OPENERS)
_TEMPLATES = _TIMES + 1
_LISTS = _TEMPLATES + 1
_KINDS = {tag: 0 for tag in _WALKED} | {tag: kind + 1 for tag, kind in VOTER_KINDS.items()} \
    | {tag_id(name): index + _FIRST_OPENER for index, name in enumerate(_OPENERS)} \
    | {tag_id("time"): _TIMES, tag_id("template"): _TEMPLATES}
_P = tag_id("p")
