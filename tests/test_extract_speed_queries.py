"""Cheaper shapes of the page-wide selector lists find the elements the lists find."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from monitor import attrsieve, dom, leftovers, scoring
from monitor import selectors as sel
from monitor.extract import parse

from .testpages import PROSE, with_test_pages


def _distinct(nodes: list[LexborNode]) -> list[int]:
    """mem_ids in order, each once (a list gives a node once for each part it matches)."""
    return list(dict.fromkeys(node.mem_id for node in nodes))


@pytest.mark.parametrize("block", [
    "<div class=Sidebar>a</div><div class=siteFooter>b</div><div id=RELATED>c</div>",
    "<div class='x-related-y'>a</div><div class=NEWSLETTER>b</div><div id=sidebar-2>c</div>",
    "<div class='Comments comment'>a</div><div id=Footer>b</div><p class=popular>c</p>",
    "<div class=réCOMMENDé>a</div><div class=recommendÉ>b</div><div id=ﬁfooter>c</div>",
])
def test_case_insensitive_twins_change_no_match(block: str) -> None:
    """grouped() puts each case-sensitive substring test behind its case-insensitive twin:
    the elements found are those of the plain list, not the twin's ("Sidebar" stays)."""
    for page in with_test_pages(f"<body><article><p>{PROSE}</p>{block}</article></body>"):
        root = parse(page).body
        if root is None:
            continue
        for query in (sel.GLOBAL_BOILERPLATE, leftovers.without(leftovers.COMMENT_PARTS)):
            assert _distinct(root.css(leftovers.grouped(query))) == _distinct(root.css(query))
    root = parse(f"<body>{block}</body>").body
    assert root is not None
    found = {node.attributes.get("class") or node.attributes.get("id")
             for node in root.css(leftovers.grouped(sel.GLOBAL_BOILERPLATE))}
    assert not found & {"Sidebar", "siteFooter", "RELATED", "NEWSLETTER", "Footer"}


def test_twins_go_before_case_sensitive_tests_only() -> None:
    """A test that is case-insensitive already stays as it is (the hidden query's)."""
    assert attrsieve.twinned('[class*="footer"]') == '[class*="footer" i][class*="footer"]'
    assert attrsieve.twinned('[style*="display:none" i]') == '[style*="display:none" i]'
    assert leftovers.HIDDEN_QUERY.count('*="display') == 2
    removed = parse(f"<body><p>{PROSE}</p><div class=Footer>f</div></body>")
    assert removed.body is not None
    dom.remove_boilerplate(removed.body, leftovers.grouped(sel.GLOBAL_BOILERPLATE), 0.6)
    assert "Footer" in removed.body.html


_WORDS = ("sidebar", "related", "footer", "recommend", "popular", "newsletter", "comment",
          "zebra")


@pytest.mark.parametrize("present", [_WORDS, _WORDS[:1], ("footer", "zebra"),
                                     ("comment", "related", "popular")])
def test_sieve_finds_what_the_tests_find(present: tuple[str, ...]) -> None:
    """Words behind shared pieces ("r", "re", "ar", "ter"), a word no piece holds, a lone
    word of a piece: the sieve finds each element one of the plain tests finds, no other."""
    values = ["related-posts", "x-recommended", "Sidebar", "site-popular", "ter",
              "page-footer big", "NEWSLETTER newsletter", "arre", "zebra", "commentary",
              "r", "wrapper", "footers-re", "sidebarpopular", "relatedFooter"]
    body = "".join(f"<div class='{value}' id='{value}'>x</div>" for value in values)
    root = parse(f"<body>{body}</body>").body
    assert root is not None
    for name in ("class", "id"):
        tests = [f'[{name}*="{word}"]' for word in present]
        arranged = attrsieve.sieve(name, tests)
        assert _distinct(root.css(arranged)) == _distinct(root.css(", ".join(tests)))
    assert len(root.css(attrsieve.sieve("class", [f'[class*="{w}"]' for w in _WORDS]))) == 10


def test_link_density_by_walk_is_by_query() -> None:
    """link_density walks a node of little text for its links: the share is the one the
    css("a") query gives (the node itself a link, links nested in spans, comments)."""
    html = (f"<body><p id=p1>{PROSE} <a href=/x>one <b>bold</b></a> <!-- <a>not</a> -->"
            "<span><a>two</a></span></p><a id=p2 href=/y>a link alone</a>"
            f"<div id=p3>{PROSE * 12}<a href=/z>far</a><p><a>in</a> p</p></div></body>")
    root = parse(html).body
    assert root is not None
    for node in root.css("#p1, #p2, #p3, p"):
        total = scoring.text_len(node)
        linked = sum(len(a.text_lexbor().strip()) for a in node.css("a"))
        assert scoring.link_density(node) == min(linked / total, 1.0)
    assert scoring.text_len(root.css_first("#p1")) < scoring.WALKED_TEXT \
        < scoring.text_len(root.css_first("#p3"))


def test_sieve_keeps_the_case_insensitive_test_of_a_word_tested_both_ways() -> None:
    """Keyed by word alone, the later of two tests of one word replaced the other: '[class*=
    "ad" i]' then '[class*="ad"]' lost class="AD", which the list finds."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.attrsieve import sieve

    tree = LexborHTMLParser('<div class="AD">x</div><div class="ad">y</div>')
    for tests in (['[class*="ad" i]', '[class*="ad"]'], ['[class*="ad"]', '[class*="ad" i]']):
        found = {n.mem_id for n in tree.css(sieve("class", tests))}
        assert found == {n.mem_id for n in tree.css(", ".join(tests))} and len(found) == 2


def test_grouped_leaves_a_compound_substring_test_as_it_is() -> None:
    """Only a bare [name*="..."] test goes into the sieve: twinning '[class*="share"]:not(p)'
    wrote a selector lexbor cannot parse."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.leftovers import grouped

    query = 'nav, [class*="share"]:not(p), [class*="footer"]'
    tree = LexborHTMLParser('<div class="share">x</div><p class="share">y</p>'
                            '<div class="footer">z</div><nav>n</nav>')
    assert [n.mem_id for n in tree.css(grouped(query))] == [n.mem_id for n in tree.css(query)]
