"""Readability's paragraph vote: each paragraph credits its parent fully, its grandparent
half (scoring.py then picks the winner).

The page is voted on twice: once to find the path the boilerplate pruning must spare, then
again without the blocks that pruning removed. A ``Reading`` keeps what the first vote read
(each voter with its text), so the second vote rereads only the elements a removal changed
(``Removals``) instead of querying and reading the whole page again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.scoring import Candidate, deep_text, text_len
from monitor.tagids import LINK_ID, tag_id, tag_ids

MIN_PARAGRAPH = 25  # characters; shorter text blocks do not vote for a container
MAX_COMMAS = 10  # a paragraph's comma credit stops here: a long comma-separated list is no prose
_CJK_STOPS = ("。", "！", "？")  # sentence ends: a menu or a station list joined by 、 has none
MIN_CLAUSE = 15  # characters per comma-separated part, on average, for commas to mark clauses
MIN_LIST_ITEM = 80  # characters; a list item this long, with few links, is a paragraph of a post
LIST_ITEM_LINKS = 0.3  # share of linked text above which a list item is navigation, not a post
WRAPPER_LEVELS = 3  # single-child boxes around a text span that vote as the span itself
_ITEM_BLOCK_IDS = tag_ids(tuple(sel.LIST_ITEM_BLOCKS.split(", ")))  # tags that make an item a container
_CELL_ID = tag_id("td")


def _vote(cands: dict[int, Candidate], node: LexborNode | None, score: float, chars: int,
          parent: bool = True) -> None:
    """Credit one container with one paragraph's score (creation order = document order);
    ``parent``: the paragraph sits in it directly (the full vote, not a grandparent's half).
    A node not voted for yet must be an element (not the document above <html>): asked of
    the node's type, where its tag (None, or a name such as "-document" for other nodes)
    was a str built at each read."""
    if node is None:
        return
    key = node.mem_id
    cand = cands.get(key)
    if cand is None:
        if not node.is_element_node:
            return
        cand = cands[key] = Candidate(node, order=len(cands))
    cand.score += score
    cand.raw += score
    cand.paragraphs += 1
    cand.chars += chars
    cand.own += chars if parent else 0


def _paragraph_score(text: str) -> float:
    """Readability's weight: commas mark sentences, length counts up to 300 characters.

    The comma credit is capped: a user list or tag cloud ("anna, bob, carl, ...") would
    otherwise outvote the article with one line.
    """
    wide = text.count("，")
    if not text.isascii() and "、" in text and any(map(text.__contains__, _CJK_STOPS)):
        # (a list of items joined by 、 ends none; an ASCII text holds no stop, nor a text
        # without 、 any 、 to count: one scan, where the stops were three)
        wide += text.count("、")  # the Japanese comma, only in sentences
    commas = text.count(",") + wide
    if commas and len(text) / (commas + 1) < MIN_CLAUSE:
        commas = 0  # "anna, bob, carl, ...": a list of names, not clauses
    elif commas > 1 and not wide:
        # only commas followed by a clause: "Goyal M, Singh S, et al. Title" has one
        commas = len([part for part in text.split(",")[1:] if len(part) >= MIN_CLAUSE])
    return 1.0 + min(commas, MAX_COMMAS) + min(len(text) / 100.0, 3.0)


def _vote_up(cands: dict[int, Candidate], node: LexborNode, text: str, tally: Tally) -> None:
    """One paragraph's vote: its parent fully, its grandparent half."""
    key = node.mem_id
    known = tally.up.get(key)
    if known is not None and known[0] is text:
        _, score, parent, grand = known
    else:
        score, parent = _paragraph_score(text), node.parent
        grand = parent.parent if parent is not None else None
        tally.up[key] = (text, score, parent, grand)
    _vote(cands, parent, score, len(text))
    if parent is not None:
        _vote(cands, grand, score / 2.0, len(text), False)


def _list_paragraph(item: LexborNode, text: str) -> bool:
    """Whether a list item of this (stripped) text, MIN_LIST_ITEM long or more (the caller's
    test: most items are a menu's short ones), reads as a paragraph of a post.

    Some posts are written as a list (release notes, live blogs, how-to steps). An item
    votes like a <p> when it is long, mostly unlinked and holds no paragraphs of its own
    (those vote themselves).
    """
    links = _item_links(item)
    if links is None:
        return False
    return sum(text_len(a) for a in links) <= LIST_ITEM_LINKS * len(text)


def _item_links(item: LexborNode) -> list[LexborNode] | None:
    """The item's links, or None when it holds a block: one walk over its few elements costs
    far less than two css() queries, each of which parses its selector again."""
    links: list[LexborNode] = []
    for node in item.traverse():  # (tag ids: see monitor.tagids)
        if (tag := node.tag_id) in _ITEM_BLOCK_IDS:
            return None
        if tag == LINK_ID:
            links.append(node)
    return links


def _lone_wrappers(node: LexborNode) -> LexborNode:
    """The outermost of the boxes that hold nothing but this text (``<div><div><span>``).

    Editors that wrap each paragraph in two or three styled boxes would otherwise spread
    the votes over one box per paragraph, and the article's container gets none.
    """
    for _ in range(WRAPPER_LEVELS):
        parent = node.parent
        if parent is None or parent.tag not in ("div", "span", "font"):
            break
        kids = parent.iter()
        first = next(kids, None)
        if first is None or next(kids, None) is not None or _has_own_text(parent):
            break
        node = parent
    return node


def score_candidates(root: LexborNode) -> dict[int, Candidate]:
    """Readability-style voting: each paragraph credits its parent fully, grandparent half."""
    return count(read(root))


def count(reading: Reading) -> dict[int, Candidate]:
    """The votes of a reading's voters, by container (in the order of their first vote)."""
    cands: dict[int, Candidate] = {}
    tally = reading.tally
    for para, text in reading.paragraphs:
        if len(text) >= MIN_PARAGRAPH:
            _vote_up(cands, para, text, tally)
    for item, text in reading.items:
        if len(text) >= MIN_LIST_ITEM and tally.list_paragraph(item, text):
            _vote_up(cands, item, text, tally)
    # Text in inline elements (<span>para</span><br><span>para</span>) votes like a <p>.
    for span, text in reading.spans:
        if len(text) >= MIN_PARAGRAPH:
            _vote_up(cands, _lone_wrappers(span), text, tally)
    # Text straight in a container (<div>text<br>text</div>) votes for itself; a cell's for its table too.
    for box, text in reading.boxes:
        if len(text) < MIN_PARAGRAPH:
            continue
        score, parent, table = tally.box(box, text)
        _vote(cands, box, score, len(text))
        _vote(cands, parent, score / 2.0, len(text), False)
        _vote(cands, table, score / 2, len(text), False)
    return cands


Up = tuple[str, float, LexborNode | None, LexborNode | None]  # text, score, parent, grandparent


@dataclass(slots=True)
class Tally:
    """What count() worked out per voter, kept with the text it was worked out for: the
    second vote counts again the same voters, most with the same text (reread keeps the
    very str). A score depends on the text alone, a parent never changes, and a voter
    whose text is the same object is one no removal touched (reread reads a changed one
    anew), so its list-item test stands too. (~15 us of a 1.9 ms page.)"""

    up: dict[int, Up] = field(default_factory=dict)  # _vote_up's, by voting node
    boxes: dict[int, Up] = field(default_factory=dict)  # a box's: text, score, parent, table
    items: dict[int, tuple[str, bool]] = field(default_factory=dict)  # _list_paragraph's

    def box(self, box: LexborNode, text: str) -> tuple[float, LexborNode | None, LexborNode | None]:
        """A box's score, its parent and (a cell's) the table it votes for too."""
        key = box.mem_id
        known = self.boxes.get(key)
        if known is None or known[0] is not text:
            score, parent = _paragraph_score(text), box.parent
            cell = box.tag_id == _CELL_ID
            known = self.boxes[key] = (text, score, parent, parent.parent if cell and parent else None)
        return known[1], known[2], known[3]

    def list_paragraph(self, item: LexborNode, text: str) -> bool:
        """_list_paragraph(item, text), worked out once for one text."""
        key = item.mem_id
        known = self.items.get(key)
        if known is None or known[0] is not text:
            known = self.items[key] = (text, _list_paragraph(item, text))
        return known[1]


Voters = list[tuple[LexborNode, str]]  # elements in document order, each with its stripped text


@dataclass(slots=True)
class Reading:
    """What a vote read off the page: its voters of each kind, with their texts; those
    without text are left out (most boxes: a ScrapingHub page's hold none of their own). No
    such voter votes, and none gains text from a removal: unlink's paragraph break goes
    only between two runs of text, which its parent and their ancestors held already, so
    count() and reread() would pass over it each time (~60k instructions a page)."""

    paragraphs: Voters  # p, pre, blockquote (whole text)
    items: Voters  # list items (whole text)
    spans: Voters  # inline elements (own text)
    boxes: Voters  # containers (own text)
    tally: Tally = field(default_factory=Tally)  # (shared by a reread of it)


@dataclass(slots=True)
class Removals:
    """Blocks unlinked since a Reading: mem_ids of the elements whose text changed (their
    ancestors: a deep text lost a part, a parent's own text may have gained a paragraph
    break).

    The elements that went with a block need no record: decompose() detaches each node
    under it, so they are the voters left without a parent. (Listing them walked every
    removed subtree: ~40 us a page of 1.9, a twentieth of a synthetic page.)"""

    changed: set[int] = field(default_factory=set)

    def note(self, node: LexborNode) -> None:
        """Record a block about to be unlinked (a block listed twice is noted once: the
        second time it is no longer in the tree, and has no parent)."""
        probe = node.parent
        while probe is not None and probe.mem_id not in self.changed:
            self.changed.add(probe.mem_id)
            probe = probe.parent


VoterLists = tuple[list[LexborNode], ...]  # elements of each kind of voter, in document order


def read(root: LexborNode, walked: VoterLists | None = None) -> Reading:
    """The voters at and under ``root`` and their texts (_text spelled out: a call per voter
    costs a tenth of the reading).

    One walk sorts the elements by kind (tag ids, see monitor.tagids), in document order
    as the four css() queries of the kinds' selectors listed them: those tried their twelve
    tag selectors on every element (~1.2% of a ScrapingHub page's instructions).

    ``walked``: the voters junkwalk.walk listed when ``root`` was the page's <body>, which
    lost elements since and gained none (removals only, each taking apart what it removes:
    a voter gone with one has no parent); those left are this walk's, in its order, without
    a second walk over the page (~0.7% of a ScrapingHub page's instructions, ~1.3% of a
    synthetic one's)."""
    found: VoterLists = ([], [], [], [])
    listed = walked is not None  # (then a voter gone since has no parent, nor any text)
    if walked is not None:
        found = walked  # (the parent read only of a voter with text: a tenth of them)
    else:
        kind_of = VOTER_KINDS.get  # (a local: looked up once, not per element)
        for node in root.traverse():
            kind = kind_of(node.tag_id)
            if kind is not None:
                found[kind].append(node)
    paragraphs, items, spans, boxes = found
    # (a voter without text is left out: it never votes, and no removal gives it any; see
    # Reading)
    return Reading([(node, text) for node in paragraphs if (text := node.text_lexbor().strip())
                    and (not listed or node.parent is not None)],
                   [(node, text) for node in items if (text := node.text_lexbor().strip())
                    and (not listed or node.parent is not None)],
                   [(node, text) for node in spans if (text := (node.text(False) or "").strip())
                    and (not listed or node.parent is not None)],
                   [(node, text) for node in boxes if node.text(False, "", False, True)
                    and (text := (node.text(False) or "").strip())  # (own_text, spelled out)
                    and (not listed or node.parent is not None)])


# the tag id of each voter's tag to its kind: Reading's fields, in order
VOTER_KINDS = {tag: kind for kind, selector in enumerate((
    sel.PARAGRAPH_SELECTOR, sel.LIST_PARAGRAPHS, sel.INLINE_TEXT, sel.TEXT_CONTAINERS,
)) for tag in tag_ids(tuple(selector.split(", ")))}


def _text(node: LexborNode, deep: bool) -> str:
    """A voter's text (deep: all of it; else its own text nodes'), stripped."""
    return deep_text(node).strip() if deep else own_text(node)


def own_text(node: LexborNode) -> str:
    """An element's own text (its text nodes', not its children's), stripped.

    Most containers hold none but the markup's indentation: lexbor's test of each text
    node for ASCII white space alone (skip_empty) finds that without building a str, and
    only a box with other text is read in full (the white space between its pieces is
    its text: skip_empty would drop it). Where nothing is left, the full text held ASCII
    white space alone, which strip() removes. (~40% cheaper on a ScrapingHub page's
    boxes, 93% of which hold no text; positional arguments: keywords cost a parse.)"""
    return (node.text(False) or "").strip() if node.text(False, "", False, True) else ""


def _has_own_text(node: LexborNode) -> bool:
    """Whether an element's own text holds more than white space: the text nodes
    skip_empty leaves out are ASCII white space, so what holds anything else is there."""
    return bool(node.text(False, "", False, True).strip())


def reread(reading: Reading, removals: Removals) -> Reading:
    """``read`` of the same root after the removals: the voters that are left (the queries
    would list them in the same order; no element was added), the changed ones read again."""
    def kept(voters: Voters, deep: bool) -> Voters:
        changed = removals.changed
        out: Voters = []
        for pair in voters:  # (an unchanged voter's pair kept: no tuple built anew)
            node = pair[0]
            if node.parent is None:  # (gone with a block: see Removals)
                continue
            out.append((node, _text(node, deep)) if node.mem_id in changed else pair)
        return out
    return Reading(kept(reading.paragraphs, True), kept(reading.items, True),
                   kept(reading.spans, False), kept(reading.boxes, False), reading.tally)
