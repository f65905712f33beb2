"""Review 25: the story's own lines right before a card of another story (prec25's
monitor.storycards) stay. The label of a box the cards left empty goes; a short quote, a
subheading or a lead-in line of the story set right before a lone card between the
paragraphs is no such label, nor a quote ending in a closing mark before a row of them; a
roundup's linked heading over its own description is no card.
A menu a question opens is no FAQ answer (rec25's monitor.faqtoggles), and advice to become
a member of something else is no paywall's offer (prec25's monitor.pitchlines)."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.testpages import assert_dropped, assert_kept, story_into

CARD = ('<div class="inline"><a href="/news/other"><img src="/c.jpg" alt=""><h3>Why the '
        'night trains were cut back last year</h3></a></div>')
ROW = ('<ul class="row"><li><a href="/n/1"><img src="/a.jpg" alt=""><div>The mayor opens a '
       'new cycle lane by the river</div></a></li><li><a href="/n/2"><img src="/b.jpg" '
       'alt=""><div>Parking fees rise in the centre from next month</div></a></li></ul>')
AFTER = ("<p>The plan goes to the mayor in January, who is expected to sign it without any "
         "change to the routes.</p>")


@pytest.mark.parametrize(("line", "text"), [
    ("<p>“We will not stop until the buses run.”</p>", "We will not stop until the buses run"),
    ("<h2>What comes next</h2>", "What comes next"),
    ("<p>The vote was 31 to 12 (two members abstained)</p>", "two members abstained"),
    ("<p>The drivers’ union wrote to the mayor:</p>", "wrote to the mayor"),
])
def test_the_story_line_before_a_lone_card_stays(line: str, text: str) -> None:
    """A card set between the paragraphs goes; the story's line before it is no label."""
    body = extract(story_into(line + CARD + AFTER), "https://127.0.0.1/a").body
    assert "night trains were cut back" not in body
    assert text in body and "sign it without" in body and "final vote" in body


def test_a_quote_before_a_row_of_cards_stays() -> None:
    """A quoted sentence ends in its closing mark, not its full stop: still a sentence."""
    body = extract(story_into("<p>“We will not stop until the buses run.”</p>" + ROW + AFTER),
                   "https://127.0.0.1/a").body
    assert "cycle lane" not in body and "We will not stop until the buses run" in body


def test_the_label_boxed_with_a_lone_card_goes() -> None:
    """A label that shares a box with one card and nothing else ("Around the city") is the
    card's: it goes with it."""
    boxed = f'<div class="related"><h4>Around the city this week</h4>{CARD}</div>'
    body = extract(story_into(boxed + AFTER), "https://127.0.0.1/a").body
    assert "night trains were cut back" not in body and "Around the city" not in body
    assert "sign it without" in body and "final vote" in body


def test_a_short_label_before_a_lone_card_goes() -> None:
    """A line of a few words and no sentence right before a lone card ("Relacionadas") is
    its label, whether or not a box holds both."""
    body = extract(story_into("<p><strong>Relacionadas</strong></p>" + CARD + AFTER),
                   "https://127.0.0.1/a").body
    assert "Relacionadas" not in body and "night trains were cut back" not in body
    assert "sign it without" in body and "final vote" in body


def _toggled(toggle: str) -> str:
    """STORY's page with ``toggle`` (a button over a hidden panel) between its paragraphs."""
    return extract(story_into(toggle), "https://127.0.0.1/a").body


def test_a_menu_opened_by_a_question_stays_out() -> None:
    """A button whose label is a question but whose hidden panel is a menu of links
    ("Looking for something else?") is a control: neither it nor its links come in."""
    body = _toggled('<div class="x"><button aria-expanded="false">Looking for something '
                    'else?</button><div hidden><ul><li><a href="/a">Politics and the city '
                    'council news</a></li><li><a href="/b">Sport results and the league '
                    'tables</a></li></ul></div></div>')
    assert "Looking for something" not in body and "league tables" not in body
    assert "night bus network" in body and "final vote" in body


def test_a_question_over_an_answer_with_a_link_stays() -> None:
    """An FAQ's question button over an answer that links a page in its text is the text."""
    body = _toggled('<div class="acc-entry"><button type="button" aria-expanded="false" '
                    'aria-controls="a2">When do the night buses start running?</button><div '
                    'id="a2" aria-hidden="true" style="height:0;overflow:hidden"><p>The first '
                    'night routes start in March; the <a href="/t">timetable</a> is published '
                    'a month before the first bus.</p></div></div>')
    assert "When do the night buses start running?" in body and "timetable is published" in body


def test_advice_to_become_a_member_of_something_else_stays() -> None:
    """Becoming a member of a library or a museum to use it is the story's advice; the
    site's own offer ("a member of our community", "a paid subscriber to X") goes."""
    assert_kept("Become a member of the library to access free e-books and audiobooks.")
    assert_dropped("<p>Become a member of our community to read the full story.</p>",
                   "Become a member")


def test_a_roundups_linked_headings_stay() -> None:
    """A roundup's picks, each a linked heading in a box of its own over its description
    in the same item box, are the story's subheadings, not cards of other stories."""
    picks = "".join(
        f'<div class="item"><div class="hd"><a href="https://shop.example/{n}"><h3>{name}</h3>'
        f'</a></div><p>{text}</p></div>' for n, (name, text) in enumerate((
            ("The best budget laptop for most people", "It has a bright screen, a good "
             "keyboard and a battery that lasts a full working day without a charger."),
            ("The best laptop for students on the move", "Light enough for a backpack, it "
             "survived a year of lectures and a fall from a desk in our tests."))))
    body = extract(story_into(picks), "https://127.0.0.1/a").body
    assert "The best budget laptop for most people" in body
    assert "The best laptop for students on the move" in body and "final vote" in body
