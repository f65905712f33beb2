"""The sample articles in the shapes of press offices, wires and pages that hide their date.

A US and a UK government press release (an ambiguous numeric date that the page's locale
settles), a newswire release and a company investor-relations reprint whose text opens
with the dateline ('TAIZHOU, China, March 3, 2021 /PRNewswire/ --'; on the reprint the
only date), a state news agency's story opened by 'TAIZHOU, March 3 (Xinhua) --', a
regional paper whose <title> and og:title carry a section and the site's name and whose
date is only in the URL path, a broadcaster's article beside a ticker of timed headlines
with the date only in the byline's <time datetime>, a magazine whose 'More stories' block
is longer than the article, a trade journal with a sidebar of dated events before the
text, and an infinite-scroll page that renders the next (longer) story below. Title,
date and body must come out exactly as expected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from monitor.extract import extract
from monitor.textnorm import normalize_text

from .test_extract_remarkup import SITE, _day, _paras, cases, lines_of
from .test_extract_remarkup_cms import FOOTER

CITY = "TAIZHOU, China"
TEASERS = (("Port volumes rise for the third month in a row", "Container traffic grew by a "
            "tenth compared with the same month last year, the port authority said.", 5),
           ("New ferry line to the islands opens in spring", "The operator expects forty "
            "thousand passengers in the first season and plans a second boat.", 4),
           ("Trade fair moves to a larger hall next year", "Organisers said the number of "
            "exhibitors has doubled since the fair first opened its doors.", 3),
           ("City library extends its opening hours", "From next month the central library "
            "will open until ten in the evening on weekdays and Saturdays.", 2))


def _ordinal(day: date) -> str:
    suffix = "th" if 10 <= day.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        day.day % 10, "th")
    return f"{day.day}{suffix} {day:%B} {day.year}"


def us_gov_release(article: dict[str, Any]) -> str:
    """A US federal agency's press release: 'Release Date: 03/04/2021' month first (the page
    says en-US), a release number, a media contact box, 'Recent releases' with numeric dates
    and 'Page last reviewed' in the footer."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<p class='release-date'>Release Date: {day:%m/%d/%Y}</p>" if day else ""
    recent = "".join(f"<li><a href='/news/{n}'>{t}</a><br><span>0{n}/0{n}/2024</span></li>"
                     for t, _, n in TEASERS[:3])
    return (f"<!DOCTYPE html><html lang='en-US'><head><title>{title} | {SITE}</title></head>"
            f"<body><div class='usa-banner'>An official website of the United States "
            f"government. Here's how you know</div><header class='usa-header'><a href='/'>"
            f"{SITE}</a><nav class='usa-nav'><a href='/newsroom'>Newsroom</a><a href="
            f"'/about'>About</a></nav></header><main id='main-content'><ol class='usa-"
            f"breadcrumb__list'><li><a href='/'>Home</a></li><li><a href='/newsroom'>Newsroom"
            f"</a></li><li>Press Releases</li></ol><div class='grid-row'><div class='grid-col-"
            f"8'><p class='eyebrow'>For Immediate Release</p><h1>{title}</h1>{when}<p class="
            f"'release-no'>Release No. 0045.21</p><div class='field--name-body'>"
            f"{_paras(article)}</div><div class='media-contact'><h2>Media Contact</h2><p>"
            f"Press Office, (202) 555-0100, press@example.gov</p></div></div><div "
            f"class='grid-col-4'><h2>Recent releases</h2><ul>{recent}</ul></div></div></main>"
            f"<footer class='usa-footer'><p>Page last reviewed: 04/02/2024</p><a href='/foia'>"
            f"FOIA</a> <a href='/privacy'>Privacy Policy</a></footer></body></html>")


def uk_council(article: dict[str, Any]) -> str:
    """A UK council's news page: 'Published: 03/04/2021' day first (en-GB), a cookie
    banner, a 'Was this page useful?' form, 'Related news' with numeric dates and a footer
    with the council's address."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<p class='news-date'>Published: {day:%d/%m/%Y}</p>" if day else ""
    related = "".join(f"<li><a href='/news/{n}'>{t}</a> <span>0{n}/0{n}/2024</span></li>"
                      for t, _, n in TEASERS[:2])
    return (f"<!DOCTYPE html><html lang='en-GB'><head><title>{title} - {SITE}</title></head>"
            f"<body><div class='cookie-banner'><p>We use some essential cookies to make this "
            f"website work.</p><a href='#'>Accept additional cookies</a> <a href='#'>Reject "
            f"additional cookies</a></div><header><a href='/'>{SITE}</a><form role='search'>"
            f"Search this site</form></header><nav class='breadcrumb'><a href='/'>Home</a> &gt;"
            f" <a href='/news'>News</a></nav><main><h1>{title}</h1>{when}<div class='editor'>"
            f"{_paras(article)}</div><div class='feedback'><h2>Was this page useful?</h2><a "
            f"href='#'>Yes</a> <a href='#'>No</a></div><div class='related-news'><h2>Related "
            f"news</h2><ul>{related}</ul></div></main><footer><p>{SITE}, Town Hall, High Street"
            f"</p><p>Telephone 01234 567890</p></footer></body></html>")


def _dated_first(article: dict[str, Any], day: date | None, wire: str) -> tuple[str, str]:
    """The release's paragraphs, the first opened by a wire dateline; and the body text the
    page must yield (the dateline is the release's own first words)."""
    lines = lines_of(article)
    if day is not None:
        lines[0] = f"{CITY}, {day:%B} {day.day}, {day.year} {wire} -- {lines[0]}"
    return "".join(f"<p>{x}</p>" for x in lines), "\n".join(html.unescape(x) for x in lines)


def newswire(article: dict[str, Any]) -> tuple[str, str]:
    """A newswire release (PR Newswire-like): 'News provided by', the date and time in US
    Eastern above the text, the dateline opening the first paragraph, share buttons, 'Also
    from this source' with dated releases and the wire's own footer."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<p class='mb-no'>{day:%b %d, %Y}, 10:15 ET</p>" if day else ""
    text, body = _dated_first(article, day, "/PRNewswire/")
    also = "".join(f"<div class='row'><small>Jan 0{n}, 2024, 09:00 ET</small><h3><a "
                   f"href='/news/{n}'>{t}</a></h3></div>" for t, _, n in TEASERS[:2])
    page = (f"<!DOCTYPE html><html lang='en-US'><head><title>{title}</title><meta "
            f"property='og:title' content='{title}'></head><body><header class='pr-header'>"
            f"<a href='/'>PR Wire</a><nav><a href='/news-releases/'>News</a><a href='/"
            f"contact-us/'>Contact</a></nav></header><main><section class='release-header'>"
            f"<div class='container'><h1>{title}</h1><div class='row'><div class='col-"
            f"sm-8'><p class='mb-no'>News provided by</p><a class='company' href='/news/"
            f"example/'><strong>{SITE}</strong></a>{when}</div><div class='col-sm-4'><ul "
            f"class='social-share'><li><a href='#'>Share this article</a></li></ul></div></div>"
            f"</div></section><section class='release-body container'><div class='row'><div "
            f"class='col-lg-10'>{text}</div></div></section><section class='release-more'><h2>"
            f"Also from this source</h2>{also}</section></main><footer><p>© 2024 PR Wire. All "
            f"Rights Reserved.</p></footer></body></html>")
    return page, body


def ir_reprint(article: dict[str, Any]) -> tuple[str, str]:
    """A company's investor-relations reprint of a wire release: the date only in the
    dateline opening the text, a stock quote with its own date and time, 'Recent news'
    with month-first dates and a 'Email alerts' sign-up."""
    title = html.escape(article["title"])
    text, body = _dated_first(article, _day(article), "(GLOBE NEWSWIRE)")
    recent = "".join(f"<li><span class='date'>0{n}/1{n}/2024</span><a href='/news/{n}'>{t}"
                     f"</a></li>" for t, _, n in TEASERS[:3])
    page = (f"<!DOCTYPE html><html lang='en'><head><title>{title} :: {SITE} (EXN)</title>"
            f"</head><body><header><a href='/'>{SITE}</a><nav><a href='/investors'>Investors"
            f"</a><a href='/investors/news'>News &amp; Events</a><a href='/investors/"
            f"financials'>Financials</a></nav></header><div class='stock-quote'>NASDAQ: EXN "
            f"$12.34 +0.12 (0.98%) Data as of 04/30/2024 4:00 PM ET · Minimum 15 minutes "
            f"delayed</div><div class='module-details'><h2 class='module_headline'>{title}"
            f"</h2><div class='module_body'>{text}</div><div class='module_links'><a href='/"
            f"investors/news'>Back to news</a> <a href='#'>Download PDF</a></div></div>"
            f"<div class='module-news-side'><h3>Recent news</h3><ul>{recent}</ul></div>"
            f"<div class='module-email-alerts'><h3>Email alerts</h3><p>Sign up to receive "
            f"email alerts for news releases and SEC filings.</p></div>{FOOTER}</body></html>")
    return page, body


def state_agency(article: dict[str, Any]) -> tuple[str, str]:
    """A state news agency (Xinhua-like): 'Source: Xinhua | 2021-03-03 10:15:23' and the
    editor beside it, the text opened by 'TAIZHOU, March 3 (Xinhua) --' (no year), photo
    captions with the agency's credit, and 'Editor: Li Wei' under the text."""
    title, day = html.escape(article["title"]), _day(article)
    lines = lines_of(article)
    if day is not None:
        lines[0] = f"TAIZHOU, {day:%B} {day.day} (Xinhua) -- {lines[0]}"
    when = f"<span class='time'>Source: Xinhua | {day} 10:15:23</span>" if day else ""
    text = "".join(f"<p>{x}</p>" for x in lines)
    page = (f"<html><head><title>{title}-Xinhua</title></head><body><div class='header'><a "
            f"href='/'>Xinhua</a><a href='/china'>China</a><a href='/world'>World</a></div>"
            f"<div class='main'><h1>{title}</h1><div class='info'>{when}<span> | Editor: Li Wei"
            f"</span></div><div id='detail'><p><img src='/p/1.jpg'></p><p class='caption'>"
            f"Guests visit the new production line. (Xinhua/Wang Lei)</p>{text}</div><p "
            f"class='editor'>[Editor: Li Wei]</p></div><div class='footer'>Copyright © 2000 - "
            f"2024 XINHUANET.com All Rights Reserved.</div></body></html>")
    return page, "\n".join(html.unescape(x) for x in lines)


def dated_url(article: dict[str, Any]) -> tuple[str, str]:
    """A regional paper whose <title> is 'Section | Headline | Site', og:title 'Headline |
    Site', twitter:title the bare headline, and whose date is shown nowhere but the URL path
    (/2021/09/27/): the returned URL is the page's."""
    title, day = html.escape(article["title"]), _day(article)
    host = "/".join(article["url"].split("/")[:3])
    slug = article["url"].rsplit("/", 1)[1].split(".")[0]
    url = f"{host}/business/{day:%Y/%m/%d}/{slug}/" if day else f"{host}/business/{slug}/"
    most = "".join(f"<li><a href='/business/2024/0{n}/1{n}/story-{n}/'>{t}</a></li>"
                   for t, _, n in TEASERS[:3])
    page = (f"<!DOCTYPE html><html lang='en'><head><title>Business | {title} | {SITE}</title>"
            f"<meta property='og:title' content='{title} | {SITE}'><meta name='twitter:title'"
            f" content='{title}'><link rel='canonical' href='{url}'></head><body>"
            f"<header class='site-header'><a href='/'>{SITE}</a><nav><a href='/news/'>News</a>"
            f"<a href='/business/'>Business</a><a href='/sport/'>Sport</a></nav></header>"
            f"<main><div class='article-container'><a class='section-label' href='/business/'>"
            f"Business</a><h1 class='article-headline'>{title}</h1><div class='article-"
            f"author'>By Staff Reporter</div><figure><img src='/i/1.jpg' alt=''><figcaption>"
            f"The district's new industrial park. Picture: Supplied</figcaption></figure>"
            f"<div class='article-content'>{_paras(article)}</div></div><div class='most-"
            f"viewed'><h2>Most viewed</h2><ol>{most}</ol></div></main>{FOOTER}</body></html>")
    return page, url


def ticker_byline(article: dict[str, Any]) -> str:
    """A broadcaster's article: a 'Latest' ticker of timed headlines first in the page, the
    date only in the byline's <time datetime> (shown as a relative '3 hours ago')."""
    title, day = html.escape(article["title"]), _day(article)
    when = f" · <time datetime='{day}T10:15:00+08:00'>3 hours ago</time>" if day else ""
    ticker = "".join(f"<li><time datetime='2024-05-30T0{n}:1{n}:00+08:00'>0{n}:1{n}</time> "
                     f"<a href='/news/{n}'>{t}</a></li>" for t, _, n in TEASERS)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} - {SITE}</title></head>"
            f"<body><header><a class='brand' href='/'>{SITE}</a><nav><a href='/live/'>Watch "
            f"live</a><a href='/news/'>News</a><a href='/weather/'>Weather</a></nav></header>"
            f"<div class='layout'><div class='ticker'><h2>Latest</h2><ul>{ticker}</ul></div>"
            f"<main><article><h1>{title}</h1><p class='byline'><a rel='author' href='/people/"
            f"staff'>Staff Reporter</a>{when}</p><div class='share-tools'><a href='#'>Share"
            f"</a></div>{_paras(article)}</article></main></div><footer><p>© {SITE} "
            f"Broadcasting Corporation</p></footer></body></html>")


def long_related(article: dict[str, Any]) -> str:
    """A magazine: 'By Staff Writer | 18th January 2023' and a 'More stories' block of
    twelve teasers with excerpts and dates, longer than the article itself."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<span> | {_ordinal(day)}</span>" if day else ""
    cards = "".join(f"<div class='story-block'><a href='/n/{k}{n}'><h3>{t}</h3></a><p>{x}</p>"
                    f"<span class='story-date'>{n}th January 2024</span></div>"
                    for k in range(3) for t, x, n in TEASERS)
    return (f"<!DOCTYPE html><html lang='en-GB'><head><title>{title} | {SITE} Magazine"
            f"</title></head><body><header><a href='/'>{SITE} Magazine</a><nav><a "
            f"href='/features'>Features</a><a href='/subscribe'>Subscribe</a></nav></header>"
            f"<div class='content-wrap'><h1 class='story-title'>{title}</h1><div class='story-"
            f"byline'><span>By Staff Writer</span>{when}</div><div class='story-text'>"
            f"{_paras(article)}</div><div class='more-stories-grid'><h2>More stories</h2>"
            f"{cards}</div></div><div class='newsletter-signup'><h2>Get the magazine in your "
            f"inbox</h2><p>Sign up for our weekly newsletter.</p></div>{FOOTER}</body></html>")


def trade_journal(article: dict[str, Any]) -> str:
    """A trade journal: a left column of dated upcoming events and a webinar before the
    article, 'Posted by Staff Writer in Manufacturing on January 18, 2023', a sponsored
    box after the text."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<p class='article-details'>Posted by <a href='/author/staff'>Staff Writer</a> "
            f"in <a href='/manufacturing'>Manufacturing</a> on {day:%B} {day.day}, {day.year}"
            f"</p>") if day else ""
    events = ("<div class='col-events'><h3>Upcoming events</h3><div class='event'><a "
              "href='/e/1'>Hannover Messe</a><p>22-26 April 2024, Hannover</p></div><div "
              "class='event'><a href='/e/2'>Smart Factory Expo</a><p>June 5, 2024, Shanghai"
              "</p></div><div class='event'><a href='/e/3'>Webinar: digital twins on the shop "
              "floor</a><p>05/06/2024 at 3pm</p></div></div>")
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} - {SITE} Industry Journal"
            f"</title></head><body><div class='top-bar'><a href='/login'>Log in</a> <a "
            f"href='/register'>Register</a></div><header><a href='/'>{SITE} Industry Journal"
            f"</a><ul class='main-menu'><li><a href='/automation'>Automation</a></li><li><a "
            f"href='/manufacturing'>Manufacturing</a></li><li><a href='/events'>Events</a>"
            f"</li></ul></header><div class='row'>{events}<div class='col-main'><h1 "
            f"class='article-title'>{title}</h1>{when}<div class='article-body'>"
            f"{_paras(article)}</div><div class='sponsored'><h4>Sponsored content</h4><a "
            f"href='/s/1'>How leading plants cut downtime by a third with predictive "
            f"maintenance</a></div></div></div>{FOOTER}</body></html>")


def infinite_scroll(article: dict[str, Any]) -> str:
    """A news site that renders the next story below the requested one (infinite scroll):
    two <article>s each with its <h1>, <time datetime> and text, the next one longer."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<time datetime='{day}T10:15:00+08:00'>{day:%B} {day.day}, {day.year}</time>"
            if day else "")
    story = ("<article class='story'><header><h1 class='story-title'>{0}</h1><div class="
             "'story-byline'>By Staff Reporter {1}</div></header><div class='story-text'>{2}"
             "</div><div class='story-share'><a href='#'>Share</a></div></article>")
    nxt = "".join(f"<p>{x}</p>" for _, x, _ in TEASERS) * 2
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} | {SITE}</title><link "
            f"rel='canonical' href='{article['url']}'></head><body><header><a href='/'>{SITE}"
            f"</a><nav><a href='/news'>News</a><a href='/business'>Business</a></nav></header>"
            f"<main class='infinite-feed'>{story.format(title, when, _paras(article))}"
            f"<div class='up-next'>Up next</div>" + story.format(
                html.escape(TEASERS[0][0]), "<time datetime='2024-05-30T09:00:00+08:00'>May "
                "30, 2024</time>", nxt) + f"</main>{FOOTER}</body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "us_gov_release": us_gov_release, "uk_council": uk_council,
    "ticker_byline": ticker_byline, "long_related": long_related,
    "trade_journal": trade_journal, "infinite_scroll": infinite_scroll,
}
# templates whose page yields a body or URL of its own (a dateline, a date in the URL)
RELEASES: dict[str, Callable[[dict[str, Any]], tuple[str, str]]] = {
    "newswire": newswire, "ir_reprint": ir_reprint, "state_agency": state_agency,
}



@pytest.mark.parametrize(("template", "article"), cases(RELEASES))
def test_world_dateline(template: Callable[[dict[str, Any]], tuple[str, str]],
                        article: dict[str, Any]) -> None:
    page, body = template(article)
    got = extract(page, article["url"])
    assert (got.title, got.published) == (article["title"], article["published"])
    assert normalize_text(got.body) == normalize_text(body)


@pytest.mark.parametrize(("template", "article"), cases({"dated_url": dated_url}))
def test_world_dated_url(template: Callable[[dict[str, Any]], tuple[str, str]],
                         article: dict[str, Any]) -> None:
    page, url = template(article)
    got = extract(page, url)
    assert (got.title, got.published) == (article["title"], article["published"])
    assert normalize_text(got.body) == normalize_text(article["body"])
