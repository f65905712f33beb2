"""Sources that explain themselves (issue 10): kind detection, a links selector that means
"these are the articles", headline-like anchors, and no silent zero."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import Config, load_config
from monitor.discover import Scope, discover, sniff_kind
from monitor.models import SourceKind

from .flows import one_pass
from .servers import ScriptedServer, html, scripted

ARTICLE = """<html><head><title>{title}</title></head><body><nav>Home News</nav>
<article><h1>{title}</h1><p class="date">Date: 2024-05-10</p>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p></article></body></html>"""
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title>
<item><title>Haisum wins</title><link>{base}/a.html</link></item></channel></rss>"""
INDEX = """<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><nav><a href="/about.html">About</a></nav><ul class="stories">
<li><a href="/a.html">Short</a></li><li><a href="/story?id=abc">Also short</a></li></ul>
</body></html>"""


def _config(tmp: Path, srv: ScriptedServer, **source: Any) -> Config:
    doc = {
        "settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0, "robots": False,
                     "per_host": {"delay": "0s", "concurrency": 2}, "baseline": False},
        "watch": [{"name": "China Haisum", "aliases": ["Haisum"]}],
        "sources": [{"name": "news", **source}],
    }
    tmp.mkdir(exist_ok=True)
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return load_config(path)


def _routes(base: str) -> dict[str, Any]:
    page = html(ARTICLE.format(title="Haisum wins dairy plant"))
    return {"/": html(INDEX), "/rss.xml": lambda _r: (200, {"Content-Type": "text/xml"},
                                                      FEED.format(base=base).encode()),
            "/a.html": page, "/story?id=abc": page}


def test_sniffing_the_kind() -> None:
    assert sniff_kind('\ufeff<?xml version="1.0"?>\n<!-- c --><rss>') is SourceKind.FEED
    assert sniff_kind(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') \
        is SourceKind.FEED
    assert sniff_kind('<?xml version="1.0"?><urlset>') is SourceKind.SITEMAP
    assert sniff_kind("<!DOCTYPE html><html><body>") is SourceKind.INDEX


def test_a_feed_given_as_url_is_read_as_a_feed(tmp_path: Path) -> None:
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        (result,) = one_pass(_config(tmp_path, srv, url=srv.url + "/rss.xml"))
    assert result.ok and result.new == 1
    assert result.warnings == ("configured as url: but it is a feed; read as one (write feed: "
                               "to say so)",)


def test_an_html_page_given_as_feed_says_use_url(tmp_path: Path) -> None:
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        (result,) = one_pass(_config(tmp_path, srv, feed=srv.url + "/"))
    assert not result.ok
    assert "this is an HTML page, not a feed: use url:" in (result.error or "")
    assert f"it announces a feed: {srv.url}/rss.xml" in (result.error or "")


def test_a_links_selector_means_these_are_the_articles(tmp_path: Path) -> None:
    """/a.html and /story?id=abc fail the automatic URL rule; a selector vouches for them."""
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        (auto,) = one_pass(_config(tmp_path / "auto", srv, url=srv.url + "/"))
        (chosen,) = one_pass(_config(tmp_path, srv, url=srv.url + "/", links="ul.stories"))
    assert (auto.new, chosen.new, chosen.duplicate) == (0, 1, 1)
    assert auto.warnings and auto.warnings[0].startswith("0 of 3 links kept (3 url rule)")
    assert chosen.warnings == ()


def test_headline_like_anchor_text_keeps_a_plain_url() -> None:
    page = ('<a href="/a.html">Haisum signs a contract for a dairy plant in Uzbekistan</a>'
            '<a href="/b.html">About us</a><a href="/c.html">海尚集团签约乌兹别克斯坦乳制品厂项目</a>')
    listing = discover(SourceKind.INDEX, page, "https://x.example/", Scope("https://x.example/"))
    assert [link.url for link in listing.links] == ["https://x.example/a.html",
                                                   "https://x.example/c.html"]
    assert listing.dropped == (("https://x.example/b.html", "url rule"),)


def test_a_selector_matching_nothing_warns_everywhere(tmp_path: Path) -> None:
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="div.headlines")
        result = CliRunner().invoke(cli, ["--config", str(cfg.path), "run", "--once"])
    message = "the links selector 'div.headlines' matched no link on the listing"
    assert result.exit_code == 0 and f"news: warning: {message}" in result.stdout
    status = CliRunner().invoke(cli, ["--config", str(cfg.path), "status", "--json"])
    (row,) = json.loads(status.stdout)["sources"]
    assert row["warnings"] == [message]


def test_preview_explains_a_listing_and_stores_nothing(tmp_path: Path) -> None:
    """Issue 10: preview says what the listing is, why `/a.html` links were dropped, which
    feed it announces; with a links selector, it extracts the first article."""
    runner = CliRunner()
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        plain = runner.invoke(cli, ["--config", str(tmp_path / "none.yaml"), "preview",
                                    srv.url + "/", "--json"])
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.missing"})
        chosen = runner.invoke(cli, ["--config", str(cfg.path), "preview", "news"])
        human = runner.invoke(cli, ["--config", str(cfg.path), "preview", srv.url + "/"])
    data = json.loads(plain.stdout)
    assert plain.exit_code == 0 and (data["kind"], data["found"], data["kept"]) == ("index", 3, [])
    assert {reason for _url, reason in data["dropped"]} == {"url rule"}
    assert data["feeds"] == [srv.url + "/rss.xml"] and data["warnings"]
    assert chosen.exit_code == 0, chosen.output
    assert "2 found, 2 kept" in chosen.stdout and "title: Haisum wins dairy plant" in chosen.stdout
    assert "selector title: h1: matched" in chosen.stdout
    assert "selector body: div.missing: NO MATCH" in chosen.stdout
    assert "dropped" in human.stdout and "(url rule)" in human.stdout
    assert not (tmp_path / "a.db").exists()  # preview never writes the archive


def test_an_article_selector_matching_nothing_is_a_warning(tmp_path: Path) -> None:
    """No silent fallback: `article: {body: ...}` that matches nothing is said once per pass,
    and the article is still stored through automatic extraction."""
    with scripted({}) as srv:
        srv.routes.update(_routes(srv.url))
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.story-body"})
        (result,) = one_pass(cfg)
    assert result.new == 1
    (warning,) = result.warnings
    assert warning.startswith("article selector body: div.story-body matched nothing on http")
    assert warning.endswith("automatic extraction was used")
