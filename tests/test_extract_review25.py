"""Review 25: the story's own lines right before a card of another story (prec25's
monitor.storycards) stay. The label of a box the cards left empty goes; a short quote, a
subheading or a lead-in line of the story set right before a lone card between the
paragraphs is no such label, nor a quote ending in a closing mark before a row of them."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.testpages import story_into

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
