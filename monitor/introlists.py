"""Lists a body paragraph announces ("The changes are:"), kept with the body around them.

Some builders (AsciiDoc, block editors) put every paragraph and every list in a box of its
own, side by side. Gathering takes the paragraph boxes beside the winner (same kind, or
prose), but a list box is neither, and a list of links (a changelog's pull requests, a
reading list the text introduces) reads like a teaser list: the sentence that announces it
stayed, the list it announced was lost. A list box right after a chosen paragraph that ends
in a colon, with more chosen body after it, is that paragraph's list, unless it is mostly
links to the site's own pages: the headlines of its other stories, dropped in anywhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.dom import is_boilerplate
from monitor.placement import sibling
from monitor.scoring import ancestry, flat_text, in_comments, link_density

LIST_TAGS = ("ul", "ol", "dl")
INTRO_MIN = 20  # characters: a shorter line ending in a colon is a label ("Related:"), no sentence
BOX_LEVELS = 2  # single-child boxes a list may sit in ("ulist" > "ul")
TEASER_LINKS = 0.5  # linked share of a list of the site's own pages that makes it teasers
_PAGE_ADDRESS = 'link[rel="canonical"][href], meta[property="og:url"][content]'


def _list_box(node: LexborNode) -> bool:
    """A list, or a box holding nothing but one list (a box or two deep); its name may say
    "list" (class weighting counts that against a box), but not boilerplate (the caller
    tests is_boilerplate)."""
    probe = node
    for _ in range(BOX_LEVELS + 1):
        if probe.tag in LIST_TAGS:
            return True
        if probe.tag not in ("div", "section"):
            return False
        kids = [kid for kid in probe.iter() if kid.is_element_node]  # (not its comments)
        if len(kids) != 1:
            return False
        probe = kids[0]
    return False


def _announces(node: LexborNode) -> bool:
    """A block whose text is a sentence ending in a colon: it announces what follows. A
    label for other stories ("More on this story:", "Lesen Sie auch:") announces teasers."""
    if not node.text_lexbor().rstrip().endswith(":"):
        return False  # (flat_text's last character, without splitting a whole body's text)
    text = flat_text(node)
    if len(text) < INTRO_MIN or " " not in text:
        return False
    return not (sel.LIST_LABEL.match(text) or sel.BOILERPLATE_LINE.match(text))


def _site_teasers(found: LexborNode) -> bool:
    """A list mostly of links, every one to the site's own pages (a relative address, or the
    host of the page's canonical address): headlines of its other stories, which a story
    drops in anywhere, after "..., he said:" too. A list the text announces (changes merged
    upstream, sources) links elsewhere, or is not mostly links."""
    links = [link.attributes.get("href") or "" for link in found.css("a[href]")]
    if not links or link_density(found) < TEASER_LINKS:
        return False
    hosts = {urlsplit(href.strip()).netloc.lower() for href in links}
    return hosts <= {"", _page_host(found)}


def _page_host(node: LexborNode) -> str:
    """The host of the page's canonical address, or "" (then only relative links are its own)."""
    top = node
    while top.parent is not None:
        top = top.parent
    tag = top.css_first(_PAGE_ADDRESS)
    address = (tag.attributes.get("href") or tag.attributes.get("content") or "") if tag else ""
    return urlsplit(address.strip()).netloc.lower()


def _body_follows(found: LexborNode, ids: set[int], above: set[int]) -> bool:
    """Whether chosen body comes right after the list: its next block, or (the list last in
    its box) the next block after the box, is chosen or holds chosen blocks (``above``: the
    ancestors of every chosen block)."""
    probe: LexborNode | None = found
    for _ in range(BOX_LEVELS + 1):
        if probe is None:
            return False
        after = sibling(probe, before=False)
        if after is not None:
            return after.mem_id in ids or after.mem_id in above
        probe = probe.parent
    return False


def add_announced(nodes: list[LexborNode]) -> list[LexborNode]:
    """The chosen blocks (document order) plus each list box that follows a chosen block
    announcing it, when chosen body follows the list too (a list closing the body is as
    often "Read more:" links)."""
    if len(nodes) < 2:
        return nodes
    ids = {node.mem_id for node in nodes}
    above: set[int] = set()
    out: list[LexborNode] = []
    for node in nodes:
        out.append(node)
        found = sibling(node, before=False)
        if found is None or found.mem_id in ids or not _announces(node):
            continue
        if not _list_box(found) or is_boilerplate(found) or in_comments(found) \
                or _site_teasers(found):
            continue
        if not above:
            above = set().union(*(ancestry(chosen) for chosen in nodes)) - ids
        if _body_follows(found, ids, above):
            out.append(found)
    return out
