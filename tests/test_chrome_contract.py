"""in_chrome's tag-id test answers as the tag names did: lexbor numbers the standard tags,
so a custom, SVG, MathML or templated element must not be mistaken for a footer."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from monitor import scoring
from monitor.chrome import CHROME_LEVELS, in_chrome
from monitor.extract import parse

from .testpages import with_test_pages

ODD = (
    "<html><body><nav-bar><p>menu</p></nav-bar><footer-x><div><p>a</p></div></footer-x>"
    "<svg><nav><text>x</text></nav><footer><g><p>y</p></g></footer></svg>"
    "<template><footer><p>z</p></footer></template><math><aside><mi>q</mi></aside></math>"
    "<footer><section><article><p>kept</p></article></section></footer>"
    "<aside><div><main><span>in main</span></main></div></aside><!-- note --></body></html>"
)


def _in_chrome_by_name(node: LexborNode, levels: int = CHROME_LEVELS) -> bool:
    """in_chrome as written with tag names (the slow form it replaced)."""
    probe = node.parent
    for _ in range(levels):
        if probe is None:
            return False
        tag = probe.tag
        if tag in ("body", "article", "main"):
            return False
        if tag in ("footer", "nav", "aside"):
            return True
        probe = probe.parent
    return False


def _all_nodes(html: str) -> list[LexborNode]:
    tree = parse(html)
    root = tree.root
    assert root is not None
    nodes = list(root.traverse(include_text=True))
    document = root.parent
    return nodes + ([document] if document is not None else [])


@pytest.mark.parametrize("html", with_test_pages(ODD)[:12])
def test_in_chrome_by_tag_id_matches_the_tag_names(html: str) -> None:
    nodes = _all_nodes(html)
    answers = [in_chrome(node) for node in nodes]
    assert answers == [_in_chrome_by_name(node) for node in nodes]
    if html is ODD:
        assert True in answers and False in answers  # (both answers occur: the test can fail)


@pytest.mark.parametrize("html", with_test_pages(ODD)[:12])
def test_the_page_test_by_tag_id_matches_the_tag_names(html: str) -> None:
    """best_candidate's test for <html> and <body> (never a winner) against its old one."""
    nodes = _all_nodes(html)
    by_name = [node.tag in ("html", "body") for node in nodes]
    assert [node.tag_id in scoring.PAGE_TOP_IDS for node in nodes] == by_name
    assert sum(by_name) == 2
