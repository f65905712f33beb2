"""The body a page marks as such: schema.org's articleBody (microdata or RDFa).

A marked body is taken as it is marked, with its sections (a page may mark each <section>
of one body between the ads), and never the next story's, which a page printing it in the
same template marks too.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from monitor.markeddates import Marked
from monitor.placement import nested_in

_BODY_ITEMPROPS = ("articleBody", "reviewBody")  # (the values of sel.EXPLICIT_BODY)
_BODY_PROPERTIES = ("articleBody", "schema:articleBody")


def explicit_bodies(root: LexborNode, listed: Marked | None = None) -> list[LexborNode]:
    """The elements marked as the article body, outermost only, in document order: the
    first is root.css_first(sel.EXPLICIT_BODY) (values tested after a cheaper query).
    ``listed``: the page's itemprop/property elements with their attributes, in document
    order, as the date search's page-wide query found them (markeddates.marked_elements)
    before later removals, with no element added or attribute set since: those still at or
    under ``root`` are what <body>'s query finds, and that query is saved.

    A page may mark each section of one body ("articleBody" on every <section> between
    the ads); the first alone was a fraction of the article."""
    found: list[LexborNode] = []
    ids: set[int] = set()
    for node, attrs in _marked(root) if listed is None else _still_under(root, listed):
        if node.mem_id in ids:
            continue  # (listed again for its other attribute)
        if (attrs.get("itemprop") in _BODY_ITEMPROPS or attrs.get("property") in _BODY_PROPERTIES) \
                and not nested_in(node, ids):
            found.append(node)
            ids.add(node.mem_id)
    return found


def _marked(root: LexborNode) -> Iterator[tuple[LexborNode, dict[str, str | None]]]:
    return ((node, node.attributes) for node in root.css(_MAY_MARK_BODY))


def _still_under(root: LexborNode, listed: Marked) -> Marked:
    """The listed elements that mark a body and are ``root`` or under it now (one removed
    since, or under a removed one, no longer leads up to it: a decomposed element and all
    under it have no parent, an unwrapped one none)."""
    top = root.mem_id
    kept: Marked = []
    for node, attrs in listed:
        if attrs.get("itemprop") in _BODY_ITEMPROPS or attrs.get("property") in _BODY_PROPERTIES:
            probe: LexborNode | None = node
            while probe is not None and probe.mem_id != top:
                probe = probe.parent
            if probe is not None:
                kept.append((node, attrs))
    return kept


# explicit_bodies' values all end so, few others do (~0.2% of a ScrapingHub page: microdata)
_MAY_MARK_BODY = '[itemprop$="Body"], [property$="articleBody"]'


def same_build(node: LexborNode, first: LexborNode) -> bool:
    """Another section of the marked body: the first one's tag and class (not a second
    marked article, such as an answer below a question), and a property of the same item
    (a page that prints the next story in the same template marks its body too)."""
    if node.tag != first.tag or node.attributes.get("class") != first.attributes.get("class"):
        return False
    return _item(node) == _item(first)


def _item(node: LexborNode) -> int | None:
    """mem_id of the item a marked property belongs to: its nearest ancestor that opens an
    item (microdata "itemscope", RDFa "typeof") or is a story of its own (an <article>: a
    theme may mark the excerpts of related posts as it marks the post); None for none."""
    probe = node.parent
    while probe is not None:
        attrs = probe.attributes
        if probe.tag == "article" or "itemscope" in attrs or "typeof" in attrs:
            return probe.mem_id
        probe = probe.parent
    return None
