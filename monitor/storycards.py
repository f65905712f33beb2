"""Cards of other stories inside a story: one link around a headline and its picture (or
the box that held it), alone in its block ("Read also" boxes, a widget's related stories
set between the paragraphs, a row of them under "More stories").

Inside the story, such a card's headline passed for an item of a list of links in the text
(the tools a post names stay) or for a linked subheading over the next paragraph. A link
that wraps blocks (a heading, a box, a picture: no link in a sentence does) around a
headline of CARD_WORDS or more, with no more text around it in its block than a label
("Read also"), is one; a product's picture over its short name is not, nor a heading's
in-page anchor, nor a linked heading that opens a box of its own text (a roundup's pick
over its description). The label of a box left empty goes with its cards: of a row of
them, or of one card it shares a box with; before a lone card set between the paragraphs,
a heading or a line of more than a few words is the story's (a subheading, a quote), not a
label.
"""

from __future__ import annotations

from itertools import islice

from selectolax.lexbor import LexborNode

from monitor.scoring import flat_text, text_len

CARD_WORDS = 5  # words of a card's headline (a product's or a section's name is shorter)
HEADLINE_LOWER = 2  # lower-case words a headline holds ("shoots", "into", "grow")
LOWER_LETTERS = 3  # letters of such a word ("oz." in a product's name is no word of a sentence)
CARD_CHARS = 200  # characters: a card's text is a headline, not a paragraph
CARD_SLACK = 40  # characters of its block beside the link (a label, a date)
CARD_SHARE = 0.5  # share of a body's text in cards above which the body is a listing
LABEL_CHARS = 80  # a box's label ("More stories") is short
ROW_CARDS = 2  # cards a box held for the line before it to be their label (one: see _label_before)
FLOW_LABEL_WORDS = 3  # words of a lone card's label in the flow ("Read also:", "Lire aussi")
CLOSERS = "\"'”’»)]"  # closing marks a sentence's full stop may stand before ("We won.”)
SMALL_BOX = 12  # element children of a box whose text is read (a card's block, a row of cards)
# a link around one of these wraps a card, not words of a sentence (each entry walks the
# body once: only the kinds seen; <picture> and <figure> are pruned before)
CARD_QUERY = "a[href] > div, a[href] > img, a[href] > h2, a[href] > h3, a[href] > h4"
INLINE = frozenset(("span", "strong", "b", "em", "i", "small"))
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


def _small(node: LexborNode) -> bool:
    """Whether the box has SMALL_BOX element children or fewer (its text is cheap to read;
    the body's own box is never one)."""
    return sum(1 for _ in islice(node.iter(), SMALL_BOX + 1)) <= SMALL_BOX


def _headline(text: str) -> bool:
    """Whether a card's text reads as a headline: CARD_WORDS or more, with lower-case
    words of the sentence among them (a product's name is capitalised throughout)."""
    words = text.split()
    if len(words) < CARD_WORDS:
        return False
    lower = 0
    for word in words:
        if len(word) >= LOWER_LETTERS and word[0].islower():
            lower += 1
            if lower >= HEADLINE_LOWER:
                return True
    return False


def _block(link: LexborNode) -> LexborNode | None:
    """The block that holds the link (past inline wrappers), if it is a small one."""
    block = link.parent
    while block is not None and block.tag in INLINE:
        block = block.parent
    return block if block is not None and _small(block) else None


def _cards(root: LexborNode) -> dict[int, tuple[LexborNode, LexborNode]]:
    """The card links under root, each with its block."""
    found: dict[int, tuple[LexborNode, LexborNode]] = {}
    for inner in root.css(CARD_QUERY):
        link = inner.parent
        if link is None or link.mem_id in found:
            continue
        if (link.attributes.get("href") or "").startswith(("#", "javascript:")):
            continue
        text = flat_text(link)
        if len(text) > CARD_CHARS or not _headline(text):
            continue
        block = _block(link)
        if block is None or len(flat_text(block)) > len(text) + CARD_SLACK or _heads_box(link, block, root):
            continue
        found[link.mem_id] = (link, block)
    return found


def _heads_box(link: LexborNode, block: LexborNode, root: LexborNode) -> bool:
    """Whether the card is a linked heading whose block opens a small box of unlinked text
    of its own (a roundup's pick: its name over its description), not a place in the
    story's flow. (An ad's box is built so too, its line a box in the link, not a heading.)"""
    box = block.parent
    if link.css_first("h2, h3, h4") is None or box is None or box.mem_id == root.mem_id \
            or not _small(box):
        return False
    first = next(box.iter(), None)
    if first is None or first.mem_id != block.mem_id:
        return False
    # (words counted, not text_len: a template's indentation between the cards is no text)
    linked = sum(len(flat_text(each)) + 1 for each in box.css("a"))
    return len(flat_text(box)) - linked > CARD_SLACK


def _label_before(node: LexborNode, cards: int, root: LexborNode) -> LexborNode | None:
    """The label right before ``node``, the box its ``cards`` cards left empty: a short
    heading, or a short line of no sentence (no link, no full stop: "Relacionadas", "Read
    also:"). Before a lone card, a heading or a longer line only if it shares a box with the
    card and nothing else: one in the story's flow is its text (a subheading, a quote)."""
    prev = node.prev
    while prev is not None and prev.tag == "-text" and not (prev.text() or "").strip():
        prev = prev.prev
    if prev is None or prev.tag in ("-text", "-comment"):
        return None
    text = flat_text(prev)
    if not text or len(text) > LABEL_CHARS:
        return None
    heading = prev.tag in HEADINGS or prev.css_first("h2, h3, h4, h5, h6") is not None
    if cards < ROW_CARDS and (heading or len(text.split()) > FLOW_LABEL_WORDS) \
            and not _boxed(node, text, root):
        return None  # (in the story's flow, before a lone card: a subheading, a quote)
    if heading:
        return prev
    return prev if text.rstrip(CLOSERS)[-1:] not in ".!?" and prev.css_first("a") is None \
        else None


def _boxed(node: LexborNode, label: str, root: LexborNode) -> bool:
    """Whether ``node`` and its ``label`` are all their box holds (not the body's flow)."""
    box = node.parent
    return box is not None and box.mem_id != root.mem_id and flat_text(box) == label


def _emptied(block: LexborNode, root: LexborNode) -> LexborNode | None:
    """The outermost small box around ``block`` that its cards' removal left without text."""
    if flat_text(block):
        return None
    empty = block
    while empty.parent is not None and empty.parent.mem_id != root.mem_id \
            and _small(empty.parent) and not flat_text(empty.parent):
        empty = empty.parent
    return empty


def drop_story_cards(nodes: list[LexborNode]) -> None:
    """Remove the story cards under each body node, and the label of a box they empty."""
    for root in nodes:
        cards = _cards(root)
        if not cards or sum(text_len(link) for link, _ in cards.values()) \
                > CARD_SHARE * text_len(root):
            continue  # (a page of cards: a listing, a video's page of others; no story)
        for link, _ in cards.values():
            link.decompose()
        held: dict[int, tuple[LexborNode, int]] = {}  # (a row's box once: its label is one)
        for _, block in cards.values():
            empty = _emptied(block, root) if block.mem_id != root.mem_id else None
            if empty is not None:
                held[empty.mem_id] = (empty, held.get(empty.mem_id, (empty, 0))[1] + 1)
        for empty, count in held.values():
            label = _label_before(empty, count, root)
            if label is not None:
                label.decompose()
