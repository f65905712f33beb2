"""Extraction quality round 6: each test is a small invented page for one cause fixed."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).resolve().parent / "pages"
URL = "https://news.example/2024/03/12/story.html"


def _body(name: str) -> str:
    return extract((PAGES / name).read_text("utf-8"), URL).body


def test_unnamed_signup_box_goes_with_its_form() -> None:
    """A text-alert box with no boilerplate class name: its pitch and consent go with the
    <form>; a calculator box beside it (no sign-up words) keeps its label."""
    body = _body("signup_box_unnamed.html")
    assert "Get traffic alerts first" not in body
    assert "texted to your phone" not in body
    assert "By signing up" not in body
    assert "Estimate your extra journey time" in body
    assert body.startswith("Two of the four lanes")
    assert body.endswith("progress of the repairs on its website.")
    assert "Buses will keep a dedicated lane" in body


def test_short_step_between_steps_is_kept() -> None:
    """A how-to's one-line steps, built like the long steps around them (same tag and first
    class), stay in the body; before this round they scored too little to join it."""
    body = _body("short_sections_run.html")
    assert "Raise the pots off the floor." in body
    assert "Move tender herbs indoors." in body
    assert "Group the pots together" in body
    assert body.index("Raise the pots") < body.index("Wrap each pot") < body.index("Move tender")
