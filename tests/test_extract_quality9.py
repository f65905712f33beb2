"""Quality 9: precision rules learnt on fundus-tune and wcxb-tune (boilerplate kept by the body)."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"


def test_snippet_excluded_pitch_leaves_the_body() -> None:
    """A newsletter pitch the publisher marks data-nosnippet, in the article's own box
    (a class that names nothing), was kept as two more paragraphs; a marked phrase inside a
    sentence stays, or the sentence would lose words."""
    page = (PAGES / "nosnippet_pitch.html").read_bytes()
    body = extract(page, "https://bay.example/trams").body
    assert "morning briefing" not in body
    assert "privacy notice" not in body
    assert "counted the summer's riders, as it did last year, and would publish" in body
    assert "Riders' groups welcomed the plan" in body
