"""A list of teasers that wins the vote on its class name (round quality14, issue 11).

Each page is a whole news page with a story of one paragraph beside a list whose rows each
open with a link to another story: "Recent comments on our stories" in Drupal's
"view-content" (a picture, a linked headline, the comment's excerpt, a byline), a "Latest"
list named "news-items", and a column of cards named "post-text", one of which won alone.
The name's prior lifted the list, or one card, over the story although the story's box got
more votes; the body came out as other stories' headlines. The guards: a page that is a
listing and nothing else, and a round-up whose sections open with linked headings and
which holds the most votes, keep their rows.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from monitor.extract import extract, parse
from monitor.namedlisting import teaser_rows

from .ordinary import URL, check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "q14_comment_listing": ("Bakers try solar ovens at the market",
                            ("swapped their gas ovens", "end of the summer season"),
                            ("Ferry timetable", "the late boat", "harbourwatcher",
                             "New cycle lanes", "Recent comments")),
    "q14_news_stream": ("Night buses return to the valley route",
                        ("Night buses will run again", "at least once a week"),
                        ("Ferry timetable", "Anna Berg", "Library extends", "Latest")),
    "q14_teaser_cards": ("Harbour pool opens for the summer",
                         ("The harbour pool opened", "on the first morning alone"),
                         ("Ferry timetable", "Anna Berg", "Council approves")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)


_ROWS = "".join(
    f'<div class="views-row"><img src="/u{i}.jpg" alt=""><h4><a href="/news/story-{i}">'
    f"Headline of the story number {i}</a></h4><p>A reader wrote about story {i}, and "
    f"added that the council should have acted sooner...</p><em>reader{i} | Apr 2{i}</em>"
    "</div>" for i in range(1, 5))


def _page(main: str, side: str) -> str:
    return (f"<html><head><title>Page</title></head><body><div class='main-column'>{main}"
            f"</div><div class='side-column'>{side}</div></body></html>")


def test_a_listing_alone_keeps_its_rows() -> None:
    """A page that is the list (a tag page), with no box that outvotes it: the rows are
    what the page says."""
    body = extract(_page("<h1>Recent comments</h1>", f'<div class="view-content">{_ROWS}</div>'),
                   URL).body
    for i in range(1, 5):
        assert f"Headline of the story number {i}" in body


def test_a_roundup_that_holds_the_most_votes_stays() -> None:
    """A round-up named as the post's text whose sections each open with a linked heading
    (the places it reviews) is built like a list of teasers; it won on its paragraphs, not
    its name, and a short box beside it stays out."""
    sections = "".join(
        f'<div class="pick"><h3><a href="https://shop{i}.example/">Cafe number {i} on the '
        f"front</a></h3><p>The cafe serves breakfast all day, with bread from the market, "
        f"eggs from a farm up the valley, and coffee roasted in town, and the view over the "
        f"harbour, they say, is the best on the coast; booking is advised.</p></div>"
        for i in range(1, 6))
    page = _page(f'<h1>Five cafes for breakfast</h1><div class="entry-content">{sections}</div>',
                 "<div class='about'><p>Harbour City News is the town's paper, written by "
                 "people who live here, since 1881.</p></div>")
    body = extract(page, URL).body
    for i in range(1, 6):
        assert f"Cafe number {i} on the front" in body
    assert "since 1881" not in body


def test_rows_led_by_a_link_to_another_page() -> None:
    """teaser_rows: rows of one build led by a headline link hold the box's text; a row
    whose text opens before its link (a section that mentions one) or whose link goes
    to a place on the page ("#reply") is not such a row, nor are two rows alone."""
    assert teaser_rows(_box(_ROWS))
    before = _ROWS.replace("<h4>", "<h4>Re: ")
    assert not teaser_rows(_box(before))
    assert not teaser_rows(_box(_ROWS.replace('href="/news/', 'href="#news-')))
    two = "".join(_ROWS.split("</div>")[:2]) + "</div>"
    assert not teaser_rows(_box(two))


def test_rows_hold_most_of_the_box() -> None:
    """A box whose text is mostly prose of its own beside a few linked rows is no list."""
    prose = "<p>" + "The council met on Monday and agreed the plan for the harbour. " * 20 + "</p>"
    assert not teaser_rows(_box(_ROWS + prose))
    assert teaser_rows(_box(_ROWS + "<p>More comments</p>"))


def _box(inner: str) -> LexborNode:
    node = parse(f'<html><body><div class="view-content">{inner}</div></body></html>')
    found = node.css_first("div.view-content")
    assert found is not None
    return found
