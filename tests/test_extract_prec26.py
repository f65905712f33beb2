"""Precision 26, from the tune sets' pages: chrome extract() kept inside a story (other
stories' cards set as <article>s between its paragraphs, lines pointing at the site's
coverage of the topic). Each test page is hand-written and checks both what goes and what
stays."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.testpages import assert_dropped, assert_kept, story_into

URL = "https://127.0.0.1/a"

# a related story's card as modern front ends write it: kicker and headline in a heading,
# a one-line summary, the card's link stretched over it as an empty <a>
STRETCHED_CARD = (
    '<article class="x1"><a href="https://127.0.0.1/sport/marathon-1.2"></a>'
    '<h3><span>Marathon</span>: <span>She runs with a lighter heart</span></h3>'
    "<p>The runner has found a new clarity, and in Sunday's race she has big plans for the "
    "second half.</p><footer><span>By Jane Roe</span></footer></article>")
# the same card with its link inside the heading, beside a kicker and a label
HEADING_CARD = (
    '<article class="x2"><div><h3><div>Tram works</div>: <a href="/city/trams">'
    "All the news on the tram works</a></h3><div>The works on the eastern line go on until "
    "summer, and the buses replace the trams at night.</div></div><div>Live blog</div>"
    "</article>")


@pytest.mark.parametrize("card", [STRETCHED_CARD, HEADING_CARD])
def test_a_story_card_set_as_an_article_inside_the_story_goes(card: str) -> None:
    """A short <article> with a heading whose link (in the heading, or an empty one over
    the card) points at another page is another story's card."""
    assert_dropped(card, "lighter heart" if card is STRETCHED_CARD else "news on the tram")
    body = extract(story_into(card), URL).body
    assert "new clarity" not in body and "replace the trams" not in body


def test_a_live_entry_set_as_an_article_stays() -> None:
    """A live blog's entry is an <article> headed by its time and linked to its own anchor:
    text of the page, not a card."""
    entry = ('<article class="entry"><h3><a href="#post-12">10:42</a></h3><p>The mayor has '
             "arrived at the depot and will speak to the drivers shortly.</p></article>")
    body = extract(story_into(entry), URL).body
    assert "will speak to the drivers" in body and "final vote" in body


def test_a_long_boxed_section_with_a_link_stays() -> None:
    """An <article> of two paragraphs is a part of the story (a boxed section that links
    its source), whatever its heading links to; so is one longer than a card."""
    section = ('<article class="box"><h3><a href="/report">The committee report</a></h3>'
               "<p>The committee found that the night buses ran late on two routes in three, "
               "mostly because of the road works on the ring road, and asked the operator to "
               "publish its timetable for the winter.</p><p>It also asked the council to "
               "fund two more buses for the eastern suburbs before the end of the year."
               "</p></article>")
    body = extract(story_into(section), URL).body
    assert "road works on the ring road" in body and "two more buses" in body
    long_one = section.replace("</p><p>", " ").replace(
        "end of the year.", "end of the year, and to report on the routes in the spring.")
    body = extract(story_into(long_one), URL).body
    assert "road works on the ring road" in body and "two more buses" in body


def test_a_listing_of_cards_keeps_its_cards() -> None:
    """A page that is only cards (a listing) is no story to clean: its cards stay."""
    cards = "".join(
        f'<article><h3><a href="/s{n}">Story number {n} about the night buses of the city'
        f"</a></h3><p>A summary of story {n} in one short line of text.</p></article>"
        for n in range(6))
    page = (f"<html><head><title>News</title></head><body><main><h1>News</h1>{cards}"
            "</main></body></html>")
    assert "Story number 3" in extract(page, URL).body


@pytest.mark.parametrize("pointer", [
    "Hier finden Sie alle unsere Inhalte zum Ausbau der Straßenbahn.",
    "Der Streit um die Linien geht weiter. Hier finden Sie alle unsere Artikel zum Thema.",
    "Aktuelle Meldungen zum Tramausbau finden Sie jederzeit in unserem Liveblog:",
    "Mehr über die Verkehrsbetriebe lesen Sie hier.",
    "Alles über die neuen Linien findest du hier.",
    "Alle Informationen zur Kommunalwahl.",
    "Weitere Informationen zum Nachtverkehr:",
    "For the latest on the tram works, visit our live blog.",
    "Today's news: Follow live updates from the council meeting.",
])
def test_a_pointer_to_the_sites_coverage_goes(pointer: str) -> None:
    """A topic box's line that sends the reader to the site's other coverage (its hub, its
    live blog) is no sentence of the story."""
    assert_dropped(f"<p>{pointer}</p>", pointer)


@pytest.mark.parametrize("prose", [
    "Mehr über die Pläne lesen Sie in den Akten des Rates, sagte der Bürgermeister.",
    "Alle Informationen zur Sicherheit der Bahnen wurden vom Amt geprüft.",
    "For the latest figures on ridership, the council relies on the operator's own counts.",
    "Weitere Informationen zum Fahrplan will die Stadt im März veröffentlichen.",
])
def test_prose_about_information_stays(prose: str) -> None:
    """A sentence of the story that speaks of information, reading or the latest figures
    goes on past a pointer's few words (or reports speech): it stays."""
    assert_kept(prose)
