"""The page's one junk walk lists what the metadata's queries would (see monitor.junkwalk)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import dom, metadata
from monitor.extract import parse
from monitor.junkwalk import walk

_PAGE = """<!DOCTYPE html><html><head>
<meta charset="utf-8"><meta name="Author" content="Ann Lee"><meta property="og:title">
<script type="application/LD+JSON">{"@type": "NewsArticle", "headline": "Upper"}</script>
<script type=" application/ld+json">{"headline": "Spaced"}</script>
<script type="application/ld+jsonx">{"headline": "Longer"}</script>
<script>var x = 1;</script>
<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2024-01-02"}</script>
</head><body><svg><script type="application/ld+json">{"headline": "In svg"}</script></svg>
<meta itemprop="datePublished" content="2024-01-03"><p>Text <button>x</button></p>
<template><script type="application/ld+json">{"headline": "Template"}</script></template>
</body></html>"""


def _texts(nodes: list[LexborNode]) -> list[str]:
    return [node.text() for node in nodes]


def test_walk_lists_the_ld_scripts_and_metas_the_queries_find() -> None:
    tree = parse(_PAGE)
    walked = walk(tree)
    assert _texts(walked.ld_scripts()) == _texts(tree.css('script[type="application/ld+json"]'))
    assert len(walked.ld_scripts()) == 3  # the upper-case type and the svg's script count
    assert [m.attributes for m in walked.metas if "content" in m.attributes] == \
        [m.attributes for m in tree.css("meta[content]")]


def test_metadata_reads_the_same_from_the_walk() -> None:
    tree = parse(_PAGE)
    walked = walk(tree)
    assert metadata.json_ld(tree, walked) == metadata.json_ld(tree)
    assert metadata.meta_map(tree, walked) == metadata.meta_map(tree) == {
        "author": "Ann Lee", "datepublished": "2024-01-03"}


def test_remove_junk_with_the_walk_drops_what_it_drops_alone() -> None:
    trees = [parse(_PAGE), parse(_PAGE)]
    dom.remove_junk(trees[0])
    dom.remove_junk(trees[1], walk(trees[1]))
    html = [tree.html for tree in trees]
    assert html[0] == html[1] and "<script" not in (html[0] or "") and "Text" in (html[0] or "")



def test_title_element_is_the_first_title_a_query_finds() -> None:
    """The head's own <title> (a <template>'s and a <noscript>'s are no elements of the
    page), else the first one anywhere (a page whose <title> went into the body)."""
    pages = [
        "<html><head><template><title>T</title></template><noscript><title>N</title>"
        "</noscript><meta name=x content=y><title>Real</title></head><body><svg><title>S"
        "</title></svg></body></html>",
        "<html><head><meta charset=utf-8></head><body><p>x<title>Body</title><title>2</title>",
        "<html><head></head><body><p>no title</p></body></html>",
        _PAGE,
    ]
    found = []
    for page in pages:
        tree = parse(page)
        element, queried = metadata.title_element(tree), tree.css_first("title")
        assert (element.mem_id if element else None) == (queried.mem_id if queried else None)
        found.append(element.text() if element is not None else None)
    assert found == ["Real", "Body", None, None]


def test_the_logo_test_reads_the_href_a_query_finds() -> None:
    """The first <a> with an href, the heading's own included, an empty href as ""; past
    the nodes a walk looks at, the query."""
    from monitor.nodefinds import WALK_NODES, first_href
    filler = "<span>x</span>" * WALK_NODES
    cases = {
        '<h1><a name="top">A</a><b><a href=" /home ">B</a></b><a href="/c">C</a></h1>': " /home ",
        '<h1><a href>Empty</a></h1>': "",
        "<h1>No link</h1>": None,
        f'<h1>{filler}<a href="/far">Far</a></h1>': "/far",
    }
    for page, href in cases.items():
        tree = parse(f"<body>{page}</body>")
        node = tree.css_first("h1")
        assert node is not None
        link = node.css_first("a[href]")
        assert first_href(node) == href == (None if link is None else link.attributes["href"] or "")
    anchor = parse('<body><a href="/self">S</a></body>').css_first("a")
    assert anchor is not None and first_href(anchor) == "/self"
