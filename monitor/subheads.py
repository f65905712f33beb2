"""A subheading of the text, however its class reads.

Some sites style every heading in the body with the class of their sidebar's boxes
("widget-title"): pruned as boilerplate by its name, each section of a report lost its
heading. A short heading is the text's own when prose follows it (past an image box, which
holds no text, or a <figure>; a section may open on one short sentence) and prose comes
before it (a paragraph, or a section box ending with one), or it opens a box that no name
marks as chrome. One hidden by its class stays out.

A heading that opens a block the body gathered after the first (siblings of one box:
sections of a long read, text runs split by subheadings) is its own as well: the gathering
takes the blocks that vote, and the heading between them went missing.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from monitor.placement import hidden_inline, last_element, sibling
from monitor.scoring import link_density, node_names, text_len

SUBHEAD_CHARS = 120  # characters; a longer "heading" is a teaser's title, not a subheading
PROSE_BESIDE = 80  # characters of an unlinked <p> that make it a paragraph of the text
SENTENCE_AFTER = 40  # characters: a section may open on one short sentence after its heading
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")
PROSE_LINKS = 0.25  # linked share above which a paragraph is a teaser or a link list
FIGURES_SKIPPED = 2  # image boxes and figures passed over between a heading and its prose
STYLED_PARAGRAPHS = 3  # <p> sharing a class list: the paragraphs' style (dom.PARAGRAPH_STYLE)

_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def in_text(node: LexborNode, tag: str, length: int, chrome: Callable[[str], bool]) -> bool:
    """A short heading between prose paragraphs, or opening a box with prose after it
    (``chrome``: whether class/id names mark boilerplate; a box or a paragraph so named
    is no part of the text)."""
    if tag not in _HEADINGS or not 0 < length <= SUBHEAD_CHARS or hidden_inline(node):
        return False  # ("visually-hidden": a label for screen readers, not on view)
    if not _prose_after(node, chrome):
        return False
    before = sibling(node, before=True)
    if before is not None:  # (a paragraph, or a section box that ends with one)
        return _prose(before, chrome) or _prose(last_element(before), chrome)
    box = node.parent
    return box is not None and not chrome(node_names(box))


def between_blocks(nodes: list[LexborNode], chrome: Callable[[LexborNode], bool]
                   ) -> list[LexborNode]:
    """The gathered sibling blocks (document order) with the short heading right before
    each but the first (``chrome``: whether a block is named as boilerplate)."""
    if len(nodes) < 2:
        return nodes
    chosen = {node.mem_id for node in nodes}
    out = [nodes[0]]
    for node in nodes[1:]:
        head = sibling(node, before=True)
        if head is not None and head.mem_id not in chosen and head.tag in _HEADINGS \
                and 0 < text_len(head) <= SUBHEAD_CHARS and not chrome(head):
            out.append(head)
        out.append(node)
    return out


def _prose_after(node: LexborNode, chrome: Callable[[str], bool]) -> bool:
    probe = sibling(node, before=False)
    for _ in range(FIGURES_SKIPPED):  # (a <figure>'s text is its caption)
        if probe is None or (text_len(probe) and probe.tag != "figure"):
            break
        probe = sibling(probe, before=False)
    return _prose(probe, chrome, SENTENCE_AFTER)


def _prose(node: LexborNode | None, chrome: Callable[[str], bool], shortest: int = PROSE_BESIDE
           ) -> bool:
    """An unlinked paragraph that region pruning keeps: one named as chrome is a teaser's
    ("teaser-text": the heading before it is the teaser's) unless its class is the
    paragraphs' style (dom._paragraph_styles). ``shortest``: a paragraph shorter than
    PROSE_BESIDE (and at least this long) counts when it ends a sentence."""
    if node is None or node.tag != "p":
        return False
    length = text_len(node)
    if length < shortest or link_density(node, length) > PROSE_LINKS:
        return False
    if length < PROSE_BESIDE and not node.text_lexbor().rstrip().endswith(_SENTENCE_ENDS):
        return False
    return not chrome(node_names(node)) or _styled(node)


def _styled(para: LexborNode) -> bool:
    """Whether STYLED_PARAGRAPHS <p> of the paragraph's box share its class list."""
    names = para.attributes.get("class")
    parent = para.parent
    if not names or parent is None:
        return False
    alike = sum(kid.tag == "p" and kid.attributes.get("class") == names for kid in parent.iter())
    return alike >= STYLED_PARAGRAPHS
