"""A body split over a page grid's boxes (issue 11, recall; session 26): the story's first
paragraphs in a row of their own (row > column > p), the rest in the next row's wide column
beside a sidebar. The vote takes the wide column; the opening row joins it (prosebox), while
a dek, a pitch, an author's box, a teaser and an "about us" drawer stay out."""

from __future__ import annotations

from monitor.extract import extract

URL = "https://127.0.0.1/a"
OPENING = ("<p>The harbour authority said on Monday that the old grain quay will be rebuilt "
           "as a ferry terminal, the largest works in the port for thirty years. The cost is "
           "put at forty million euros, half of it from the regional budget.</p>"
           "<p>Work starts in the spring and the first ferries are due to berth there in "
           "two years, once the dredging of the channel is finished.</p>")
REST = "".join(
    f"<p>Paragraph {n} of the story goes on about the quay, the ferries, the budget of the "
    f"works and what the shipping companies said about the timetable of the new line.</p>"
    for n in range(8))
SIDEBAR = ("<aside class='col-lg-5'><h3>Related</h3><ul><li><a href='/x'>Ferry fares up</a>"
           "</li><li><a href='/y'>Port strike ends</a></li></ul></aside>")


def _page(first_row: str, after: str = "", outside: str = "") -> str:
    """A story whose body section holds ``first_row`` (a grid row), then the row with the
    long column and a sidebar, then ``after``; ``outside`` follows the section."""
    return ("<html><head><title>Quay</title></head><body><div class='wrap'>"
            "<div class='container'><article class='post'><h1>A ferry terminal for the quay"
            f"</h1><section class='col-md-8 body-text'>{first_row}"
            f"<div class='row equal'><div class='col-lg-7'>{REST}</div>{SIDEBAR}</div>"
            f"{after}</section>{outside}</article></div></div></body></html>")


def _row(inner: str, name: str = "row") -> str:
    return f"<div class='{name}'><div class='col-md-12'>{inner}</div></div>"


def test_the_opening_row_joins_the_body_in_order() -> None:
    body = extract(_page(_row(OPENING)), URL).body
    assert body.startswith("The harbour authority said on Monday")
    assert body.index("dredging of the channel") < body.index("Paragraph 0 of the story")
    assert "Port strike ends" not in body


def test_a_section_with_a_list_beside_an_empty_column_joins_the_body() -> None:
    """A later row: a list, a heading and paragraphs, beside an empty spacer column."""
    section = ("<div class='block'><div><ul><li>Dredging the channel</li><li>Rebuilding the "
               "quay wall</li></ul><h3>What comes next</h3><p>The authority will publish the "
               "tender for the terminal building in the autumn, with the ferry companies "
               "invited to comment on the plans.</p><p>A public meeting on the works is "
               "planned for the end of the month in the harbour office, and the plans will "
               "be on show in the library until then.</p></div><div></div>"
               "</div>")
    body = extract(_page("", after=section), URL).body
    assert "Rebuilding the quay wall" in body and "tender for the terminal" in body
    assert body.index("Paragraph 7 of the story") < body.index("What comes next")


def test_a_lone_dek_in_a_row_stays_out() -> None:
    dek = _row("<p>A thirty-year-old quay gets a second life, and the town a new link to "
               "the islands, if the money holds.</p>")
    body = extract(_page(dek), URL).body
    assert "second life" not in body and "Paragraph 0 of the story" in body


def test_a_short_pitch_stays_out() -> None:
    pitch = _row("<p>Read us in our app, every morning.</p><p>Tell us what you saw: send us "
                 "your photos.</p>")
    body = extract(_page("", after=pitch), URL).body
    assert "Read us in our app" not in body and "Paragraph 7 of the story" in body


def test_an_author_box_and_a_teaser_stays_out() -> None:
    bio = _row("<p>Jane Roe has covered the port and the shipping lines for the paper since "
               "2009, after ten years at a trade weekly in the capital and a year abroad.</p><p>She "
               "lives by the sea with two dogs and a boat that never leaves the harbour, and "
               "writes a column on sailing every other Sunday.</p>",
               "row author-bio")
    teaser = _row("<h3><a href='/z'>The ferry that never came</a></h3><p>Ten years ago the "
                  "town was promised a ferry to the islands, and the plans went nowhere "
                  "after the election.</p><p>What the council said then, and what it says "
                  "now that the money is there and the quay is about to be rebuilt.</p>")
    body = extract(_page("", after=bio + teaser), URL).body
    assert "Jane Roe" not in body and "ferry that never came" not in body
    assert "Paragraph 7 of the story" in body


def test_an_about_us_drawer_below_the_story_stays_out() -> None:
    """Prose straight in a box beside the story's section is built shallower than the
    story's column (two boxes down): the site's own blurb, not a part of the story."""
    about = ("<div class='box'><p>Our newsroom has covered the coast for a century, with "
             "reporters in every harbour town from the cape to the border, and in the "
             "islands.</p><p>We are "
             "funded by our readers and answer to no shipping company or port authority, "
             "whatever they would like to read in our pages. Our reporters pay their own way "
             "on every ferry they write about.</p>"
             "</div>")
    body = extract(_page("", outside=about), URL).body
    assert "Our newsroom" not in body and "Paragraph 0 of the story" in body
