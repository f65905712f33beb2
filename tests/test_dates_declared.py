"""Which declared date a page means: URL path vs declared, JSON-LD vs meta tags vs shown."""

from __future__ import annotations

from monitor.dates import declared
from monitor.extract import extract, parse

BODY = ("<p>The city council voted on Tuesday to extend the tram network by eleven kilometres, "
        "adding two lines to the harbour and the hospital, officials said.</p>")


def _page(head: str, header: str = "") -> str:
    return (f"<html><head><title>Council expands tram network</title>{head}</head><body>"
            f"<article><h1>Council expands tram network</h1>{header}{BODY}</article>"
            "</body></html>")


def _ld(published: str) -> str:
    return ('<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "{published}"}}</script>')


def test_url_date_beats_a_declared_date_years_away() -> None:
    """A date path in the URL is the first publication; a declared date two years later is
    a republication (the declared date used to win whenever there was one)."""
    page = _page(_ld("2019-06-17T18:28:00+02:00"))
    assert extract(page, "https://blog.example/home/2017/7/12/montauk").published == "2017-07-12"


def test_declared_date_a_day_from_the_url_stays() -> None:
    """A declared date one day from the URL's is the same publication in another time zone:
    the declared date and its offset still decide."""
    page = _page(_ld("2022-05-07T13:43:46-05:00"))
    assert extract(page, "https://news.example/2022/05/06/ronaldo").published == "2022-05-07"


def test_shown_date_beats_json_ld_no_meta_tag_backs() -> None:
    """Only JSON-LD declares a publication date, and the page shows another beside the
    headline: the page means the date it shows (its update)."""
    page = _page(_ld("2021-08-12T19:35:44+00:00"),
                 '<div class="post-meta">Updated February 22, 2025</div>')
    assert extract(page, "https://news.example/a/1").published == "2025-02-22"


def test_meta_date_agreeing_with_the_shown_date_beats_json_ld() -> None:
    """JSON-LD and the meta tags disagree; the meta tag names the day the page shows."""
    head = _ld("2023-11-03T10:25:56+01:00") + (
        '<meta property="article:published_time" content="2023-11-06T14:25:00+01:00">')
    page = _page(head, '<div class="post-meta">06.11.2023, 14:25</div>')
    assert extract(page, "https://news.example/a/2").published == "2023-11-06"


def test_json_ld_backed_by_meta_tags_beats_the_shown_date() -> None:
    """When the meta tags declare JSON-LD's date too, a different shown date is an update."""
    head = _ld("2023-11-03T10:25:56+01:00") + (
        '<meta property="article:published_time" content="2023-11-03T10:25:56+01:00">')
    page = _page(head, '<div class="post-meta">Updated 06.11.2023</div>')
    assert extract(page, "https://news.example/a/3").published == "2023-11-03"


def test_an_explicit_date_published_is_not_taken_for_an_update() -> None:
    """hAtom themes class the publication <time> "updated" too; itemprop=datePublished
    says what it is, and a later "last updated" day elsewhere does not win."""
    page = ("<html><head><title>Tram network grows</title></head><body><article>"
            "<h1>Tram network grows</h1><p class='meta'>"
            "<time itemprop='datePublished' class='entry-date updated' "
            "datetime='2024-03-02T09:00:00+01:00'>2 March 2024</time></p>"
            "<p>The city council voted on Tuesday to extend the tram network by eleven "
            "kilometres, adding two lines to the harbour and the hospital.</p>"
            "<p class='revised'>Last updated: <time datetime='2024-03-09T10:00:00+01:00'>"
            "9 March 2024</time></p></article></body></html>")
    assert declared(parse(page), {}, {}).raw == "2024-03-02T09:00:00+01:00"
    assert extract(page, "https://news.example/a/77").published == "2024-03-02"


def test_a_header_away_from_the_headline_settles_json_ld_against_the_meta_tags() -> None:
    """JSON-LD says 2021-12-06 (the first version), the meta tags 2022-12-15, and the page's
    info line, laid out far from the <h1>, shows 15.12.2022: the page means the meta tags'
    day. Without a shown date JSON-LD stands, and a shown date that backs neither is no
    tie-break."""
    head = _ld("2021-12-06 14:36") + '<meta property="article:published_time" ' \
        'content="2022-12-15T09:13:00">'
    info = ('<div class="lead"><div class="box"><div class="row"><div class="info">'
            '<div class="article__info-item">SHOWN</div></div></div></div></div>')
    page = (f"<html><head><title>Council expands tram network</title>{head}</head><body>"
            "<div class='top'><div class='a'><div class='b'><h1>Council expands tram network"
            f"</h1></div></div></div>{info}<div>{BODY}{BODY}</div></body></html>")
    url = "https://news.example/a/9"
    assert extract(page.replace("SHOWN", "15.12.2022"), url).published == "2022-12-15"
    assert extract(page.replace("SHOWN", ""), url).published == "2021-12-06"
    assert extract(page.replace("SHOWN", "03.01.2022"), url).published == "2021-12-06"


def test_a_declared_numeric_date_is_read_as_the_page_shows_it() -> None:
    """'03-09-2026' in the meta tags of a page that shows 'Published March 9, 2026' is March
    9, not 3 September; without a shown date, or with one that is neither reading, the
    declared date keeps the day-first reading."""
    head = '<meta property="article:published_time" content="03-09-2026">'
    url = "https://news.example/a/10"
    for shown, day in (("Published March 9, 2026", "2026-03-09"), ("", "2026-09-03"),
                       ("Published May 2, 2026", "2026-09-03")):
        page = _page(head, f'<div class="byline">{shown}</div>')
        assert extract(page, url).published == day


def test_date_elements_are_read_beside_a_declared_date_only_for_a_utc_offset() -> None:
    """A declared date with its own offset needs no other timestamp: the page-wide query for
    date elements is left out, and their stamps with it. A UTC one reads them for the
    publisher's offset: 23:30Z is the next day at +09:00, as the page's <time> says."""
    time = '<p><time datetime="2024-03-03T08:30:00+09:00">3 March 2024</time></p>'
    local = declared(parse(_page(_ld("2024-03-02T09:00:00+01:00"), time)),
                     {"datePublished": "2024-03-02T09:00:00+01:00"}, {})
    assert local.stamps == ["2024-03-02T09:00:00+01:00"]
    utc = declared(parse(_page("", time)), {"datePublished": "2024-03-02T23:30:00Z"}, {})
    assert utc.stamps == ["2024-03-02T23:30:00Z", "2024-03-03T08:30:00+09:00"]
    page = _page(_ld("2024-03-02T23:30:00Z"), time)
    assert extract(page, "https://news.example/story").published == "2024-03-03"
