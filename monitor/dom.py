"""DOM stages of automatic extraction: prune boilerplate, gather the body around the winner.

The heavy lifting stays inside lexbor (CSS selection, subtree text). Python only loops over
paragraph-like elements and a handful of candidates, which keeps a page within a few
milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.anchors import anchor_id
from monitor.bodynames import named_like_body
from monitor.boilernames import boilerplate_names
from monitor.consentbox import consent_box
from monitor.faqtoggles import question_toggle
from monitor.junkwalk import Walked, walk
from monitor.liveheads import entry_heading
from monitor.loginbox import login_boxes
from monitor.markers import PARA
from monitor.placement import (
    HIDING,
    PAGE_LEVEL,
    carousel_slide,
    hidden_style,
    in_code,
    in_sentence,
    inside_cut,
    sibling,
)
from monitor.ruby import bracket_reading, rare_readings, spelled_reading
from monitor.scoring import (
    NAME_CACHE,
    Candidate,
    ancestry,
    best_candidate,
    holds_prose,
    in_comments,
    name_tokens,
    text_len,
)
from monitor.series import cuts_most, spare_series
from monitor.signupbox import signup_box
from monitor.subheads import in_text
from monitor.tagids import tag_id, tag_ids
from monitor.voting import Removals, score_candidates

PARAGRAPH_STYLE = 3  # <p> sharing one class list: that class is the page's paragraph style
NOTE_LEAD = 80  # characters of the paragraph right before an <aside> that make it a note in the text
HEADING_CHARS = 200  # characters: a box holding more than this is no lone subheading
_PANEL_ROLES = frozenset(("tabpanel", "region"))
_TOGGLE = "[aria-expanded]"  # a control that opens and closes a panel
_ACCORDION_HEADERS = frozenset(("h2", "h3", "h4", "h5", "h6", "dt"))  # where a panel's toggle sits
_CHROME_TAGS = frozenset(("nav", "aside", "footer", "menu", "header"))
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# class words of an embedded post (another site's quote): never the article's pull quote
_EMBEDS = ("embed", "tweet", "twitter", "instagram", "tiktok", "facebook", "bluesky", "mastodon")
# class words of a panel that folds open under its heading (unpacked: _unfolded tests each)
_ACCORDION, _COLLAPSE = _FOLD_WORDS = ("accordion", "collaps")
_NOT_BODY_WORDS = sel.BIO_WORDS | sel.DIALOG_WORDS

__all__ = [
    "Candidate", "ancestry", "best_candidate", "boilerplate_names", "prune_region", "remove_boilerplate",
    "remove_junk", "score_candidates", "text_len",
]


def remove_junk(tree: LexborHTMLParser, walked: Walked | None = None) -> None:
    """Drop elements that never carry article text (scripts, styles, forms controls...).

    One walk finds them all (strip_tags walks the page once per tag, a css() query tries 18
    selectors on every element; ``walked``: that walk's, when the caller made it). Each goes
    with its subtree taken apart, so a voter inside one (a <p> in a <dialog>) is known gone
    by its lack of a parent (voting.read)."""
    junk = (walked or walk(tree)).junk
    rare: bool | None = None  # (counted at the first reading: most pages have none)
    for node in reversed(junk):
        tag = node.tag_id  # (lexbor's number: .tag builds a str on each read)
        if tag == _BUTTON_ID and _accordion_toggle(node):
            continue  # an accordion's header: its label (an FAQ question) is text
        if tag in _RUBY_IDS:
            rare = rare_readings(junk, _RT_ID) if rare is None else rare
            if rare or spelled_reading(node):
                if tag == _RT_ID:
                    bracket_reading(node)
                continue  # a lesson's pinyin or a glossed name: the reading is the text
        node.decompose()


_BUTTON_ID, _RT_ID = tag_id("button"), tag_id("rt")
_RUBY_IDS = tag_ids(("rt", "rp"))


def remove_boilerplate(
    root: LexborNode, selector: str | list[LexborNode], keep_share: float,
    protect: set[int] | None = None, removals: Removals | None = None, like: LexborNode | None = None,
) -> list[LexborNode]:
    """Decompose boilerplate blocks, sparing any that hold more than ``keep_share`` of the
    text; returns the blocks it listed and spared (see monitor.leftovers). ``selector``:
    the blocks' query, or what it finds (monitor.hiddensplit).

    The guards matter because class names are matched by substring: a wrapper called
    ``page-with-sidebar`` must not take the article with it. ``protect`` holds the path to
    the container a first scoring pass preferred; ``removals`` (if given) records what goes.
    ``like``: that container; see bodynames.named_like_body.
    """
    total = 0  # the root's text length: read before any removal, if the selector finds a block
    protect = protect or set()
    protect.add(root.mem_id)
    builds = named_like_body(like, root, boilerplate_names) if like is not None else frozenset()
    spared: list[LexborNode] = []
    last = 0  # the block just done: lexbor lists one that several selectors match once for each
    for node in reversed(root.css(selector) if isinstance(selector, str) else selector):
        if node.mem_id == last:
            continue  # (nothing changed since it was done: it would be done the same again)
        last = node.mem_id
        total = total or max(text_len(root), 1)
        if (builds and (node.tag, node.attributes.get("class")) in builds) \
                or _spared(node, keep_share * total, protect):
            spared.append(node)
        else:
            unlink(node, removals)
    return spared


def _spared(node: LexborNode, most: float, protect: set[int]) -> bool:
    """Whether remove_boilerplate keeps a block: on the protected path, a headline or a
    subheading with an anchor, more than ``most`` characters, code, a note in the text, a
    folded panel, or inside a sentence."""
    tag = node.tag
    if node.mem_id in protect or tag in PAGE_LEVEL:
        return True
    if tag == "h1" or (tag in _HEADINGS and anchor_id(node) and not is_boilerplate(node, tag)):
        return True
    if text_len(node) > most or (tag == "span" and in_code(node)):
        return True
    if tag == "aside" and _side_note(node):
        return True
    attrs = node.attributes  # (read once for the three tests: each read builds the dict anew)
    return collapsed_panel(node, attrs, tag) or in_sentence(node, tag, attrs) \
        or carousel_slide(node, attrs)


def unlink(node: LexborNode, removals: Removals | None = None) -> None:
    """Decompose a block; where it stood between bare runs of text (paragraphs written with
    <br>s), a paragraph break stays in its place, or the two runs would read as one line."""
    if removals is not None:
        removals.note(node)
    if node.tag_id in BLOCK_IDS and _bare_text(node.prev) and _bare_text(node.next):
        node.insert_before(PARA)
    node.decompose()


def _bare_text(side: LexborNode | None) -> bool:
    return side is not None and side.tag == "-text" and bool((side.text_content or "").strip())


BLOCK_IDS = tag_ids(sel.BLOCK_TAGS)  # block elements, by lexbor tag id (see monitor.tagids)


def _side_note(aside: LexborNode) -> bool:
    """An <aside> between the article's paragraphs that is prose itself: a note on the text
    (a digression with its own subheading), not a sidebar of links, teasers or sign-ups,
    and not one the page hides."""
    probe = sibling(aside, before=True)
    if probe is None or probe.tag != "p" or text_len(probe) < NOTE_LEAD:
        return False
    after = sibling(aside, before=False)  # more text follows: a paragraph or a section
    if after is None or (after.tag != "p" and after.tag not in _HEADINGS):
        return False
    if _hidden(aside) or is_boilerplate(aside):  # a hidden copy, "related-stories", "signup"
        return False
    return holds_prose(aside, text_len(aside)) and not in_comments(aside)


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or attrs.get("aria-hidden") == "true" or hidden_style(attrs)


def is_boilerplate(node: LexborNode, tag: str | None = None) -> bool:
    """Figure/caption/form elements, hidden styles, or boilerplate class/id names.

    A <figure> that holds a <table> is the article's data (block editors wrap every table
    in one), and one that holds a <pre> its code (Jekyll wraps every highlighted block in
    one), not an image with its caption. ``tag``: the node's, when the caller read it.
    """
    if tag is None:
        tag = node.tag  # (read once: each read, and each attributes dict, is built anew)
    if tag in ("figcaption", "picture", "form"):
        return True
    if tag == "figure" and not _data_or_quote(node):
        return True
    attrs = node.attributes
    if hidden_style(attrs) and not collapsed_panel(node, attrs, tag):
        return True
    names = attrs.get("class") or ""  # the names of node_names, from the dict at hand
    anchored = tag in _HEADINGS and anchor_id(node)
    names = f"{names} " if anchored else f"{names} {attrs.get('id') or ''}"
    return len(names) > 1 and _boilerplate_unfolded(names)


@lru_cache(maxsize=NAME_CACHE)
def _boilerplate_unfolded(names: str) -> bool:
    """boilerplate_names of the names without an accordion panel's hiding words; cached like
    it: the lowering and word tests of _unfolded cost more than the cached lookup after it."""
    return boilerplate_names(_unfolded(names))


def _unfolded(names: str) -> str:
    """Class/id names without their hiding words when they name an accordion's panel
    ("accordion-content hidden"): folded until its heading is clicked, it is text all the
    same (see collapsed_panel)."""
    lowered = names.lower()
    if _ACCORDION not in lowered and _COLLAPSE not in lowered:  # (most names)
        return names
    tokens = sel.NAME_TOKENS.split(lowered)
    if not any(token.startswith(_FOLD_WORDS) for token in tokens):
        return names  # "navcollapse": the word inside another, not a panel's name
    return " ".join(t for t in tokens if t not in HIDING)


def _data_or_quote(figure: LexborNode) -> bool:
    """A <figure> around a <table> or a <pre>, or around a <blockquote>: a pull quote of the
    article (with its attribution in a <figcaption>), not an image. An embedded post (a
    tweet in a "wp-block-embed") quotes another site and stays out. (One walk of the figure,
    a few elements, for the two css_first queries it replaces.)"""
    quote = None
    for inner in figure.traverse():
        if inner.tag_id in _DATA_IDS:
            return True
        if quote is None and inner.tag_id == _QUOTE_ID:
            quote = inner
    if quote is None:
        return False
    names = f"{figure.attributes.get('class') or ''} {quote.attributes.get('class') or ''}"
    return not any(word in names.lower() for word in _EMBEDS)


_DATA_IDS = tag_ids(("table", "pre"))
_QUOTE_ID = tag_id("blockquote")


def collapsed_panel(node: LexborNode, attrs: dict[str, str | None] | None = None,
                    tag: str | None = None) -> bool:
    """A hidden block that a visible control opens: an accordion's or a tab's panel.

    Its text (the answers of an FAQ, the steps of a guide) is part of the page as written,
    unlike a hidden second copy of the body, which names no control. Named like boilerplate,
    or a menu's own tag, it stays boilerplate. ``attrs``, ``tag``: the node's, when the
    caller read them.
    """
    attrs = node.attributes if attrs is None else attrs
    role = attrs.get("role")
    if role not in _PANEL_ROLES and (role or not attrs.get("aria-labelledby")) and (
            role or not _after_toggle(node)):
        return False  # a labelled block of another role ("navigation": a table of contents)
    if (node.tag if tag is None else tag) in _CHROME_TAGS:
        return False
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"  # (node_names, from attrs)
    return not (len(names) > 1 and boilerplate_names(names))


def _accordion_toggle(button: LexborNode) -> bool:
    """A button that opens a panel (``aria-expanded``) from inside a heading: its label is
    the section's heading (an FAQ question, "Weight"), not a control word like a menu's;
    or one labelled with a question over its answer (monitor.faqtoggles)."""
    parent = button.parent
    return "aria-expanded" in button.attributes and (
        (parent is not None and parent.tag in _ACCORDION_HEADERS
         and text_len(parent) == text_len(button))  # not a "Hide" beside the heading
        or question_toggle(button))


def _after_toggle(node: LexborNode) -> bool:
    """Whether the block right before a hidden one holds a toggle (``aria-expanded``): an
    accordion's header whose button opens the panel without naming it (no aria-controls,
    no aria-labelledby on the panel)."""
    probe = sibling(node, before=True)
    if probe is not None and probe.tag == "button":  # (a question's, spared by remove_junk)
        return "aria-expanded" in probe.attributes
    if probe is None or probe.tag not in _ACCORDION_HEADERS:
        return False
    return "aria-expanded" in probe.attributes or probe.css_first(_TOGGLE) is not None


def _paragraph_styles(region: LexborNode) -> set[str]:
    """Class lists that several <p> of the region share: the page's paragraph style.

    Such a class ("contextmenu Body") names how paragraphs look, whatever words it holds.
    """
    seen: dict[str, int] = {}
    for para in region.css("p[class]"):
        names = para.attributes.get("class") or ""
        seen[names] = seen.get(names, 0) + 1
    return {names for names, count in seen.items() if count >= PARAGRAPH_STYLE}


def _opens_section(node: LexborNode, length: int, protect: set[int], spared: set[int]) -> bool:
    """A box holding one subheading and nothing else, just before a block the body keeps.

    Page builders wrap each part of the body in blocks named "widget" or "top-section"; the
    parts with paragraphs are protected (regions.held_paths), the heading that opens the
    next part holds no prose and would go. ``spared`` collects such headings, so that the
    boxes nested in the outermost one (met later) are spared too.
    """
    if node.tag in _HEADINGS:
        return node.mem_id in spared or in_text(node, node.tag, length, boilerplate_names)
    if not length or length > HEADING_CHARS:
        return False
    after = sibling(node, before=False)
    opens = after is not None and after.mem_id in protect
    if not (opens or spared):
        return False  # (checked first: the query below costs more than the walk)
    heading = node.css_first("h2, h3, h4")
    if heading is None or text_len(heading) != length:
        return False
    if heading.mem_id in spared:
        return True
    if opens:
        spared.add(heading.mem_id)
    return opens


def bio_box(node: LexborNode) -> bool:
    """A block named as the author's box ("cs-entry__author-info", "author-bio") or as a
    dialog ("ss-modal"): its prose is about the writer or the site (how it reviews, whom it
    trusts), so being mostly prose does not make it body."""
    tokens = name_tokens(node)
    return not _NOT_BODY_WORDS.isdisjoint(tokens) or any(
        token.startswith(sel.BIO_PREFIXES) for token in tokens)


def prune_region(region: LexborNode, keep_share: float, protect: set[int]) -> None:
    """Remove class/id/style boilerplate inside the chosen region.

    One lexbor query for elements with attributes (_PRUNED), then one compiled regex per
    element: cheaper than a selector per pattern over the region. The blocks inside a
    block already cut are not decided (two in five of a ScrapingHub page's: ~0.3M
    instructions), unless the cuts take most of the region: then spare_series weighs
    every cut block, nested ones too, and all are decided.
    """
    victims, total = _victims(region, keep_share, protect, nested=False)
    if victims and cuts_most(victims, total):
        victims, total = _victims(region, keep_share, protect, nested=True)
    for node in reversed(spare_series(victims, total)):
        unlink(node)
    for node in login_boxes(region, protect):  # (after the victims: fewer links to test)
        unlink(node)


def _victims(region: LexborNode, keep_share: float, protect: set[int], nested: bool
             ) -> tuple[list[tuple[LexborNode, int]], int]:
    """The blocks prune_region would cut, with their lengths, and the region's length (0:
    not read, no block was boilerplate). ``nested``: decide the blocks inside a block cut
    too; else they are left out (the decisions change nothing in the tree: a block
    left out goes with the one around it)."""
    total = 0  # the region's text length, read only when a block is boilerplate
    victims: list[tuple[LexborNode, int]] = []
    spared: set[int] = set()
    styles: set[str] | None = None  # (read at the first boilerplate <p>: most regions have none)
    cut: dict[int, bool] = {region.mem_id: False}  # by mem_id: inside a victim (see placement.inside_cut)
    for node in region.css(_PRUNED):
        tag = node.tag
        if node.mem_id in protect or tag in PAGE_LEVEL or tag == "h1" or (
                not nested and tag not in _ESCAPES and inside_cut(node, cut)):
            continue
        box = consent_box(node, region, protect) if tag == "label" else None
        if box is not None:
            node = box  # (an embed's consent switch: its box goes, its notice prose or not)
        elif not is_boilerplate(node, tag) or entry_heading(node, tag):
            continue  # (a live blog names its entries' headings by their time)
        elif tag == "form":
            node = signup_box(node, region, protect)
        total = total or max(text_len(region), 1)
        if tag == "p":
            styles = _paragraph_styles(region) if styles is None else styles
            if node.attributes.get("class") in styles:
                continue
        if (tag == "span" and in_code(node)) or in_sentence(node):
            continue
        length = text_len(node)
        if length > keep_share * total or (
                box is None and holds_prose(node, length) and not bio_box(node)):
            continue
        if not _opens_section(node, length, protect, spared):
            victims.append((node, length))
            cut[node.mem_id] = True
    return victims, total


# tags whose block may be cut as a box around them (consent_box, signup_box): one inside a
# cut block may name a box outside it, and is decided all the same
_ESCAPES = frozenset(("label", "form"))
# what prune_region looks at, each element once: a selector list gives a node once per
# selector it matches (class and id: twice), :is() once (-0.2% of a page's instructions)
_PRUNED = f":is([class], [id], [style], {sel.REGION_BOILERPLATE_TAGS})"
