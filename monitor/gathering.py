"""Which blocks besides the winning container belong to the body.

The vote picks one container; a body is often more than that: siblings built the same way
(paragraphs split by ads), a lead paragraph just above it, sections of a long read in boxes
of their own (cousins), minus second copies of the same text. Pruning and voting live in
dom.py and scoring.py; this module only adds and orders blocks.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from monitor import docorder, sectiongaps
from monitor.dom import bio_box, is_boilerplate, prune_region
from monitor.liveentries import same_stream
from monitor.loginbox import is_login_box
from monitor.pagelinks import away_density
from monitor.placement import last_element, nested_in
from monitor.prosebox import prose_paragraph as _prose_paragraph
from monitor.prosebox import prose_stack
from monitor.scoring import (
    Candidate,
    ancestry,
    article_root,
    class_weight,
    flat_text,
    holds_prose,
    in_comments,
    link_density,
    name_tokens,
    section_kind,
    text_len,
)
from monitor.subheads import between_blocks

MIN_DUPLICATE = 40  # characters; a chosen block this long seen twice is a copy, not a refrain
SECTION_LEVELS = 8  # levels above the best block within which a same-class section is found
MIN_SECTION_SCORE = 2.0  # raw score (one sentence-long paragraph) for a same-class section to count
CLIMB_LEVELS = 4  # levels above the best block whose own prose paragraphs join the body
NOTE_PARAGRAPHS = 2  # prose paragraphs a plain sibling box needs to be a note of the body
BIO_LEVELS = 2  # levels above a nearby block searched for an author's box around it
SIBLING_LINKS = 0.3  # linked share above which a same-kind sibling is a teaser list, not body
NOTE_WORDS = frozenset(("note", "notes", "notice", "remark", "remarks"))  # class/id words of a note
_LISTS = frozenset(("ul", "ol", "dl", "table"))  # a list-shaped body's container (or its last block)
COUSIN_LINKS = 0.25  # linked share above which a nearby block is navigation, not more body
SECTION_LINK_SLACK = 0.1  # a section built like the winner may be this much more linked than it


def _same_kind(node: LexborNode, best: LexborNode) -> bool:
    """A sibling built like the best container: one more block of a body split into blocks.

    List-style posts, how-to steps and sectioned long reads repeat one block (same tag, same
    first class) per part; a part that scores low is still part of the body. A classless <div>
    says too little, so only named blocks and <section>s count, and linked lists never do."""
    if node.tag != best.tag or node.tag == "article":
        return False
    names = (node.attributes.get("class") or "").split()
    other = (best.attributes.get("class") or "").split()
    if names[:1] != other[:1] and not (other and set(other) <= set(names)
                                       and len(names) <= len(other) + 1):
        return False  # ("rich-text-block main-blog-post intro": the best's classes and one more)
    if not names and node.tag != "section":
        return False
    if is_boilerplate(node) or in_comments(node):
        return False
    length = text_len(node)
    return length > 0 and away_density(
        node, link_density(node, length), SIBLING_LINKS) <= SIBLING_LINKS


def _sibling_ok(node: LexborNode, cands: dict[int, Candidate], threshold: float,
                best: LexborNode) -> bool:
    """A sibling of the best container that reads like more of the article."""
    cand = cands.get(node.mem_id)
    if cand is not None and cand.score >= threshold:
        return True
    return (_prose_paragraph(node) or _same_kind(node, best) or _prose_box(node, best)
            or prose_stack(node, 0))


def _prose_box(node: LexborNode, best: LexborNode) -> bool:
    """A neutrally named box that holds nothing but prose paragraphs (a note below a list);
    one paragraph alone in a box is a teaser's shape (a "most viewed" excerpt).

    Its shape alone says little: the pitch under an article ("Read us in our app", "Were
    you affected? Send us your photos") is two short paragraphs in a box too. So the box
    is named like the text ("content") or as a note, or it follows a list-shaped body (how
    to read the list)."""
    if node.tag not in ("div", "section"):
        return False
    count = 0
    for kid in node.iter():  # (the children first: most boxes fail on the first one)
        if kid.tag != "p" or not _prose_paragraph(kid):
            return False
        count += 1
    if count < NOTE_PARAGRAPHS or is_boilerplate(node):
        return False
    weight = class_weight(node)
    return weight >= 0 and (weight > 0 or _named_note(node) or _list_shaped(best))


def _named_note(node: LexborNode) -> bool:
    return not NOTE_WORDS.isdisjoint(name_tokens(node))


def _list_shaped(best: LexborNode) -> bool:
    """A list (or a table) as the body's container or as its last block."""
    last = last_element(best)
    return best.tag in _LISTS or (last is not None and last.tag in _LISTS)


def _climb(start: LexborNode, nodes: list[LexborNode], levels: int = CLIMB_LEVELS
           ) -> list[LexborNode]:
    """Add prose paragraphs that sit beside the best container's ancestors.

    Bodies are often split: a lead and the first paragraphs straight in the article wrapper,
    the rest in a nested "more" box that wins the vote on its own. Only plain <p> prose is
    taken from those upper levels (alone, or stacked in a grid box: prosebox), never whole
    blocks, and never across an <article>. ``start``: the best container's parent.
    """
    probe = start
    for depth in range(1, levels + 1):
        parent = probe.parent
        if parent is None or probe.tag in ("main", "body"):
            break
        if parent.tag in ("html", "body", "-document"):
            break
        if probe.tag == "article" and article_root(parent) is None:
            break  # an <article> in another is one of its parts; an outermost one is not
        before: list[LexborNode] = []
        after: list[LexborNode] = []
        seen = False
        for count, child in enumerate(parent.iter()):
            if count > 300:
                break
            if child.mem_id == probe.mem_id:
                seen = True
            elif _prose_paragraph(child, boxed=True) or prose_stack(child, depth):
                (after if seen else before).append(child)
        nodes = before + nodes + after
        probe = parent
    return nodes


def gather(best: Candidate, cands: dict[int, Candidate]) -> list[LexborNode]:
    """The best container plus siblings that look like more of the same article."""
    parent = best.node.parent
    if parent is None or parent.tag in ("html", "#document"):
        return [best.node]
    threshold = max(10.0, best.score * 0.2)
    out: list[LexborNode] = []
    best_id = best.node.mem_id
    separate = best.node.tag == "article"
    for count, child in enumerate(parent.iter()):
        if count > 300:
            break
        is_best = child.mem_id == best_id
        other_article = separate and child.tag == "article"
        if is_best or (not other_article and _sibling_ok(child, cands, threshold, best.node)):
            out.append(child)
    return _climb(parent, between_blocks(out, is_boilerplate)) if out else [best.node]


def _depth_below(ancestor_ids: list[int], node: LexborNode, limit: int) -> int:
    """How many levels above ``node`` its path meets ``ancestor_ids`` (-1: not within limit)."""
    probe: LexborNode | None = node
    for level in range(limit + 1):
        if probe is None:
            return -1
        if probe.mem_id in ancestor_ids:
            return level
        probe = probe.parent
    return -1


def below_body(node: LexborNode | None, levels: int) -> list[LexborNode]:
    """A node and up to ``levels`` of its ancestors, innermost first, stopping at <body>."""
    path: list[LexborNode] = []
    probe = node
    for _ in range(levels + 1):
        if probe is None or probe.tag in ("body", "html"):
            break
        path.append(probe)
        probe = probe.parent
    return path


def _same_class(node: LexborNode, best: LexborNode, kind: tuple[int, str] | None = None) -> bool:
    """Same tag and the same first class: one more section of a sectioned body.

    Sections often add a modifier to the shared class ("rich-text", "rich-text mt-4"), so
    only the first class, the block's kind, has to agree. ``kind``: section_kind(best), when
    the caller has read it once for all its candidates (each read builds a dict; the tag
    is compared first, a read of a number).
    """
    kind = section_kind(best) if kind is None else kind
    return kind[1] != "" and node.tag_id == kind[0] and section_kind(node) == kind


def _named_off(node: LexborNode, best: LexborNode, kind: tuple[int, str]) -> bool:
    """A class/id that marks boilerplate, unless the block is built like the winner (its
    name is then the page's name for body blocks) or is mostly prose (see holds_prose) and
    not the author's box (prose about the writer). ``kind``: the winner's section_kind."""
    if _in_bio_box(node, best):
        return True
    if not (is_boilerplate(node) or class_weight(node) < 0) or _same_class(node, best, kind):
        return False
    return not holds_prose(node, text_len(node))


def _in_bio_box(node: LexborNode, best: LexborNode) -> bool:
    """Whether a block is, or sits in, the author's box (its text an unnamed <div> or two
    below the named one). A box around the winner too is the story's own wrapper, whatever
    its names (a post tagged "author-interview": "tag-author-interview")."""
    return _box_above(node, best, BIO_LEVELS + 1, bio_box)


def _cousin_ok(cand: Candidate, best: Candidate, near: list[int], far: list[int],
               levels: int, threshold: float, kind: tuple[int, str]) -> bool:
    """A candidate near the best one that holds more of the same article.

    Near (within ``levels``) it must score like article text; a block built like the best
    one (same tag and class: the sections of a long read) may sit further away
    (SECTION_LEVELS) and score less.
    """
    if cand.raw >= threshold and _depth_below(near, cand.node, levels) >= 0:
        return True
    return (cand.raw >= MIN_SECTION_SCORE and _same_class(cand.node, best.node, kind)
            and (_depth_below(far, cand.node, SECTION_LEVELS) >= 0
                 or _same_path(cand.node, best.node)))


def _short_section(cand: Candidate, best: LexborNode, kind: tuple[int, str], far: list[int]
                   ) -> bool:
    """A block built like the best one (``kind``: its section_kind), too short for _cousin_ok, that
    holds a sentence of prose (a step's one line; a caption, a teaser's title or a pitch's
    slogan is none)."""
    return (0 < cand.raw < MIN_SECTION_SCORE and kind[1] != "" and cand.node.tag_id == kind[0]
            and section_kind(cand.node) == kind
            and (_depth_below(far, cand.node, SECTION_LEVELS) >= 0
                 or _same_path(cand.node, best))
            and any(_prose_paragraph(para) for para in cand.node.css("p")))


def _tops_body(path: list[LexborNode]) -> bool:
    """Whether a walk up (gathering.below_body) ended right below <body>, not cut short."""
    return bool(path) and path[-1].parent is not None and path[-1].parent.tag == "body"


def _same_path(node: LexborNode, best: LexborNode) -> bool:
    """Built from the same template up to <body>: every box above it has the tag and class
    of the box above the best block (a page of full-width sections, each its own box tree,
    shares no ancestor with the next but <body>)."""
    one, other = below_body(node, SECTION_LEVELS), below_body(best, SECTION_LEVELS)
    if len(one) != len(other) or not all(_tops_body(path) for path in (one, other)):
        return False
    return all(a.tag == b.tag and a.attributes.get("class") == b.attributes.get("class")
               for a, b in zip(one[1:], other[1:], strict=True))


def cousins(best: Candidate, cands: dict[int, Candidate], chosen: list[LexborNode],
            levels: int = 4) -> list[LexborNode]:
    """Add nearby containers that hold more of the article (bodies split by ads or sections).

    A cousin must score like article text, sit within ``levels`` of the best container's
    ancestors (further for blocks built like the best one), not be nested in (or contain)
    what is already chosen, and have few links.
    """
    near = [n.mem_id for n in below_body(best.node, levels)]
    far = [n.mem_id for n in below_body(best.node, SECTION_LEVELS)]
    chosen_ids = {n.mem_id for n in chosen}
    home = article_root(best.node)
    threshold = max(3.0, 0.3 * best.raw)
    own: list[float] = []  # the winner's link density, read once if a section needs it
    extra: list[Candidate] = []
    short: list[Candidate] = []  # same-class sections scoring too little (see sectiongaps)
    kind = section_kind(best.node)
    story: list[LexborNode | None] = []  # story_box(best), queried once a block gets that far
    for cand in cands.values():
        if cand.node.mem_id in chosen_ids or cand.node.mem_id in far:
            continue
        if _cousin_ok(cand, best, near, far, levels, threshold, kind):
            found = extra
        elif _short_section(cand, best.node, kind, far):
            found = short
        else:
            continue
        if ancestry(cand.node) & chosen_ids or in_comments(cand.node):
            continue
        if _named_off(cand.node, best.node, kind) or is_login_box(cand.node):
            continue
        if home is not None and article_root(cand.node) not in (home, None) \
                and not same_stream(cand.node, best.node):
            continue
        if not story:
            story.append(story_box(best.node, levels))
        if story[0] is not None and story[0].mem_id not in ancestry(cand.node):
            continue  # the winner's story box holds its headline: this is the next story
        if _too_linked(cand.node, best.node, own, kind):
            continue
        found.append(cand)
    sections = {c.node.mem_id for c in extra if _same_class(c.node, best.node, kind)}
    extra += sectiongaps.between(short, extra, best, sections)
    if not extra:
        return chosen
    # drop extras nested in other extras (keep the outermost)
    ids = {c.node.mem_id for c in extra}
    kept = [c for c in extra if not nested_in(c.node, ids)]
    for cand in kept:
        prune_region(cand.node, 0.4, {cand.node.mem_id})
    return sorted(chosen + [c.node for c in kept], key=docorder.position)


def story_box(best: LexborNode, levels: int) -> LexborNode | None:
    """The box around the winner, within ``levels``, that holds an <h1> beside it: the
    story's own box. An endless page appends the next story in a box built like it, whose
    body is a cousin of the winner's class (an <h1> inside the winner says nothing: a long
    read's first section may hold it)."""
    if best.css_first("h1") is not None:
        return None
    probe = best.parent
    for _ in range(levels):
        if probe is None or probe.tag in ("body", "html"):
            return None
        if probe.css_first("h1") is not None:
            return probe
        probe = probe.parent
    return None


def _too_linked(node: LexborNode, best: LexborNode, own: list[float], kind: tuple[int, str]) -> bool:
    """A nearby block too linked to be more body: above COUSIN_LINKS, unless it is a section
    built like the winner, not boxed as boilerplate, and no more linked than the winner
    itself (a page of sections that each link their heading and a "more" line); ``own``
    caches the winner's density, ``kind`` is its section_kind."""
    density = away_density(node, link_density(node), COUSIN_LINKS)
    if density <= COUSIN_LINKS:
        return False
    if not _same_class(node, best, kind) or _boxed_off(node, best):
        return True
    if not own:
        own.append(link_density(best))
    return density > own[0] + SECTION_LINK_SLACK


def _boxed_off(node: LexborNode, best: LexborNode) -> bool:
    """Whether a box just above a section (up to BIO_LEVELS), not one around the winner
    too, is named as boilerplate: a digest's paid item ("brief-item sponsored") is built
    like the others inside, and as linked."""
    return _box_above(node.parent, best, BIO_LEVELS, is_boilerplate)


def _box_above(probe: LexborNode | None, best: LexborNode, levels: int,
               named: Callable[[LexborNode], bool]) -> bool:
    """Whether ``probe`` or one of the boxes above it, ``levels`` in all, is ``named``; the
    walk stops at <body>, <article> or <main> and at the boxes around the winner."""
    around = ancestry(best)
    for _ in range(levels):
        if probe is None or probe.tag in ("body", "article", "main") or probe.mem_id in around:
            return False
        if named(probe):
            return True
        probe = probe.parent
    return False


def distinct(nodes: list[LexborNode]) -> list[LexborNode]:
    """The chosen blocks without second copies of the same text (a print or mobile variant).

    A block whose text was already chosen, or sits inside an earlier block's text, adds
    nothing but a duplicate body.
    """
    if len(nodes) < 2:
        return nodes
    kept: list[LexborNode] = []
    texts: list[str] = []
    for node in nodes:
        text = flat_text(node)
        if len(text) >= MIN_DUPLICATE and any(text in seen for seen in texts):
            continue
        kept.append(node)
        texts.append(text)
    return kept
