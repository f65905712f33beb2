"""Widen the chosen container to the ancestor that holds the whole of a sectioned body.

Paragraph voting credits a paragraph's parent and grandparent only. A body written as a
run of sections (a heading and a few paragraphs each, every section in its own wrapper or
two) spreads its votes over many small boxes; the best of them wins and the rest of the
article is lost (the cousins of dom.py reach four levels, or same-class sections only).
The ancestor that holds at least twice the winner's voted text, is still mostly that text,
and adds few links, no other <article> and no second copy of the winner, is the article.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.chrome import in_chrome
from monitor.gathering import below_body
from monitor.scoring import (
    Candidate,
    ancestry,
    article_root,
    deep_text,
    link_density,
    name_tokens,
    text_len,
)
from monitor.tagids import tag_ids

WIDEN_LEVELS = 12  # ancestors above the winner searched for the whole body
WIDEN_GAIN = 2.0  # voted text an ancestor must hold, over the winner's, to replace it
WIDEN_DENSITY = 0.45  # share of an ancestor's text that voted paragraphs must cover
HELD_CHARS = 80  # paragraph characters (one prose paragraph) that keep a block of a widened region
CAPTION_CHARS = 300  # characters of a box that opens with an image below which its text is a caption
CAPTION_SHARE = 0.5  # share of the voted text above which the image blocks' captions are the body
CAPTION_LEVELS = 2  # the voted block and its parent: where an image block's caption paragraph sits
WIDEN_MAX_BASE = 8000  # characters of paragraphs: a winner this long is a whole article already
COPY_PROBE = 80  # characters of the winner's text looked for twice (a hidden responsive copy)
WIDEN_STEP = 1.3  # voted text a higher ancestor must add over a lower one that already qualified
TEASER_CHARS = 500  # characters below which an <article> beside the winner is a teaser card
TEASER_LINKS = 0.05  # linked share of a short <article> that makes it a teaser card, not a step
WEAK_RAW = 8.0  # vote score of a winner too weak to be the body alone (two short paragraphs)
WEAK_DENSITY = 0.3  # WIDEN_DENSITY for a weak winner: cards hold unvoted labels and buttons
WEAK_LOOSE = 0.3  # share of an ancestor's text, in boxes beside the path with no vote, that a
# weak winner's lower density allows (a panel of listings or a table is no card's labels)
WIDEN_LINKS = 0.15  # linked share of the added text above which it is teasers, not sections
HEAD_CHARS = 200  # characters; a longer block before the first section is more than a header line
BODY_OWN = 0.5  # share of the page text in paragraphs straight in <body>: a page with no article box
# elements that open the body: prose and section headings (an article header has an <h1>)
BODY_OPENERS = ("p", "pre", "blockquote", "h2", "h3", "h4", "h5", "h6")
_OPENER_SELECTOR = ", ".join(BODY_OPENERS)
HEAD_KEEPS = ("ul", "ol", "dl", "table")  # a key-points list or a facts table opens a body too
# a sentence in a block's text: a header (byline, role, date) has none
_SENTENCE = re.compile(r"[.!?。！？][\"”’)]?(?:\s|$)")
# Blocks never held for the body, whatever prose they hold: dialogs and who-wrote-it boxes.
NEVER_HELD = frozenset((
    "modal", "popup", "overlay", "dialog", "tooltip", "byline", "bio", "newsletter", "signup",
))
# A box whose class list holds this class on its own is hidden until a script shows it (a
# paywall's pitch): never held either. Only the whole class: "field--label-hidden" hides a
# field's label, not the field. (Pruning still spares such a box of prose paragraphs, a
# "continue reading" fold, and an accordion's panel.)
HIDING_CLASS = "hidden"
_IMAGE_IDS = tag_ids(("img", "picture"))


def _voted_chars(cands: dict[int, Candidate], ids: list[int]) -> list[int]:
    """Characters of voted text inside each of the nodes ``ids`` (a path, innermost first).

    Each walk up from a candidate stops at the first node already placed (``lowest``: the
    index of the innermost path node holding it), so shared ancestors are visited once.
    """
    outside = len(ids)
    lowest = {key: index for index, key in enumerate(ids)}
    own = [0] * (outside + 1)
    for cand in cands.values():
        if not cand.own:
            continue
        walked: list[int] = []
        probe: LexborNode | None = cand.node
        index = outside
        while probe is not None:
            found = lowest.get(probe.mem_id)
            if found is not None:
                index = found
                break
            walked.append(probe.mem_id)
            probe = probe.parent
        for key in walked:
            lowest[key] = index
        own[index] += cand.own
    totals, running = [], 0
    for index in range(outside):
        running += own[index]
        totals.append(running)
    return totals


def _holds_others(node: LexborNode, best: LexborNode, home: int | None, probe: str) -> bool:
    """Whether an ancestor holds more than the winner's article: another <article> (a list
    of posts) or a second copy of the winner's text (a responsive variant)."""
    lineage = ancestry(best)
    for other in node.css("article"):
        if other.mem_id not in lineage and (home is None or article_root(other) != home):
            length = text_len(other)
            density = link_density(other, length)
            if density > WIDEN_LINKS or (length < TEASER_CHARS and density > TEASER_LINKS):
                return True
    return bool(probe) and deep_text(node).count(probe) > 1


def _loose_text(best: LexborNode, path: list[LexborNode], cands: dict[int, Candidate]
                ) -> list[int]:
    """Characters, for each node of ``path`` (the winner's ancestors, innermost first), in
    the boxes hung off the path below it that hold no voted text: a panel of its own, where
    the unvoted text of a story told in cards sits in the cards beside their paragraphs."""
    held: set[int] = set()
    for cand in cands.values():
        if cand.own:
            held |= ancestry(cand.node)
    loose, running, below = [], 0, best
    for node in path:
        running += sum(text_len(kid) for kid in node.iter()
                       if kid.mem_id != below.mem_id and kid.mem_id not in held)
        loose.append(running)
        below = node
    return loose


def widen(best: Candidate, cands: dict[int, Candidate]) -> Candidate:
    """The ancestor of ``best`` that holds the sections around it, or ``best`` itself.

    It must hold WIDEN_GAIN times the winner's voted text, be mostly voted text with few
    links, sit outside page chrome and hold no other article or copy. A weak winner (a
    sentence or two, WEAK_RAW) is one card of a story told in cards, whose labels and
    buttons cast no vote: its ancestor may be less voted text, where that text sits in
    the cards (WEAK_LOOSE), but no more linked (a brief's column of teasers, each a linked
    headline over a summary, is as voted).
    """
    if best.own >= WIDEN_MAX_BASE or sum(c.own for c in cands.values()) < WIDEN_GAIN * best.own:
        return best  # quick exits: the winner is long already, or holds most voted text
    path = below_body(best.node.parent, WIDEN_LEVELS - 1)  # up to WIDEN_LEVELS ancestors
    if not path:
        return best
    totals = _voted_chars(cands, [best.node.mem_id] + [n.mem_id for n in path])
    base = totals[0]
    if base >= WIDEN_MAX_BASE or totals[-1] < WIDEN_GAIN * base:
        return best
    text = deep_text(best.node)
    probe = text[len(text) // 2:][:COPY_PROBE] if len(text) >= 2 * COPY_PROBE else ""
    home = article_root(best.node)
    own_length = text_len(best.node)
    own_links = link_density(best.node, own_length) * own_length
    chosen: LexborNode | None = None
    needed = WIDEN_GAIN * base
    density = WEAK_DENSITY if best.raw < WEAK_RAW else WIDEN_DENSITY  # (a sentence or two)
    loose: list[int] = []  # (_loose_text: only for a weak winner's thinly voted ancestor)
    for level, (node, voted) in enumerate(zip(path, totals[1:], strict=True)):
        if node.tag in ("footer", "nav", "aside") or in_chrome(node):
            break
        if voted < needed:
            continue
        length = max(text_len(node), 1)
        if voted < density * length:
            continue
        if voted < WIDEN_DENSITY * length:
            loose = loose or _loose_text(best.node, path, cands)
            if loose[level] > WEAK_LOOSE * length:
                continue
        added = length - own_length  # the text widening adds must not be teaser links
        if added > 0 and link_density(node, length) * length - own_links > WIDEN_LINKS * added:
            continue
        if _holds_others(node, best.node, home, probe):
            break
        chosen, needed = node, WIDEN_STEP * voted  # higher up only for more sections
    if chosen is None:
        return best
    cand = cands.get(chosen.mem_id)
    if cand is None:
        cand = Candidate(chosen, order=best.order)
    cand.score, cand.raw = best.score, max(cand.raw, best.raw)
    return cand


def held_paths(region: Candidate, cands: dict[int, Candidate]) -> set[int]:
    """mem_ids of the voted blocks inside a widened region and of their ancestors.

    Pruning by class name must not cut the sections that made the region win: page
    builders name every block of the body "widget" or "element".
    """
    held: set[int] = set()
    top = region.node.mem_id
    for cand in _held_blocks(cands):
        probe: LexborNode | None = cand.node
        path: list[int] = []
        while probe is not None:
            path.append(probe.mem_id)
            if probe.mem_id == top:
                held.update(path)
                break
            if not NEVER_HELD.isdisjoint(name_tokens(probe)) or _class_hidden(probe):
                break
            probe = probe.parent
    return held


def _held_blocks(cands: dict[int, Candidate]) -> list[Candidate]:
    """The voted blocks with a prose paragraph, less the captions of image blocks, unless
    captions are most of that text (a gallery: the captions are what the page says)."""
    voted = [cand for cand in cands.values() if cand.own >= HELD_CHARS]
    captions = [cand for cand in voted
                if cand.own <= CAPTION_CHARS and _caption_box(cand.node)]
    if not captions or sum(c.own for c in captions) > CAPTION_SHARE * sum(c.own for c in voted):
        return voted
    skipped = {cand.node.mem_id for cand in captions}
    return [cand for cand in voted if cand.node.mem_id not in skipped]


def _caption_box(node: LexborNode) -> bool:
    """Whether a short paragraph (or its box) sits in an image block: a box of few
    characters that shows an image before any text, its paragraphs the caption and the
    credit, not a section of the body."""
    box: LexborNode | None = node
    for _ in range(CAPTION_LEVELS):
        if box is None or text_len(box) > CAPTION_CHARS:
            return False
        if _image_first(box):
            return True
        box = box.parent
    return False


def _image_first(box: LexborNode) -> bool:
    """Whether an <img> or <picture> comes before any text in the box (a walk that ends at
    the first of them: a few nodes)."""
    for node in box.traverse(include_text=True):
        if node.tag_id in _IMAGE_IDS:
            return True
        if node.tag == "-text" and (node.text_content or "").strip():
            return False
    return False


def _class_hidden(node: LexborNode) -> bool:
    """Whether the node's class list holds HIDING_CLASS as a class of its own, and the node
    is no panel of a set shown in turns: a tab set's or a carousel's other panels are hidden
    the same way beside a shown twin (the same tag and classes but "hidden"), and are the
    story's content, where a paywall's pitch has no twin."""
    names = (node.attributes.get("class") or "").split()
    if HIDING_CLASS not in names:
        return False
    shown = sorted(name for name in names if name != HIDING_CLASS)
    parent = node.parent
    for twin in parent.iter() if parent is not None else ():
        if twin.tag == node.tag and sorted((twin.attributes.get("class") or "").split()) == shown:
            return False
    return True


def trim_head(region: LexborNode, held: set[int]) -> None:
    """Drop the header blocks that open a widened region before its first section.

    A region widened to the article holds its header too: byline, role and date lines in
    unnamed boxes (only data attributes name them) that pruning by class cannot see. A
    leading child that holds no voted block, no <p>, no section heading (an accordion's
    first title) and no sentence, and is short, is that header, not body; the first child
    that is any of those ends the trim.
    """
    for child in list(region.iter()):
        if child.mem_id in held or child.tag in BODY_OPENERS or child.tag in HEAD_KEEPS:
            return
        text = (child.text() or "").strip()  # (a comment among them reads as no text)
        if len(text) > HEAD_CHARS or _SENTENCE.search(text) or child.css_first(_OPENER_SELECTOR):
            return
        child.decompose()


def body_level(root: LexborNode, cands: dict[int, Candidate]) -> bool:
    """Whether the page's text is written straight into <body> (an old hand-written page):
    most of it in paragraphs whose parent is <body>, so no box holds the article.

    <body> never competes in the vote; a caption box or a list then won, and only the
    prose paragraphs beside it were gathered: the headings and lists of the text were lost.
    """
    own = cands.get(root.mem_id)
    return own is not None and own.own >= BODY_OWN * text_len(root)
