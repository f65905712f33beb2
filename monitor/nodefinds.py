"""Queries answered more cheaply where the answer allows: by a short walk, or by tag name.

A lexbor query has a fixed cost (its selector parsed and its memory set up: ~26k
instructions) however few nodes it visits; for an element that is among the first few
nodes looked at, walking them is cheaper. Over a whole page, lexbor's by-name lookup
(tree.tags) compares tag ids and parses no selector: a third of a one-tag query's cost.
Each function gives exactly the query's answer.
"""

from __future__ import annotations

from collections.abc import Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.placement import sibling
from monitor.tagids import LINK_ID, tag_id, tag_ids

_TITLE = tag_id("title")
_HEADINGS = tag_ids(("h2", "h3", "h4"))
_ELSEWHERE = "a[href]:not([href^='#'])"  # a link to another page (an in-page '#' one is not)
# names the parser may put in <head> (or that are no body's descendants): never by name
_NOT_BY_NAME = frozenset(("base", "body", "head", "html", "link", "meta", "noscript", "script",
                          "style", "template", "title"))
WALK_NODES = 40  # nodes a walk looks at before a query does (a query's fixed cost: ~26k instructions)


def first_href(node: LexborNode) -> str | None:
    """The target (link_target: "" for an empty href) of node.css_first("a[href]"), found
    by a walk of the first WALK_NODES nodes (a heading holds a few), past them by the query.
    (Both read an svg's xlink:href link as the query does.)"""
    for count, probe in enumerate(node.traverse()):
        if count >= WALK_NODES:
            link = node.css_first("a[href]")
            return None if link is None else link_target(link) or ""
        if probe.tag_id == LINK_ID:
            target = link_target(probe)
            if target is not None:
                return target
    return None


def title_element(tree: LexborHTMLParser) -> LexborNode | None:
    """tree.css_first("title"), found among the children of <head> where it sits (a query's
    fixed cost, its selector parsed and its memory set up, is ~26k instructions; the head
    holds a few dozen nodes). Before a title there, the head holds only elements with no
    elements in them (<meta>, <link>; a <template>'s content is out of reach of a query
    too), and the head comes first: no <title> precedes it. Without one, the query."""
    head = tree.head
    probe = head.first_child if head is not None else None
    while probe is not None:
        if probe.tag_id == _TITLE:
            return probe
        probe = probe.next
    return tree.css_first("title")


def by_tag(root: LexborNode, name: str) -> list[LexborNode]:
    """root.css(name) for one tag name, in document order. When ``root`` is the page's
    <body>, the document's tags(name): the other elements of a page sit in <head>, where
    the parser puts none of such a name (each of _NOT_BY_NAME is queried)."""
    if name in _NOT_BY_NAME or not _is_body(root):
        return list(root.css(name))
    return root.parser.tags(name)


def first_children(root: LexborNode, names: tuple[str, ...],
                   found: Mapping[str, list[LexborNode]] | None = None) -> list[LexborNode]:
    """The elements root.css("h2:first-child, p:first-child, ...") finds for these tag
    names: the first element of their parent (lexbor's :first-child passes over text and
    comments). Under the page's <body> found by name (by_tag), one name after another:
    document order within a name only (a query per name costs about what one selector of a
    list does, the by-name walk a third of it). ``found``: each name's elements as an
    earlier walk of <body> listed them (junkwalk.walk), when the page has only lost elements
    since: those left, the ones with a parent (voting.read), are the by-name lists."""
    if not _is_body(root) or not _NOT_BY_NAME.isdisjoint(names):
        return list(root.css(", ".join(f"{name}:first-child" for name in names)))
    if found is not None:
        return [node for name in names for node in found[name]
                if node.parent is not None and sibling(node, before=True) is None]
    return [node for name in names for node in root.parser.tags(name) if sibling(node, before=True) is None]


def _is_body(root: LexborNode) -> bool:
    body = root.parser.body
    return body is not None and body.mem_id == root.mem_id


def heading_link(node: LexborNode, wrapped: bool,
                 above: dict[int | None, tuple[bool, bool]] | None = None) -> bool:
    """Whether ``node`` (itself included) holds a link to another page inside an h2-h4
    heading or, ``wrapped``, such a heading inside such a link: node.css_first() of
    "h2 a[href]:not([href^='#']), ..." (and "a[href]:not([href^='#']) h2, ..."), whose
    outer part may be an ancestor of ``node``. By a walk of its first WALK_NODES elements
    (a teaser holds a few; six such selectors cost ~72k instructions to set up), past them
    by the query. ``above``: _above(node, None) by the mem_id of node's parent, for the
    siblings of a feed asked one after another (read, and added to)."""
    parent = node.parent
    stop = parent.mem_id if parent is not None else None
    if above is None:
        heading_above, link_above = _above(node, None)
    else:
        known = above.get(stop)
        heading_above, link_above = above[stop] = known or _above(node, None)
    for count, probe in enumerate(node.traverse()):
        if count >= WALK_NODES:
            return node.css_first(_heading_query(wrapped)) is not None
        tag = probe.tag_id
        if tag == LINK_ID and links_out(probe):
            if heading_above or _above(probe, stop)[0]:
                return True
        elif wrapped and tag in _HEADINGS and (link_above or _above(probe, stop)[1]):
            return True
    return False


def links_out(link: LexborNode) -> bool:
    """Whether a link goes to another page (a[href]:not([href^='#']))."""
    target = link_target(link)
    return target is not None and not target.startswith("#")


def link_target(link: LexborNode) -> str | None:
    """A link's href as a[href] reads it ("" for one without a value), None for none. An
    xlink:href is an href to lexbor on an <a> in SVG or MathML (selectolax lists it by that
    name), not on one the parser put back in HTML (in an svg's <foreignObject>, <desc> or
    <title>, a MathML <mi>...): the query itself tells, on the rare link with one."""
    attrs = link.attributes
    if "href" in attrs:
        return attrs["href"] or ""
    if "xlink:href" in attrs and _found_by_query(link):
        return attrs["xlink:href"] or ""
    return None


def _found_by_query(link: LexborNode) -> bool:
    """Whether a[href] finds ``link`` itself (a query lists the node it starts from first)."""
    found = link.css_first("a[href]")
    return found is not None and found.mem_id == link.mem_id


def _above(node: LexborNode, stop: int | None) -> tuple[bool, bool]:
    """Whether an ancestor of ``node`` below the one whose mem_id is ``stop`` (all of them
    for None) is an h2-h4 heading, and whether one is a link to another page."""
    heading = link = False
    probe = node.parent
    while probe is not None and probe.mem_id != stop:
        tag = probe.tag_id
        heading = heading or tag in _HEADINGS
        link = link or (tag == LINK_ID and links_out(probe))
        probe = probe.parent
    return heading, link


def _heading_query(wrapped: bool) -> str:
    inside = [f"{heading} {_ELSEWHERE}" for heading in ("h2", "h3", "h4")]
    around = [f"{_ELSEWHERE} {heading}" for heading in ("h2", "h3", "h4")] if wrapped else []
    return ", ".join(inside + around)
