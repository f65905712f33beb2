"""Syndicated copies and reverts never flip-flop an article's versions or fire a wrong alert
(issue 8, item 5)."""

from __future__ import annotations

from pathlib import Path

import yaml

from monitor.archive import Archive
from monitor.config import Config, load_config

from .flows import one_pass
from .servers import ScriptedServer, html, scripted

PAGE = """<html><head><title>{title}</title>{head}</head><body><nav>Home News</nav>
<article><h1>{title}</h1><p class="date">Date: 2024-05-10</p>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p>{extra}
</article><footer>Contact us</footer></body></html>"""
EXTRA = "<p>Shares of the company rose by three percent in early trading on the news.</p>"
POLY = "<p>Poly Group will supply the steel for the first phase of the new plant.</p>"


def page(extra: str = "", head: str = "") -> str:
    return PAGE.format(title="Haisum wins dairy plant", extra=extra, head=head)


def _index(*paths: str) -> str:
    return "<ul>" + "".join(f'<li><a href="{p}">story</a></li>' for p in paths) + "</ul>"


def _config(tmp: Path, srv: ScriptedServer) -> Config:
    doc = {
        "settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0, "robots": False,
                     "per_host": {"delay": "0s", "concurrency": 2}, "baseline": False},
        "watch": [{"name": "China Haisum", "aliases": ["Haisum"]}, {"name": "Poly Group"}],
        "sources": [{"name": "news", "url": srv.url + "/", "include": [r"/news/\d+"]}],
    }
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return load_config(path)


def _versions(cfg: Config) -> dict[str, int]:
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.query("SELECT url, version_count FROM articles")
    return {r["url"].rsplit("/", 1)[1]: r["version_count"] for r in rows}


def test_a_diverging_copy_becomes_its_own_article_once(tmp_path: Path) -> None:
    """T23: the same story at two URLs is one article with one alert; a later edit of the
    copy is one new article or version, once, and never alerts again."""
    routes = {"/": html(_index("/news/1", "/news/2")), "/news/1": html(page()),
              "/news/2": html(page())}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        (first,) = one_pass(cfg)
        routes["/news/2"] = html(page(EXTRA))  # the copy is edited by the syndicator
        (second,) = one_pass(cfg)
        later = [one_pass(cfg)[0] for _ in range(3)]
    assert (first.new, first.duplicate, first.alerts) == (1, 1, 1)
    # Which URL was stored first depends on fetch order: the edited copy either splits off
    # as its own article or is one version of the original; never more, and no alert.
    assert (second.new + second.changed, second.alerts) == (1, 0)
    assert all((r.new, r.changed, r.alerts) == (0, 0, 0) for r in later)
    assert sum(_versions(cfg).values()) == 2


def test_a_revert_is_not_a_new_version(tmp_path: Path) -> None:
    routes = {"/": html(_index("/news/1")), "/news/1": html(page())}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        one_pass(cfg)
        routes["/news/1"] = html(page(POLY))
        (edit,) = one_pass(cfg)
        routes["/news/1"] = html(page())
        (revert,) = one_pass(cfg)
        routes["/news/1"] = html(page(POLY))
        (again,) = one_pass(cfg)
    assert (edit.changed, edit.alerts) == (1, 1)  # Poly Group is new to the article
    assert (revert.changed, revert.unchanged, revert.alerts) == (0, 1, 0)
    assert (again.changed, again.alerts) == (0, 0)
    assert _versions(cfg) == {"1": 2}


def test_rel_canonical_copies_take_turns_without_ping_pong(tmp_path: Path) -> None:
    """T23: an AMP-style copy declaring the original as canonical is the same article: its text
    is one version at most, then the two pages alternate without new versions or alerts."""
    amp = page(EXTRA, head='<link rel="canonical" href="/news/1">')
    routes = {"/": html(_index("/news/1")), "/news/1": html(page())}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        one_pass(cfg)
        routes["/"] = html(_index("/news/1", "/news/1?output=amp"))
        routes["/news/1?output=amp"] = html(amp)
        results = [one_pass(cfg)[0] for _ in range(3)]
    assert sum(r.new for r in results) == 0 and sum(r.alerts for r in results) == 0
    assert sum(r.changed for r in results) <= 1
    assert _versions(cfg) == {"1": 2}
