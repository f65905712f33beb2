"""Queries answered more cheaply where the answer allows: by a short walk, or by tag name.

A lexbor query has a fixed cost (its selector parsed and its memory set up: ~26k
instructions) however few nodes it visits; for an element that is among the first few
nodes looked at, walking them is cheaper. Over a whole page, lexbor's by-name lookup
(tree.tags) compares tag ids and parses no selector: a third of a one-tag query's cost.
Each function gives exactly the query's answer.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.tagids import tag_ids

_TITLE = next(iter(tag_ids(("title",))))
_LINK = next(iter(tag_ids(("a",))))
# names the parser may put in <head> (or that are no body's descendants): never by name
_NOT_BY_NAME = frozenset(("base", "body", "head", "html", "link", "meta", "noscript", "script",
                          "style", "template", "title"))
WALK_NODES = 40  # nodes a walk looks at before a query does (a query's fixed cost: ~26k instructions)


def first_href(node: LexborNode) -> str | None:
    """The href ("" for an empty one) of node.css_first("a[href]"), found by a walk of the
    first WALK_NODES nodes (a heading holds a few), past them by the query."""
    for count, probe in enumerate(node.traverse()):
        if count >= WALK_NODES:
            link = node.css_first("a[href]")
            return None if link is None else link.attributes.get("href") or ""
        if probe.tag_id == _LINK:
            attrs = probe.attributes
            if "href" in attrs:
                return attrs["href"] or ""
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
    tree = root.parser
    body = tree.body
    if name in _NOT_BY_NAME or body is None or body.mem_id != root.mem_id:
        return list(root.css(name))
    return tree.tags(name)

