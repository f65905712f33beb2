"""A page whose charset only its HTTP header names is read with it where extract() is now handed
the fetched bytes and the content type (pipe13): the pipeline's article and the preview's first
article. Read without the header, this page's bytes are guessed as mac-greek."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from monitor.cli import cli
from monitor.encoding import decode_html

from .flows import one_pass
from .servers import html, scripted
from .test_discovery_warnings import INDEX, _config

TITLE = "Хайсум строит молочный завод"
ARTICLE = f"""<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
</article></body></html>"""
PAGE = ARTICLE.encode("cp1251")
KIND = "text/html; charset=windows-1251"


def _routes() -> dict[str, Any]:
    return {"/": html(INDEX), "/a.html": lambda _r: (200, {"Content-Type": KIND}, PAGE)}


def test_the_page_needs_its_header() -> None:
    assert TITLE in decode_html(PAGE, KIND)[0] and TITLE not in decode_html(PAGE)[0]


def test_the_pipeline_reads_an_article_with_its_http_charset(tmp_path: Path) -> None:
    with scripted({}) as srv:
        srv.routes.update(_routes())
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.missing"})
        (result,) = one_pass(cfg)
    assert result.new == 1 and [a.title for a in result.articles] == [TITLE]
    (warning,) = result.warnings  # (the probe parsed the page too: its h1 matched)
    assert warning.startswith("article selector body: div.missing matched nothing")


def test_preview_reads_the_first_article_with_its_http_charset(tmp_path: Path) -> None:
    with scripted({}) as srv:
        srv.routes.update(_routes())
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.missing"})
        shown = CliRunner().invoke(cli, ["--config", str(cfg.path), "preview", "news", "--json"])
    assert shown.exit_code == 0, shown.output
    article = json.loads(shown.stdout)["article"]
    assert article["title"] == TITLE
    assert article["selectors"] == {"title: h1": True, "body: div.missing": False}
