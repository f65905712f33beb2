"""Short news briefs (two or three sentences) beside the boilerplate a second reader found
kept by the generic widening and gathering (round quality12).

Each page is a whole news page whose body must be the brief alone, with its title and
date. The endless page misfired as first written: the next story, in a box built like the
brief's (its headline an <h2> where the brief's is the <h1>), joined as a same-class
section. The others behaved, and stay as guards: a column of "Latest news" and "Most read"
teasers (a linked headline over a summary each), a league table with a "More sport" list,
the site's "Related" links after a colon paragraph inside the body, and a "You may have
missed" grid of post boxes.
"""

from __future__ import annotations

import pytest

from monitor.commentheads import thread_boxes
from monitor.extract import parse
from monitor.teaserboxes import drop_teaser_rows

from .ordinary import check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # the next story of an endless page, in a box like the brief's under an <h2>: the story
    # box around the winner holds the <h1>, so a section outside it is another story
    "q12_endless_h2": ("Lifeboat crew rescues kayaker",
                       ("Sandy Point on Tuesday evening", "taken to hospital"),
                       ("Pier repairs", "storm-damaged pier", "fishing will be banned")),
    # reader comments under a brief, in boxes no name marks as comments ("responses"; "talk",
    # "thread", "entry"), their text straight in the box or three levels down: they
    # outvoted the brief, or widened it; the heading that opens them says what they are
    "q12_comments_shallow": ("Cafe wins award for best breakfast",
                             ("best breakfast in the county", "thanked customers"),
                             ("3 responses", "Best full English", "parking on the front")),
    "q12_comments_deep": ("Allotment waiting list reaches 300",
                          ("More than 300 people", "forty new plots"),
                          ("Join the conversation", "gardener_jo", "old station",
                           "reallocated first")),
    # teaser boxes built like the brief's own ("post": a thumbnail, a linked headline, a
    # summary), straight beside it under a label: their summaries' votes made the box
    # holding all of them win
    "q12_missed_siblings": ("New bus shelter unveiled in Market Square",
                            ("solar-powered lighting", "twelve thousand pounds"),
                            ("You may have missed", "Festival line-up", "potholes",
                             "centenary")),
    # the same teasers written straight in the story's <article> after the brief, a linked
    # <h3> over a summary <p> each, under "Latest news" and "Most read": one container
    "q12_latest_flat": ("Bridge reopens after inspection",
                        ("Old Mill bridge reopened", "number 12 route"),
                        ("Latest news", "School wins funding", "leaked for more",
                         "Most read", "Castle Street", "ring road")),
    "q12_latest_teasers": ("Bridge reopens after inspection",
                           ("Old Mill bridge reopened", "number 12 route"),
                           ("Latest news", "School wins funding", "leaked for more",
                            "Most read", "Castle Street", "ring road")),
    "q12_league_table": ("Rovers sign young striker",
                         ("two-year contract", "Harbour Town on Saturday", "more than a year"),
                         ("League table", "Westfield United", "More sport", "new pavilion")),
    "q12_colon_related": ("Police appeal after shop break-in",
                          ("Queen Street was broken into", "officers said:",
                           "crime number 4521"),
                          ("Traders call for CCTV", "Man arrested after")),
    "q12_missed_grid": ("New bus shelter unveiled in Market Square",
                        ("solar-powered lighting", "twelve thousand pounds"),
                        ("You may have missed", "Festival line-up", "potholes",
                         "centenary")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)


def _opened(html: str) -> list[str]:
    """The class of each box thread_boxes finds in ``html``."""
    return [box.attributes.get("class") or "" for box in thread_boxes(parse(html).body)]


def test_a_box_opened_by_a_comment_heading_is_a_thread() -> None:
    """A count of comments or replies, or the invitation to write one, heading a box."""
    for head in ("12 Comments", "Kommentare (4)", "3 responses", "Leave a Reply",
                 "Join the conversation", "5 thoughts on \u201cBridge\u201d"):
        html = f'<div class="a"><h3>{head}</h3><p>I agree with this.</p></div>'
        assert _opened(html) == ["a"], head


def test_a_story_section_or_the_story_itself_is_no_thread() -> None:
    """A story's own section headed "Reaction" or "Responses" (no count), a comment heading
    that is not the box's first element, and a box that holds the <h1> all stay."""
    for html in ('<div class="s"><h2>Reaction</h2><p>The mayor said it was good.</p></div>',
                 '<div class="s"><h2>Responses</h2><p>Three groups replied.</p></div>',
                 '<div class="s"><p>Intro.</p><h3>2 comments</h3><p>Nice.</p></div>',
                 '<div class="s"><h4>12 comments</h4><h1>Title</h1><p>Text.</p></div>'):
        assert _opened(html) == [], html


def _left(html: str) -> str:
    """The text of ``html``'s first <div> after drop_teaser_rows."""
    node = parse(html).css_first("div")
    assert node is not None
    drop_teaser_rows(node)
    return node.text()


BRIEF = "<p>" + "The council has opened a new bus shelter in the square this week. " * 2 + "</p>"
TEASER = ('<div class="post"><a href="/n/{0}"><img src="/i.jpg" alt=""></a>'
          '<h3><a href="/n/{0}">Story {0}</a></h3><p>{1}</p></div>')
SUMMARY = "A summary of another story, a line that tells what it is about."


def test_a_row_of_teasers_goes_with_its_label_beside_a_brief() -> None:
    page = f'<div>{BRIEF}<h2>More news</h2>{TEASER.format(1, SUMMARY)}{TEASER.format(2, SUMMARY)}</div>'
    left = _left(page)
    assert "new bus shelter" in left
    assert "Story 1" not in left and "Story 2" not in left and "More news" not in left


def test_product_cards_one_teaser_and_a_listing_stay() -> None:
    """No summary (a buyer's guide's product cards), one box alone, or no prose of the
    page's own beside the row (a listing page): nothing goes."""
    cards = f'<div>{BRIEF}{TEASER.format(1, "$20")}{TEASER.format(2, "$30")}</div>'
    alone = f'<div>{BRIEF}{TEASER.format(1, SUMMARY)}</div>'
    listing = f'<div>{TEASER.format(1, SUMMARY)}{TEASER.format(2, SUMMARY)}</div>'
    assert "Story 1" in _left(cards) and "Story 2" in _left(cards)
    assert "Story 1" in _left(alone)
    assert "Story 1" in _left(listing) and "Story 2" in _left(listing)


def test_headline_pairs_that_end_a_body_go_and_those_within_it_stay() -> None:
    """Linked headlines over a summary, written straight in the body: a run of them that
    ends it is teasers; one with prose after it is a linked section of the text."""
    pair = '<h3><a href="/n/{0}">Story {0}</a></h3><p>' + SUMMARY + "</p>"
    ending = f'<div>{BRIEF}<h2>Latest</h2>{pair.format(1)}{pair.format(2)}</div>'
    within = f'<div>{BRIEF}{pair.format(1)}{pair.format(2)}{BRIEF}</div>'
    left = _left(ending)
    assert "new bus shelter" in left and "Story 1" not in left and "Latest" not in left
    assert "Story 1" in _left(within) and "Story 2" in _left(within)


def test_a_listing_of_headline_pairs_alone_stays() -> None:
    """A listing written as linked headlines over summaries, with no prose of its own: the
    summaries (boxes of the row themselves) are no story beside the row (finalread: the
    box was emptied)."""
    long_summary = SUMMARY + " It goes on for a second sentence, as listings' summaries do."
    pair = '<h3><a href="/n/{0}">Story {0}</a></h3><p>' + long_summary + "</p>"
    listing = "<div>" + "".join(pair.format(n) for n in range(1, 5)) + "</div>"
    left = _left(listing)
    assert all(f"Story {n}" in left for n in range(1, 5))
