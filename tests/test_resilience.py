"""Bad pages in a real flow: churn, soft failures, hidden mentions, broken markup."""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from monitor.archive import Archive
from monitor.config import Config, load_config

from .flows import one_pass
from .servers import ScriptedServer, html, scripted

ARTICLE = """<html><head><title>{title} - Daily</title>
<script>var nonce="{nonce}"; var watched="Poly Group";</script></head><body>
<nav><a href="/">Home</a> <a href="/about">About Poly Group</a></nav>
<div class="ad">Advert {nonce}: buy now</div>
<article><h1>{title}</h1><p class="date">Date: 2024-05-10</p>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p>
<p><img src="/a.jpg" alt="Poly Group logo" title="SIMIA"></p>
</article>
<footer>Copyright Poly Group partners <!-- SIMIA --></footer></body></html>"""


def _config(tmp: Path, srv: ScriptedServer, **settings: object) -> Config:
    doc = {
        "settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0,
                     "per_host": {"delay": "0s", "concurrency": 2}, "baseline": False,
                     **settings},
        "watch": [{"name": "China Haisum", "aliases": ["Haisum"]}, {"name": "Poly Group"},
                  {"name": "SIMIA"}],
        "sources": [{"name": "news", "url": srv.url + "/", "include": [r"/news/\d+"]}],
    }
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return load_config(path)


def _index(*paths: str) -> str:
    return "<ul>" + "".join(f'<li><a href="{p}">story</a></li>' for p in paths) + "</ul>"


def test_boilerplate_churn_is_not_a_change_and_hidden_names_do_not_alert(tmp_path: Path) -> None:
    """T20: a rotating nonce and advert leave the body hash unchanged (no version, no alert).
    T22: names only in script, nav, footer, comments and alt/title attributes never count."""
    nonces = itertools.count()

    def page(_req):
        body = ARTICLE.format(title="Haisum wins dairy plant", nonce=next(nonces))
        return 200, {"Content-Type": "text/html"}, body.encode()

    with scripted({"/": html(_index("/news/1")), "/news/1": page}) as srv:
        cfg = _config(tmp_path, srv)
        first, second = one_pass(cfg)[0], one_pass(cfg)[0]
    assert (first.new, first.alerts) == (1, 1)
    assert (second.unchanged, second.changed, second.alerts) == (1, 0, 0)
    with Archive(cfg.settings.database, readonly=True) as archive:
        orgs = archive.query("SELECT organisation FROM mentions")
    assert orgs == [{"organisation": "China Haisum"}]


def test_soft_failures_are_not_stored(tmp_path: Path) -> None:
    """T21: an empty 200, a binary body and a page with no article are reported as failed
    articles; nothing is stored, no alert; the good article next to them is stored."""
    good = ARTICLE.format(title="Haisum wins dairy plant", nonce=1)
    routes = {
        "/": html(_index("/news/1", "/news/2", "/news/3", "/news/4")),
        "/news/1": html(good),
        "/news/2": html(""),
        "/news/3": lambda _r: (200, {"Content-Type": "text/html"}, bytes(range(256)) * 50),
        "/news/4": html("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
    }
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        (result,) = one_pass(cfg)
    assert result.ok and result.new == 1 and len(result.article_errors) == 3
    reasons = sorted(e.reason.split(" ")[0] for e in result.article_errors)
    assert reasons == ["extraction_failed", "extraction_failed", "not_html"]
    with Archive(cfg.settings.database, readonly=True) as archive:
        assert archive.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1


def test_unclosed_title_and_nested_markup_do_not_break_a_pass(tmp_path: Path) -> None:
    """T18 (inputs): an unclosed <title> and deeply nested divs cost at most their page."""
    nested = "<div>" * 20_000 + "deep" + "</div>" * 20_000
    routes = {
        "/": html(_index("/news/1", "/news/2", "/news/3")),
        "/news/1": html("<html><head><title>Broken" + ARTICLE.split("<body>", 1)[1]),
        "/news/2": html(nested),
        "/news/3": html(ARTICLE.format(title="Haisum wins dairy plant", nonce=1)),
    }
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        (result,) = one_pass(cfg, workers=1)
    assert result.ok and result.new >= 1
    assert result.new + len(result.article_errors) == 3


def test_listing_is_fetched_conditionally(tmp_path: Path) -> None:
    """Issue 8.8 (politeness): the listing is fetched with the ETag stored for its source; on
    304 the stored articles are still re-checked. Validators are not kept while articles
    wait for a later pass (max_new_articles), so a 304 never hides them."""
    seen: list[str | None] = []

    def index(req):
        seen.append(req.headers.get("If-None-Match"))
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        body = _index("/news/1", "/news/2").encode()
        return 200, {"Content-Type": "text/html", "ETag": '"v1"'}, body

    def story(n: int):
        return html(ARTICLE.format(title=f"Haisum story number {n}", nonce=1))

    with scripted({"/": index, "/news/1": story(1), "/news/2": story(2)}) as srv:
        cfg = _config(tmp_path, srv, max_new_articles=1)
        passes = [one_pass(cfg)[0] for _ in range(3)]
    assert seen == [None, None, '"v1"']  # the 2nd pass still had an article waiting
    assert [(p.new, p.unchanged) for p in passes] == [(1, 0), (1, 1), (0, 2)]
    assert srv.hits["/news/1"] == 3 and srv.hits["/news/2"] == 2
    with Archive(cfg.settings.database, readonly=True) as archive:
        assert archive.source_state("news")["etag"] == '"v1"'


def test_listing_validators_are_dropped_when_pagination_stops_short(tmp_path: Path) -> None:
    """Issue 8.8: a pass whose pagination stopped on a failing page keeps no validators, so
    the next pass fetches the listing in full and walks its pages again."""
    seen: list[str | None] = []

    def index(req):
        seen.append(req.headers.get("If-None-Match"))
        body = '<link rel="next" href="/page/2">' + _index("/news/1")
        return 200, {"Content-Type": "text/html", "ETag": '"v1"'}, body.encode()

    story = html(ARTICLE.format(title="Haisum story number 1", nonce=1))
    routes = {"/": index, "/news/1": story, "/page/2": html("down", status=500)}
    with scripted(routes) as srv:
        path = _config(tmp_path, srv).path
        doc = yaml.safe_load(path.read_text("utf-8"))
        doc["sources"][0]["pages"] = 1
        path.write_text(yaml.safe_dump(doc), "utf-8")
        cfg = load_config(path)
        first, _second = one_pass(cfg)[0], one_pass(cfg)[0]
    assert any("pagination stopped" in w for w in first.warnings)
    assert seen == [None, None] and srv.hits["/page/2"] == 2
