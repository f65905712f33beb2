"""prune_region leaves undecided the blocks inside a block it cuts: the region it leaves is
the one deciding every block leaves, and where the cuts take most of the region (a series
may be spared) it decides every block all the same."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborNode

from monitor import dom, series
from monitor.extract import parse
from monitor.loginbox import login_boxes

from .testpages import PROSE

_TAGS = ("div", "section", "span", "p", "aside", "label", "form", "figure", "h2")
_NAMES = ("", "share-box", "related", "widget", "sidebar-item", "slide", "meta", "story",
          "content", "newsletter", "comments", "promo")
_TEXTS = ("", "Share", "Related: more", PROSE, PROSE[:60], "By Ann Lee, staff writer",
          "Sign up for our newsletter")


def _prune_deciding_all(region: LexborNode, keep_share: float, protect: set[int]) -> None:
    """dom.prune_region deciding every block, those inside a cut one too."""
    victims, total = dom._victims(region, keep_share, protect, nested=True)
    for node in reversed(series.spare_series(victims, total)):
        dom.unlink(node)
    for node in login_boxes(region, protect):
        dom.unlink(node)


def _blocks(depth: int) -> st.SearchStrategy[str]:
    """Markup of nested blocks named (or not) like boilerplate, with short or long text."""
    leaf = st.sampled_from(_TEXTS)
    if depth == 0:
        return leaf
    block = st.tuples(st.sampled_from(_TAGS), st.sampled_from(_NAMES), st.sampled_from(_TEXTS),
                      st.lists(_blocks(depth - 1), max_size=3)).map(
        lambda b: f"<{b[0]}{f' class={b[1]}' if b[1] else ''}>{b[2]}{''.join(b[3])}</{b[0]}>")
    return st.one_of(leaf, block)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_blocks(3), min_size=1, max_size=5), st.sampled_from((0.3, 0.4, 0.6)))
def test_prune_region_prunes_as_deciding_every_block_does(parts: list[str], share: float) -> None:
    html = f"<body><div class=main><p>{PROSE}</p>{''.join(parts)}</div></body>"
    ours, reference = parse(html), parse(html)
    for tree, prune in ((ours, dom.prune_region), (reference, _prune_deciding_all)):
        region = tree.css_first("div.main")
        assert region is not None
        prune(region, share, {region.mem_id})
    assert ours.html == reference.html


NESTED = (f"<body><div class=main><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"
          "<div class=sidebar-item><div class=widget><span class=share-box>Share</span></div>"
          "<div class=related>Related: more</div></div></div></body>")


def test_blocks_inside_a_cut_block_are_left_undecided() -> None:
    """The widget, the share box and the related links sit in the cut sidebar item: the
    fast pass lists the item alone, deciding all lists the four, and both prune alike."""
    region = parse(NESTED).css_first("div.main")
    assert region is not None
    fast, _ = dom._victims(region, 0.6, {region.mem_id}, nested=False)
    every, _ = dom._victims(region, 0.6, {region.mem_id}, nested=True)
    assert [node.attributes.get("class") for node, _ in fast] == ["sidebar-item"]
    assert len(every) == 4
    dom.prune_region(region, 0.6, {region.mem_id})
    assert region.css_first(".sidebar-item, .widget, .share-box, .related") is None
    assert (region.text() or "").count(PROSE) == 3


SLIDES = "<body><div class=main><p>Intro.</p>" + "".join(
    f"<div class='gallery-item n{i}'><p>{PROSE} {PROSE[:40]} Step {i}.</p>"
    "<span class=share-box>Share</span></div>"
    for i in range(4)) + "</div></body>"


def test_a_series_that_cuts_most_is_decided_whole() -> None:
    """Slides named like a widget hold most of the region: every block is decided (each
    slide's share box too) and the series stays, its share boxes gone, as before."""
    ours, reference = parse(SLIDES), parse(SLIDES)
    for tree, prune in ((ours, dom.prune_region), (reference, _prune_deciding_all)):
        region = tree.css_first("div.main")
        assert region is not None
        victims, total = dom._victims(region, 0.3, {region.mem_id}, nested=False)
        assert series.cuts_most(victims, total)
        prune(region, 0.3, {region.mem_id})
    assert ours.html == reference.html
    assert ours.css_first(".share-box") is None
    assert len(ours.css("div.gallery-item")) == 4


ESCAPING = (f"<body><div class=main><p>{PROSE}</p><p>{PROSE}</p><div class=row>Sign up for our "
            "newsletter<div class=widget><form class=box>Your e-mail</form></div></div></div></body>")


def test_a_form_inside_a_cut_block_is_decided_for_its_box() -> None:
    """The form sits in a cut widget, but the sign-up box it names holds the widget: it is
    decided all the same, and the pitch beside the widget goes with the box."""
    ours, reference = parse(ESCAPING), parse(ESCAPING)
    for tree, prune in ((ours, dom.prune_region), (reference, _prune_deciding_all)):
        region = tree.css_first("div.main")
        assert region is not None
        prune(region, 0.6, {region.mem_id})
    assert ours.html == reference.html
    assert "Sign up" not in (ours.body.text() if ours.body is not None else "Sign up")
