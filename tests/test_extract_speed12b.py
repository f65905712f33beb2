"""Query shortcuts give what the queries they replace give (monitor.nodefinds, speed12b)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor.blockmarks import blocks_and_links, toc_items
from monitor.extract import parse
from monitor.nodefinds import by_tag, heading_link

_PAGE = """<!DOCTYPE html><html><head><title>T</title><meta name=x content=y>
<template><figcaption>in a template</figcaption><h2>t</h2></template></head>
<body><figure><img src=a.png><figcaption>One</figcaption></figure><div><h2>A</h2>
<p>x<title>in the body</title></p><svg><figcaption>svg</figcaption><title>s</title></svg>
<section><h3>B</h3><figcaption>Two</figcaption><p>y</p></section></div></body></html>"""


def _ids(nodes: list) -> list[int]:
    return [node.mem_id for node in nodes]


def test_by_tag_finds_what_the_query_finds_in_document_order() -> None:
    tree = parse(_PAGE)
    body = tree.body
    assert body is not None
    for name in ("figcaption", "h2", "h3", "p", "title", "meta", "section", "body", "html"):
        assert _ids(by_tag(body, name)) == _ids(body.css(name)), name
    assert [node.text() for node in by_tag(body, "figcaption")][::2] == ["One", "Two"]
    assert [node.text() for node in by_tag(body, "title")] == ["in the body", "s"]


def test_by_tag_below_the_body_is_the_query() -> None:
    tree = parse(_PAGE)
    section = tree.css_first("section")
    assert section is not None
    assert [node.text() for node in by_tag(section, "figcaption")] == ["Two"]
    assert _ids(by_tag(section, "section")) == [section.mem_id]  # (a query holds its root)


def test_a_caption_credit_is_what_the_pattern_finds() -> None:
    """The rest after a line's last colon rules a line out only where the pattern could
    not match: a credit's name, spaces before it, a bracket or a line end after it."""
    from monitor.captioncredit import CAPTION_CREDIT, MAX_CHARS, is_caption_credit
    name = "Jane Doe/Agency Name, Ltd. & Partners 12"  # 40 characters
    lines = [
        f"Workers at the plant. Photo: {name}", f"Workers at the plant. Photo:   {name}",
        f"A portrait (Picture credit: {name}x)", f"A portrait (Picture credit: {name}xy)",
        f"Image: {name}a\n", f"Image: {name}ab\n", f"Image: {name}ab", "Bild: A",
        "Foto: Jane Doe", "He said: the photo of the field", "Foto:", "Photo: x " * 40,
        f"The time: 10:30. Photo: {name}", f"Photo: {name}: more", "Photo:\u2003Jane Doe",
        f"A portrait (Photo: {name}x)\n",  # (43 characters after the colon: the most)
    ]
    found = [is_caption_credit(line) for line in lines]
    assert found == [":" in line and len(line) < MAX_CHARS
                     and CAPTION_CREDIT.search(line) is not None for line in lines]
    assert found[:6] == [True, True, True, False, True, False] and found[-3:] == [False, True, True]


_STORIES = [
    '<article><h2><a href="/next">Next story</a></h2><p>x</p></article>',
    '<article><h3><span><a href="#entry-2">Entry</a></span></h3></article>',
    '<article><h4><a href>Valueless</a></h4></article>',
    '<a href="/card"><article><h2>Card</h2><p>x</p></article></a>',
    '<a href="#top"><article><h2>Anchor</h2></article></a>',
    '<h2><div><article><p>In <a href="/x">a link</a></p></article></div></h2>',
    '<article><a href="/y"><div><h3>Wrapped</h3></div></a></article>',
    '<article><h1><a href="/z">An h1</a></h1><a href="/w">plain</a></article>',
    '<article><h2>Title</h2><a href="/far">elsewhere</a></article>',
    '<article>' + '<span>x</span>' * 45 + '<h2><a href="/late">Late</a></h2></article>',
    '<article>' + '<span>x</span>' * 45 + '<a href="/late"><h4>Late</h4></a></article>',
]


def test_heading_link_finds_what_the_selectors_find() -> None:
    """A link elsewhere in a heading, or (wrapped) a heading in one, the outer part above
    the story too, as a query's descendant combinator reads it; past WALK_NODES, the query."""
    from monitor.nodefinds import _heading_query, heading_link
    found = {}
    for index, story in enumerate(_STORIES):
        tree = parse(f"<body><main>{story}</main></body>")
        node = tree.css_first("article")
        assert node is not None
        for wrapped in (True, False):
            query = node.css_first(_heading_query(wrapped)) is not None
            assert heading_link(node, wrapped) == query, (index, wrapped)
            found[index, wrapped] = query
    assert [found[index, True] for index in range(len(_STORIES))] == [
        True, False, True, True, False, True, True, False, False, True, True]
    assert [found[index, False] for index in range(len(_STORIES))] == [
        True, False, True, False, False, True, False, False, False, True, False]


def test_first_children_are_what_first_child_finds() -> None:
    """Of each name, the elements no element precedes in their parent (text and comments
    may), under the <body> found by name; below it, the query."""
    from monitor.nodefinds import first_children
    page = ("<body><h2>first</h2><div> text <!-- c --><p>p1</p><p>p2</p></div>"
            "<section><span>s</span><h3>not first</h3></section><ul><li><h4>h4</h4></li></ul>"
            "<div><p><b>x</b></p></div></body>")
    tree = parse(page)
    names = ("h2", "h3", "h4", "p")
    for root in (tree.body, tree.css_first("div")):
        assert root is not None
        query = root.css(", ".join(f"{name}:first-child" for name in names))
        assert sorted(_ids(first_children(root, names))) == sorted(_ids(query))
    assert sorted(node.text() for node in first_children(tree.body, names)) == \
        ["first", "h4", "p1", "x"]


def test_fact_box_names_are_those_the_seven_selectors_find() -> None:
    """QUERY's two stems find a superset; _holds_named keeps what the seven words' own
    [class*=... i] selectors find: ASCII letters in either case, no Kelvin sign for a k."""
    from monitor.factbox import NAMED, QUERY, STEMS, _holds_named
    assert all(any(stem in word for stem in STEMS) for word in NAMED)
    seven = ", ".join(f'[class*="{word}" i]' for word in NAMED)
    classes = ["InfoBox", "FACTS-BOX", "fact_box", "box", "info-kasten", "info\u212aasten",
               "x Faktenbox", "\u00e9 infobox", "kasten", "INFOKASTEN y", "factsbox"]
    body = "".join(f'<div class="{names}">t</div>' for names in classes)
    tree = parse(f"<body>{body}</body>")
    assert tree.body is not None
    broad = {node.mem_id for node in tree.body.css(QUERY)}
    for node in tree.body.css("div"):
        names = node.attributes.get("class") or ""
        held = node.css_matches(seven)
        assert _holds_named(names) == held, names
        assert node.mem_id in broad or not held
    assert [_holds_named(names) for names in classes] == [
        True, True, False, False, False, False, True, True, False, True, False]


def test_an_announcing_block_ends_in_a_colon_past_its_white_space() -> None:
    """The colon test reads the text's last character before splitting it: the same
    answer as the collapsed text's, white space (a no-break space too) after the colon."""
    from monitor.introlists import _announces
    from monitor.scoring import flat_text
    texts = ["The changes in this release are:", "The changes in this release are:\n\u00a0 ",
             "The changes are: <b>none</b>", "Short label:", "Lesen Sie auch:",
             "Read more about the plan in our earlier stories:", "A sentence, not a colon."]
    tree = parse("<body>" + "".join(f"<p>{text}</p>" for text in texts) + "</body>")
    found = []
    for node in tree.css("p"):
        text = flat_text(node)
        expected = len(text) >= 20 and text.endswith(":") and " " in text and not (
            text.startswith(("Lesen Sie", "Read more about")))
        assert _announces(node) == expected, text
        found.append(_announces(node))
    assert found == [True, True, False, False, False, False, False]



@pytest.mark.parametrize("html, inside", [
    ('<article><h2><svg><a xlink:href="/x">t</a></svg></h2></article>', True),
    ('<article><h2><a xlink:href="/x">t</a></h2></article>', False),
    ('<article><h2><svg><a xlink:href="#x">t</a></svg></h2></article>', False),
])
def test_heading_link_reads_an_svg_links_xlink_href_as_the_query_does(html: str, inside: bool) -> None:
    """In an inline <svg> lexbor's a[href] matches ``xlink:href`` (selectolax lists it by
    that name); outside one it is no href. The walk answers as the query does."""
    article = LexborHTMLParser(f"<html><body>{html}</body></html>").css_first("article")
    assert article is not None
    query = article.css_first("h2 a[href]:not([href^='#'])") is not None
    assert heading_link(article, True) is query is inside


def test_an_svg_in_page_link_makes_its_item_a_table_of_contents_entry() -> None:
    """toc_items reads ``xlink:href`` inside an <svg> as css('a[href^="#"]') does."""
    tree = LexborHTMLParser('<ul><li><svg><a xlink:href="#s1"><text>Section 1</text></a>'
                            '</svg></li><li><a xlink:href="#s2">Two</a></li></ul>')
    found = toc_items(blocks_and_links(tree.body)[1])
    expected = {link.parent.parent.mem_id for link in tree.css('a[href^="#"]')}
    assert found == expected and len(found) == 1


def test_an_svg_link_is_marked_a_link_as_a_href_would_mark_it() -> None:
    """mark_blocks marks a link as a[href] finds links: in an inline <svg> an xlink:href
    link is one (a link marker), outside one that name makes only a named anchor."""
    from monitor.blockmarks import mark_blocks
    from monitor.markers import LINK_OPEN, NAMED_OPEN
    tree = LexborHTMLParser('<p><svg><a xlink:href="/map"><text>Map</text></a></svg>'
                            '<a xlink:href="/not">Not</a><a href="/plain">Plain</a></p>')
    assert tree.body is not None
    mark_blocks(tree.body)
    text = tree.body.text()
    assert f"{LINK_OPEN}Map" in text and f"{NAMED_OPEN}Map" not in text
    assert f"{NAMED_OPEN}Not" in text and f"{NAMED_OPEN}Plain" not in text


@pytest.mark.parametrize("far", [False, True])
def test_first_href_reads_an_svg_link_as_the_query_does(far: bool) -> None:
    """first_href's walk and its query fallback (past WALK_NODES) give an svg link's
    xlink:href, as css_first("a[href]") finds that link."""
    from monitor.nodefinds import WALK_NODES, first_href
    filler = "<span>x</span>" * WALK_NODES if far else ""
    tree = LexborHTMLParser(f'<h1>{filler}<a xlink:href="/plain-name">A</a><svg>'
                            '<a xlink:href="/logo"><text>L</text></a></svg></h1>')
    node = tree.css_first("h1")
    assert node is not None and node.css_first("a[href]") is not None
    assert first_href(node) == "/logo"


@pytest.mark.parametrize("markup", [
    '<svg><a xlink:href="/s">s</a></svg>',  # an svg link: a[href] finds it
    '<svg><foreignObject><a xlink:href="/f">f</a></foreignObject></svg>',  # an HTML <a>: not
    '<svg><desc><a xlink:href="/d">d</a></desc></svg>',
    '<svg><title><a xlink:href="/t">t</a></title></svg>',
    '<math><a xlink:href="/m">m</a></math>',  # a MathML <a>: its xlink:href is an href
    '<math><mi><a xlink:href="/i">i</a></mi></math>',  # an HTML <a> again
    '<a xlink:href="/h">h</a>',
])
def test_link_target_is_what_a_href_reads(markup: str) -> None:
    """link_target names a link exactly where a[href] finds one: an xlink:href is an href on
    an <a> in SVG or MathML, not on one in an HTML integration point of an <svg> (its
    <foreignObject>, <desc>, <title>) or a MathML text element; first_href and mark_blocks
    read links through it."""
    from monitor.nodefinds import first_href, link_target
    tree = LexborHTMLParser(f"<h1>{markup}</h1>")
    link = next(node for node in tree.root.traverse() if node.tag == "a")
    queried = tree.css_first("a[href]")
    expected = None if queried is None else queried.attributes.get("xlink:href")
    assert link_target(link) == expected
    heading = tree.css_first("h1")
    assert heading is not None and first_href(heading) == expected
