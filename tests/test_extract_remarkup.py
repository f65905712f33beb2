"""The sample articles rewritten in other page templates: extraction must not depend on markup.

Each bundled sample article (monitor/demo_data/sites/*/expected.json) is rendered into eight
common layouts (a JSON-LD page with a UTC timestamp, a blog theme with a sidebar and
comments, a table layout with a day-first date, a US page with month-first dates, cards
around a logo heading, span paragraphs, a dated list first, a date line inside the body),
and its title, date and body must come out exactly as expected (tests/test_extract_remarkups.py
runs every module's TEMPLATES; the helpers they share are here).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from monitor.extract import extract
from monitor.textnorm import normalize_text

SITES = Path(__file__).resolve().parents[1] / "monitor" / "demo_data" / "sites"
SITE = "Example News"
SIDEBAR = ("<aside class='widget'><h3>Recent posts</h3><ul>"
           "<li><a href='/n/1'>Port volumes rise for the third month in a row</a> "
           "<span>2020-01-05</span></li>"
           "<li><a href='/n/2'>New ferry line to the islands opens in spring</a> "
           "<span>2019-12-30</span></li></ul></aside>")
COMMENTS = ("<div id='comments'><h3>2 comments</h3><ol class='commentlist'>"
            "<li><p>Great to see this, well done to everyone involved, and thanks for the report!"
            "</p></li><li><p>When will the next one be, and will it be open to the public too?"
            "</p></li></ol></div>")


def lines_of(article: dict[str, Any]) -> list[str]:
    """The sample's body lines, escaped for HTML."""
    return [html.escape(line) for line in article["body"].split("\n")]


def _paras(article: dict[str, Any]) -> str:
    return "".join(f"<p>{line}</p>" for line in lines_of(article))


def _day(article: dict[str, Any]) -> date | None:
    return date.fromisoformat(article["published"]) if article["published"] else None


def jsonld_utc(article: dict[str, Any]) -> str:
    """Published at 07:00 in UTC+8, declared as the previous evening in UTC."""
    title, day = html.escape(article["title"]), _day(article)
    head, line = "", ""
    if day is not None:
        stamp = (datetime(day.year, day.month, day.day, 7) - timedelta(hours=8)).isoformat()
        head = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                           "headline": article["title"], "datePublished": stamp + "Z"})
        head = f"<script type='application/ld+json'>{head}</script>"
        line = f"<p class='dateline'>Published: {day.isoformat()} 07:00</p>"
    return (f"<!doctype html><html lang='en'><head><title>{title} | {SITE}</title>"
            f"<meta property='og:site_name' content='{SITE}'>{head}</head><body>"
            f"<header><a href='/' class='logo'>{SITE}</a><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav></header><main><div class='story'>"
            f"<h1>{title}</h1>{line}<div class='story-body'>{_paras(article)}</div></div>"
            f"{SIDEBAR}</main><footer>© {SITE}</footer></body></html>")


def blog_theme(article: dict[str, Any]) -> str:
    """A blog theme: 'Posted on Month D, YYYY', widgets and a comment thread."""
    title, day = html.escape(article["title"]), _day(article)
    meta = f"Posted on <time>{day:%B} {day.day}, {day.year}</time> by Staff" if day else ""
    return (f"<!doctype html><html lang='en'><head><title>{title} – {SITE}</title></head>"
            f"<body class='single comments-open'><div id='page'><article class='post hentry'>"
            f"<header><h1 class='entry-title'>{title}</h1><div class='entry-meta'>{meta}</div>"
            f"</header><div class='entry-content'>{_paras(article)}</div></article>"
            f"{COMMENTS}{SIDEBAR}</div></body></html>")


def table_layout(article: dict[str, Any]) -> str:
    """An old table layout, a day-first date and <br> paragraphs."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"Date: {day:%d/%m/%Y}" if day else ""
    text = "<br><br>".join(html.escape(line) for line in article["body"].split("\n"))
    return (f"<html><head><title>{title}-{SITE}</title></head><body><table width='960'>"
            f"<tr><td class='nav'><a href='/'>Home</a> | <a href='/news'>News</a></td></tr>"
            f"<tr><td class='title'><b>{title}</b></td></tr><tr><td class='info'>{when}</td></tr>"
            f"<tr><td class='content'>{text}</td></tr>"
            f"<tr><td class='post-text'>Copyright {SITE}, all rights reserved</td></tr>"
            f"</table></body></html>")


def us_page(article: dict[str, Any]) -> str:
    """A US page: og:title with the site's name, a month-first numeric date."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<span class='date'>{day:%m/%d/%Y}</span>" if day else ""
    return (f"<!doctype html><html lang='en-US'><head><title>{title}</title>"
            f"<meta property='og:title' content='{title} | {SITE}'>"
            f"<meta property='og:site_name' content='{SITE}'></head><body>"
            f"<div class='article'><h1>{title}</h1><div class='byline'>By Staff {when}</div>"
            f"{_paras(article)}</div>{SIDEBAR}</body></html>")


def cards(article: dict[str, Any]) -> str:
    """A logo <h1>, the headline in an <h2>, a local <time>, a related box inside the body,
    dated cards of other news after it and a hidden mobile copy of the text."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<time datetime='{day.isoformat()}T10:05:00+08:00'>{day:%b} {day.day}</time>"
            if day else "")
    lines = article["body"].split("\n")
    half = max(1, len(lines) // 2)
    first = "".join(f"<p>{html.escape(x)}</p>" for x in lines[:half])
    rest = "".join(f"<p>{html.escape(x)}</p>" for x in lines[half:])
    related = ("<div class='related-cards'><h4>Related</h4><a href='/n/3'>Exports rise again"
               "</a><a href='/n/4'>A new bridge for the harbour district</a></div>")
    return (f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
            f"<h1 class='site-logo'><a href='/'>{SITE}</a></h1>"
            f"<div class='m-copy' style='display:none'>{_paras(article)}</div>"
            f"<div class='wrap'><h2 class='headline'>{title}</h2><div class='meta'>{when}</div>"
            f"<div class='article-body'>{first}{related}{rest}</div></div>"
            f"<section class='cards'><div class='card'><span class='date'>2020-01-05</span>"
            f"<a href='/n/7'>Port volumes rise again</a></div></section></body></html>")


def span_paragraphs(article: dict[str, Any]) -> str:
    """Paragraphs as <span>s between <br>s, and a plain 'Published:' line."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<div>Published: {day.isoformat()} 10:05</div>" if day else ""
    text = "<br><br>".join(f"<span>{html.escape(x)}</span>" for x in article["body"].split("\n"))
    return (f"<html><head><title>{title} - {SITE}</title></head><body><div class='page'>"
            f"<div class='hd'>{title}</div>{when}<div class='bd'>{text}</div>"
            f"<div class='ft'>{SITE} | About | Contact</div></div></body></html>")


def list_first(article: dict[str, Any]) -> str:
    """A dated list of other news before the article; the date written '27 September 2021';
    og:title carries the site's name, with no og:site_name to say so."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<div>{day.day} {day:%B} {day.year}</div>" if day else ""
    latest = ("<div class='latest'><h3>Latest</h3><ul><li><span>2019-12-30</span> <a href='/n/5'>"
              "Trade fair moves to a larger hall next year</a></li><li><span>2019-12-29</span> "
              "<a href='/n/6'>City library extends its opening hours</a></li></ul></div>")
    return (f"<html lang='en-GB'><head><title>{title}</title>"
            f"<meta property='og:title' content='{title} – {SITE}'></head><body>{latest}"
            f"<div class='content'><h1>{title}</h1>{when}{_paras(article)}</div></body></html>")


def date_inside(article: dict[str, Any]) -> str:
    """The date line inside the body container, written '27-Sep-2021'."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<p class='d'>{day.day:02d}-{day:%b}-{day.year}</p>" if day else ""
    return (f"<html><head><title>{title} :: {SITE}</title></head><body><div class='article'>"
            f"<h1>{title}</h1><div class='text'>{when}{_paras(article)}</div></div>"
            f"<div class='bottom'><a href='/'>Home</a> <a href='/about'>About us</a></div>"
            f"</body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "jsonld_utc": jsonld_utc, "blog_theme": blog_theme, "table_layout": table_layout,
    "us_page": us_page, "cards": cards, "span_paragraphs": span_paragraphs,
    "list_first": list_first, "date_inside": date_inside,
}


def cases(templates: dict[str, Callable[[dict[str, Any]], str]]) -> list[Any]:
    """Every bundled sample article in every template (shared with the CMS re-markups)."""
    out = []
    for expected in sorted(SITES.glob("*/expected.json")):
        for article in json.loads(expected.read_text(encoding="utf-8"))["articles"]:
            for name, template in templates.items():
                out.append(pytest.param(template, article, id=f"{name}:{article['url_path']}"))
    return out


def assert_exact(page: str, article: dict[str, Any]) -> None:
    """Title, date and body come out exactly as the sample's expected values."""
    got = extract(page, article["url"])
    assert got.title == article["title"]
    assert got.published == article["published"]
    assert normalize_text(got.body) == normalize_text(article["body"])
