"""Declarative shadow DOM (monitor.shadowroots): a story a web component renders on the server
inside <template shadowrootmode>, which the browser shows; a plain <template> stays unread."""

from __future__ import annotations

from monitor.extract import extract, parse
from monitor.junkwalk import walk
from monitor.shadowroots import held

STORY = ["The harbour authority approved a six-month trial of night ferries on Monday.",
         "Crossings will run every hour between midnight and five in the morning.",
         "Residents of the islands had asked for a late service for years."]
NAV = "<nav>" + "".join(f"<a href='/s{n}'>Section {n}</a>" for n in range(10)) + "</nav>"


def _page(inner: str) -> str:
    return (f"<html><head><title>Night ferries approved</title></head><body>{NAV}{inner}"
            "<footer><p>© Example Media</p></footer></body></html>")


def _shadow(content: str, mode: str = "shadowrootmode") -> str:
    return f"<story-view><template {mode}='open'>{content}</template></story-view>"


ARTICLE = ("<article><h1>Night ferries approved</h1>"
           + "".join(f"<p>{line}</p>" for line in STORY) + "</article>")


def test_a_story_in_a_shadow_root_is_read() -> None:
    for mode in ("shadowrootmode", "shadowroot"):
        art = extract(_page(_shadow(ARTICLE, mode)), "http://127.0.0.1/a")
        assert art.body.split("\n") == STORY, mode
        assert art.title == "Night ferries approved"


def test_a_shadow_root_inside_a_shadow_root_is_read() -> None:
    inner = _shadow("<div class='text'>" + "".join(f"<p>{line}</p>" for line in STORY)
                    + "</div>")
    art = extract(_page(_shadow(f"<article><h1>Night ferries approved</h1>{inner}</article>")))
    assert art.body.split("\n") == STORY


def test_a_plain_template_stays_unread() -> None:
    """A client-side template is markup for later, not shown: its text is no body."""
    hidden = "<template id='card'><p>" + "A template's sentence nobody sees on the page. " * 3 \
        + "</p></template>"
    art = extract(_page(ARTICLE + hidden))
    assert art.body.split("\n") == STORY
    walked = walk(parse(_page(ARTICLE + hidden)))
    assert len(walked.templates) == 1 and not held(walked.templates)
    assert walked.templates[0] in walked.junk


def test_a_shadow_root_in_a_sentence_keeps_the_sentence_whole() -> None:
    """A shadow root adds no box of its own: an inline component (a name, a date) inside
    a paragraph reads in its line, not as three."""
    name = "<x-name><template shadowrootmode='open'><b>Anna Berg</b></template></x-name>"
    said = f"<p>The plan was approved on Monday, said {name} of the harbour board.</p>"
    art = extract(_page("<article><h1>Night ferries approved</h1>" + said
                        + "".join(f"<p>{line}</p>" for line in STORY) + "</article>"))
    assert art.body.split("\n") == [
        "The plan was approved on Monday, said Anna Berg of the harbour board.", *STORY]
