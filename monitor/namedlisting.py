"""A list of teasers that wins the vote on its class name alone: "Recent comments on our
stories", "More from the blog", each row a linked headline over an excerpt and a byline.

Drupal names every list it renders "view-content"; the class bonus that "content" earns
lifted four such rows (6.4 of votes) over the story's one paragraph of 400 characters
(8.0), and the body came out as other stories' headlines and readers' comments. A winner
is such a list when a box outside it holds more votes than it does (the name, not the
text, made it win) and most of its text is in rows of one build, each led by a link to
another page. The vote is then taken again without it (notbody.best_elsewhere).
"""

from __future__ import annotations

from operator import attrgetter

from selectolax.lexbor import LexborNode

from monitor.placement import PAGE_LEVEL, nested_in
from monitor.scoring import Candidate, ancestry, class_weight, flat_text, section_kind, text_len

MIN_ROWS = 3  # rows of one build, each led by a link: fewer are a body's linked sections
ROW_SHARE = 0.7  # share of the winner's text those rows hold, at least
ROW_CHARS = 600  # characters of a row, at most: an excerpt, not a section of the story
HEADLINE_CHARS = 10  # characters of the leading link's text, at least: a headline, not "1"
_VOTES = attrgetter("raw")


def named_listing(best: Candidate, cands: dict[int, Candidate]) -> LexborNode | None:
    """The list of teasers the winner is, or is a row of, when it won on its class name:
    a prior for its name, and a box outside the list (neither holding nor held by it)
    with more votes than the list or the winner. A row of such a list that wins ("post-text",
    a card holding a headline, an excerpt and a byline) wins on its name as the list does."""
    node = best.node
    if not _outvoted(node, best.raw, cands) or class_weight(node) <= 0:
        return None  # (the common case: the winner got the most votes; no query either way)
    listing = node if teaser_rows(node) else _row_of(node)
    if listing is None:
        return None
    if listing is not node and not _outvoted(listing, max(best.raw, _raw(listing, cands)), cands):
        return None  # (a box in the list, a sibling row, outvoted the winning row)
    return listing


def _raw(node: LexborNode, cands: dict[int, Candidate]) -> float:
    """The votes a node got (none when it is no candidate)."""
    cand = cands.get(node.mem_id)
    return cand.raw if cand is not None else 0.0


def _row_of(node: LexborNode) -> LexborNode | None:
    """The list a short link-led box is a row of (its parent, when teaser_rows says so)."""
    parent = node.parent
    if parent is None or parent.tag in PAGE_LEVEL or text_len(node) > ROW_CHARS:
        return None
    return parent if _link_led(node) and teaser_rows(parent) else None


def _outvoted(node: LexborNode, floor: float, cands: dict[int, Candidate]) -> bool:
    """Whether a candidate outside ``node``'s path and subtree got more votes than ``floor``."""
    if max(map(_VOTES, cands.values()), default=0.0) <= floor:
        return False  # (one pass in C: the loop below costs ~35 ns a candidate)
    above: set[int] | None = None  # (read only once a candidate has more votes: rarely)
    ids = {node.mem_id}
    for cand in cands.values():
        if cand.raw <= floor:
            continue
        if above is None:
            above = ancestry(node)
        if cand.node.mem_id not in above and not nested_in(cand.node, ids):
            return True
    return False


def teaser_rows(node: LexborNode) -> bool:
    """Whether most of a box's text (ROW_SHARE) is in MIN_ROWS or more of its children of
    one build (tag and first class), each short and led by a link to another page."""
    total = text_len(node)
    kinds: dict[tuple[int, str], list[int]] = {}  # build -> lengths of its link-led rows
    for row in node.iter():
        if not row.is_element_node:
            continue
        length = text_len(row)
        if 0 < length <= ROW_CHARS and _link_led(row):
            kinds.setdefault(section_kind(row), []).append(length)
    return any(len(rows) >= MIN_ROWS and sum(rows) >= ROW_SHARE * total
               for rows in kinds.values())


def _link_led(row: LexborNode) -> bool:
    """Whether a row's text opens with a link's (its first link with text, a headline of
    HEADLINE_CHARS or more) that leads to another page: an avatar or a thumbnail before
    it shows no text; a link to a place on this page ("#comments") is no teaser's."""
    for link in row.css("a[href]"):
        head = flat_text(link)
        if not head:
            continue
        href = (link.attributes.get("href") or "").strip()
        if len(head) < HEADLINE_CHARS or href.startswith(("#", "javascript:")):
            return False
        return flat_text(row).startswith(head)
    return False
