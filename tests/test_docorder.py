"""docorder.Positions: position() for many nodes of one tree, each parent's children counted
once (a body box of thousands of headings made position() quadratic)."""

from __future__ import annotations

from monitor.docorder import Positions, position
from monitor.extract import parse


def test_positions_are_position_in_any_order() -> None:
    """The cached reading gives position()'s tuple for every node, text and comments
    counted as siblings, whichever node is asked first."""
    tree = parse("<div id='c'>lead<!-- note --><h2>A</h2><ul><li>one</li><li>two <b>x</b></li>"
                 "</ul>tail<p>para</p></div>")
    assert tree.root is not None
    nodes = [node for node in tree.root.traverse(include_text=True)]
    assert len(nodes) > 12
    for order in (nodes, nodes[::-1]):
        positions = Positions()
        assert [positions(node) for node in order] == [position(node) for node in order]
    spots = [Positions()(node) for node in tree.css("li, h2, p")]
    assert spots == sorted(spots) and len(set(spots)) == len(spots)
