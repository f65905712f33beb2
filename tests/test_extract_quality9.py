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


def test_captions_that_end_in_their_credit_are_no_body() -> None:
    """Captions in divs of the page's own build (no <figure>): the caption line that ends in
    "Bildrechte: ..." and a credit line alone went into the body; a sentence that names a
    photo and goes on stays."""
    page = (PAGES / "caption_credit_divs.html").read_bytes()
    body = extract(page, "https://talbote.example/faehre").body
    assert "Platz für sechzig Fahrgäste" not in body
    assert "Image: Anna Beispiel" not in body
    assert "das Foto: ein voller Steg an jedem Sonntag" in body
    assert "Die Fähre fährt elektrisch" in body


def test_caption_credit_needs_a_label_after_a_sentence() -> None:
    """The label ends a sentence's line, or stands alone; "the photo: ..." mid-line is prose."""
    from monitor.captioncredit import is_caption_credit
    assert is_caption_credit("A portrait of the queen in 2004 (Picture credit: Getty)")
    assert is_caption_credit("Foto: Max Muster")
    assert not is_caption_credit("He kept one thing from the fire, the photo: his mother's")
    assert not is_caption_credit("Credit: the bank lent the firm a further million.")
