"""One walk gives the lists the queries it replaces gave (speed13)."""

from __future__ import annotations

from monitor import dom
from monitor.blockmarks import TOC_LEVELS, block_elements, blocks_and_links, toc_items
from monitor.extract import parse
from monitor.placement import enclosing
from tests.testpages import with_test_pages

_PAGE = """<html><body><a id=top href='#x'>skip</a><div id=a><ul><li><a href='#one'>One</a></li>
<li><a href='/two'>Two</a></li><li><a href>bare</a><a name=n>named</a></li></ul>
<p>text <a href='#'>hash</a> <a href='HTTP://x/#y'>out</a></p><svg><a href='#s'>svg link</a></svg>
<table><tr><td><a href='#cell'>c</a></td></tr></table></div></body></html>"""


def _ids(nodes: list) -> list[int]:
    return [node.mem_id for node in nodes]


def test_one_walk_lists_the_blocks_and_the_links_the_queries_list() -> None:
    for page in with_test_pages(_PAGE):
        tree = parse(page)
        dom.remove_junk(tree)
        roots = [tree.body, tree.css_first("div"), tree.css_first("a"), tree.css_first("li")]
        for root in roots:
            if root is None:
                continue
            blocks, links = blocks_and_links(root)
            assert _ids(blocks) == _ids(block_elements(root))
            assert _ids(links) == _ids(root.css("a"))


def test_contents_items_are_those_of_the_in_page_links() -> None:
    for page in with_test_pages(_PAGE):
        tree = parse(page)
        root = tree.body
        if root is None:
            continue
        _, links = blocks_and_links(root)
        items = (enclosing(link, "li", TOC_LEVELS) for link in root.css('a[href^="#"]'))
        expected = {item.mem_id for item in items if item is not None}
        assert toc_items(links) == expected
    tree = parse(_PAGE)
    assert tree.body is not None
    found = toc_items(blocks_and_links(tree.body)[1])
    assert [node.mem_id for node in tree.css("li")[:1]] == list(found)


def test_blank_is_the_white_space_and_the_markers() -> None:
    from monitor.markers import BLANK, HEADING, LINK_CLOSE, LINK_OPEN, LIST_ITEM, MARKERS, PARA
    spaces = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert set(BLANK) == spaces | {PARA, LINK_OPEN, LINK_CLOSE, HEADING, LIST_ITEM}
    lines = ("", " \ue000 ", "\ue001\u3000\ue002", "\ue003x", " a ", "\u200b",
             "\ue000\xa0\ue004y\ue000", "\x1c\x85\u2028")
    for raw in lines:
        assert bool(raw.strip(BLANK)) == bool(MARKERS.sub("", raw).strip()), raw
