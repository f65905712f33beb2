"""lexbor's numeric ids of tag names, for set tests in walks over every element of a page.

``node.tag`` builds a new str from the element's name on each read; ``node.tag_id`` is the
number lexbor keeps in the node. Each standard HTML tag has one fixed id (a tag lexbor does
not know gets one of its own, outside that range), so ``tag_id in tag_ids(names)`` is
``tag in names`` for a walk at a fraction of the cost.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# Where each tag parses as itself: table parts only inside a table, the rest in the body.
_TABLE_PARTS = frozenset(("caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"))


def tag_ids(names: tuple[str, ...] | frozenset[str]) -> frozenset[int]:
    """The ids of standard tag names; raises ValueError for a name lexbor does not know
    (its id would differ from page to page)."""
    ids: set[int] = set()
    for name in names:
        markup = f"<table><{name}></{name}></table>" if name in _TABLE_PARTS else \
            f"<{name}></{name}>"
        tree = LexborHTMLParser(f"<body>{markup}</body>", scripting=True)
        found = [node.tag_id for node in tree.root.traverse() if node.tag == name] \
            if tree.root is not None else []
        if not found or found[0] >= _UNKNOWN:
            raise ValueError(f"not a standard tag: {name!r}")
        ids.add(found[0])
    return frozenset(ids)


def _unknown_id() -> int:
    """An id lexbor gives a tag it does not know: above every standard tag's id."""
    tree = LexborHTMLParser("<body><x-unknown-tag></x-unknown-tag></body>")
    node = tree.css_first("x-unknown-tag")
    if node is None or node.tag_id is None:
        raise RuntimeError("lexbor gave an unknown tag no id")
    return int(node.tag_id)


_UNKNOWN = _unknown_id()
