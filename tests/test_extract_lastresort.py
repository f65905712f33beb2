"""The last reading of a page no other reading found a body in (monitor.lastresort): a story
told in list items only, a live page of timed headings. The vote found no paragraph in them
but the footer's, cleaning dropped its copyright line, and
each page came out empty; a held-out check counts an empty page against the extractor."""

from __future__ import annotations

import pytest

from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text
from monitor.models import ExtractRules

NAV = "<nav>" + "".join(f"<a href='/s{n}'>Section {n}</a>" for n in range(12)) + "</nav>"
FOOT = ("<footer><p>© 2024 Example Media. All rights reserved. Privacy policy. Terms of use."
        "</p></footer>")
TIPS = ["First, read the whole manual before you start on the frame.",
        "Second, keep the tools clean and dry after every use.",
        "Third, ask for help when you need it: nobody knows everything."]
LIVE = ["10:00 The council opened the new tram line to the harbour",
        "09:15 Crowds gathered at the first stop before the ribbon was cut"]


def _page(inner: str) -> str:
    return (f"<html><head><title>Story | Example Media</title></head><body><header>"
            f"<a href='/'>Example Media</a></header>{NAV}{inner}"
            f"<aside><h3>Most read</h3><p>Another story that readers liked this week.</p></aside>"
            f"{FOOT}</body></html>")


PAGES = {
    "list items": _page("<article><h1>Story</h1><ul>"
                        + "".join(f"<li>{tip}</li>" for tip in TIPS) + "</ul></article>"),
    "headings": _page("<article><h1>Story</h1>" + "".join(f"<h2>{line}</h2>" for line in LIVE)
                      + "</article>"),
}
WANTED = {"list items": TIPS, "headings": LIVE}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_with_no_paragraph_still_gives_its_text(name: str) -> None:
    body = extract(PAGES[name], "http://127.0.0.1/story").body
    assert extract_text(PAGES[name]) == body
    for line in WANTED[name]:
        assert line in body
    for chrome in ("Section 3", "All rights reserved", "Most read", "Another story",
                   "Example Media"):
        assert chrome not in body


def test_a_page_of_frame_and_a_label_is_still_no_article() -> None:
    """Less text than a story's (a label, a caption) left outside the frame: no body."""
    page = _page("<div class='hero'><h1>Story</h1><p>Photo: the new tram.</p></div>")
    with pytest.raises(ExtractionFailed):
        extract(page)
    assert extract_text(page) == ""


def test_a_page_drawn_by_scripts_gives_what_its_noscript_shows() -> None:
    """The parse reads <noscript> as a browser with scripts on does (text, not markup); a
    page that only a reader without scripts sees a story on gave none."""
    story = "".join(f"<p>{tip}</p>" for tip in TIPS)
    page = _page(f"<div id='app'></div><noscript><article><h1>Story</h1>{story}</article>"
                 "</noscript>")
    body = extract(page, "http://127.0.0.1/story").body
    assert body.split("\n")[-3:] == TIPS and extract_text(page) == body
    assert "Section 3" not in body and "All rights reserved" not in body


@pytest.mark.parametrize("notice", [
    "You need to enable JavaScript to run this app. Please turn it on in your browser's "
    "settings and reload the page to continue reading.",
    "JavaScript is disabled in your browser. This site needs it for everything it shows, "
    "from the front page to the archive.",
    "This site requires JavaScript. Please switch it on in your browser settings to read our "
    "stories and use the site.",
    "Your browser does not support JavaScript, or it is switched off. Some parts of this site "
    "will not work as they should.",
    "Please use a browser with JavaScript switched on: without it, the news site cannot show "
    "you the latest articles.",
    "For the best experience on our website, JavaScript must be turned on in your browser. "
    "Find out how in the help pages.",
])
def test_a_noscript_notice_is_no_article(notice: str) -> None:
    page = _page(f"<div id='app'></div><noscript><p>{notice}</p></noscript>")
    with pytest.raises(ExtractionFailed):
        extract(page)


HEADLINES = [f"Council approves tram line extension number {n} for the harbour"
             for n in range(10)]


@pytest.mark.parametrize("inner", [
    "<main>" + "".join(f"<article class='card'><a href='/a{n}'><img src='/i{n}.jpg'>"
                       f"<h2>{line}</h2></a><span>Politics</span></article>"
                       for n, line in enumerate(HEADLINES)) + "</main>",
    "<h1>Search results</h1><div>10 results</div>" + "".join(
        f"<div class='r'><a href='/a{n}'>{line}</a><div>/news/{n}</div></div>"
        for n, line in enumerate(HEADLINES)),
])
def test_an_index_of_other_stories_is_still_no_article(inner: str) -> None:
    """A section or search page left outside the frame is mostly links to other pages:
    its headlines (which the watch list would match) are no story of its own."""
    page = _page(inner)
    with pytest.raises(ExtractionFailed):
        extract(page)
    assert extract_text(page) == ""


def test_the_last_reading_keeps_a_source_s_drop_rules() -> None:
    """What a source's ``drop`` selectors name stays out of the last reading too."""
    sponsor = "Sponsored by the Harbour Shop, your supplier of boat tools"
    page = _page("<article><h1>Story</h1><ul>" + "".join(f"<li>{tip}</li>" for tip in TIPS)
                 + f"</ul><span class='promo'>{sponsor}</span></article>")
    body = extract(page, "http://127.0.0.1/story", ExtractRules(drop=(".promo",))).body
    assert TIPS[0] in body and sponsor not in body


def test_a_source_s_body_selector_that_matched_has_the_last_word() -> None:
    """A source names where its body is: when that matched and held nothing (a ticker a
    script fills in), the page's leftovers are not read in its place."""
    page = _page("<article><h1>Story</h1><div class='ticker'></div>"
                 + "".join(f"<h2>{line}</h2>" for line in LIVE) + "</article>")
    with pytest.raises(ExtractionFailed):
        extract(page, "http://127.0.0.1/story", ExtractRules(body="div.ticker"))
    body = extract(page, "http://127.0.0.1/story", ExtractRules(body="div.missing")).body
    assert LIVE[0] in body  # (a selector that matched nothing falls back to the automatic)
