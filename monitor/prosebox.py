"""Prose paragraphs, alone or stacked in a grid's boxes: the body's parts outside the winner.

A body is often split over the boxes of a page grid: the first paragraphs in one row
(``row > column > p, p``), the rest in the next row's wide column beside a sidebar. The
vote takes the long column; the first row, unnamed and not a "lead" box, is the story's
opening. gathering's climb takes plain prose beside the winner's ancestors; this module
says what reads as such prose: one paragraph, or a box of them built about as deep as the
winner's own column.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.dom import is_boilerplate
from monitor.scoring import class_weight, deep_text, link_density, text_len

STACK_BLOCKS = 2  # blocks a stacked box holds at least: a lone paragraph is a dek or an excerpt
STACK_TEXT = 300  # characters in a stack's paragraphs and lists at least (a pitch, a form's hints: less)
STACK_SLACK = 1  # levels a stack may sit above or below the winner's depth (a wrapper more or less)
WRAP_CHILDREN = 3  # children of a wrapper at most (a column and a spacer or two), read cheaply
STACK_LINKS = 0.25  # linked share above which a list or a quote in a stack is navigation
_BOXES = ("div", "section")
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_ASIDES = ("ul", "ol", "blockquote")


def prose_paragraph(node: LexborNode, boxed: bool = False) -> bool:
    """A <p> that reads like prose: long with few links, or a short full sentence.

    ``boxed`` also accepts a neutrally named box holding just one such <p> (the usual
    "intro"/"lead" wrapper); only used above the best container, never for its siblings.
    """
    if boxed and node.tag in _BOXES and class_weight(node) >= 0:
        kids = list(node.iter())
        node = kids[0] if len(kids) == 1 else node
    if node.tag != "p":
        return False
    text = deep_text(node).strip()
    if not text:
        return False
    density = link_density(node, len(text))
    if len(text) > 80 and density < 0.25:
        return True
    return density == 0 and text[-1:] in ".!?。！？\"”" and len(text) > 20


def prose_stack(node: LexborNode, depth: int) -> bool:
    """A box whose content, about ``depth`` single-child boxes down, is a stack of prose.

    ``depth`` is how far below the box's sibling (an ancestor of the winner) the winner
    sits: a part of the same grid holds its paragraphs about as deep (row > column > p),
    within STACK_SLACK; an "about us" drawer beside the whole page is much shallower. Every
    box on the way is neutrally named (no "bio", "promo", "related") and wraps one box
    with text (and, at most, empty spacers).
    """
    for level in range(depth + STACK_SLACK + 1):
        if node.tag not in _BOXES:
            return False
        if level >= depth - STACK_SLACK and _stacked(node):
            return _neutral(node)
        inner = _only_child(node)  # (shape first: names cost more to read)
        if inner is None or not _neutral(node):
            return False
        node = inner
    return False


def _neutral(box: LexborNode) -> bool:
    return class_weight(box) >= 0 and not is_boilerplate(box)


def _only_child(box: LexborNode) -> LexborNode | None:
    """The one child of ``box`` that holds text (a grid column beside an empty spacer
    column), or None if none or several do, or the box holds text of its own. An HTML
    comment is no child: deep_text would read its data as text."""
    kids = list(box.iter())
    if len(kids) > WRAP_CHILDREN or box.text(deep=False).strip():
        return None
    found: LexborNode | None = None
    for kid in kids:
        if kid.is_element_node and deep_text(kid).strip():  # (iter() yields comments)
            if found is not None:
                return None
            found = kid
    return found


def _stacked(box: LexborNode) -> bool:
    """Prose paragraphs, with unlinked headings, lists and quotes between them: a section
    of a body. A linked heading is a teaser's title; one paragraph alone is a dek."""
    blocks = prose = size = 0
    for kid in box.iter():
        tag = kid.tag
        if tag == "-comment":
            continue  # (a template's "<!-- .col -->": no text of the page)
        if tag == "p":
            if not prose_paragraph(kid):
                return False
            prose += 1
            size += len(deep_text(kid))
        elif tag in _HEADINGS:
            if kid.css_first("a") is not None:
                return False
        elif tag not in _ASIDES:
            return False
        else:
            text = text_len(kid)
            if link_density(kid, text) > STACK_LINKS:
                return False
            size += text
        blocks += 1
    return prose > 0 and blocks >= STACK_BLOCKS and size >= STACK_TEXT
