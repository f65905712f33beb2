"""Precision 25, from the tune sets' worst pages: notices a story's container held and
extract() kept (a wire's "additional reporting" credit alone, a named paywall's offer, a
newsroom's call with one more sentence, a follow call naming the site's address, a
"See also" link set as a list item). Each test page is hand-written and checks both what
goes and what stays."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.testpages import assert_dropped, assert_kept, story_into


@pytest.mark.parametrize("credit", [
    "Additional reporting from PA",
    "– additional reporting by Jane Doe",
    "With reporting by Associated Press writer John Roe",
    "(Additional reporting by Jane Doe in Paris)",
])
def test_a_credit_of_who_else_reported_goes(credit: str) -> None:
    """A line that only credits the other reporters or the wire a story was written with is
    no sentence of it, as "Reporting by X; Editing by Y" is not."""
    assert_dropped(f"<p>{credit}</p>", credit)


@pytest.mark.parametrize("prose", [
    "With reporting by the Guardian, the council found that the night buses ran late.",
    "Additional reporting from the inquiry showed that the council knew of the delays.",
])
def test_reporting_that_found_something_stays(prose: str) -> None:
    """'Reporting by/from' that goes on to what the reporting found describes, names no
    one: a sentence of the story."""
    assert_kept(prose)


@pytest.mark.parametrize("notice", [
    "This article is exclusive to STAT+ subscribers",
    "Become a paid subscriber to Every to unlock this piece and learn about:",
    "Unlock this article — plus in-depth analysis, premium events and news alerts.",
])
def test_a_paywall_offer_naming_its_product_goes(notice: str) -> None:
    """The paywall's notice names its product ("STAT+ subscribers") or offers to unlock the
    piece: the page's, not the story's."""
    assert_dropped(f"<p>{notice}</p>", notice)


def test_prose_about_subscribers_stays() -> None:
    """A sentence on becoming a member of something else, or unlocking a door, is prose."""
    assert_kept("Residents can become members of the transport forum to vote on the routes.")
    assert_kept("Unlock the doors of the depot at five, the drivers were told by the union.")


@pytest.mark.parametrize("call", [
    "Got a story? Get in touch with our news team by emailing us at news@example.com. "
    "Or you can submit your videos and pictures here.",
    "Follow Example.co.uk on Twitter and Facebook for the latest news updates. You can now "
    "also get Example.co.uk articles sent straight to your device.",
])
def test_a_newsroom_call_that_goes_on_goes(call: str) -> None:
    """The newsroom's call for tips with one more sentence after its address, and a follow
    call naming the site by its address, are the site's calls to action."""
    assert_dropped(f"<p>{call}</p>", call)


def test_a_story_about_getting_in_touch_stays() -> None:
    """A question and an address in the story's own words stay (the council's contact)."""
    assert_kept("Got a complaint about the buses? The council asks riders to write to "
                "buses@example.org, and says it answers within a week.")


def test_see_also_as_a_list_item_goes() -> None:
    """A "See also: <a>headline</a>" set as a one-item list between the story's paragraphs
    points to another story; a list of links in the text (the story's sources) stays."""
    pointer = ('<ul><li><strong>See also:</strong> <a href="/other">How the tram network '
               'grew over ten years</a></li></ul>')
    sources = ('<p>The report lists its sources:</p><ul><li><a href="/r1">The transport '
               'committee report</a></li><li><a href="/r2">The council budget for the year'
               '</a></li></ul><p>The committee will meet again in May to discuss the timetable '
               'of the new night routes.</p>')
    body = extract(story_into(sources + pointer + sources), "https://127.0.0.1/a").body
    assert "How the tram network" not in body
    assert "The transport committee report" in body and "final vote" in body


def test_a_card_of_another_story_goes() -> None:
    """A link around a picture and a headline, alone in its block between the story's
    paragraphs (a list item of a related-stories widget, a box with its label inside the
    link) points to another story: it goes, and the story stays whole."""
    cards = ('<ul class="more"><li><a href="/news/other-story"><img src="/t.jpg" alt="">'
             '<div>Residents protest against the closure of the old tram depot</div></a></li>'
             '<li><a href="/news/third-story"><img src="/u.jpg" alt=""><div>Why the city '
             'wants to sell its last bus garage</div></a></li></ul>'
             '<div class="news-link"><a href="/news/fourth"><img src="/v.jpg" alt="">'
             '<h5>News of the site</h5><h4>Drivers vote on a strike over the night '
             'shifts</h4></a></div>')
    body = extract(story_into(cards), "https://127.0.0.1/a").body
    assert "night bus network" in body and "final vote" in body
    for headline in ("closure of the old tram depot", "last bus garage", "News of the site",
                     "Drivers vote on a strike"):
        assert headline not in body


def test_the_label_of_a_row_of_cards_goes_with_them() -> None:
    """A heading whose box held nothing but story cards labels them ("More stories"):
    once they are gone it says nothing, and goes too; the subheading above it stays."""
    row = ('<h2>What the plan will cost</h2><h3>Around the city this week</h3>'
           '<ul class="row"><li><a href="/n/1">'
           '<img src="/a.jpg" alt=""><div>The mayor opens a new cycle lane by the river'
           '</div></a></li><li><a href="/n/2"><img src="/b.jpg" alt=""><div>Parking '
           'fees rise in the centre from next month</div></a></li></ul>')
    body = extract(story_into(row), "https://127.0.0.1/a").body
    assert "Around the city this week" not in body and "cycle lane" not in body
    assert "What the plan will cost" in body  # (a row's label is one: the line above stays)
    assert "night bus network" in body and "final vote" in body


def test_links_that_are_no_story_cards_stay() -> None:
    """A product's picture over its name (capitalised throughout), a sentence's link and a
    heading's in-page anchor with its share icon are the text's."""
    kept = ('<div class="product"><a href="https://shop.example/kettle"><img src="/k.jpg" '
            'alt=""><h3>Acme Stagg Pro Electric Gooseneck Kettle</h3></a></div>'
            '<p>The kettle the drivers use in the depot boils a litre in three minutes and '
            'holds its heat through the night, the union said in its survey.</p>'
            '<p>The drivers said the <a href="/n/5">plan for the night routes</a> was '
            'welcome, and asked for more buses on the eastern lines in the winter.</p>'
            '<h3><a href="#costs"><span>What the new routes will cost the city</span>'
            '<img src="/share.svg" alt="share"></a></h3>'
            '<p>The routes will cost four million a year, the committee said in its report, '
            'and fares will pay for about half of it.</p>')
    body = extract(story_into(kept), "https://127.0.0.1/a").body
    for text in ("Acme Stagg Pro Electric Gooseneck Kettle", "plan for the night routes",
                 "What the new routes will cost the city"):
        assert text in body
