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


def test_login_panel_form_is_not_the_body() -> None:
    """A video page whose text is one description: a log-in dialog's forms (labels, hints,
    error messages) outvoted it; the winner inside a small form without the headline is
    left out with every such form, and the vote taken again."""
    body = _body("login_panel_form.html")
    assert body.startswith("Die Liga verlängert ihre Pause")
    assert "Passwort" not in body
    assert "Registrierung" not in body


def test_page_wide_form_keeps_its_article() -> None:
    """A site built on one page-wide form (ASP.NET's) keeps its article: the form holds the
    headline."""
    paragraph = ("The council approved the new harbour budget on Monday after a long debate, "
                 "with the money going to repairs of the old quay and a new ferry landing. ")
    page = (f"<html><body><form method='post' action='/news.aspx'><div id='hdr'><a href='/'>"
            f"Home</a></div><h1>Council approves harbour budget</h1><div class='story'>"
            f"<p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></div>"
            f"<div class='foot'>Contact us</div></form></body></html>")
    body = extract(page, URL).body
    assert body.count("The council approved") == 3


def test_ruby_readings_are_not_read_into_the_text() -> None:
    """Furigana (<rt>) over kanji and the <rp> brackets around it are annotations: read
    into the line, a Japanese text had each annotated word twice."""
    body = _body("ruby_readings.html")
    assert body.startswith("来月から、市の図書館は夜の九時まで開いています。")
    assert "としょかん" not in body
    assert "(" not in body


def test_drop_cap_box_joins_its_paragraph() -> None:
    """A drop cap set in a box of its own beside the first <p> ("F" then "erry fares ...")
    is the paragraph's first letter, not a line of its own."""
    body = _body("drop_cap_box.html")
    assert body.startswith("Ferry fares on the island routes will rise")


def test_card_links_over_blocks_read_as_links() -> None:
    """A teaser card in the text, one <a> around a headline and an excerpt in blocks of their
    own: each line reads as linked (before, only the link's first line held its markers),
    and the card goes like any other teaser."""
    body = _body("card_link_blocks.html")
    assert "Swimmers warned" not in body
    assert "bathing spots" not in body
    assert "Households face" not in body
    assert body.endswith("run by local groups.")


def test_named_anchor_over_sections_keeps_them() -> None:
    """A named anchor (<a name>, no href) around sections is no link: it is never carried
    over block breaks (an old page's unclosed <a name="..."> holds every section after it),
    so the sections inside it stay text; the same <a> with an href would be a card."""
    para = ("step {} of the build: fetch the package source, check its signature, then copy "
            "the binary into place and restart the service so the new version is picked up.")
    steps = [f"<p>{para.format(n)}</p>" for n in range(1, 5)]
    page = (f"<html><body><h1>Building the tools</h1>{steps[0]}<a name='build'>"
            f"<h2>Building</h2>{steps[1]}{steps[2]}</a>{steps[3]}</body></html>")
    body = extract(page, URL).body
    assert all(f"step {n} of the build" in body for n in range(1, 5))
