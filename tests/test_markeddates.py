"""Contract: marked_elements with the junk walk's <time> list answers what the whole query
answers (the same nodes, each as often, in the same order), after the junk and any other
subtree are removed, on random nestings and on every test page."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from monitor import dom, junkwalk
from monitor.extract import parse
from monitor.markeddates import DATE_NODES, marked_elements

from .testpages import with_test_pages

# the elements a marked date can be, and some that are not one, junk among them
LEAVES = ('<time datetime="2024-05-10T09:00:00Z">10 May</time>', "<time pubdate>10 May</time>",
          "<time>10 May</time>", '<time itemprop="datePublished" datetime="2024-05-10">x</time>',
          '<span itemprop="datePublished">10 May 2024</span>', '<span itemprop="author">x</span>',
          '<meta property="dc:date dc:created" content="2024-05-10">',
          '<span property="og:title">x</span>', "<p>text</p>",
          '<button><time datetime="2024-05-11">11 May</time></button>')
BLOCKS = ("div", "section", "article", "noscript", "li")


def _answer(tree: LexborHTMLParser, times: list[object] | None) -> list[tuple[int, str]]:
    return [(node.mem_id, repr(sorted(attrs.items())))
            for node, attrs in marked_elements(tree, times)]  # type: ignore[arg-type]


def _agree(page: str, drop: int | None = None) -> int:
    """Both answers agree once the junk (and the ``drop``-th <div>, <section> or <article>)
    is gone; how many marked entries they hold."""
    tree = parse(page)
    walked = junkwalk.walk(tree)
    dom.remove_junk(tree, walked)
    blocks = tree.css("div, section, article")
    if drop is not None and drop < len(blocks):
        blocks[drop].decompose()
    expected = _answer(tree, None)
    assert [mem_id for mem_id, _ in expected] == [node.mem_id for node in tree.css(DATE_NODES)]
    if walked.times is not None:
        assert _answer(tree, walked.times) == expected  # type: ignore[arg-type]
    return len(expected)


nested = st.recursive(st.sampled_from(LEAVES), lambda inner: st.builds(
    lambda tag, kids: f"<{tag}>{''.join(kids)}</{tag}>", st.sampled_from(BLOCKS),
    st.lists(inner, max_size=4)), max_leaves=12)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(nested, max_size=5), st.none() | st.integers(0, 6))
def test_the_time_list_answers_what_the_query_answers(parts: list[str], drop: int | None) -> None:
    _agree(f"<html><head><title>t</title></head><body>{''.join(parts)}</body></html>", drop)


def test_every_test_page_agrees() -> None:
    """Named and stamped elements on one page (the query's order kept), each kind alone,
    a removed block's stamped time, and every test page."""
    page = ("<html><body><div><time datetime='2024-05-10T09:00:00Z'>x</time></div>"
            f"{LEAVES[4]}<section>{LEAVES[0]}</section></body></html>")
    assert _agree(page) == 3
    assert _agree(page, drop=0) == 2  # (the first <time> went with its <div>)
    assert _agree(page.replace(LEAVES[4], "")) == 2
    assert _agree(f"<html><body>{LEAVES[4]}{LEAVES[2]}{LEAVES[9]}</body></html>") == 1
    assert sum(_agree(text, drop) for text in with_test_pages(page)[1:] for drop in (None, 1)) > 0


def test_times_outside_the_body_walk_agree() -> None:
    """A <time> written in <head> (the parser moves it to <body>), in a <noscript> or a
    <template> there, in junk (<svg>), after </html>, and a frameset page (no walk list)."""
    for page in ("<html><head><noscript><time datetime=2024-01-01>x</time></noscript>"
                 "<template><time datetime=2024-01-04>t</time></template>"
                 "<meta property=dc:date content=2024-01-02></head><body><p>a</p></body></html>",
                 "<html><head><time datetime=2024-01-01>x</time></head><body><svg><time "
                 "datetime=2024-02-02>s</time></svg><time pubdate datetime=2024-01-03>z</time>"
                 "</body></html>",
                 "<html><body><p>a</p></body></html><time datetime=2024-01-03>after</time>"):
        assert _agree(page) >= 1
    assert _agree("<time datetime=2024-01-01>x</time><frameset></frameset>") == 1
