"""Review 26b: prec26's nested cards (monitor.nestedcards) and rec26b's prose stacks
(monitor.prosebox) on markup their tests did not have: a live entry's share icons are no
stretched card link, a pretty-printed listing's indentation is no prose of its own, and an
HTML comment in a grid box is no text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from monitor.extract import extract
from monitor.nestedcards import drop_nested_cards
from tests.test_extract_rec26b import OPENING, _page
from tests.testpages import story_into

URL = "https://127.0.0.1/a"
SHARE = ('<div class="flex gap-2"><a href="https://facebook.example/sharer?u=https%3A%2F%2F127.0.0.1'
         '%2Fa%23e2"><svg></svg></a><a href="https://x.example/intent?url=https%3A%2F%2F127.0.0.1'
         '%2Fa%23e2"><svg></svg></a></div>')


def test_a_short_entry_with_share_icons_stays() -> None:
    """A short headed entry (a live update, an editor's note) with a row of share icons is
    the story's: its empty links go to several pages, where a card's go to its one story."""
    entry = ('<article class="entry"><h3>Update: the mayor at the depot</h3><p>The mayor has '
             f"arrived at the depot and will speak to the drivers shortly.</p>{SHARE}</article>")
    body = extract(story_into(entry), URL).body
    assert "will speak to the drivers" in body and "final vote" in body


def test_a_card_with_its_link_twice_still_goes() -> None:
    """A card whose one story is linked twice (an empty link over it and its heading's)
    is still a card."""
    card = ('<article class="x1"><a href="/sport/marathon"></a><h3><a href="/sport/marathon">'
            "She runs with a lighter heart</a></h3><p>The runner has found a new clarity, and "
            "in Sunday's race she has big plans.</p></article>")
    body = extract(story_into(card), URL).body
    assert "lighter heart" not in body and "new clarity" not in body and "final vote" in body


def test_a_pretty_printed_listing_keeps_its_cards() -> None:
    """The indentation between a listing's cards is no prose of the node's own: a listing
    of cards, however deeply its markup is indented, is no story to clean."""
    pad = "\n" + " " * 24
    cards = "".join(f'{pad}<article>{pad}  <h3><a href="/s{n}">Story {n} about the night '
                    f'buses</a></h3>{pad}  <p>Summary {n} of the story.</p>{pad}</article>'
                    for n in range(20))
    tree = LexborHTMLParser(f"<html><body><section>{cards}\n</section></body></html>")
    listing = tree.css_first("section")
    assert listing is not None
    drop_nested_cards([listing])
    assert len(listing.css("article")) == 20


def test_an_opening_row_with_html_comments_joins_the_body() -> None:
    """An HTML comment in a grid's markup (a template's "<!-- .col -->") holds no text of
    the page: the opening row still joins the body, in order."""
    row = ("<div class='row'><!-- column --><div class='col-md-12'>"
           + OPENING.replace("</p><p>", "</p><!-- paragraph --><p>") + "</div><!-- /.col --></div>")
    body = extract(_page(row), URL).body
    assert body.startswith("The harbour authority said on Monday")
    assert body.index("dredging of the channel") < body.index("Paragraph 0 of the story")
