"""Pages tests share: the inputs an extractor shortcut must agree on (a page of the test's
own and every test page of tests/pages), and a story the precision tests put chrome into."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"
# a sentence of article prose: a paragraph that votes
PROSE = ("The council voted on Tuesday to extend the tram network by eleven kilometres, "
         "adding two lines.")


def with_test_pages(page: str) -> list[str]:
    """``page`` and then every test page of tests/pages."""
    return [page] + [p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(PAGES.glob("*.html"))]


# a three-paragraph story the precision tests put page chrome into (and check it stays whole)
STORY = (
    "<p>The city council voted on Tuesday to extend the night bus network to the eastern "
    "suburbs, after a year of complaints from shift workers about the last trains.</p>"
    "<p>The new routes will start in March and run every twenty minutes between midnight "
    "and five in the morning, the transport committee said in a statement.</p>"
    "<p>Opposition members said the plan was welcome but came too late for the winter, "
    "and asked for the budget of the scheme to be published before the final vote.</p>"
)


def story_page(article: str) -> str:
    """A page whose <article> holds a headline and ``article``."""
    return (f"<html><head><title>Night buses</title></head><body><article><h1>Night buses"
            f"</h1>{article}</article></body></html>")


def story_into(extra: str) -> str:
    """STORY's page with ``extra`` (page chrome) put between its paragraphs."""
    return story_page(STORY[:len(STORY) // 2] + extra + STORY)


def assert_kept(prose: str) -> None:
    """A paragraph of ``prose``, put inside the story, is kept whole."""
    assert prose in extract(story_into(f"<p>{prose}</p>"), "https://127.0.0.1/a").body


def assert_dropped(chrome_html: str, chrome: str) -> None:
    """``chrome`` (in ``chrome_html``, put inside the story) is gone and the story whole."""
    body = extract(story_into(chrome_html), "https://127.0.0.1/a").body
    assert "night bus network" in body and "final vote" in body
    assert chrome not in body
