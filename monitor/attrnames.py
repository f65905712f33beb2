"""Attribute names made known to a page's document before the queries that test them.

lexbor matches an attribute selector ([hidden], [itemprop$="Body"]) by the attribute's id,
which it looks up by name at the first element a query tests and keeps for the rest of the
query, but only when the lookup finds one. A name outside lexbor's own table (which holds
class, id, style, for, href...: not role, hidden, itemprop or the aria-* names) that no
element of the page has held has no id, and the lookup (a hash search of the name) runs
again at every element the query tests: such a selector costs about twice as much as one
of a known name. One element made for the purpose, never put in the tree, that holds each
name gives every name its id; no query meets it, so each finds what it found before.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# the names the extraction's queries test that lexbor's table lacks: markedbody and the
# date search (itemprop, property), the hidden and page-wide queries
# (hidden, aria-hidden, role), dom._TOGGLE (aria-expanded), dates.DATE_NODES (pubdate,
# datetime)
QUERIED = ("itemprop", "property", "hidden", "aria-hidden", "role", "aria-expanded",
           "data-nosnippet", "pubdate", "datetime")


def make_known(node: LexborNode, names: tuple[str, ...] = QUERIED) -> None:
    """Give each of ``names`` an id in the document of ``node`` (see the module's doc)."""
    holder = node.parser.create_node("div").attrs
    for name in names:
        holder[name] = ""
