"""Contract: explicit_bodies given the date search's list of itemprop/property elements
(taken before later removals) answers what its own query of <body> answers, after blocks
are decomposed, unwrapped or detached alone, on random nestings and on every test page."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor import dom, junkwalk
from monitor.extract import parse
from monitor.markedbody import explicit_bodies
from monitor.markeddates import Marked, marked_elements

from .testpages import with_test_pages

# marked bodies of each kind, look-alikes that are not one, a date (the search's own), junk
LEAVES = ('<div itemprop="articleBody"><p>a</p></div>', '<p property="articleBody">b</p>',
          '<section itemprop="reviewBody">c</section>', '<i property="schema:articleBody">d</i>',
          '<div itemprop="xBody">e</div>', '<span property="og:title">f</span>',
          '<time itemprop="datePublished" datetime="2024-05-10">x</time>',
          '<button><div itemprop="articleBody">g</div></button>', "<p>text</p>")
BLOCKS = ("div", "section", "article", "figure", "li")
HEAD = '<meta property="articleBody" content="x"><meta property="dc:date" content="2024-05-10">'


def _agree(page: str, cuts: list[tuple[int, int]], timed: bool = True) -> int:
    """Both answers agree once the junk is gone, the date search has listed the marked
    elements, and each cut (block index, how: 0 decompose, 1 unwrap, 2 detach alone) is
    made; how many bodies they find."""
    tree = parse(page)
    walked = junkwalk.walk(tree)
    dom.remove_junk(tree, walked)
    listed: list[Marked] = []
    marked_elements(tree, walked.times if timed else None, listed)
    for index, how in cuts:
        blocks = tree.css("div, section, article, figure, li")
        if index < len(blocks):
            if how == 0:
                blocks[index].decompose()
            elif how == 1:
                blocks[index].unwrap()
            else:
                blocks[index].decompose(recursive=False)
    root = tree.body
    assert root is not None and len(listed) == 1
    expected = [node.mem_id for node in explicit_bodies(root)]
    assert [node.mem_id for node in explicit_bodies(root, listed[0])] == expected
    return len(expected)


nested = st.recursive(st.sampled_from(LEAVES), lambda inner: st.builds(
    lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>", st.sampled_from(BLOCKS),
    st.lists(inner, max_size=4)), max_leaves=12)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nested, max_size=5), st.lists(st.tuples(st.integers(0, 8), st.integers(0, 2)),
                                              max_size=3), st.booleans())
def test_the_listed_elements_answer_what_the_query_answers(
        parts: list[str], cuts: list[tuple[int, int]], timed: bool) -> None:
    _agree(f"<html><head>{HEAD}</head><body>{''.join(parts)}</body></html>", cuts, timed)


def test_removed_and_outside_bodies_are_left_out() -> None:
    """A decomposed body, one under a decomposed block, one detached with its block (which
    keeps its parent), one in <head>, and every test page."""
    page = (f"<html><head>{HEAD}</head><body><div>{LEAVES[0]}</div><section>{LEAVES[1]}"
            f"</section><article><div>{LEAVES[3]}</div></article>{LEAVES[2]}</body></html>")
    assert _agree(page, []) == 4
    assert _agree(page, [(0, 0)]) == 3  # (the outer <div>, its body with it)
    assert _agree(page, [(1, 0)]) == 3  # (the marked body itself)
    assert _agree(page, [(0, 2)]) == 3  # (the outer <div> alone: its body still under it)
    assert _agree(page, [(0, 1)]) == 4  # (unwrapped: its body stays in the page)
    for text in with_test_pages(page)[1:]:  # (no marked body: both answers empty)
        for cuts in ([], [(2, 0)], [(3, 2)]):
            assert _agree(text, cuts) == 0
