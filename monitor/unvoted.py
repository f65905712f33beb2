"""Sections built like the winner that the vote never saw: their text sits too deep.

A listing told in zones ("zone > zoneItems > tile > content > summary > p") splits its
items over several boxes of one kind. Each paragraph votes for its parent and grandparent
only, so a zone's box gets no vote unless some text sits near its top: the first zone wins
and gathering.cousins, which walks voted candidates, never meets the others. Here the
nearest ancestor of the winner that holds other boxes of the winner's kind (tag and first
class) gives them, when they sit below it as the winner does (box kinds alike on the way
down), hold prose, few links and no boilerplate name, and are no other story: not in
another <article>, not under an <h1> of their own, and not beside a box that holds the
winner with its story's <h1> (an endless page's next stories, headed by an <h2>).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import docorder
from monitor.dom import is_boilerplate, prune_region
from monitor.gathering import SECTION_LEVELS, below_body
from monitor.placement import nested_in
from monitor.scoring import (
    Candidate,
    ancestry,
    article_root,
    in_comments,
    link_density,
    section_kind,
    text_len,
)

MAX_LINKS = 0.25  # linked share above which a box of the winner's kind is a teaser list
PRUNE_SHARE = 0.4  # as gathering.cousins prunes the blocks it adds
MIN_PROSE = 200  # characters of text a box needs to be more of the body
PROSE_PARAGRAPH = 80  # characters of a <p> that make it prose (a label or a button is shorter)
FOUND_SHARE = 1.0  # text the found boxes hold together, over the winner's: the body's larger part


def _kin(anchor: LexborNode, best: LexborNode) -> list[LexborNode]:
    """Boxes under ``anchor`` of the winner's tag and first class, the winner aside."""
    kind = section_kind(best)
    first = kind[1].replace("\\", "\\\\").replace('"', '\\"')
    return [node for node in anchor.css(f'{best.tag}[class~="{first}"]')
            if node.mem_id != best.mem_id and section_kind(node) == kind]


def _reads_as_body(node: LexborNode) -> bool:
    """Long enough, few links, no boilerplate name, no form, and a paragraph of prose in it
    (a row of icons with a line each is no body)."""
    length = text_len(node)
    if length < MIN_PROSE or is_boilerplate(node) or in_comments(node):
        return False
    if link_density(node, length) > MAX_LINKS or node.css_first("form, input") is not None:
        return False  # (a paywall's sign-up box is often built like the body's box)
    return any(_prose(para) for para in node.css("p"))


def _own_headline(node: LexborNode, anchor: LexborNode) -> bool:
    """Whether a box, or a box around it below ``anchor``, holds an <h1>: the next story
    of an endless page (built like the first), not more of this one."""
    probe: LexborNode | None = node
    while probe is not None and probe.mem_id != anchor.mem_id:
        if probe.css_first("h1") is not None:
            return True
        probe = probe.parent
    return False


def _built_alike(node: LexborNode, best: LexborNode, anchor: LexborNode) -> bool:
    """Whether the boxes between ``anchor`` and a box are of the kinds (tag and first class)
    of those between it and the winner: a body's zones repeat one template, where a
    sidebar's teaser cards reuse the body's class a box or two deeper, in a column of their
    own."""
    one: LexborNode | None = node
    other: LexborNode | None = best
    while one is not None and other is not None:
        if one.mem_id == anchor.mem_id or other.mem_id == anchor.mem_id:
            return one.mem_id == other.mem_id
        if section_kind(one) != section_kind(other):
            return False
        one, other = one.parent, other.parent
    return False


def _prose(para: LexborNode) -> bool:
    """A paragraph long enough, and unlinked enough, to be prose (no label, no button)."""
    length = text_len(para)
    return length >= PROSE_PARAGRAPH and link_density(para, length) < MAX_LINKS


def add_unvoted(best: Candidate, cands: dict[int, Candidate], chosen: list[LexborNode]
                ) -> list[LexborNode]:
    """``chosen`` plus the unvoted boxes built like the winner, in document order."""
    if not best.node.attributes.get("class") or best.node.tag in ("p", "li", "span"):
        return chosen
    path = below_body(best.node.parent, SECTION_LEVELS - 1)
    every = _kin(path[-1], best.node) if path else []  # (one query: most pages have none)
    if not every:
        return chosen
    lines = [(node, ancestry(node)) for node in every]
    taken = {node.mem_id for node in chosen}
    around = set().union(*(ancestry(node) for node in chosen))
    home = article_root(best.node)
    below, kin = best.node, []  # (below: the anchor's child that holds the winner)
    for anchor in path:  # the nearest ancestor that holds kin (path[-1] holds them all)
        kin = [node for node, above in lines if anchor.mem_id in above]
        if kin:
            break
        below = anchor
    if below.css_first("h1") is not None:
        return chosen  # the anchor holds whole stories, the winner's headline and all
    found = [node for node in kin if node.mem_id not in around and node.mem_id not in cands
             and not nested_in(node, taken) and article_root(node) == home
             and _built_alike(node, best.node, anchor)
             and not _own_headline(node, anchor) and _reads_as_body(node)]
    if sum(text_len(node) for node in found) < FOUND_SHARE * text_len(best.node):
        return chosen  # a box or two beside a body: teasers, a form, not its other half
    for node in found:
        prune_region(node, PRUNE_SHARE, {node.mem_id})
    return sorted(chosen + found, key=docorder.position)
