"""A page drawn in the browser whose markup and JSON-LD hold no article, but whose inline
script carries the article's HTML as data (React Query / Apollo state, Next.js's streamed
payload): that HTML is the body instead of no article; never preferred over the markup's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text
from monitor.scriptbody import script_markup

PAGES = Path(__file__).parent / "pages"
LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)
# The shell of tests/ldbody's script-drawn page, its JSON-LD cut to the metadata.
SHELL = LD.sub(
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour '
    'authority approves night ferry trial", "datePublished": "2026-02-11T07:30:00+01:00"}'
    "</script>",
    (PAGES / "script_rendered.html").read_text("utf-8"))
STORY = [
    "The harbour authority voted on Tuesday to run a six-month trial of night ferry "
    "crossings between the old town pier and the island terminal, starting in March.",
    "Boats will leave every ninety minutes between 11 pm and 4 am on Fridays and "
    "Saturdays, the authority said, with a single fare of 4.50 euros.",
    "Shift workers at the island's hospital had asked for late crossings for years.",
]
MARKUP = (f"<p>{STORY[0]}</p>$$ARTICLEAD$$<p>{STORY[1]}</p>"
          f'<figure><img src="/img/ferry.jpg"><figcaption>ferry.jpg</figcaption></figure>'
          f"<p>{STORY[2]}</p>")


def _page(script: str, body_html: str = "") -> str:
    page = SHELL.replace('<div id="app" data-hydrate="article"></div>',
                         f'<div id="app" data-hydrate="article">{body_html}</div>')
    return page.replace("</body>", f"<script>{script}</script></body>")


def _state(markup: str) -> str:
    """The article as a query cache's dehydrated state, escaped as such serialisers do."""
    state = {"queries": [{"state": {"data": {"detail": {
        "title": "Harbour authority approves night ferry trial",
        "teaser": "<p>A short teaser.</p>", "contentHtml": markup}}}}]}
    return "window.__STATE__ = " + json.dumps(state).replace("<", "\\u003c") + ";"


def test_the_article_html_in_a_state_script_is_the_body() -> None:
    art = extract(_page(_state(MARKUP)), "http://127.0.0.1/local/night-ferry")
    assert art.body.split("\n") == STORY  # the slot marker and the image's name are gone
    assert art.title == "Harbour authority approves night ferry trial"
    assert art.published == "2026-02-11"
    assert extract_text(_page(_state(MARKUP))) == art.body


def test_html_in_a_string_in_a_string_is_found() -> None:
    """Next.js streams its payload as JSON text inside a JavaScript string; the article's
    HTML is a string of that text."""
    row = json.dumps(["$", "div", None, {"dangerouslySetInnerHTML": {"__html": MARKUP}}])
    script = "self.__next_f.push(" + json.dumps([1, "5:" + row]) + ")"
    assert extract(_page(script)).body.split("\n") == STORY


def test_the_longest_prose_string_wins() -> None:
    teaser = "<p>" + "A related story about the island's bus timetable. " * 3 + "</p>" * 2
    script = "var cards = " + json.dumps({"a": teaser, "b": MARKUP, "c": teaser})
    assert script_markup(f"<script>{script}</script>") == MARKUP.replace("$$ARTICLEAD$$", "")


@pytest.mark.parametrize("script", [
    'var ad = "<div class=\\"ad\\"><p>Advertisement</p><p>Sponsored</p></div>";',
    "var one = " + json.dumps("<p>" + "A single long paragraph is a teaser card. " * 9 + "</p>"),
    "var plain = " + json.dumps(" ".join(STORY)),  # text without paragraphs is not markup
])
def test_a_script_string_that_is_not_a_story_gives_no_article(script: str) -> None:
    with pytest.raises(ExtractionFailed):
        extract(_page(script))


def test_the_markup_body_wins_over_a_script_one() -> None:
    shown = "".join(f"<p>Paragraph {n} of the story as the page shows it, with enough words in "
                    f"it to be read as the article's own text by the vote.</p>"
                    for n in range(1, 6))
    art = extract(_page(_state(MARKUP), f"<main><article>{shown}</article></main>"))
    assert art.body.startswith("Paragraph 1 of the story") and "ferry" not in art.body


def test_markup_with_attributes_is_taken_whole() -> None:
    """The quotes of the markup's own attributes are no string inside it (finalread: the
    text between two of them was taken for the article and the last paragraph lost)."""
    markup = ('<p class="lead">' + STORY[0] + "</p>" + "".join(
        f"<p>{line}</p>" for line in STORY[1:]) + '<p class="end">The last '
        "paragraph of the story, which must not be lost, ends here with a full stop.</p>")
    assert script_markup(f"<script>{_state(markup)}</script>") == markup
    body = extract(_page(_state(markup))).body
    assert body.startswith(STORY[0]) and body.endswith("ends here with a full stop.")
