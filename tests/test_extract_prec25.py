"""Precision 25, from the tune sets' worst pages: notices a story's container held and
extract() kept (a wire's "additional reporting" credit alone, a named paywall's offer, a
newsroom's call with one more sentence, a follow call naming the site's address, a
"See also" link set as a list item). Each test page is hand-written and checks both what
goes and what stays."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.test_extract_prec24 import _page, assert_dropped, assert_kept


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
    body = extract(_page(sources + pointer + sources), "https://127.0.0.1/a").body
    assert "How the tram network" not in body
    assert "The transport committee report" in body and "final vote" in body
