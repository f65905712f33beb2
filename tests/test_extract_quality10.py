"""Quality 10: recall on pages where an anchor extractor kept more of the body (tune sets)."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"


def test_a_list_its_paragraph_announces_stays_in_the_body() -> None:
    """Paragraphs and lists each in a box of their own (AsciiDoc's "paragraph"/"ulist"): the
    sentence "These patches were merged upstream this month:" stayed and the list of linked
    items it announced was lost. A list after the body's last paragraph (older reports) is
    not announced and stays out."""
    page = (PAGES / "announced_lists.html").read_bytes()
    body = extract(page, "https://blog.example/report-12").body
    assert "These patches were merged upstream this month:" in body
    assert "jit: allow casts between integers and pointers" in body
    assert "caused by a wrong object list" in body
    assert "With those, it is possible to build" in body
    assert "Progress report 11" not in body


def test_only_a_sentence_ending_in_a_colon_announces_a_list() -> None:
    """A short label ("Related:") or a block that ends otherwise announces nothing."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.introlists import add_announced
    html = ("<div><p>Related:</p><ul><li><a href='/a'>Other story one</a></li></ul>"
            "<p>The mayor said the plan would cost less than the old one, and start in May.</p>"
            "<ul><li><a href='/b'>Other story two</a></li></ul><p>More text follows here.</p>"
            "<p>The council listed three reasons for the vote today:</p>"
            "<ul><li>cost</li><li>speed</li></ul><p>It meets again in June.</p></div>")
    box = LexborHTMLParser(html).css_first("div")
    assert box is not None
    paras = box.css("p")
    kept = add_announced(paras)
    lists = [node for node in kept if node.tag == "ul"]
    assert len(lists) == 1 and "cost" in (lists[0].text() or "")


def test_a_weak_winner_widens_to_the_cards_around_it() -> None:
    """A story told in cards, each a heading, one paragraph and an app's box of short
    labels: one card won the vote with a paragraph, and the others and the quote above were
    lost, since the labels (no vote) kept the voted share of the section around them under
    WIDEN_DENSITY. A winner of a sentence or two widens with a lower share."""
    page = (PAGES / "weak_winner_cards.html").read_bytes()
    body = extract(page, "https://apps.example/stories/roaster").body
    assert "the roastery is always looking for new ways" in body
    assert "A quiz asks a few simple questions" in body
    assert "Emails go out when a bag is likely to run out" in body
    assert "the best reviews appear on the product pages" in body
    assert "Copyright 2026" not in body
