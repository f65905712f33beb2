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
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, date, kept, dropped = CASES[name]
    check_page(name, title, date, kept, dropped)
