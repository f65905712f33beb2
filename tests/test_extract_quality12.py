"""Short news briefs (two or three sentences) beside the boilerplate a second reader found
kept by the generic widening and gathering (round quality12).

Each page is a whole news page whose body must be the brief alone, with its title and
date. The endless page misfired as first written: the next story, in a box built like the
brief's (its headline an <h2> where the brief's is the <h1>), joined as a same-class
section. The others behaved, and stay as guards: a column of "Latest news" and "Most read"
teasers (a linked headline over a summary each), a league table with a "More sport" list,
the site's "Related" links after a colon paragraph inside the body, and a "You may have
missed" grid of post boxes.
"""

from __future__ import annotations

import pytest

from .ordinary import check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # the next story of an endless page, in a box like the brief's under an <h2>: the story
    # box around the winner holds the <h1>, so a section outside it is another story
    "q12_endless_h2": ("Lifeboat crew rescues kayaker",
                       ("Sandy Point on Tuesday evening", "taken to hospital"),
                       ("Pier repairs", "storm-damaged pier", "fishing will be banned")),
    "q12_latest_teasers": ("Bridge reopens after inspection",
                           ("Old Mill bridge reopened", "number 12 route"),
                           ("Latest news", "School wins funding", "leaked for more",
                            "Most read", "Castle Street", "ring road")),
    "q12_league_table": ("Rovers sign young striker",
                         ("two-year contract", "Harbour Town on Saturday", "more than a year"),
                         ("League table", "Westfield United", "More sport", "new pavilion")),
    "q12_colon_related": ("Police appeal after shop break-in",
                          ("Queen Street was broken into", "officers said:",
                           "crime number 4521"),
                          ("Traders call for CCTV", "Man arrested after")),
    "q12_missed_grid": ("New bus shelter unveiled in Market Square",
                        ("solar-powered lighting", "twelve thousand pounds"),
                        ("You may have missed", "Festival line-up", "potholes",
                         "centenary")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)
