"""Teaser boxes inside a chosen body: the site's other stories, each a linked headline
over a one-line summary, repeated in boxes of one kind.

Under a short brief a grid of teasers ("You may have missed") built of boxes like the
brief's own ("post") sends its summaries' votes to the box holding both, which wins with
them. A box whose first element is a heading made of one link, followed by no more than
one short paragraph, with a sibling built the same way, is such a teaser; the body is
what is left when it holds a prose paragraph of its own besides them. So is a run of
linked headlines, each over its summary paragraph, written straight in the body box and
ending it (with their labels, "Latest news", "Most read"); a linked heading with more text
after it is a section of the body.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.dom import unlink
from monitor.placement import PAGE_LEVEL, nested_in, sibling
from monitor.scoring import section_kind, text_len

SUMMARY_CHARS = 250  # characters of a teaser's text besides its headline, at most
SUMMARY_MIN = 40  # characters of the summary paragraph, at least (a sentence)
LABEL_CHARS = 60  # characters of a row's label heading, at most
MIN_TEASERS = 2  # boxes of one kind under one parent that make a row of teasers
OWN_PROSE = 80  # characters of a paragraph outside the teasers: the block's own story
_HEADINGS = "h2, h3, h4"


def _linked_heading(head: LexborNode) -> bool:
    """A heading whose text is one link's (a headline pointing at another page)."""
    link = head.css_first("a[href]")
    if link is None or (link.attributes.get("href") or "").startswith("#"):
        return False
    return (link.text() or "").strip() == (head.text() or "").strip() != ""


def _teaser(box: LexborNode, head: LexborNode) -> bool:
    """A box opened by ``head`` (its first element, or the first after a linked picture)
    holding one summary paragraph (SUMMARY_MIN to SUMMARY_CHARS characters): a product
    card's name and price, without one, are a buyer's guide's items."""
    first = box.child
    while first is not None and (not first.is_element_node or _picture_link(first)):
        first = first.next
    paras = box.css("p")
    if first is None or first.mem_id != head.mem_id or len(paras) != 1:
        return False
    summary = text_len(paras[0])
    return summary >= SUMMARY_MIN and text_len(box) - text_len(head) <= SUMMARY_CHARS


def _picture_link(node: LexborNode) -> bool:
    """A link (or a figure) holding a picture and no text: a teaser's thumbnail."""
    return (node.tag in ("a", "figure") and node.css_first("img, picture") is not None
            and not (node.text() or "").strip())


def teaser_boxes(node: LexborNode) -> list[LexborNode]:
    """The teaser boxes inside ``node`` that repeat under one parent (MIN_TEASERS)."""
    rows: dict[tuple[int, int, str], list[LexborNode]] = {}  # (parent, tag, first class)
    for head in node.css(_HEADINGS):
        box = head.parent
        if box is None or box.mem_id == node.mem_id or box.tag in PAGE_LEVEL:
            continue
        if box.parent is None or not _linked_heading(head) or not _teaser(box, head):
            continue
        rows.setdefault((box.parent.mem_id, *section_kind(box)), []).append(box)
    found: list[LexborNode] = _trailing_pairs(node)
    for row in rows.values():
        if len(row) >= MIN_TEASERS:
            label = _label_before(row[0])
            found += ([label] if label is not None else []) + row
    return found


def _trailing_pairs(node: LexborNode) -> list[LexborNode]:
    """The run of headline-and-summary pairs written straight in ``node`` that ends it
    (with the label headings among them): a pair in the middle is a linked section."""
    run: list[LexborNode] = []
    pairs = 0
    probe = node.last_child
    while probe is not None:
        if not probe.is_element_node:
            probe = probe.prev
            continue
        before = sibling(probe, before=True)
        if probe.tag == "p" and before is not None and before.tag in ("h2", "h3", "h4") \
                and _linked_heading(before) and SUMMARY_MIN <= text_len(probe) <= SUMMARY_CHARS:
            run += [probe, before]
            pairs += 1
            probe = before.prev
        elif probe.tag in ("h2", "h3", "h4") and probe.css_first("a") is None \
                and text_len(probe) <= LABEL_CHARS and pairs:
            run.append(probe)
            probe = before
        else:
            break
    return run if pairs >= MIN_TEASERS else []


def _label_before(box: LexborNode) -> LexborNode | None:
    """The short unlinked heading just before a row's first box: the row's label ("You may
    have missed"), which would stay behind alone."""
    probe = sibling(box, before=True)
    if probe is None or probe.tag not in ("h2", "h3", "h4") or probe.css_first("a") is not None:
        return None
    return probe if text_len(probe) <= LABEL_CHARS else None


def drop_teaser_rows(node: LexborNode) -> None:
    """Remove the rows of teasers inside a chosen block, when a prose paragraph outside
    them stays (a page of teasers alone is a listing, left as it is)."""
    boxes = teaser_boxes(node)
    if not boxes:
        return
    ids = {box.mem_id for box in boxes}
    if not any(para.mem_id not in ids and not nested_in(para, ids)
               and text_len(para) >= OWN_PROSE for para in node.css("p")):
        return  # (a teaser's summary <p> may be a box of the row itself)
    for box in boxes:
        unlink(box)
