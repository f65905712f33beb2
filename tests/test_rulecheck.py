"""The check of a source's article selectors rides on the pass's first article: its own parse
failing must not cost that article, and the next article's page is checked instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor import rulecheck
from monitor.errors import ExtractionFailed
from monitor.models import ExtractRules

from .flows import one_pass
from .servers import html, scripted
from .test_discovery_warnings import _config

INDEX = """<html><body><ul class="stories"><li><a href="/a.html">One</a></li>
<li><a href="/b.html">Two</a></li></ul></body></html>"""
PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
</article></body></html>"""


def test_a_failed_selector_check_loses_no_article(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse over budget or a pool torn down during the check (a race no real page can
    provoke on demand, so the first check is made to fail) used to fail the article too."""
    real = rulecheck.fallback_warnings
    calls: list[str] = []

    def first_fails(page: str | bytes, rules: ExtractRules, url: str,
                    content_type: str | None = None) -> tuple[str, ...]:
        calls.append(url)
        if len(calls) == 1:
            raise ExtractionFailed("parse_timeout")
        return real(page, rules, url, content_type)

    monkeypatch.setattr(rulecheck, "fallback_warnings", first_fails)
    with scripted({}) as srv:
        srv.routes.update({"/": html(INDEX), "/a.html": html(PAGE.format(title="Haisum one")),
                           "/b.html": html(PAGE.format(title="Haisum two"))})
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.missing"})
        (result,) = one_pass(cfg)
    assert result.new == 2 and not result.article_errors
    assert len(calls) == 2  # tried again on the other article, then done
    (warning,) = result.warnings
    assert warning.startswith("article selector body: div.missing matched nothing")
