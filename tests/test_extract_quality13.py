"""Pages where readability-lxml kept more of the body than we did (round quality13).

Each page is a whole news page whose body must hold the story's phrases and leave out the
chrome's, with its title and date.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract

from .ordinary import URL, check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # every subheading of the story styled as a sidebar box's title ("widget-title"), one
    # opening a section box before an image, one between two paragraphs: pruned by their
    # name; a heading hidden for screen readers, and the sidebar's box title, stay out
    "q13_widget_subheads": ("Wildfires burn in four provinces",
                            ("FIRE IN THE HILLS", "ROAD REOPENED", "pine forest above",
                             "coast road", "investigation would begin"),
                            ("Further coverage", "Most read", "Council approves")),
    # a long read in sibling boxes of one class with a subheading between each two: the
    # gathering took the boxes, which vote, and passed over the headings
    "q13_gathered_subheads": ("How the old mill became a library",
                              ("A roof before the winter", "Books on every floor",
                               "collapsed at the north end", "reading room"),
                              ("Most read", "Council approves")),
    # a page builder's body: text widgets and image widgets, each image's caption a
    # paragraph under it; the caption voted, and the widened body held its widget
    "q13_image_widgets": ("Flour spill blocks city centre road",
                          ("overturned on Moore Road", "towed the truck", "minor injuries",
                           "opened again shortly after midday"),
                          ("Sacks of flour scattered", "Workers sweep flour", "JOHN DLAMINI",
                           "Most read")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)


def test_joiner_spacer_lines_are_empty() -> None:
    """A page builder's spacer paragraphs ("<p>&zwj;</p>") between the story's paragraphs
    show nothing: no body line is made of joiners alone, while a joiner inside a word
    (an emoji sequence) stays."""
    page = ("<html><body><article><h1>Harbour wall repaired</h1>"
            "<p>Work on the harbour wall finished on Friday after three months of repairs"
            " to the stones loosened by the winter storms.</p><p>&zwj;</p><p> &zwj; &zwnj; </p>"
            "<p>The council said the path along the top of the wall would open again next"
            " week, once the railings are back in place \U0001f468\u200d\U0001f373.</p>"
            "<p>&zwj;</p></article></body></html>")
    body = extract(page, URL).body
    lines = body.split("\n")
    assert len(lines) == 2, lines
    assert all(line.strip(" \u200c\u200d") for line in lines)
    assert "\U0001f468\u200d\U0001f373" in body
