"""Three date regressions a review found, each beside the kind of page that must still get its
date (so no test passes by finding no date at all)."""

from __future__ import annotations

import pytest

from monitor.datemarks import line_date
from monitor.extract import extract

URL = "https://news.example/story/x"  # no date in it
BODY = ("<p>The city council voted on Tuesday to approve a network of protected cycle lanes "
        "across the centre, after a long consultation that drew thousands of responses from "
        "residents.</p><p>Work on the first routes is due to begin in the summer, and the "
        "council said the scheme would be finished within three years at a cost of about "
        "twelve million pounds.</p>")


def _page(meta: str, body: str = BODY) -> str:
    return ("<html><head><title>Council approves new cycle lanes | Daily Example</title></head>"
            f"<body><article><h1>Council approves new cycle lanes</h1>{meta}{body}</article>"
            "</body></html>")


def _filing(line: str) -> str:
    return _page("", "<p>A major chipmaker said it would build a new factory outside Columbus, "
                 "bringing about 3,000 jobs to the region over the next decade.</p>"
                 f"<p>{line}</p><p>Construction is expected to begin next spring, pending "
                 "approval of state tax incentives by the legislature later this year.</p>")


def test_a_date_inside_a_sentence_is_no_press_release_dateline() -> None:
    """'In a filing, the company said on 3 March 2019 - two years ...' opens a paragraph
    with a comma and a date before a dash, but 'In a filing' is no place."""
    line = ("In a filing, the company said on 3 March 2019 - two years before the shortage - "
            "that it planned to double its capacity in the United States.")
    assert extract(_filing(line), URL).published is None


@pytest.mark.parametrize(("opening", "day"), [
    ("NEW YORK, March 3, 2021 /PRNewswire/ --", "2021-03-03"),
    ("SAN JOSE, Calif., March 3, 2021 /PRNewswire/ --", "2021-03-03"),
    ("TAIZHOU, China, Sept. 27, 2021 (GLOBE NEWSWIRE) --", "2021-09-27"),
    ("Berlin, 27.09.2021 –", "2021-09-27"),
    ("Hong Kong, 3 March 2021 —", "2021-03-03"),
])
def test_a_release_dateline_on_the_same_page_still_dates_it(opening: str, day: str) -> None:
    """The same page with a real dateline opening a paragraph: place, date, wire, dash."""
    line = f"{opening} Acme Corp. today said it planned to double its capacity."
    assert extract(_filing(line), URL).published == day


def test_an_editor_byline_is_no_update_label() -> None:
    """'Edited by Jane Roe | 4 March 2021 | Updated 5 March 2021': the editor's credit opens
    the line, the first date is the publication, the labelled one the update."""
    meta = ('<div class="article-meta">Edited by Jane Roe | 4 March 2021 | '
            'Updated 5 March 2021</div>')
    assert extract(_page(meta), URL).published == "2021-03-04"
    meta = '<div class="article-meta">Updated 5 March 2021 | 4 March 2021</div>'
    assert extract(_page(meta), URL).published == "2021-03-04"


@pytest.mark.parametrize(("line", "day"), [
    ("Edited by Jane Roe | 4 March 2021 | Updated 5 March 2021", "2021-03-04"),
    ("Edited by Jane Roe | 4 March 2021 | 5 March 2021", "2021-03-04"),
    ("Updated 12 April 2021 | 3 March 2021", "2021-03-03"),
    ("Last updated on: 12 April 2021 | 3 March 2021", "2021-03-03"),
    ("Updated April 12, 2021 - March 3, 2021", "2021-03-03"),
    ("Aktualisiert am 12.04.2021 - 03.03.2021", "2021-03-03"),
    ("Updated 12 April 2021 | Edited 3 March 2021", "2021-04-12"),  # both are updates
    ("Updated 12 April 2021 | modified 3 March 2021 | 1 March 2021", "2021-03-01"),
])
def test_the_second_date_only_after_an_update_label_opening_the_first(line: str,
                                                                     day: str) -> None:
    assert line_date(line, False) == day


@pytest.mark.parametrize(("date", "day"), [
    ("3<sup>rd</sup> March 2021", "2021-03-03"),
    ("<span>03</span>/<span>04</span>/<span>2021</span>", "2021-04-03"),
    ("<span>3</span> <span>March</span> <span>2021</span>", "2021-03-03"),
    ("3rd March 2021", "2021-03-03"),
])
def test_a_date_split_across_inline_elements(date: str, day: str) -> None:
    """A date line whose parts sit in inline elements is read joined when read apart it
    holds no date ('3 rd March 2021', '03 / 04 / 2021')."""
    meta = (f'<div class="article-meta"><span class="author">By Jane Roe</span> '
            f'<span class="date">{date}</span></div>')
    assert extract(_page(meta), URL).published == day
