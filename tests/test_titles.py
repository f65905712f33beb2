"""Which title a page gets when its <title>, og:title and visible headline disagree."""

from __future__ import annotations

from monitor.extract import extract

HEADLINE = "Hailing signs 12 new energy projects worth 8.6b yuan"
TEXT = ("<p>Hailing district in Taizhou signed 12 new energy projects with a total investment "
        "of 8.6 billion yuan on Tuesday, the district government said in a statement.</p>")


def _page(head: str) -> str:
    return (f"<html lang='en'><head>{head}</head><body><header><a href='/'>Example News</a>"
            f"</header><div class='article'><h1>{HEADLINE}</h1><div class='body'>{TEXT}{TEXT}"
            f"</div></div></body></html>")


def test_a_title_cut_short_by_the_template_is_the_headline() -> None:
    """An SEO plugin cuts <title> at 50 characters and adds '...': the heading it starts
    is the whole headline, though the cut <title> is a little longer than it."""
    page = _page(f"<title>{HEADLINE[:50]}... | Example News</title>")
    assert extract(page, "https://news.example/a/1").title == HEADLINE
