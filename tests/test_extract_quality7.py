"""Round quality7's rules, each on an invented news page (tests/pages/).

A read-also line ("Read more: <a>Another headline</a>") names another story: the label and
its link go, however long the headline; a "Read more:" that goes on as a sentence of the
text, or a "See also:" link inside a sentence, stays.
"""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).resolve().parent / "pages"
URL = "https://coastline.example/news/ferry-fares"


def _body(name: str) -> str:
    return extract((PAGES / name).read_text(encoding="utf-8"), URL).body


def test_read_also_lines_go_with_their_link() -> None:
    body = _body("read_also_lines.html")
    assert "Ferry timetable cut for winter" not in body
    assert "New pier opens" not in body
    assert "Council backs harbour cycle lane" not in body
    assert "Read more:" not in body.replace("Read more: the board's full report", "")


def test_read_more_sentence_and_see_also_in_a_sentence_stay() -> None:
    body = _body("read_also_lines.html")
    assert "Read more: the board's full report, which runs to ninety pages" in body
    assert "See also: the independent review of the service, which found" in body
    assert body.startswith("Passengers on the harbour ferry")
    assert "take effect on the first Monday of April" in body


# A paywall's pitch hidden by its class ("hidden") among the sections of a widened body: its
# long list items counted as voted sections and held it through pruning.
def test_hidden_paywall_pitch_goes() -> None:
    body = _body("hidden_paywall_pitch.html")
    assert "FOR SUBSCRIBERS" not in body
    assert "Unlimited digital access" not in body
    assert "Daily puzzles" not in body
    assert "Shuttle buses will run every six minutes" in body
    assert "Business owners near the station" in body


# Guard: a "continue reading" fold of the story's paragraphs, hidden by the same class, stays.
def test_hidden_story_fold_stays() -> None:
    body = _body("hidden_story_fold.html")
    assert "Engineers found cracks in two more stairways" in body
    assert "the drainage under the platform had failed" in body
    assert "Council members are expected" in body


# A story split by ad rails into copies of one layout box named for the rail
# ("sidebar-layout__content"): class pruning took every stretch but the first vote's.
def test_body_split_by_ad_rails_keeps_every_stretch() -> None:
    body = _body("body_split_by_ad_rails.html")
    for opening in ("The regional parliament voted", "Opponents argued that the smaller board",
                    "The minister responsible said", "The new board will take over"):
        assert opening in body
    assert "Advertisement" not in body
    assert "Most popular" not in body and "most read stories" not in body


# Guard: a page builder's widget boxes ("elementor-widget-container") in a named sidebar are
# twins of the body's box; the sidebar around them still goes.
def test_widget_twins_in_a_sidebar_stay_out() -> None:
    body = _body("widget_twins_in_sidebar.html")
    assert "The council said it would review the hours" in body
    assert "volunteer newspaper" not in body
    assert "We rely on readers" not in body


# The consent box of a click-to-load embed (title, line on the embed, a switch's <label for>,
# a data notice): its class names name nothing, and its notice passed for prose.
def test_embed_consent_box_goes() -> None:
    body = _body("embed_consent_box.html")
    assert "Recommended content" not in body
    assert "Show external content" not in body
    assert "third-party platforms" not in body
    assert "external content from VideoHub" not in body
    assert "The players raised most of the money" in body
    assert "The tour opens in early July" in body


# Guard: a CSS-only accordion in the story, each item a <label for> over its panel, on
# privacy and cookies: its items open with the label, and stay.
def test_accordion_items_about_privacy_stay() -> None:
    body = _body("accordion_privacy_items.html")
    assert "Data and privacy" in body
    assert "no personal data leaves the device" in body
    assert "uses no third-party trackers" in body


# A German dateline "Stand: 12.05.2024 09:41 Uhr" ("as of"): its label was no date word.
def test_stand_dateline_goes_and_a_sentence_with_stand_stays() -> None:
    body = _body("stand_dateline.html")
    assert "Stand: 12.05.2024" not in body
    assert "Die drei Freibäder der Stadt" in body and "Die Stadtwerke teilten mit" in body
    assert "Stand 14 Uhr am 12. Mai 2024 waren schon mehr als dreihundert" in body
