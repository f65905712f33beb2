"""The extractor's shortcuts (cheaper ways to the same result) keep their result."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from monitor import (
    comments,
    dates,
    dom,
    leftovers,
    loginbox,
    placement,
    scoring,
    series,
    streamed,
    tagids,
    utcday,
    voting,
)
from monitor import selectors as sel
from monitor.blockmarks import block_elements
from monitor.consentbox import consent_box
from monitor.extract import extract, parse
from monitor.liveheads import entry_heading
from monitor.loginbox import login_boxes
from monitor.markedbody import explicit_bodies
from monitor.placement import nested_in
from monitor.signupbox import signup_box

from .testpages import PAGES, PROSE, with_test_pages

# the attributes every selector of sel.HIDDEN_BLOCKS needs
MAY_HIDE = "[hidden], [aria-hidden], [style]"


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_parse_without_events_builds_the_default_tree(page: Path) -> None:
    """parse() turns lexbor's mutation events off; the tree must not depend on them."""
    text = page.read_text(encoding="utf-8", errors="replace")
    assert parse(text).html == parse(text).html  # (the <title> repair is deterministic)
    if "</title" in text.lower():
        # events on; streamed segments put in place alike
        reference = LexborHTMLParser(text, scripting=True)
        if streamed.present(reference):
            streamed.reveal(reference, text)
        assert parse(text).html == reference.html


@pytest.mark.parametrize("text", [
    "<p>a\x00b</p>", "<p>wide ’ a\x00b</p>", "<title>t\x00<p>x\x00</p>", "<p>\ud800 ’\x00</p>",
    "<p>no nul ’ 海</p>", "", "\x00",
])
def test_parse_neutralises_nuls_as_the_text_replace_did(text: str) -> None:
    """parse() looks for NULs in the UTF-8 bytes it hands lexbor; the tree is the one the
    replaced str gave (lone surrogates dropped as selectolax drops them)."""
    reference = LexborHTMLParser(parse(text.replace("\x00", "\ufffd")).html or "")
    assert parse(text).html == reference.html
    plain = LexborHTMLParser(text.replace("\x00", "\ufffd"),
                             options=LexborDocumentOptions.WO_EVENTS, scripting=True)
    if "<title>" not in text:
        assert parse(text).html == plain.html


def test_select_options_never_reach_the_body() -> None:
    """Events would copy the chosen option into <selectedcontent>; selects are junk anyway."""
    html = (f"<html><body><article><p>{PROSE}</p><select><button><selectedcontent>"
            "</selectedcontent></button><option selected>Pick this option</option></select>"
            f"<p>{PROSE}</p></article></body></html>")
    assert "Pick this option" not in extract(html).body


def test_boilerplate_share_is_of_the_text_before_any_removal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The share guard compares with the whole text as it was before the first removal,
    read only when some block is found."""
    reads: list[str] = []

    def counting(node: object, deep: bool = True) -> int:
        reads.append(getattr(node, "tag", ""))
        return scoring.text_len(node, deep)  # type: ignore[arg-type]

    monkeypatch.setattr(dom, "text_len", counting)
    tree = parse(f"<body><aside>{'a' * 60}</aside><p>{'p' * 30}</p>"
                 f"<aside>{'b' * 45}</aside></body>")
    root = tree.body
    assert root is not None
    dom.remove_boilerplate(root, "nav", 0.6)
    assert reads == []  # nothing matched: no text was read
    dom.remove_boilerplate(root, "aside", 0.6)
    # 60 and 45 are both under 0.6 * 135; against the text left after the second aside
    # went (90) the first one would have been kept
    assert root.css("aside") == []
    assert reads.count("body") == 1


def test_junk_removal_is_strip_tags_in_one_walk() -> None:
    """Nested junk (a style in an svg, an embed in an object), junk in <head> and at the top
    level all go, and what is left is the tree strip_tags leaves."""
    html = ("<html><head><style>x</style><script>y</script></head><body><p>keep</p>"
            "<svg><style>s</style><text>t</text></svg><object><embed src=e><p>o</p></object>"
            "<div><button>b<select><option>o</option></select></button>tail</div>"
            "<noscript><iframe></iframe>n</noscript></body></html>")
    pages = with_test_pages(html)
    # (an accordion's toggle button in a heading stays: its label is the section's heading)
    pages = [page for page in pages if "aria-expanded" not in page]
    for page in pages:
        ours, reference = parse(page), parse(page)
        dom.remove_junk(ours)
        reference.strip_tags(list(sel.JUNK_TAGS))
        assert ours.html == reference.html
    tree = parse(html)
    dom.remove_junk(tree)
    assert tree.html is not None and "<style" not in tree.html and "<embed" not in tree.html
    assert tree.body is not None and tree.body.text() == "keeptail"


def test_block_walk_finds_what_the_block_selector_finds() -> None:
    """block_elements (one traverse) returns css(BLOCK_SELECTOR)'s nodes, in its order, the
    node itself included, whatever the nesting or the markup's case."""
    html = ("<body><DIV id=a><p>one<br>two</p><ul><li><b>x</b><div>y</div></li></ul><!-- c -->"
            "<table><tr><td>z</td></tr></table><custom-p>w</custom-p><span>v</span></DIV></body>")
    pages = with_test_pages(html)
    for page in pages:
        tree = parse(page)
        dom.remove_junk(tree)
        for root in (tree.body, tree.css_first("div")):
            if root is not None:
                expected = [n.mem_id for n in root.css(sel.BLOCK_SELECTOR)]
                assert [n.mem_id for n in block_elements(root)] == expected


@pytest.mark.parametrize("block", [
    "<div hidden>h</div>", "<div aria-hidden=true>a</div>", "<p style='DISPLAY: none'>s</p>",
    "<span style='x;visibility:hidden'>v</span>", "<div HIDDEN=''>e</div>", "<p>none</p>",
])
def test_the_hidden_query_is_skipped_only_where_it_finds_nothing(block: str) -> None:
    """The hidden query finds something only where an element holds one of MAY_HIDE's
    attributes: wherever it finds a block, MAY_HIDE finds an element; and where MAY_HIDE
    finds none, the boilerplate query without its hidden parts finds what the whole one
    finds (extract's hidden pass then lists no block: leftovers.global_query)."""
    for page in with_test_pages(f"<body><article><p>{PROSE}</p>{block}</article></body>"
                                "<nav>n</nav><footer class=footer>f</footer>"):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        if root.css(sel.HIDDEN_BLOCKS):
            assert root.css_first(MAY_HIDE) is not None
        if root.css_first(MAY_HIDE) is None:
            expected = _distinct(root.css(sel.GLOBAL_BOILERPLATE))
            assert _distinct(root.css(leftovers.global_query([], None))) == expected
    assert leftovers.global_query([], None) == leftovers.grouped(
        leftovers.without(leftovers.HIDDEN_PARTS))
    assert len(leftovers.without(leftovers.HIDDEN_PARTS).split(", ")) == len(
        sel.GLOBAL_BOILERPLATE.split(", ")) - len(leftovers.HIDDEN_PARTS)


def _distinct(nodes: list[LexborNode]) -> list[int]:
    """mem_ids of the nodes in order, each once (a selector list gives a node once for
    each of its selectors it matches; leftovers.grouped, once for each group)."""
    return list(dict.fromkeys(node.mem_id for node in nodes))


@pytest.mark.parametrize("block", [
    "<div hidden class=comments>h</div>", "<div aria-hidden=TRUE>a</div>",
    "<div class=commentary><p>c</p></div>", "<div id=Comments>c</div>",
    "<section class='post-comments'><p>c</p></section>", "<span class=x-comment-y>s</span>",
    "<p style='display:none'>s</p><div hidden><h1>t</h1></div>", "<p>none</p>",
])
def test_the_global_query_leaves_out_only_selectors_whose_elements_are_gone(block: str) -> None:
    """After the hidden pass and remove_comments, leftovers.global_query lists what
    sel.GLOBAL_BOILERPLATE lists: the parts it leaves out find nothing left."""
    for page in with_test_pages(f"<body><article class=comment-open><p>{PROSE}</p>{block}"
                                "</article><nav>n</nav><footer class=footer>f</footer></body>"):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        hiding = root.css_first(MAY_HIDE) is not None
        hidden_left = dom.remove_boilerplate(root, sel.HIDDEN_BLOCKS, 0.6) if hiding else []
        first = dom.best_candidate(voting.count(voting.read(root)), family=False)
        protect = dom.ancestry(first.node if first is not None else None)
        for comments_left in (None, comments.remove_comments(root, protect)):
            query = leftovers.global_query(hidden_left, comments_left)
            assert _distinct(root.css(query)) == _distinct(root.css(sel.GLOBAL_BOILERPLATE))


@pytest.mark.parametrize("body", [
    "<div itemprop=headline>h</div><p property='articleBody'>a</p><div itemprop=articleBody>b</div>",
    "<div itemprop=ARTICLEBODY>a</div><div itemprop='articleBody '>b</div><div itemprop>c</div>",
    "<div ITEMPROP=reviewBody>r</div>", "<span property=schema:articleBody>s</span>",
    "<div property='og:title' itemprop='x'><div property=articleBody itemprop=y>z</div></div>",
    "<p>none</p>",
])
def test_explicit_body_is_the_first_node_the_explicit_selector_finds(body: str) -> None:
    """explicit_bodies' first (one two-attribute query, values tested in Python) = css_first."""
    pages = with_test_pages(f"<body>{body}</body>")
    for page in pages:
        root = parse(page).body
        assert root is not None
        expected = root.css_first(sel.EXPLICIT_BODY)
        parts = explicit_bodies(root)
        found = parts[0] if parts else None
        assert (found and found.mem_id) == (expected and expected.mem_id)


@pytest.mark.parametrize("body", [
    "<div itemprop=articleBody property=x>a</div><div property=articleBody itemprop=y>b</div>",
    "<div itemprop=articleBody property=articleBody><p itemprop=reviewBody>c</p></div>",
    "<div itemprop=xBody property=schema:articleBody>d</div><i itemprop=ArticleBody>e</i>",
    "<section itemprop=articleBody>f</section><section itemprop=articleBody property>g</section>",
])
def test_explicit_bodies_are_those_of_the_two_attribute_query(body: str) -> None:
    """explicit_bodies (a query of the values' endings) lists what its test of every element
    holding either attribute lists, each element once (that query gave one holding both
    twice; the body's parts are made distinct after it all the same)."""
    for page in with_test_pages(f"<body>{body}</body>"):
        root = parse(page).body
        assert root is not None
        expected: list[LexborNode] = []
        for node in root.css("[itemprop], [property]"):
            attrs = node.attributes
            if (attrs.get("itemprop") in ("articleBody", "reviewBody") or attrs.get("property")
                    in ("articleBody", "schema:articleBody")) \
                    and not nested_in(node, {other.mem_id for other in expected}):
                expected.append(node)
        assert [n.mem_id for n in explicit_bodies(root)] == \
            list(dict.fromkeys(n.mem_id for n in expected))


def test_marked_dates_list_what_the_date_selectors_list() -> None:
    """marked_dates (a three-part query, values tested in Python) = css(DATE_NODES), a node
    once per selector it matches: case, ~= word splitting and repeated words included."""
    html = ("<head><meta property='og:title dc:date' content=x></head><body>"
            "<time itemprop=datePublished pubdate datetime=x property='dc:date dc:date dc:created'>"
            "t</time><span itemprop='a\tdatePublished\nb'>s</span><span itemprop='a\xa0datePublished'>"
            "n</span><b itemprop=DATEPUBLISHED property='dcterms:date\x0cschema:datePublished'>b</b>"
            "<TIME DATETIME=1>u</TIME><time>v</time><i property>w</i><i itemprop=x>y</i></body>")
    pages = with_test_pages(html)
    for page in pages:
        tree = parse(page)
        dom.remove_junk(tree)
        expected = [n.mem_id for n in tree.css(dates.DATE_NODES)]
        assert [n.mem_id for n in dates.marked_dates(tree)] == expected
    assert len(dates.marked_dates(parse(html))) == 10
    # a property value is split into words only when it holds a hint of a marked name
    assert all(any(hint in name for hint in dates.PROPERTY_HINTS)
               for name in dates.MARKED_PROPERTIES)


def test_tag_ids_test_what_tag_names_test() -> None:
    """A tag-id set test (monitor.tagids) is the tag-name set test it replaces, on every
    element: SVG and MathML content, table parts, custom and unknown tags, any case."""
    names = sel.JUNK_TAGS + sel.BLOCK_TAGS
    ids = tagids.tag_ids(names)
    html = ("<body><SVG><style>s</style><script>x</script><foreignObject><p>f</p></foreignObject>"
            "<a>l</a></svg><math><mi>m</mi><style>t</style></math><table><caption>c</caption>"
            "<tr><TD>d</TD><th>h</th></tr></table><x-p>w</x-p><p-x>v</p-x><dialog><p>q</p>"
            "</dialog><image src=i><center>z</center><template><div>t</div></template></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        assert tree.root is not None
        for node in tree.root.traverse(include_text=True):
            assert (node.tag in names) == (node.tag_id in ids), node.tag
    with pytest.raises(ValueError):
        tagids.tag_ids(("x-custom",))


def test_deep_text_is_the_text_of_every_element() -> None:
    """scoring.deep_text (lexbor's text content) reads what text() reads, for elements."""
    html = ("<body><p>a<!-- c --><b> b </b>\x00<?pi x?></p><svg><text>t</text><![CDATA[d]]></svg>"
            "<template><p>in</p></template><pre>\n x\r\n</pre><p>\u2019\ud83d\ude00</p></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        assert tree.root is not None
        for node in tree.root.traverse():
            if node.is_element_node:
                assert scoring.deep_text(node) == node.text(), node.tag


_STAMP_PARTS = st.sampled_from([
    "2021-09-27", "2021-09-26", "T", " ", "02:05", ":00", ".5", "Z", "z", "+02:00", "-05:00",
    "+0000", "-0000", "+0530", "-", "+", "GMT", "x",
])


@given(st.lists(st.lists(_STAMP_PARTS, max_size=8).map("".join), max_size=4))
def test_offset_search_skips_only_stamps_without_one(stamps: list[str]) -> None:
    """local_offset passes over a stamp with no "+" and at most two "-" without a search:
    the same offset as searching every stamp."""
    expected = None
    for stamp in stamps:
        match = utcday.STAMP.search(stamp)
        if match and (found := utcday._offset(match.group(4))) is not None:
            expected = found
            break
    assert utcday.local_offset(stamps) == expected


def test_is_lists_each_node_of_a_selector_list_once() -> None:
    """prune_region's :is() query lists, in the same order, the nodes the selector list
    lists, each once instead of once per selector it matches."""
    html = ("<body><div class=a id=b style=c><figure class=f><figcaption id=g>x</figcaption>"
            "</figure><form style=x><picture class=p></picture></form><span>s</span></div></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        if tree.body is None:
            continue
        listed = [n.mem_id for n in tree.body.css(dom._PRUNED[4:-1])]
        once = [key for i, key in enumerate(listed) if i == 0 or listed[i - 1] != key]
        assert [n.mem_id for n in tree.body.css(dom._PRUNED)] == once
        assert len(set(once)) == len(once)


def _prune_every_listing(region: LexborNode, keep_share: float, protect: set[int]) -> None:
    """dom.prune_region as it was: every listing of a node (one per selector it matches)
    decided on its own."""
    total = 0
    victims: list[tuple[LexborNode, int]] = []
    spared: set[int] = set()
    styles = dom._paragraph_styles(region)
    seen: set[int] = set()
    for node in region.css("[class], [id], [style], " + sel.REGION_BOILERPLATE_TAGS):
        mem_id, tag = node.mem_id, node.tag
        if mem_id in protect or mem_id in seen or tag in ("html", "body", "main", "article", "h1"):
            continue
        box = consent_box(node, region, protect) if tag == "label" else None
        if box is not None:
            node = box
        elif not dom.is_boilerplate(node) or entry_heading(node, node.tag):
            continue
        elif tag == "form":
            node = signup_box(node, region, protect)
        total = total or max(scoring.text_len(region), 1)
        if tag == "p" and node.attributes.get("class") in styles:
            continue
        if (tag == "span" and placement.in_code(node)) or placement.in_sentence(node):
            continue
        length = scoring.text_len(node)
        if length > keep_share * total or (box is None and scoring.holds_prose(node, length)
                                           and not dom.bio_box(node)):
            continue
        if not dom._opens_section(node, length, protect, spared):
            victims.append((node, length))
            seen.add(mem_id)
    for node in reversed(series.spare_series(victims, total)):
        dom.unlink(node)
    for node in login_boxes(region, protect):
        dom.unlink(node)


def test_prune_region_decides_a_node_listed_twice_once() -> None:
    """A node the query lists once per selector it matches (class and id and style) is
    decided once, as every listing of it was: the pruned region is the same."""
    html = (f"<body><div id=main class=story><p>{PROSE}</p><div id=share-1 class=share-box "
            "style='color:red'>Share</div><div id=h class=widget-top><h2 id=x class=y>Next</h2>"
            f"</div><div class=widget-body><p>{PROSE}</p></div><p id=p1 class=meta>By Ann</p>"
            f"<span id=s class=related style='x'>Related: more</span></div></body>")
    for page in with_test_pages(html):
        ours, reference = parse(page), parse(page)
        for tree, prune in ((ours, dom.prune_region), (reference, _prune_every_listing)):
            dom.remove_junk(tree)
            if tree.body is not None:
                prune(tree.body, 0.3, {tree.body.mem_id})
        assert ours.html == reference.html


@pytest.mark.parametrize("href", [
    "/login", "/LogIn?next=/x", "/user/sign-in", "/SIGNIN", "/service/regist", "/register",
    "/en/registration#form", "https://paper.example/log-in", "/Register.html",
])
def test_the_log_in_link_query_lists_every_log_in_address(href: str) -> None:
    """loginbox tests only the links lexbor's _MAY_LOG_IN lists: every address LOGIN_PATH
    takes for a log-in page is among them, whatever its case."""
    assert loginbox.LOGIN_PATH.search(href)
    tree = parse(f'<body><p>x <a href="{href}">Log in</a> <a href="/news/a">a story</a></p></body>')
    assert [a.attributes["href"] for a in tree.css(loginbox._MAY_LOG_IN)] == [href]
