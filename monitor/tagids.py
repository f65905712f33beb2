"""lexbor's numeric ids of tag names, for set tests in walks over every element of a page.

``node.tag`` builds a new str from the element's name on each read; ``node.tag_id`` is the
number lexbor keeps in the node. Each standard HTML tag has one fixed id (a tag lexbor does
not know gets an id of its document's own), so ``tag_id in tag_ids(names)`` is
``tag in names`` for a walk at a fraction of the cost.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# Where each tag parses as itself: table parts only inside a table, the rest in the body.
_TABLE_PARTS = frozenset(("caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"))


def tag_ids(names: tuple[str, ...] | frozenset[str]) -> frozenset[int]:
    """The ids of standard tag names; raises ValueError for a name lexbor does not know
    (its id differs from document to document: two documents, both alive, tell)."""
    ids: set[int] = set()
    for name in names:
        first, second = _id_in_new_document(name), _id_in_new_document(name)
        if first[0] is None or first[0] != second[0]:
            raise ValueError(f"not a standard tag: {name!r}")
        ids.add(first[0])
    return frozenset(ids)


def _id_in_new_document(name: str) -> tuple[int | None, LexborHTMLParser]:
    """The id of ``name`` in a document of its own (returned too, to keep it alive)."""
    markup = f"<table><{name}></{name}></table>" if name in _TABLE_PARTS else f"<{name}></{name}>"
    tree = LexborHTMLParser(f"<body>{markup}</body>", scripting=True)
    found = [node.tag_id for node in tree.root.traverse() if node.tag == name] \
        if tree.root is not None else []
    return (found[0] if found else None), tree


def tag_id(name: str) -> int:
    """The id of one standard tag name (see tag_ids)."""
    return next(iter(tag_ids((name,))))


LINK_ID = tag_id("a")  # (<a>: the tag most walks test for)
PAGE_TOP_IDS = tag_ids(("html", "body"))  # where walks up from an element stop
