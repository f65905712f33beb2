"""The names selectolax gives the nodes that are no elements, which extract._auto_nodes,
gathering.cousins and voting._vote compare against to stop at the document: "-document",
not the DOM's "#document" (they tested "#document", which never matched, until session 22)."""

from __future__ import annotations

from monitor.extract import parse


def test_non_element_nodes_are_named_with_a_dash() -> None:
    tree = parse("<html><body><!-- note --><p>Text</p></body></html>")
    assert tree.root is not None and tree.root.tag == "html"
    document = tree.root.parent
    assert document is not None and document.tag == "-document"
    body = tree.body
    assert body is not None
    kinds = [node.tag for node in body.iter(include_text=True)]
    assert kinds == ["-comment", "p"]
    paragraph = body.css_first("p")
    assert paragraph is not None and paragraph.child is not None
    assert paragraph.child.tag == "-text"
