"""Dates a label decides about: a byline's own sentence dates the article; a forum member's
sign-up date and the clock a forum prints beside a thread's title date no text."""

from __future__ import annotations

from monitor import datemarks
from monitor.datemarks import dates_no_text
from monitor.extract import extract, parse

URL = "https://forum.example/viewtopic.php?t=167"  # no date in it
POST = ("<p>Free software is software that gives its users the freedom to run, study, share "
        "and modify it; the question comes up so often here that it deserves a thread of its "
        "own, with the answers collected in one place for newcomers.</p>")


TOPIC = "What is free software, and why do newcomers keep asking"  # over a date line's 50


def _page(header: str, head: str = "") -> str:
    return (f"<html><head><title>{TOPIC}</title>{head}</head><body>"
            f"<div class='topic'><h2>{TOPIC}</h2>{header}</div>"
            f"<div class='content'>{POST}{POST}</div></body></html>")


def test_the_date_in_a_bylines_own_sentence() -> None:
    """'Written by <a>...</a> in <a>...</a> on 1 June 2019 at 08:34 PM EDT.' is longer than
    a date line, but it is the byline's, beside the headline."""
    byline = ('<div class="author">Written by <a href="/people/ml">Michael Lar</a> in '
              '<a href="/linux/valve">Valve</a> on 1 June 2019 at 08:34 PM EDT. '
              '<a href="/forums/1103455">51 Comments</a></div>')
    page = f"<html><head><title>Steam numbers</title></head><body>{byline}<div>{POST}" \
           f"{POST}</div></body></html>"
    assert extract(page, URL).published == "2019-06-01"


def test_a_members_sign_up_date_is_no_publication() -> None:
    """A post's author box ('Mitglied seit 28. Juni 2014') sits beside the thread's title;
    the page's declared date stands."""
    box = "<dl><dt>Mitglied seit</dt><dd>28. Juni 2014</dd></dl>"
    ld = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
          '"headline": "What is free software", "datePublished": '
          '"2018-09-27T12:51:09+00:00"}</script>')
    assert extract(_page(box, ld), URL).published == "2018-09-27"


def test_the_forums_clock_is_no_publication() -> None:
    """'Aktuelle Zeit: 14.10.2020, 12:18' is when the page was rendered: the first post's
    line after it dates the thread."""
    header = ('<p class="time">Aktuelle Zeit: 14.10.2020, 12:18</p>'
              '<p class="author">von <strong>r23</strong> » 21.01.2009, 05:42</p>')
    assert extract(_page(header), URL).published == "2009-01-21"


def test_labels_of_dates_that_date_no_text() -> None:
    """Before the date (a sibling) or opening it; an ordinary date line is not one."""
    tree = parse("<div><dt>Member since</dt><dd id='a'>Jan 3, 2014</dd>"
                 "<span id='b'>It is currently Wed Oct 14, 2020 12:18 pm</span>"
                 "<span id='c'>Posted on Oct 14, 2020</span></div>")
    found = {name: dates_no_text(tree.css_first(f"#{name}")) for name in "abc"}
    assert found == {"a": True, "b": True, "c": False}


def test_a_photo_captions_day_is_not_the_shown_date() -> None:
    """A slider's caption beside the headline ('Monday, Sept. 2, 2024, in Pittsburgh') is
    when the photo was taken: it must not move a UTC timestamp (04:03Z) to the day before.
    A caption that holds the <h1> is the page's header over its photo, and is read."""
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
          '"2024-09-03T04:03:19Z"}</script>')
    slide = ('<div class="Carousel"><div class="CarouselSlide-info">4 of 12 | Harris waves, '
             'Monday, Sept. 2, 2024, in Pittsburgh.</div></div>')
    page = (f"<html lang='en'><head><title>{TOPIC}</title>{ld}</head><body><div><div>"
            f"<h1>{TOPIC}</h1>{slide}</div></div><div>{POST}{POST}</div></body></html>")
    assert extract(page, URL).published == "2024-09-03"
    hero = (f"<html><head><title>{TOPIC}</title></head><body><figure><img src='/a.jpg'>"
            f"</figure><figcaption><small>31.01.2022</small><h1>{TOPIC}</h1></figcaption>"
            f"<div>{POST}{POST}</div></body></html>")
    assert extract(hero, URL).published == "2022-01-31"


def test_label_phrases_are_searched_only_where_a_key_word_is() -> None:
    """dates_no_text's shortcut: every label phrase, in any case, holds one of the key words
    the cheap test looks for; a text that is not ASCII is always searched (re.I reads "ſ"
    as "s" and "İ" as "i": no key word is in "Regiſtered" or "Joİned", yet the label is)."""
    for phrase in datemarks._NOT_TEXT_PHRASES:
        for written in (phrase.upper(), phrase.title().replace(" ", "  ")):
            text = f"jdoe {written.replace('(?:IL|DAL)', 'DAL').replace('(?:Il|Dal)', 'il')}: 12 Jan"
            assert datemarks._NOT_TEXT_LABEL.search(text), text
            assert datemarks._may_hold(text, datemarks.NOT_TEXT_KEYS), text
    assert not datemarks._may_hold("By Jane Doe, 12 Jan 2014", datemarks.NOT_TEXT_KEYS)
    for folded in ("Regi\u017ftered 12 Jan 2014", "Jo\u0130ned 12 Jan 2014"):
        assert datemarks._NOT_TEXT_LABEL.search(folded)
        assert datemarks._may_hold(folded, datemarks.NOT_TEXT_KEYS)
