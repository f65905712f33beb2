"""A page whose markup holds no article text (drawn by scripts) but whose JSON-LD declares
it: the declared body instead of no article; never preferred over the markup's body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text
from monitor.ldbody import declared_lines

PAGES = Path(__file__).parent / "pages"
SHELL = (PAGES / "script_rendered.html").read_text("utf-8")


def _with_ld(ld: dict[str, object], body_html: str = "") -> str:
    start = SHELL.index('<script type="application/ld+json">')
    end = SHELL.index("</script>", start) + len("</script>")
    page = SHELL[:start] + '<script type="application/ld+json">' + json.dumps(ld) + "</script>" \
        + SHELL[end:]
    return page.replace('<div id="app" data-hydrate="article"></div>', body_html)


def test_a_script_drawn_page_reads_its_declared_body() -> None:
    art = extract(SHELL, "http://127.0.0.1/local/night-ferry")
    lines = art.body.split("\n")
    assert len(lines) == 4
    assert lines[0].startswith("The harbour authority voted on Tuesday")
    assert lines[-1].endswith("whether to keep the service.")
    assert "JavaScript" not in art.body and "Privacy" not in art.body
    assert art.title == "Harbour authority approves night ferry trial"
    assert art.published == "2026-02-11"
    assert extract_text(SHELL) == art.body


def test_html_in_a_declared_body_reads_as_lines() -> None:
    ld = {"@type": "NewsArticle", "headline": "Harbour authority approves night ferry trial",
          "articleBody": "<p>The harbour authority voted on <b>Tuesday</b> to run a trial of "
                         "night crossings &amp; cheaper fares.</p><p>Boats will leave every "
                         "ninety minutes between 11 pm and 4 am on Fridays and Saturdays.<br>"
                         "The authority will decide in September whether to keep it.</p>"}
    assert declared_lines(ld) == [
        "The harbour authority voted on Tuesday to run a trial of night crossings & cheaper "
        "fares.",
        "Boats will leave every ninety minutes between 11 pm and 4 am on Fridays and Saturdays.",
        "The authority will decide in September whether to keep it.",
    ]


def test_the_markup_body_wins_over_a_declared_one() -> None:
    """A declared body is often cut or older than the page: with text in the markup, the
    markup's is the body."""
    story = ("<main><article><h1>Harbour authority approves night ferry trial</h1>"
             + "".join(f"<p>Paragraph {n} of the story as the page shows it, with enough words "
                       f"in it to be read as the article's own text by the vote.</p>"
                       for n in range(1, 6)) + "</article></main>")
    page = _with_ld({"@type": "NewsArticle", "headline": "Harbour authority approves night "
                     "ferry trial", "articleBody": "An older version of the text. " * 20}, story)
    body = extract(page, "http://127.0.0.1/x").body
    assert body.startswith("Paragraph 1 of the story") and "older version" not in body


def test_a_short_declaration_is_no_article() -> None:
    """A page with neither markup text nor a declared body long enough to be an article
    still fails as one without a body (a description is not an article)."""
    page = _with_ld({"@type": "NewsArticle", "headline": "Night ferry trial",
                     "articleBody": "A six-month trial of late crossings starts in March."})
    with pytest.raises(ExtractionFailed):
        extract(page, "http://127.0.0.1/x")
    assert extract_text(page) == ""
