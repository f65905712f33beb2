"""monitor.attrnames: the names it makes known change no query's answer, and every name the
automatic extraction's attribute selectors test is either lexbor's own or made known."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from monitor import ariahidden, attrnames, comments, dates, dom, leftovers, markedbody, nosnippet
from monitor import selectors as sel
from monitor.extract import parse
from monitor.hiddensplit import HIDDEN_OR_PARAGRAPHS

from .testpages import PROSE, with_test_pages

# attribute names lexbor's own table holds (an id in every document), of those queried
LEXBOR_OWN = frozenset(("class", "id", "style", "for"))
QUERIES = (
    sel.EXPLICIT_BODY, markedbody._MAY_MARK_BODY, sel.STRUCTURAL_BOILERPLATE,
    HIDDEN_OR_PARAGRAPHS, leftovers.HIDDEN_QUERY, *leftovers._QUERIES.values(), dom._TOGGLE,
    ariahidden._HIDDEN, nosnippet.QUERY, comments.COMMENT_QUERY, dom._PRUNED, dates.DATE_NODES,
)
MARKED = (
    f"<body><div role=navigation><p>a</p></div><div hidden><p>{PROSE}</p></div>"
    "<p aria-hidden=true>*</p><section aria-hidden=true>b</section><h3><button aria-expanded"
    f"=false>c</button></h3><div itemprop=articleBody><p>{PROSE}</p></div>"
    "<div property=articleBody>d</div><div data-nosnippet>e</div><nav>f</nav>"
    "<div class=comments>g</div><time datetime=2024-05-10>h</time></body>"
)


def _found(root: LexborNode) -> list[list[int]]:
    return [[node.mem_id for node in root.css(query)] for query in QUERIES]


@pytest.mark.parametrize("page", with_test_pages(MARKED)[:16])
def test_made_known_names_change_no_answer(page: str) -> None:
    tree = LexborHTMLParser(page.encode(), options=LexborDocumentOptions.WO_EVENTS, scripting=True)
    root = tree.root
    assert root is not None
    before, html = _found(root), tree.html
    attrnames.make_known(root)
    assert _found(root) == before
    assert tree.html == html  # (the holder is in no tree)
    assert parse(page).html == html  # (parse() makes them known the same way)
    if page is MARKED:
        assert all(before)  # (each query finds something here: a name made known may matter)


def test_every_queried_name_has_an_id() -> None:
    """A name the queries test that is neither lexbor's nor in QUERIED is looked up at
    every element: add it to QUERIED."""
    names = {name.lower() for query in QUERIES for name in re.findall(r"\[([\w-]+)", query)}
    assert names - LEXBOR_OWN <= set(attrnames.QUERIED)
    assert names & set(attrnames.QUERIED) == set(attrnames.QUERIED)  # (none queried nowhere)
