"""Date parsing and the publisher's day, as plain functions (monitor.dates)."""

from __future__ import annotations

import pytest

from monitor.datemarks import line_date
from monitor.dates import month_first, parse_date, publisher_day, url_date
from monitor.extract import extract, parse
from monitor.titles import headline_node


@pytest.mark.parametrize(
    ("text", "first_month", "day"),
    [
        ("Published: 2021-09-27 10:05", False, "2021-09-27"),
        ("27/09/2021", False, "2021-09-27"),
        ("27/09/2021", True, "2021-09-27"),  # 27 cannot be a month, whatever the page says
        ("09/10/2021", False, "2021-10-09"),
        ("09/10/2021", True, "2021-09-10"),
        ("3 de mayo de 2022", False, "2022-05-03"),
        ("26. Januar 2022", False, "2022-01-26"),
        ("Samstag, 9. September 2017", False, "2017-09-09"),
        ("le 5 août 2020", False, "2020-08-05"),
        ("Sept. 27, 2021", False, "2021-09-27"),
        ("27-Sep-2021 10:05", False, "2021-09-27"),
        ("Monday 27th September 2021", False, "2021-09-27"),
        ("September 27th, 2021", False, "2021-09-27"),
        ("2021年9月27日", False, "2021-09-27"),
        ("Madrid - 19 abr 2024 - 10:15 CET", False, "2024-04-19"),  # papers' short months
        ("3 janv. 2021", False, "2021-01-03"),
        ("5 ott 2022", False, "2022-10-05"),
        ("3 марта 2021, 10:15", False, "2021-03-03"),  # Russian and Polish genitives
        ("3 października 2021", False, "2021-10-03"),
        ("입력 2021년 3월 3일 10:15", False, "2021-03-03"),  # Korean year/month marks
        ("3rd of March 2021", False, "2021-03-03"),
        ("الأربعاء، 03 مارس 2021", False, "2021-03-03"),  # Arabic month names
        ("٣ مارس ٢٠٢١", False, "2021-03-03"),  # Arabic-Indic digits
        ("۱۴۰۰/۱۲/۱۲", False, None),  # a Persian solar year is out of range
        ("Chapter 3, 2020 edition", False, None),
        ("23.09.22", False, "2022-09-23"),
        ("version 1.2.22.4", False, None),
        ("", False, None),
    ],
)
def test_parse_date(text: str, first_month: bool, day: str | None) -> None:
    assert parse_date(text, first_month) == day


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/2021/09/27/tram.html", "2021-09-27"),
        ("https://news.example/world/2021-09-27-tram", "2021-09-27"),
        ("https://news.example/a/20210927/tram", "2021-09-27"),
        ("https://blog.example/home/2017/7/12/montauk", "2017-07-12"),  # unpadded segments
        ("https://news.example/a/2017-7-12-montauk", None),  # ... but not inside a slug
        ("https://news.example/meldungen/29-10-2021", "2021-10-29"),  # day-first, beyond doubt
        ("https://news.example/notes/10-29-2021/", "2021-10-29"),  # month-first, likewise
        ("https://news.example/notes/04-05-2021", None),  # either order: not read
        ("https://news.example/2021/09/tram.html", None),  # a month is not a day
        ("https://news.example/a/1?d=2021/09/27", None),  # not in the path
        ("https://news.example/2021/13/40/x", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, day: str | None) -> None:
    assert url_date(url) == day


def test_month_first_evidence_beats_locale() -> None:
    assert month_first("updated 12/24/2021", None)
    assert not month_first("updated 24/12/2021", "en-US")
    assert month_first("posted 09/10/2021", "en-US")
    assert not month_first("posted 09/10/2021", "en-GB")


def test_a_us_time_zone_after_a_date_says_month_first_without_a_region() -> None:
    """A bare 'en' page writing '03/04/2021 10:15 AM EST' is American; AM/PM alone is not
    (Australia writes day-first dates with it), and a region in the locale still decides."""
    assert month_first("Published: 03/04/2021 10:15 AM EST", "en")
    assert month_first("Updated 3/4/2021, 9:30 a.m. ET", None)
    assert not month_first("Published: 03/04/2021 10:15 AM", "en")
    assert not month_first("Published: 03/04/2021 10:15 AM EST", "en-GB")


@pytest.mark.parametrize(
    ("raw", "stamps", "shown", "lang", "day"),
    [
        # an explicit offset elsewhere on the page decides
        ("2021-09-27T02:05:00Z", ["2021-09-26T22:40:00-04:00"], [], None, "2021-09-26"),
        # the page's own date, one day off the UTC day, decides
        ("2021-09-26T18:05:00Z", [], [None, "2021-09-27"], None, "2021-09-27"),
        # the RSS/HTTP form in GMT, with the locale as the last resort (Argentina, UTC-3)
        ("Wed, 04 May 2022 00:25:56 GMT", [], [], "es-AR", "2022-05-03"),
        # Central Europe in summer (UTC+2)
        ("2021-06-04T23:00:00Z", [], [], "de", "2021-06-05"),
        # nothing local known: the UTC day
        ("2021-09-27T02:05:00Z", [], [], "en", "2021-09-27"),
        # the URL agrees with the UTC day: a visible "updated" date the next day is no shift
        ("2013-11-27T08:36:32Z", [], ["2013-11-27", "2013-11-28"], None, "2013-11-27"),
        # a date two days away is another date, not a time-zone shift
        ("2021-09-27T02:05:00Z", [], ["2021-09-29"], None, "2021-09-27"),
        # 14:14Z is the 19th in every time zone from UTC-12 to UTC+9: a declared plain date
        # the day before is another date (a creation), not the publisher's day
        ("2019-10-19T14:14:55Z", ["2019-10-18"], [], None, "2019-10-19"),
        # ... while at 02:14Z the day before is still the evening in the Americas
        ("2019-10-19T02:14:55Z", ["2019-10-18"], [], None, "2019-10-18"),
        # the shown day is the day of a later declared update, not the publisher's day
        ("2025-12-02T23:00:55Z", ["2025-12-03T21:31:05Z"], [None, "2025-12-03"], "en",
         "2025-12-02"),
        # not a UTC timestamp: as written
        ("2021-09-27T23:30:00+02:00", [], [], "es-AR", "2021-09-27"),
        # a "Z" on the publisher's own clock: another stamp reads the same date and time
        # with its offset (Tokyo), so the written day is theirs, not the day +9 hours gives
        ("2019-04-19T20:00:00.000Z", ["2019-04-19T20:00:00+09:00"], [], "ja", "2019-04-19"),
        # ... while an offset stamp at another time still moves the UTC stamp
        ("2019-04-19T20:00:00.000Z", ["2019-04-19T13:00:00+09:00"], [], "ja", "2019-04-20"),
        # only the stamp that gives the offset (the page's first) says whose clock the "Z"
        # is on: a teaser's <time> further down that shares the clock by chance does not
        # (the headline's 00:30+02:00 is the same moment as 22:30Z: the next day in Berlin)
        ("2024-05-01T22:30:00Z", ["2024-05-02T00:30:00+02:00", "2024-05-01T22:30:00+02:00"],
         [], "de", "2024-05-02"),
        ("2024-05-02T03:00:00Z", ["2024-05-02T05:15:00-04:00", "2024-05-02T03:00:00-04:00"],
         [], "en", "2024-05-01"),
    ],
)
def test_publisher_day(raw: str, stamps: list[str], shown: list[str | None], lang: str | None,
                       day: str) -> None:
    assert publisher_day(raw, stamps, shown, lang) == day


def test_cdata_wrapped_json_ld_date() -> None:
    page = ("<html><head><title>Matrix</title><script type='application/ld+json'><![CDATA["
            '{"@type": "Article", "datePublished": "2003-02-28T21:51:08Z"}]]></script></head>'
            "<body><p>A Hermitian matrix is a complex square matrix that is equal to its own "
            "conjugate transpose, which means its entries are mirrored.</p></body></html>")
    assert extract(page).published == "2003-02-28"


def test_meta_date_written_as_value() -> None:
    """A date meta whose content is written as ``value`` (pages saved by a reader tool) is
    read; a title meta written so is not (the <h1> stays the title)."""
    page = ("<html><head><title>Fed lifts rates</title>"
            '<meta value="2016-12-14T16:02:15+01:00" name="og:article:published_time">'
            '<meta value="Rates: the Fed moves" name="og:title"></head><body>'
            "<h1>Fed lifts rates</h1><p>The Federal Reserve raised interest rates on "
            "Wednesday for the second time in a decade, citing a stronger labour market and "
            "rising inflation expectations among households.</p></body></html>")
    art = extract(page)
    assert (art.published, art.title) == ("2016-12-14", "Fed lifts rates")


def test_a_lower_heading_the_title_names_is_the_headline_without_h1() -> None:
    """A press portal titles its releases with an <h4> under a bare date line: with no h1,
    a lower heading the <title> names is the headline whose neighbours the date scan
    reads (a dev page had its only date there, beside links to similar releases)."""
    page = ("<html><head><title>Council expands tram network</title></head><body>"
            "<div class='release'><div><a href='/news'>Back</a></div><div><a href='/similar'>"
            "Similar press releases</a></div><p><em>01.11.2023 11:35</em></p>"
            "<h4>Council expands tram network</h4><h5>Press office</h5>"
            "<p>The city council voted on Tuesday to extend the tram network by eleven "
            "kilometres, adding two lines to the harbour and the hospital.</p></div>"
            "<div class='more'><h4>Other releases</h4></div></body></html>")
    text, node = headline_node(parse(page), "Council expands tram network")
    assert node is not None and node.tag == "h4" and text == "Council expands tram network"
    assert extract(page, "https://press.example/news/823175").published == "2023-11-01"


def test_a_site_name_h1_in_the_navigation_is_no_headline() -> None:
    """A magazine sets its name as an h1 in each navigation bar (absolute home link or
    none), ahead of the article's own h1: the <title>'s last segment is that name, so the
    first h1 ended the <title> and became the article's title."""
    nav = "<nav class='site-nav'><span><h1>City Weekly</h1></span></nav>"
    # the <title> quotes a word the h1 does not: it names no heading
    page = ("<html><head><title>‘Tram’ network grows | City Weekly</title></head><body>"
            f"{nav}{nav}<div class='article-title'><h1>Tram network grows</h1></div>"
            "<p>The city council voted on Tuesday to extend the tram network by eleven "
            "kilometres, adding two lines to the harbour and the hospital.</p></body></html>")
    assert extract(page, "https://weekly.example/article/1").title == "‘Tram’ network grows"


def test_a_footer_heading_with_the_site_name_is_no_headline() -> None:
    """On a page with no h1, a heading that ends the <title> is "Site: Headline"'s headline
    only beside a site-name heading or when it is the longer part: the footer's site name
    ends "Headline - Site" just the same."""
    page = ("<html><head><title>Council expands tram network - City Daily News</title></head>"
            "<body><div class='story'><h3>Council expands tram network</h3><p>The city council "
            "voted on Tuesday to extend the tram network by eleven kilometres.</p></div>"
            "<footer><h2>City Daily News</h2></footer></body></html>")
    assert extract(page, "https://news.example/a/5").title == "Council expands tram network"


def test_a_byline_glued_to_its_date_line_keeps_the_dates_day() -> None:
    """Minified markup puts a byline and the date line after it with no space between, so
    the headline's info block reads 'di Marco Rossi27 settembre 2021 (modifica il ...)':
    the first date is still the 27th, not the modification named later."""
    page = ("<html lang='it'><head><title>Il porto cresce</title></head><body><div><h1>Il porto "
            "cresce</h1><div class='info-art'><p>di Marco Rossi</p><p>27 settembre 2021 "
            "(modifica il 6 novembre 2021 | 10:15)</p></div><p>The port authority said that "
            "container traffic grew by a tenth compared with the same month last year.</p>"
            "</div></body></html>")
    assert extract(page).published == "2021-09-27"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Updated: 12 April 2021 · Published: 3 March 2021", "2021-03-03"),
        ("Last updated 12/04/2021 | First published 03/03/2021", "2021-03-03"),
        ("Mis à jour le 12/04/2021 à 08h00 - Publié le 03/03/2021 à 10h15", "2021-03-03"),
        ("Aktualisiert am 12.04.2021 - Erstellt am 03.03.2021", "2021-03-03"),
        ("Actualizada 12/04/2021 08:00h · Publicada 03/03/2021 10:15h", "2021-03-03"),
        ("Published 3 March 2021 · Updated 12 April 2021", "2021-03-03"),
        ("3 March 2021 (updated 12 April 2021, published in print)", "2021-03-03"),
        ("Updated 12 April 2021 | 3 March 2021", "2021-03-03"),  # the other date unlabelled
        ("Updated 12 April 2021, 10:15 (3 days ago)", "2021-04-12"),
        ("Updated 12 April 2021", "2021-04-12"),  # no publication shown: the one date
    ],
)
def test_a_date_line_opening_with_its_update(line: str, day: str) -> None:
    """A date line that shows the update before the publication yields the publication."""
    assert line_date(line, False) == day


def test_the_headlines_date_line_showing_the_update_first() -> None:
    page = ("<html><head><title>Harbour works start</title></head><body><article><h1>Harbour "
            "works start</h1><div class='meta'><span>Modified Apr 12, 2021</span><span>"
            "Published Mar 3, 2021</span></div><p>The port authority said that the works on "
            "the new quay will start next month and last for two years.</p></article>"
            "</body></html>")
    assert extract(page).published == "2021-03-03"
