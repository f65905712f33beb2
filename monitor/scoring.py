"""Score containers by the paragraphs they hold and choose the main one (readability-style).

Each paragraph votes for its parent (fully) and grandparent (half); the best container is
then corrected for link density and class/id priors, and for the usual ways a vote goes
wrong: a wrapper that wins on its class name alone, a single block of a body split across
siblings, a comment thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.caseless import finds
from monitor.chrome import SCORE, top_outside_chrome
from monitor.tagids import LINK_ID, PAGE_TOP_IDS

CLASS_BONUS = 25.0  # readability's prior for article-ish (or boilerplate-ish) class names
INNER_SHARE = 0.25  # adjusted score share a nested holder needs to replace its wrapper
CLASS_EVIDENCE = 8.0  # raw score (two real paragraphs) for the full class bonus; it falls off squared
FAMILY_MIN = 3  # same-class blocks needed before they count as one body split into sections
FAMILY_SHARE = 1.5  # their summed raw score over the winner's for the family to take over
FAMILY_PARAGRAPHS = 2  # votes a block needs to be a section (a teaser card has one excerpt)
FAMILY_LINKS = 0.25  # linked share above which the family's lead block is a teaser list
FAMILY_LEAD = 0.3  # raw score share of the winner the family's best block needs on its own
PROSE_BLOCK = 400  # characters; a block named like boilerplate but holding this much prose is body
PROSE_SHARE = 0.5  # share of its text in unlinked prose paragraphs (a review box: specs + prose)
PROSE_PARAGRAPH = 80  # characters; a <p> this long with few links is prose, not a widget label
PROSE_LINKS = 0.2  # linked share above which a paragraph is a teaser, not prose
NAME_CACHE = 8192  # distinct class/id strings remembered: a page repeats its few names often


@dataclass(slots=True)
class Candidate:
    """A container that paragraphs voted for."""

    node: LexborNode
    score: float = 0.0
    paragraphs: int = 0
    chars: int = 0
    order: int = 0
    raw: float = 0.0
    own: int = 0  # characters of the paragraphs it holds itself (votes as parent, not grandparent)


_RAW = attrgetter("raw")  # (a C key: a lambda is a Python call per candidate)


@dataclass(slots=True)
class Measures:
    """What best_candidate read off containers, by mem_id: (text length, link density) and
    whether each sits in a comment thread. The second vote's leaders are mostly the first
    one's; reading them again cost a third of best_candidate (~35 us of 1.9 ms a page).

    A length or density holds while nothing under the node changed: ``forget`` drops
    those of the nodes a removal changed (voting.Removals; a node it took along is never
    voted for again). Nodes are never moved, and attributes never change, so the
    comment-thread answers hold for every node left."""

    sizes: dict[int, tuple[int, float]] = field(default_factory=dict)
    comments: dict[int, bool] = field(default_factory=dict)
    weights: dict[int, float] = field(default_factory=dict)  # class_weight (attributes: hold)
    tokens: dict[int, bool] = field(default_factory=dict)  # _boiler_token (attributes: hold)
    prose: dict[int, bool] = field(default_factory=dict)  # holds_prose (forgotten with sizes)

    def size(self, node: LexborNode) -> tuple[int, float]:
        """text_len(node) and link_density(node) of the two, read once."""
        key = node.mem_id
        found = self.sizes.get(key)
        if found is None:
            length = text_len(node)
            found = self.sizes[key] = (length, link_density(node, length))
        return found

    def in_comments(self, node: LexborNode) -> bool:
        """in_comments(node), read once."""
        key = node.mem_id
        found = self.comments.get(key)
        if found is None:
            found = self.comments[key] = in_comments(node)
        return found

    def earned(self, cand: Candidate, length: int) -> float:
        """The class prior, a bonus only in proportion to the text the container really
        holds (``length``: its text_len); the readings of the node made once.

        Otherwise a one-line cell called "post-footer-text" or a date span called
        "story-time" beats a plainly named body on its name alone. Penalties stay whole,
        except for a block that is mostly prose (see holds_prose)."""
        node, key = cand.node, cand.node.mem_id
        weight = self.weights.get(key)
        if weight is None:
            weight = self.weights[key] = class_weight(node)
        if weight > 0:
            boiler = self.tokens.get(key)
            if boiler is None:
                boiler = self.tokens[key] = _boiler_token(node)
            # "modal-body", "popup-content": the bonus word names a dialog's part
            return 0.0 if boiler else weight * min(1.0, cand.raw / CLASS_EVIDENCE) ** 2
        if weight < 0:
            prose = self.prose.get(key)
            if prose is None:
                prose = self.prose[key] = holds_prose(node, length)
            return 0.0 if prose else weight  # a page builder's "widget" holding the prose
        return weight

    def forget(self, changed: set[int]) -> None:
        """Drop the sizes (and prose answers) of the nodes whose text changed since they
        were read."""
        for found in (self.sizes, self.prose):
            for key in [key for key in found if key in changed]:
                del found[key]


def text_len(node: LexborNode, deep: bool = True) -> int:
    """Length of a node's (an element's) text without surrounding white space (deep: read
    as deep_text reads it)."""
    return len(node.text_lexbor().strip() if deep else (node.text(deep=False) or "").strip())


def deep_text(node: LexborNode) -> str:
    """node.text() of an element: lexbor's own text content, the same concatenation of the
    text nodes under it, built without selectolax's per-fragment buffer (a third cheaper).
    Not for a comment (its text content is its data; text() gives ""): iter() yields them."""
    return node.text_lexbor()


def flat_text(node: LexborNode) -> str:
    """An element's text with its white space collapsed to single spaces: a box's markup is
    indented deeply, and its indentation is no text."""
    return " ".join(node.text_lexbor().split())


def ancestry(node: LexborNode | None) -> set[int]:
    """mem_ids of a node and its ancestors: the path pruning must not cut."""
    found: set[int] = set()
    while node is not None:
        found.add(node.mem_id)
        node = node.parent
    return found


def holds_prose(node: LexborNode, length: int) -> bool:
    """Whether a block of ``length`` characters is mostly unlinked prose paragraphs.

    Page builders name every block of the body "widget", "module" or "element"; a name says
    less than what the block holds. Comment threads are prose too, so they never count.
    """
    if length < PROSE_BLOCK or in_comments(node):
        return False
    prose = 0
    for para in node.css("p"):
        size = text_len(para)
        if size >= PROSE_PARAGRAPH and link_density(para, size) <= PROSE_LINKS:
            prose += size
    return prose >= PROSE_SHARE * length


def link_density(node: LexborNode, total: int | None = None) -> float:
    """Share of a node's text that sits inside links.

    The links of a node of little text (a paragraph) are found by a walk over its few
    elements: a css() query costs ~20,000 instructions before it looks at one (lexbor
    builds and frees its selector memory each time), a walk ~700 an element."""
    total = text_len(node) if total is None else total
    if total <= 0:
        return 0.0
    links = [a for a in node.traverse() if a.tag_id == LINK_ID] if total < WALKED_TEXT \
        else node.css("a")
    linked = sum([len(a.text_lexbor().strip()) for a in links])  # (text_len, inlined)
    return min(linked / total, 1.0)


WALKED_TEXT = 1000  # characters of text below which link_density walks the node


def node_names(node: LexborNode) -> str:
    """A node's class and id in one string: what every class/id name pattern is matched
    against."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def name_tokens(node: LexborNode) -> tuple[str, ...]:
    """A node's class and id as lower-case words (split at selectors.NAME_TOKENS): what
    the whole-word name tests compare."""
    return _name_tokens(node_names(node))


@lru_cache(maxsize=NAME_CACHE)
def _name_tokens(names: str) -> tuple[str, ...]:
    """name_tokens of the names (cached: pages repeat their names, ~0.4 us a split)."""
    return tuple(sel.NAME_TOKENS.split(names.lower()))


def class_weight(node: LexborNode) -> float:
    """Readability's class/id prior: article-ish names up, boilerplate-ish names down."""
    attrs = node.attributes  # (node_names' string from the dict at hand: each read builds one)
    weight = _name_weight(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
    if node.tag in ("article", "main"):
        weight += 10.0
    item = attrs.get("itemtype") or ""
    if "Article" in item or "BlogPosting" in item or "Report" in item:
        weight += CLASS_BONUS
    return weight


@lru_cache(maxsize=NAME_CACHE)
def _name_weight(names: str) -> float:
    """The class/id names' part of class_weight (cached: pages repeat their names)."""
    weight = 0.0
    if names.strip():
        if finds(sel.NEGATIVE_CLASS, unlive(names)):
            weight -= CLASS_BONUS
        if finds(sel.POSITIVE_CLASS, names):
            weight += CLASS_BONUS
    return weight


@lru_cache(maxsize=NAME_CACHE)
def _comment_names(names: str) -> bool:
    """Whether class/id names mark a comment thread (cached: pages repeat their names)."""
    return finds(sel.COMMENT_CLASS, unlive(names))


def unlive(names: str) -> str:
    """Class/id names without a live blog's entry names (sel.LIVE_COMMENT): "comment"
    there names the story's minute-by-minute entries, not a reader's thread."""
    return sel.LIVE_COMMENT.sub(" ", names) if "ive" in names else names


def _boiler_token(node: LexborNode) -> bool:
    """Whether a class/id token is a boilerplate word on its own (selectors.BOILER_WORDS)."""
    return not sel.BOILER_WORDS.isdisjoint(name_tokens(node))


def outer_article(node: LexborNode, levels: int = 10) -> LexborNode | None:
    """The outermost <article> at or above a node (within ``levels``): separate articles
    are separate, but an <article> nested in another (the items of a listicle, a review
    box) is part of it."""
    probe: LexborNode | None = node
    found: LexborNode | None = None
    for _ in range(levels):
        if probe is None:
            break
        tag = probe.tag  # (read once: each read builds a str)
        if tag in ("body", "html"):
            break
        if tag == "article":
            found = probe
        probe = probe.parent
    return found


def article_root(node: LexborNode, levels: int = 10) -> int | None:
    """mem_id of outer_article(node): what tells two blocks' stories apart."""
    found = outer_article(node, levels)
    return None if found is None else found.mem_id


def in_comments(node: LexborNode, levels: int = 4) -> bool:
    """Whether a node sits in a comment thread (reader text, never the article)."""
    probe: LexborNode | None = node
    for _ in range(levels):
        if probe is None:
            return False
        if _comment_names(node_names(probe)):
            return True
        probe = probe.parent
    return False


def best_candidate(
    cands: dict[int, Candidate], top: int = 6, family: bool = True,
    measures: Measures | None = None,
) -> Candidate | None:
    """The container with the best score after the link-density and class penalties.

    ``family`` lets a body split into same-class sections take over (see _family_lead)
    and keeps page chrome out of the running; without it, the plain readability vote.
    ``measures``: what an earlier call read (see Measures), filled by this one.
    """
    if not cands:
        return None
    if family:
        ranked = top_outside_chrome(cands, top)
    else:
        ranked = sorted(cands.values(), key=SCORE, reverse=True)[:top]
    measures = measures if measures is not None else Measures()
    best: Candidate | None = None
    best_score = float("-inf")
    for cand in ranked:
        if cand.node.tag_id in PAGE_TOP_IDS or measures.in_comments(cand.node):
            continue
        length, density = measures.size(cand.node)
        cand.score = (cand.score + measures.earned(cand, length)) * (1.0 - density)
        if cand.score > best_score:
            best, best_score = cand, cand.score
    best = _inner_holder(best, ranked, best_score, measures)
    return _family_lead(best, cands, measures) if family else best


def section_kind(node: LexborNode) -> tuple[int, str]:
    """Tag (its lexbor id: no str built) and first class: what sections of one body share
    ("rich-text mt-4", "rich-text"). Compare kinds of one page only: a custom tag's id is
    the page's own."""
    return _kind(node, node.attributes.get("class"))


def _kind(node: LexborNode, classes: str | None) -> tuple[int, str]:
    """section_kind(node) of the node's class attribute, read already."""
    names = (classes or "").split()
    return node.tag_id, names[0] if names else ""


def _family_lead(best: Candidate | None, cands: dict[int, Candidate], measures: Measures
                 ) -> Candidate | None:
    """The lead block of a body split into same-class sections, when they outweigh the winner.

    A long read cut into ``<div class="section ...">`` blocks (same tag and first class)
    loses the vote to any single dense block (a list of references, a table) although its
    sections together hold far more text; the lead section wins instead, and gathering.cousins
    adds its siblings.
    """
    if best is None or not _may_take_over(best, cands):
        return best
    kinds: dict[tuple[int, str], list[Candidate]] = {}  # every named candidate, by kind
    for cand in cands.values():  # (the class read once: each .attributes builds a dict)
        if classes := cand.node.attributes.get("class"):
            kinds.setdefault(_kind(cand.node, classes), []).append(cand)
    own = kinds.get(section_kind(best.node), [])  # the winner's own sections count whatever their votes
    families = {k: [m for m in ms if m.paragraphs >= FAMILY_PARAGRAPHS] for k, ms in kinds.items()}
    lead, lead_total = best, FAMILY_SHARE * max(best.raw, sum(m.raw for m in own))
    for members in families.values():
        total = sum(m.raw for m in members)
        if len(members) < FAMILY_MIN or total <= lead_total:
            continue
        top = max(members, key=_RAW)
        if top.raw < FAMILY_LEAD * best.raw or measures.in_comments(top.node) \
                or class_weight(top.node) < 0:
            continue
        if measures.size(top.node)[1] > FAMILY_LINKS or best.node.mem_id in ancestry(top.node):
            continue  # a teaser list, or sections the winner already holds
        lead, lead_total = top, total
    if lead is not best:
        lead.score = lead.raw * (1.0 - measures.size(lead.node)[1])
    return lead


def _may_take_over(best: Candidate, cands: dict[int, Candidate]) -> bool:
    """Whether a family may outweigh the winner in _family_lead: FAMILY_MIN sections or more
    of one kind whose raw scores sum past FAMILY_SHARE times the winner's, the least that
    _family_lead's bar can be (the winner's own sections only raise it). Only the classes of
    the candidates with FAMILY_PARAGRAPHS votes are read (a section has them): most have
    fewer, and each read builds the node's attributes anew (~1.6k instructions)."""
    totals: dict[tuple[int, str], list[float]] = {}  # by kind: members, summed raw score
    for cand in cands.values():
        if cand.paragraphs >= FAMILY_PARAGRAPHS and (
                classes := cand.node.attributes.get("class")):
            found = totals.setdefault(_kind(cand.node, classes), [0, 0.0])
            found[0] += 1
            found[1] += cand.raw
    bar = FAMILY_SHARE * best.raw
    return any(count >= FAMILY_MIN and total > bar for count, total in totals.values())


def _inner_holder(
    best: Candidate | None, ranked: list[Candidate], best_score: float, measures: Measures
) -> Candidate | None:
    """A container nested in the winner that holds more paragraphs of its own than the winner.

    A wrapper that only echoes its child's half votes can still win on a class bonus
    ("story", "content") and then drags its sidebars along; the child is the article.
    """
    if best is None:
        return None
    for cand in ranked:
        if cand is best or cand.raw <= best.raw or cand.score < INNER_SHARE * best_score:
            continue
        if measures.in_comments(cand.node):  # a "#comments" holder would then shield the thread
            continue
        if best.node.mem_id in ancestry(cand.node.parent):
            return cand
    return best
