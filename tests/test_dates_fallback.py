"""Last resorts (monitor.datefallback) for pages that declare no publication date and show
none beside the headline."""

from __future__ import annotations

import time

from monitor.extract import extract

BODY = ("<p>The city council voted on Tuesday to extend the tram network by eleven kilometres, "
        "adding two lines to the harbour and the hospital, officials said on the day.</p>")
RELATED = ('<div class="more"><ul><li><span>2021-08-02</span> <a href="/a">Bus fares frozen '
           'for another year</a></li></ul></div>')


def _page(head: str = "", before: str = "", after: str = "") -> str:
    return (f"<html><head><title>Council expands tram network</title>{head}</head><body>"
            f"{before}<div class='story'>{BODY}{BODY}</div>{after}</body></html>")


def test_meta_named_for_publishing() -> None:
    """A meta tag whose name says "published" but no list of known names has."""
    page = _page('<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">')
    assert extract(page, "https://news.example/a/1").published == "2025-05-27"


def test_meta_named_for_the_publication_or_the_creation() -> None:
    """Meta names beyond 'publish': 'publication-date', Weibo's 'create_at'."""
    for name in ("publication-date", "weibo:article:create_at", "og:pubdate"):
        page = _page(f'<meta name="{name}" content="2021-03-03 10:15:00">')
        assert extract(page, "https://news.example/a/1").published == "2021-03-03"


def test_header_written_as_a_list_without_links() -> None:
    """A date-named item of a list that links nowhere is the page's own header (date,
    section); a teaser list whose items link to other articles still is not read."""
    header = ('<ul class="c-list"><li class="c-meta__date">December 24, 2024</li>'
              '<li class="c-meta__section">News</li></ul>')
    page = _page(before=RELATED + header)
    assert extract(page, "https://news.example/a/2").published == "2024-12-24"


def test_declared_modification_date() -> None:
    """Only a modification date is declared: it dates the page's current text."""
    page = _page('<meta property="article:modified_time" content="2023-06-12T10:39:42+02:00">')
    assert extract(page, "https://news.example/a/3").published == "2023-06-12"


def test_updated_line() -> None:
    """A short text line saying when the page was last updated."""
    line = "<p>This page was last updated by the park rangers on November 13, 2025.</p>"
    assert extract(_page(after=line), "https://news.example/a/4").published == "2025-11-13"


def test_bare_date_outside_lists() -> None:
    """A text that is only a date (and time), in an element no list holds; the dated
    related link before it is skipped."""
    page = _page(before=RELATED + "<div><em> 01.11.2023 11:35 </em></div>")
    assert extract(page, "https://news.example/a/5").published == "2023-11-01"


def test_bare_date_in_a_wrapper_named_teaser() -> None:
    """A CMS names the single article's header "teaser": no list element holds the date, so
    the class name does not reject it in this last resort."""
    header = '<div class="teaserTyp3 newsSingle"><b>Swimming</b> <span>01.02.2022</span></div>'
    assert extract(_page(before=header), "https://news.example/a/7").published == "2022-02-01"


def test_dateline_opening_a_paragraph() -> None:
    """A press-style dateline: the paragraph opens with the date and a dash."""
    line = "<p>27.1.2022 - Bei der Erinnerung an die Verfolgten wird oft vergessen, wer fehlt.</p>"
    assert extract(_page(after=line), "https://news.example/a/8").published == "2022-01-27"


def test_press_release_dateline_after_its_place() -> None:
    """A wire release's dateline names the place first, then the date and the wire."""
    for opening, day in (("NEW YORK, March 3, 2021 /PRNewswire/ --", "2021-03-03"),
                         ("TAIZHOU, China, Sept. 27, 2021 (GLOBE NEWSWIRE) --", "2021-09-27"),
                         ("Berlin, 27.09.2021 –", "2021-09-27")):
        line = f"<p>{opening} The company signed a supply contract with a dairy group.</p>"
        assert extract(_page(before=line), "https://news.example/a/8").published == day


OWN_DAY = "2021-03-03"


def _with_own_date(after: str) -> str | None:
    """The date of the same page with its own labelled date line above the text: a test
    that another's date is not taken must not pass because no date is read at all."""
    return extract(_page(before="<p>Published: 3 March 2021</p>", after=after),
                   "https://news.example/a/9").published


def test_dated_card_of_another_article() -> None:
    """A card (no list markup) pairing a date with a headline link dates another article."""
    card = ("<section class='cards'><div class='card'><span class='date'>2020-01-05</span>"
            "<a href='/n/7'>Port volumes rise again this year</a></div></section>")
    assert extract(_page(after=card), "https://news.example/a/9").published is None
    assert _with_own_date(after=card) == OWN_DAY  # (the page's own date still counts)


def test_dates_of_upcoming_events_are_theirs() -> None:
    """A sidebar headed 'Upcoming events' holds bare date lines under short links: the
    events' days, not the page's (which shows none)."""
    events = ("<div class='col-events'><h3>Upcoming events</h3><div class='event'><a "
              "href='/e/1'>Hannover Messe</a><p>22-26 April 2024, Hannover</p></div></div>")
    assert extract(_page(before=events), "https://news.example/a/9").published is None
    assert _with_own_date(after=events) == OWN_DAY


def test_labelled_date_of_a_teaser_is_its_own() -> None:
    """'Publié le ...' under another article's headline link in a teaser block dates that
    article; the page's own labelled line, when it has one, still counts."""
    teaser = ("<section class='river'><div class='teaser'><a href='/eco/1.html'><h3>Les "
              "exportations repartent à la hausse</h3></a><span>Publié le 05/01/2020</span>"
              "</div></section>")
    assert extract(_page(after=teaser), "https://news.example/a/9").published is None
    own = "<p>Publié le 03/03/2021</p>"
    assert extract(_page(before=own, after=teaser), "https://news.example/a/9"
                   ).published == "2021-03-03"


def test_an_embedded_posts_date_is_its_own() -> None:
    """An embedded social post (a blockquote) in the text ends with its own date link."""
    post = ("<blockquote class='twitter-tweet'><p>Big day for the district today!</p>&mdash; "
            "District Office (@district) <a href='https://x.example/s/1'>March 3, 2021</a>"
            "</blockquote>")
    assert extract(_page(after=post), "https://news.example/a/9").published is None
    assert _with_own_date(after=post) == OWN_DAY


def test_a_readers_comment_date_is_theirs() -> None:
    """A comment list whose items link nowhere is no header written as a list."""
    thread = ("<h3 id='comments'>One Response</h3><ol class='commentlist'><li><cite>Li Wei"
              "</cite> Says:<br><small>March 5th, 2024 at 9:00 am</small><p>Great news, thanks!"
              "</p></li></ol>")
    assert extract(_page(after=thread), "https://news.example/a/9").published is None
    assert _with_own_date(after=thread) == OWN_DAY


def test_no_date_at_all() -> None:
    """Dates only inside prose and in a related list: still none."""
    page = _page(before=RELATED, after="<p>Work resumes on 18/02/2024, the company said.</p>")
    assert extract(page, "https://news.example/a/6").published is None


def test_a_long_blank_line_is_read_once() -> None:
    """Text with a line of 100,000 blanks (a page padded with white space) is scanned for
    bare date lines in linear time (it took minutes on a 480 KB page)."""
    from monitor.datefallback import _bare_lines

    start = time.process_time()
    assert _bare_lines(" " * 100_000 + "1\n 01.11.2023 11:35 \n", False) == {"01.11.2023 11:35"}
    assert time.process_time() - start < 0.5


def test_a_short_post_whose_title_links_to_itself_keeps_its_date() -> None:
    """WordPress themes link a single post's <h1> to its own permalink: a short <article>
    with that link is the page's post, not a teaser card of another one."""
    page = ("<html><head><title>Tram network grows</title></head><body><article>"
            "<h1 class='entry-title'><a href='https://news.example/a/9' rel='bookmark'>"
            "Council expands the tram network</a></h1>"
            "<div class='entry-meta'><span class='posted-on'>May 5, 2024</span></div>"
            f"<div class='entry-content'>{BODY}</div></article></body></html>")
    assert extract(page, "https://news.example/a/9").published == "2024-05-05"
