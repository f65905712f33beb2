"""teaserfeed.drop_teasers' shortcuts remove what its plain form did: the paragraph sum
stopped once it reaches OWN_PROSE, the inside-the-story test by a walk up to the first
holder of the story, and heading_link's look above a teaser read once per feed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import teaserfeed
from monitor.extract import parse
from monitor.nodefinds import by_tag, heading_link
from monitor.scoring import ancestry, text_len

from .testpages import PROSE, with_test_pages


def _plain_drop(own: LexborNode, body: LexborNode) -> None:
    """drop_teasers as it was written before the shortcuts (the reference)."""
    around, stories = ancestry(own), by_tag(body, "article")
    if all(story.mem_id in around for story in stories):
        return
    if sum(text_len(para) for para in own.css("p")) < teaserfeed.OWN_PROSE:
        return
    for story in reversed(stories):
        if story.mem_id in around or own.mem_id in ancestry(story):
            continue
        if text_len(story) <= teaserfeed.TEASER_CHARS and heading_link(story, wrapped=True):
            story.decompose()


def _after(page: str, drop: bool, index: int) -> str | None:
    """The page's <body> after one form of drop_teasers with its ``index``-th <article>
    as the headline's (None: no such article)."""
    tree: LexborHTMLParser = parse(page)
    body = tree.body
    if body is None:
        return None
    stories = by_tag(body, "article")
    if index >= len(stories):
        return None
    (teaserfeed.drop_teasers if drop else _plain_drop)(stories[index], body)
    return body.html


def _agree(page: str) -> int:
    """Both forms leave the same body whichever <article> is the headline's; how many
    articles were tried."""
    index = 0
    while (fast := _after(page, True, index)) is not None:
        assert fast == _after(page, False, index), index
        index += 1
    return index


TEASER = ('<article class=teaser><h3><a href="/other">Another story</a></h3>'
          "<p>A line or two.</p></article>")
LINKED_FEED = f'<a href="/more"><div>{TEASER}{TEASER}</div></a>'
STORY = (f"<article><h1>Own story</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"
         f"<p>{PROSE}</p><p>{PROSE}</p>{TEASER}</article>")
PAGE = (f"<html><body><main>{STORY}<section>{TEASER}{TEASER}</section></main>"
        f"<aside><h2><span>{TEASER}</span></h2>{TEASER}</aside>{LINKED_FEED}"
        f"<article><p>{PROSE}</p>{TEASER}</article></body></html>")


def test_the_shortcuts_drop_what_the_plain_form_drops() -> None:
    """On a page with teasers in and beside the story, under a heading and inside a link
    (a feed whose look above differs), and on every test page."""
    assert _agree(PAGE) == 10
    dropped = _after(PAGE, True, 0)
    assert dropped is not None and dropped.count("<article") == 3  # (the story's, the
    # teaser inside it and the last article stay; the last one's own teaser goes)
    tried = sum(_agree(page) for page in with_test_pages(PAGE)[1:])
    assert tried > 0


def test_a_short_story_keeps_the_teasers_beside_it() -> None:
    """The sum of the story's paragraphs still decides: under OWN_PROSE nothing goes."""
    short = PAGE.replace(f"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>", "")
    tree = parse(short)
    assert tree.body is not None
    before = len(by_tag(tree.body, "article"))
    teaserfeed.drop_teasers(by_tag(tree.body, "article")[0], tree.body)
    assert len(by_tag(tree.body, "article")) == before


NAMES = ("article", "div", "section", "a", "h2", "h3", "p", "span", "aside")


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nesting of articles, links, headings and blocks, with text between."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        name = draw(st.sampled_from(NAMES))
        attrs = ' href="/x"' if name == "a" and draw(st.booleans()) else ""
        inner = draw(markup(depth + 1))
        text = draw(st.sampled_from(["", "x", PROSE, PROSE * 3]))
        parts.append(f"<{name}{attrs}>{text}{inner}</{name}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=markup())
def test_the_shortcuts_agree_on_any_nesting(body: str) -> None:
    _agree(f"<html><body>{STORY}{body}</body></html>")


def test_the_paragraph_sum_counts_from_own_prose_itself() -> None:
    """The early stop keeps the plain form's bound: paragraphs of exactly OWN_PROSE
    characters in all hold prose (sum < OWN_PROSE returned), one fewer does not."""
    half = teaserfeed.OWN_PROSE // 2
    for total, holds in ((teaserfeed.OWN_PROSE, True), (teaserfeed.OWN_PROSE - 1, False)):
        tree = parse(f"<article><p>{'x' * half}</p><p> {'y' * (total - half)} </p></article>")
        (own,) = by_tag(tree.root, "article")
        assert teaserfeed._holds_prose(own) is holds


def test_each_feed_has_its_own_look_above() -> None:
    """heading_link's look above is kept per parent: a teaser that is only a link (its
    heading is above it) and one that is only a heading (its link is above it) go, the same
    teasers in a plain <div> stay, whichever feed is read first (a look shared by all feeds
    passed the tests above, whose teasers hold a heading and a link of their own)."""
    link = '<article><a href="/a">A headline</a></article>'
    heading = "<article><h3>A headline</h3></article>"
    feeds = [f"<h2><span>{link}{link}</span></h2>", f'<a href="/b"><div>{heading}</div></a>',
             f"<div>{link}{heading}</div>"]
    for order in (feeds, feeds[::-1]):
        page = f"<html><body>{STORY}{''.join(order)}</body></html>"
        assert _agree(page) == 7
        after = _after(page, True, 0)
        assert after is not None and after.count("<article") == 4  # (the story, its teaser
        # and the plain <div>'s two)
