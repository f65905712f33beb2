"""Small pages of our own, one per way the automatic extractor used to lose on unseen pages.

Each page names what the body must hold and what it must not (tests/pages/*.html); the
categories are those of issue 11: a tiny container winning on its class name, bodies split
across blocks, neighbouring boilerplate, reader comments, hidden or duplicate copies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract

PAGES = Path(__file__).resolve().parent / "pages"

TRAM = "The city council voted on Tuesday"
COST = "Officials said the plan"
NORTH = "Residents of the northern districts"
WORKS = "Construction is due to start next spring"

# file -> (phrases the body must contain, phrases it must not contain)
CASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "class_bonus_tiny.html": ((TRAM, COST, NORTH), ("Copyright", "Posted on")),
    "list_item_post.html": (
        ("download panel now warns", "Tabs that were put to sleep", "import logins",
         "Screen reader users"),
        ("Filed in",),
    ),
    "span_paragraphs.html": ((TRAM, COST, NORTH, WORKS), ("Photo:", "Home")),
    "howto_steps.html": (
        ("Water the plant", "Remove the old bark", "Rinse the roots", "Set the orchid",
         "Wait a week"),
        ("Garden Weekly",),
    ),
    "sectioned_longread.html": ((TRAM, COST, WORKS, "The ferry left"), ()),
    "comma_list.html": ((TRAM, COST, NORTH, WORKS), ("Online now", "anna, bob")),
    "related_poll_gallery.html": (
        (TRAM, COST, NORTH, WORKS),
        ("Will you go", "Fireworks over", "More on this story", "Festival traffic plan"),
    ),
    "comments_holder.html": ((TRAM, COST), ("terrible idea", "Great news", "childcare")),
    "hidden_copy.html": ((TRAM, COST, NORTH, WORKS), ("Hidden teaser",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_body(name: str) -> None:
    must, must_not = CASES[name]
    body = extract((PAGES / name).read_bytes(), f"https://news.example/{name}").body
    for phrase in must:
        assert phrase in body, f"{name}: missing {phrase!r}"
    for phrase in must_not:
        assert phrase not in body, f"{name}: kept {phrase!r}"


def test_duplicate_copy_is_kept_once() -> None:
    body = extract((PAGES / "hidden_copy.html").read_bytes()).body
    assert body.count(TRAM) == 1
    assert body.count(WORKS) == 1


def test_every_page_has_a_case() -> None:
    assert {p.name for p in PAGES.glob("*.html")} <= set(CASES) | set(DATE_PAGES)


# file -> (expected title, expected date) for the date categories of issue 11
DATE_PAGES: dict[str, tuple[str, str]] = {}
