"""Where a node sits: inside a sentence, inside code, hidden, beside which element.

Node predicates the pruning stages share (dom.py, datelists.py, extract.py): none of them
changes the tree.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from selectolax.lexbor import LexborNode

from monitor import selectors as sel

SENTENCE_CHARS = 20  # characters of a paragraph's own text around an inline element: a sentence
CODE_LEVELS = 3  # levels above a highlighted token searched for its <pre> or <code>
_INLINE = frozenset(("a", "span", "em", "strong", "b", "i"))
_TEXT_BLOCKS = frozenset(("p", "li", "dd", "blockquote"))
HIDING = frozenset(("hidden", "hide", "sr", "invisible", "offscreen"))  # class words that hide
# the blocks that hold the page or its story: never a box of chrome, whatever its names
PAGE_LEVEL = frozenset(("html", "body", "main", "article"))


def hidden_inline(node: LexborNode, attrs: dict[str, str | None] | None = None) -> bool:
    """Hidden by style or by a hiding class ("sr-only", "hidden"): text planted in a
    sentence for scrapers or screen readers, never part of what the page shows.
    ``attrs``: the node's attributes, when the caller read them."""
    if attrs is None:
        attrs = node.attributes  # (read once: each read builds the dict anew)
    if hidden_style(attrs):
        return True
    names = (attrs.get("class") or "").lower()
    return bool(names) and not HIDING.isdisjoint(sel.NAME_TOKENS.split(names))


def in_sentence(node: LexborNode, tag: str | None = None,
                attrs: dict[str, str | None] | None = None) -> bool:
    """Whether an inline element (a link, an emphasis) sits inside running text: its class
    ("recommendation-inline-link") names what it links to, and cutting it would cut words
    out of a sentence. ``tag``, ``attrs``: the node's, when the caller read them (each read
    builds them anew)."""
    if (node.tag if tag is None else tag) not in _INLINE or hidden_inline(node, attrs):
        return False
    parent = node.parent
    if parent is None or parent.tag not in _TEXT_BLOCKS:
        return False
    return len((parent.text(deep=False) or "").strip()) >= SENTENCE_CHARS


def enclosing(node: LexborNode, tag: str, levels: int) -> LexborNode | None:
    """The nearest ancestor with ``tag`` within ``levels`` above ``node`` (its parent first)."""
    probe = node.parent
    for _ in range(levels):
        if probe is None:
            return None
        if probe.tag == tag:
            return probe
        probe = probe.parent
    return None


def in_code(node: LexborNode) -> bool:
    """Whether a node is markup inside a code block: syntax highlighters name their token
    spans "comment", "meta" or "tag", words that mark boilerplate anywhere else."""
    probe = node.parent
    for _ in range(CODE_LEVELS):
        if probe is None or probe.tag in ("pre", "code"):
            return probe is not None
        probe = probe.parent
    return False


def nested_in(node: LexborNode, ids: Collection[int]) -> bool:
    """Whether one of the nodes ``ids`` names is an ancestor of ``node`` (not ``node`` itself):
    what keeps the outermost of a set of nodes found nested in one another."""
    probe = node.parent
    while probe is not None:
        if probe.mem_id in ids:
            return True
        probe = probe.parent
    return False


def inside_cut(node: LexborNode, cut: dict[int, bool]) -> bool:
    """Whether an ancestor of ``node`` is in ``cut`` as True (a victim), walking up only to
    the first ancestor already known; the ancestors passed are remembered with the answer.

    A True is never wrong: a victim stays one. A False may be (a consent or sign-up box
    that becomes a victim holds elements met before it): the block is then decided
    needlessly, never skipped wrongly."""
    passed: list[int] = []
    probe = node.parent
    known = False
    while probe is not None:
        key = probe.mem_id
        found = cut.get(key)
        if found is not None:
            known = found
            break
        passed.append(key)
        probe = probe.parent
    for key in passed:
        cut[key] = known
    return known


def overlaps(node: LexborNode, nodes: list[LexborNode]) -> bool:
    """Whether ``node`` is one of ``nodes``, sits inside one, or holds one: what a block
    added to a body's blocks must not do (its text would come twice)."""
    ids = {other.mem_id for other in nodes}
    return node.mem_id in ids or nested_in(node, ids) \
        or any(nested_in(other, (node.mem_id,)) for other in nodes)


def sibling(node: LexborNode, before: bool) -> LexborNode | None:
    """The element right before (or after) a node, past text and comments."""
    probe = node.prev if before else node.next
    while probe is not None and not probe.is_element_node:
        probe = probe.prev if before else probe.next
    return probe


def last_element(node: LexborNode) -> LexborNode | None:
    """A node's last child element, past text and comments."""
    last = node.last_child
    return last if last is None or last.is_element_node else sibling(last, before=True)


def siblings(node: LexborNode, before: bool, limit: int) -> Iterator[LexborNode]:
    """The ``limit`` elements nearest before (or after) a node, nearest first, past text
    and comments (fewer where the parent has no more)."""
    probe = sibling(node, before)
    for _ in range(limit):
        if probe is None:
            return
        yield probe
        probe = sibling(probe, before)


def hidden_style(attrs: dict[str, str | None]) -> bool:
    style = attrs.get("style")
    return bool(style and sel.HIDDEN_STYLE.search(style))


def carousel_slide(node: LexborNode, attrs: dict[str, str | None] | None = None) -> bool:
    """A carousel's slide out of view: aria-hidden="true" beside the one on view, built
    alike (first class word) and marked aria-hidden="false". Its text is on the page (a
    gallery's captions, a story's cards), hidden for a screen reader only until it slides
    in; a slider's clones ("slick-cloned", "swiper-slide-duplicate") are copies."""
    attrs = node.attributes if attrs is None else attrs  # (the caller's, when it read them)
    names = attrs.get("class") or ""
    if attrs.get("aria-hidden") != "true" or not names or _CLONE.search(names):
        return False
    parent, kind = node.parent, names.split()[0]
    return parent is not None and any(
        (shown := child.attributes).get("aria-hidden") == "false"
        and (shown.get("class") or "").split()[:1] == [kind] for child in parent.iter())


_CLONE = re.compile(r"clone|duplicate", re.I)
