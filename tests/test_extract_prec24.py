"""Precision 24, from the tune sets' worst pages: page chrome a story's container held and
extract() kept (picture credits that open with their source). Each test page is
hand-written and checks both what goes and what stays."""

from __future__ import annotations

import pytest

from monitor.captioncredit import is_caption_credit
from monitor.caseless import matches_wide
from monitor.extract import extract
from monitor.selectors import BOILERPLATE_LINE
from tests.testpages import assert_dropped, assert_kept, story_into


@pytest.mark.parametrize("credit", [
    "Getty Images / Holger Leue",
    "imago images/Pemax",
    "Courtesy of brand",
    "Courtesy of the artist.",
    "AP Photo/Evan Vucci",
])
def test_credit_opening_with_its_source_goes(credit: str) -> None:
    """A picture's credit that names its agency (then a slash and the photographer) or
    opens with 'Courtesy of' is no sentence of the story, under the picture or alone."""
    assert_dropped(f'<div class="pic"><img src="/a.jpg"><span>{credit}</span></div>', credit)


@pytest.mark.parametrize("prose", [
    "Courtesy of the city, residents got a free pass for the first month of the new routes.",
    "Getty Images said it would license the photographs of the opening night to the council.",
    "Reuters reported that the council had doubled the budget for the night routes.",
])
def test_lines_opening_with_an_agency_or_courtesy_stay(prose: str) -> None:
    """A sentence that opens with an agency's name or 'Courtesy of' and goes on (a comma,
    a verb) is the story's."""
    assert_kept(prose)
    assert not is_caption_credit(prose)


@pytest.mark.parametrize("label", ["Publicité", "PUBLICITÉ", "Reklam", "Reklama", "Reklame"])
def test_ad_label_in_more_languages_goes(label: str) -> None:
    """An ad slot's label alone on its line (French, Turkish, Polish/Czech, Scandinavian) is
    page chrome, as "Advertisement" and "Anzeige" are."""
    assert_dropped(f"<p>{label}</p>", label)


def test_words_that_open_like_an_ad_label_stay() -> None:
    """A sentence that opens with such a word ('Reklamation', 'Publicité ...' going on as
    prose) is the story's."""
    prose = ("Reklamationen der Fahrgäste wurden geprüft, und die Verkehrsbetriebe sagten, "
             "dass die Busse im März pünktlich fahren werden.")
    assert_kept(prose)


@pytest.mark.parametrize("rubric", [
    "Publicité : la nouvelle campagne de Renault fait polémique",
    "Reklama: nowe przepisy weszły w życie",
])
def test_an_ad_word_as_a_rubric_before_a_headline_stays(rubric: str) -> None:
    """'Publicité' (advertising, the trade) heads a short headline as its rubric: a line of
    the story, not an ad slot's label (review24b: the label took a 60-character tail)."""
    body = extract(story_into(f"<p>{rubric}</p>"), "https://127.0.0.1/a").body
    assert rubric in body
    assert not matches_wide(BOILERPLATE_LINE, rubric)


@pytest.mark.parametrize("chrome", [
    "Edited by",
    "Article reviewed by:",
    "Show Caption",
    "(Visited 1,902 times, 364 visits today)",
    "Latest posts by Jane Roe (see all)",
    "Enjoy the post? Pin it for later!",
    "PIN IT HERE",
    "Fehler gefunden?Jetzt melden.",
])
def test_blog_and_news_chrome_lines_go(chrome: str) -> None:
    """A byline's label whose name is elsewhere, a caption toggle, a blog's view counter
    and author box, a Pinterest call and a call to report a typo are page chrome."""
    assert_dropped(f"<p>{chrome}</p>", chrome)


@pytest.mark.parametrize("prose", [
    "Written by hand, the letter from the residents reached the council in May.",
    "Edited by the committee, the plan now runs to forty pages and six new routes.",
    "Visitors can pin it to the board at the depot, the committee said.",
])
def test_lines_that_open_like_chrome_stay(prose: str) -> None:
    """A sentence that opens with such words and goes on is the story's."""
    assert_kept(prose)


@pytest.mark.parametrize("chrome", ["Table of Contents[Hide][Show]", "Last Updated", "(Image Source)"])
def test_labels_without_their_content_go(chrome: str) -> None:
    """A table of contents' title with both its toggles, a date's label whose date is
    gone, and a picture's source link label are page chrome."""
    assert_dropped(f"<p>{chrome}</p>", chrome)


def test_sentence_opening_with_last_updated_stays() -> None:
    """'Last updated' that goes on as a sentence is the story's."""
    prose = "Last updated figures show the council spent more than planned on the routes."
    assert_kept(prose)


@pytest.mark.parametrize("chrome", [
    "Add as a Reliable and Trusted News Source",
    "Add as a preferred source on Google",
    "You are signed out",
    "Remember me for faster sign in",
])
def test_sign_in_and_search_source_calls_go(chrome: str) -> None:
    """A sign-in box's state and checkbox, and a call to prefer the site as a news source
    in a search engine, are page chrome."""
    assert_dropped(f"<p>{chrome}</p>", chrome)


def test_sentence_opening_with_remember_me_stays() -> None:
    """'Remember me' that goes on as a sentence is the story's."""
    prose = "Remember me, she wrote to her sister before the trial began in the spring."
    assert_kept(prose)
