"""Pages a second reader wrote against the rules of quality13 and dates10 (issue 11).

Each page is a whole news page whose body must hold the story's phrases and leave out the
chrome's, with its title and date.
"""

from __future__ import annotations

import pytest

from .ordinary import check_page

# name -> (title, date, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    # a "Z" stamp at 22:30 beside the headline's <time> at 00:30+02:00 the next day (the
    # same moment); a sidebar teaser's <time> reads 22:30+02:00 by chance: the Z is UTC
    "r11_teaser_clock": ("Stadtrat beschließt neuen Busplan", "2024-05-02",
                         ("neuen Busplan für die Innenstadt", "Rechnungshof"),
                         ("Feuerwehr löscht", "Neueste Artikel")),
    # a subheading styled as a sidebar box's title between the story's paragraphs stays;
    # a teaser's heading styled alike does not: the paragraph after it is a teaser's
    # (named so, and pruned), not prose of the text
    "r11_teaser_subhead": ("Old bridge to close to traffic", "2024-05-01",
                           ("Traders fear for the high street", "cracks in two of its piers",
                            "at least eighteen months"),
                           ("Bridge closures in the valley", "struck its parapet", "Most read",
                            "seen from the east bank")),
    # ... and so when every paragraph of the story is styled with a chrome-like class
    # ("widget-text"): that class is the paragraphs' style, they are prose all the same
    "r11_styled_subhead": ("Old bridge to close to traffic", "2024-05-01",
                           ("Traders fear for the high street", "cracks in two of its piers",
                            "at least eighteen months"),
                           ("Bridge closures in the valley", "struck its parapet", "Most read")),
    # subheadings styled as a sidebar box's title, each followed by a <figure> with its
    # caption before the section's paragraphs: a figure is passed over like a bare image
    "r11_figure_subheads": ("Wildfires burn in four provinces", "2024-05-01",
                            ("FIRE IN THE HILLS", "ROAD REOPENED", "pine forest above",
                             "coast road", "investigation would begin"),
                            ("Further coverage", "Most read", "Council approves")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, date, kept, dropped = CASES[name]
    check_page(name, title, date, kept, dropped)
