"""The check of a source's article selectors rides on the pass's first article: its own parse
failing must not cost that article, and the next article's page is checked instead."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from monitor import rulecheck, workers
from monitor.errors import ExtractionFailed
from monitor.models import Article, CheckResult, ExtractRules

from .flows import one_pass
from .servers import html, scripted
from .test_discovery_warnings import _config

INDEX = """<html><body><ul class="stories"><li><a href="/a.html">One</a></li>
<li><a href="/b.html">Two</a></li></ul></body></html>"""
PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
</article></body></html>"""


def _two_articles(tmp_path: Path) -> CheckResult:
    """One pass over a listing of two articles, whose ``body:`` selector matches nothing;
    both articles stored whatever the checks did."""
    with scripted({}) as srv:
        srv.routes.update({"/": html(INDEX), "/a.html": html(PAGE.format(title="Haisum one")),
                           "/b.html": html(PAGE.format(title="Haisum two"))})
        cfg = _config(tmp_path, srv, url=srv.url + "/", links="ul.stories",
                      article={"title": "h1", "body": "div.missing"})
        (result,) = one_pass(cfg)
    assert result.new == 2 and not result.article_errors
    return result


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
    result = _two_articles(tmp_path)
    assert len(calls) == 2  # tried again on the other article, then done
    (warning,) = result.warnings
    assert warning.startswith("article selector body: div.missing matched nothing")


def test_a_check_failing_while_the_other_pages_wait_is_made_on_one_of_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other article's page parsed while the first check was in flight: it must not
    skip the check for good when that one then fails (the pass would end unchecked)."""
    real, real_extract = rulecheck.fallback_warnings, workers.extract_job
    calls: list[str] = []

    def slow_first(page: str | bytes, url: str, rules: ExtractRules | None,
                   content_type: str | None = None) -> Article:
        if url.endswith("/a.html"):
            time.sleep(0.5)  # (the other page is fetched and queued behind it meanwhile)
        return real_extract(page, url, rules, content_type)

    def first_fails(page: str | bytes, rules: ExtractRules, url: str,
                    content_type: str | None = None) -> tuple[str, ...]:
        calls.append(url)
        if len(calls) == 1:
            time.sleep(0.3)
            raise ExtractionFailed("parse_timeout")
        return real(page, rules, url, content_type)

    monkeypatch.setattr(rulecheck, "fallback_warnings", first_fails)
    monkeypatch.setattr(workers, "extract_job", slow_first)
    result = _two_articles(tmp_path)
    assert len(calls) == 2
    (warning,) = result.warnings
    assert warning.startswith("article selector body: div.missing matched nothing")
