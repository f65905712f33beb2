"""Ordinary news articles that the cleaning, date and title rules for boilerplate must leave
alone: each page is one a second reader built against a rule of the day that over-matched
(a timeline's date subheadings, a closing paragraph quoting an analyst, a sentence about
consent, a sentence opening with "Related", a list of products under an ad label, an
interviewer's questions, a kicker <h1> above the headline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.clean import _filled_neighbours
from monitor.extract import extract

PAGES = Path(__file__).resolve().parent / "pages" / "ordinary"
URL = "https://news.example/2021/03/03/story"


def _body(name: str) -> list[str]:
    page = (PAGES / f"{name}.html").read_text("utf-8")
    return extract(page, URL).body.split("\n")


@pytest.mark.parametrize(("name", "kept"), [
    ("timeline", ["Jan. 5, 2021", "Wednesday, Jan. 6, 2021", "Jan. 7, 2021 - 3:40 a.m."]),
    ("bio", ["What analysts expect"]),
    ("related", ["Related court filings are linked below:", "The plaintiffs' complaint",
                 "Judge Smith's ruling", "The state's notice of appeal"]),
    ("ad", ["Acer Swift Go 14", "Lenovo IdeaPad Slim 5", "Asus Vivobook 15"]),
    ("qa", ["Reporter: Why did the city choose a cable-stayed design for the crossing?",
            "Reporter: When will it open?"]),
])
def test_lines_of_the_text_are_kept(name: str, kept: list[str]) -> None:
    body = _body(name)
    for line in kept:
        assert line in body, line
    assert len(body) > len(kept)  # and the rest of the text with them


@pytest.mark.parametrize(("name", "start"), [
    ("bio", "Maria Lopez is an analyst at Capital Economics"),
    ("consent", 'By clicking "I agree", you consent to data collection'),
])
def test_sentences_that_look_like_chrome_are_kept(name: str, start: str) -> None:
    assert any(line.startswith(start) for line in _body(name))


def test_a_kicker_heading_does_not_replace_the_declared_title() -> None:
    """<title> "Kicker | Headline | Site" with the kicker as the <h1>: og:title stands."""
    page = (PAGES / "kicker2.html").read_text("utf-8")
    assert extract(page, URL).title == "Messi leads Argentina to World Cup title after shootout"


def test_filled_neighbours_are_the_nearest_lines_with_text() -> None:
    """The two-pass neighbours equal a walk from each line (which was quadratic)."""
    lines = ["\ue001\ue002", "a", "\ue000", "", "\ue003b", "\ue001\ue002", "c", "\ue000"]

    def walk(index: int, step: int) -> str | None:
        index += step
        while 0 <= index < len(lines):
            if lines[index].strip("\ue000\ue001\ue002\ue003\ue004 "):
                return lines[index]
            index += step
        return None

    after, before = _filled_neighbours(lines)
    assert after == [walk(i, 1) for i in range(len(lines))]
    assert before == [walk(i, -1) for i in range(len(lines))]
