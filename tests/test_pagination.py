"""Pagination (issue 9, item 3): `pages: N` follows rel=next or the page numbered one more,
so one source finds a site's older articles too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from monitor.config import load_config
from monitor.discover import next_page, page_number

from .flows import one_pass
from .servers import html, scripted

ARTICLE = """<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>
<p>China Haisum signed contract number {n} for a new dairy plant with a capacity of 500 tonnes
a day, the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p></article></body></html>"""
PER_PAGE, PAGES = 3, 4


def _index(page: int) -> str:
    first = (page - 1) * PER_PAGE
    items = "".join(f'<li><a href="/news/{n}/story-number-{n}-of-the-day">Story {n}</a></li>'
                    for n in range(first, first + PER_PAGE))
    pager = "".join(f'<a href="{"/" if k == 1 else f"/page/{k}/"}">{k}</a>'
                    for k in range(1, PAGES + 1))
    return f"<html><body><ul>{items}</ul><nav class='pagination'>{pager}</nav></body></html>"


def test_page_numbers_and_next_links() -> None:
    assert page_number("https://x.example/page/3/") == 3
    assert page_number("https://x.example/news?page=12&x=1") == 12
    assert page_number("https://x.example/list_4.html") == 4
    assert page_number("https://x.example/news/2024/05/10/story") is None
    assert next_page(_index(1), "https://x.example/") == "https://x.example/page/2/"
    assert next_page(_index(2), "https://x.example/page/2/") == "https://x.example/page/3/"
    assert next_page(_index(PAGES), f"https://x.example/page/{PAGES}/") is None
    rel = '<link rel="next" href="/archive?p=2"><a href="/page/9/">9</a>'
    assert next_page(rel, "https://x.example/archive") == "https://x.example/archive?p=2"


@pytest.mark.parametrize(("href", "page_url", "found"), [
    ("../3/", "https://x.example/news/page/2/", "https://x.example/news/page/3/"),
    ("index_3.html", "https://x.example/list/index_2.html", "https://x.example/list/index_3.html"),
    ("?page=2", "https://x.example/news", "https://x.example/news?page=2"),
    ("//x.example/page/2/", "https://x.example/", "https://x.example/page/2/"),
    ("/page/4/", "https://x.example/page/2/", None),  # a later page, not the next
])
def test_next_link_written_any_way(href: str, page_url: str, found: str | None) -> None:
    """Only links that can carry the wanted number are resolved (issue 9: a listing's
    300 article links cost 3 ms to resolve each time); any spelling of it is still found."""
    page = (f"<a href='/2024/05/10/story-31'>A story</a><a href='{href}'>Next</a>"
            "<a href='/about'>About</a>")
    assert next_page(page, page_url) == found


def test_pages_follows_the_listing_and_stops_at_its_end(tmp_path: Path) -> None:
    routes = {"/": html(_index(1))}
    routes.update({f"/page/{k}/": html(_index(k)) for k in range(2, PAGES + 1)})
    routes.update({f"/news/{n}/story-number-{n}-of-the-day": html(ARTICLE.format(n=n))
                   for n in range(PER_PAGE * PAGES)})
    with scripted(routes) as srv:
        def check(pages: int, **settings: int) -> int:
            name = f"{pages}-{len(settings)}"
            doc = {"settings": {"database": f"a{name}.db", "retries": 0, "robots": False,
                                "per_host": {"delay": "0s", "concurrency": 2}, **settings},
                   "sources": [{"name": "news", "url": srv.url + "/", "pages": pages}]}
            path = tmp_path / f"s{name}.yaml"
            path.write_text(yaml.safe_dump(doc), "utf-8")
            (result,) = one_pass(load_config(path))
            return result.new

        assert check(0) == PER_PAGE
        assert check(2) == 3 * PER_PAGE
        assert check(10) == PAGES * PER_PAGE  # the walk ends with the listing
        # the cap on new articles counts per listing page asked for, as max_links does
        assert check(0, max_new_articles=2) == 2
        assert check(2, max_new_articles=2) == 3 * 2
    assert srv.hits.get(f"/page/{PAGES}/") == 1 and srv.hits.get("/page/3/") == 3  # no loop
