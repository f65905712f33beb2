"""Dead article links back off (issue 8, item 8): which failures count, the schedule, and
the archive's memory of them."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import yaml

from monitor.archive import Archive
from monitor.config import load_config
from monitor.deadlinks import forget, is_dead, lookup, record_failure, wait_after
from monitor.errors import ExtractionFailed, PermanentFetchError, TransientFetchError
from monitor.models import CheckResult
from monitor.service import Monitor

from .servers import Reply, html, scripted

URL = "https://a.example/news/1?utm_source=x"


@pytest.mark.parametrize(("error", "dead"), [
    (PermanentFetchError(URL, "http_404"), True),
    (PermanentFetchError(URL, "http_410"), True),
    (PermanentFetchError(URL, "not_html", "application/pdf"), True),
    (ExtractionFailed("no main content"), True),
    (ExtractionFailed("parse_crash"), False),  # the pool died under it: not the page's fault
    (PermanentFetchError(URL, "robots_disallowed"), False),
    (PermanentFetchError(URL, "blocked_ssrf"), False),
    (PermanentFetchError(URL, "http_429"), False),
    (TransientFetchError(URL, "timeout"), False),
])
def test_which_failures_mean_dead(error, dead) -> None:
    assert is_dead(error) is dead


def test_the_wait_doubles_up_to_a_week() -> None:
    assert [wait_after(n) for n in (1, 2, 3)] == [timedelta(hours=h) for h in (1, 2, 4)]
    assert wait_after(9) == wait_after(1000) == timedelta(days=7)


def test_a_page_over_the_parse_budget_gets_one_more_try_before_it_rests(
        tmp_path: Path, now: datetime) -> None:
    """A parse_timeout can be a loaded machine, not the page: the next pass tries it again;
    a second one backs off as any dead page does."""
    assert is_dead(ExtractionFailed("parse_timeout"))
    assert wait_after(1, "parse_timeout") == timedelta(0)
    assert wait_after(2, "parse_timeout") == timedelta(hours=1)
    with Archive(tmp_path / "a.db") as archive:
        record_failure(archive, URL, "s", "parse_timeout", now)
        later = now + timedelta(minutes=1)
        assert lookup(archive, [URL], later).retrying == {"https://a.example/news/1"}
        record_failure(archive, URL, "s", "parse_timeout", later)
        assert lookup(archive, [URL], later + timedelta(minutes=59)).resting == {
            "https://a.example/news/1"}


def test_the_archive_remembers_until_the_link_works(tmp_path: Path, now: datetime) -> None:
    with Archive(tmp_path / "a.db") as archive:
        record_failure(archive, URL, "s", "http_404", now)
        assert lookup(archive, [URL, "https://a.example/news/2"], now).resting == {
            "https://a.example/news/1"}  # canonical: the tracking parameter is gone
        assert lookup(archive, [URL], now + timedelta(minutes=61)).resting == set()
        record_failure(archive, URL, "s", "http_404", now + timedelta(minutes=61))
        assert lookup(archive, [URL], now + timedelta(hours=2)).resting == {
            "https://a.example/news/1"}
        row = archive.query("SELECT failures, first_failed FROM dead_links")[0]
        assert row == {"failures": 2, "first_failed": now.isoformat(timespec="seconds")}
        forget(archive, URL)
        assert lookup(archive, [URL], now).resting == set()


STORY = """<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>
<p>China Haisum signed contract number {n} for a new dairy plant with a capacity of 500 tonnes
a day, the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p></article></body></html>"""
INDEX = "".join(f'<li><a href="/news/{n}/story-number-{n}-of-the-day">Story {n}</a></li>'
                for n in range(3))


def _story(n: int) -> str:
    return f"/news/{n}/story-number-{n}-of-the-day"


def test_a_dead_link_rests_then_is_tried_again_and_forgotten_when_it_works(
        tmp_path: Path, now: datetime) -> None:
    """Issue 8 item 8: a 404 is fetched once, not every pass; after its wait it is tried
    again (and waits twice as long); once it works it is stored and forgotten. A 503 is
    not a dead link: it is fetched every pass."""
    gone: dict[str, Reply] = {"reply": (404, {}, b"gone")}
    routes = {"/": html(f"<html><body><ul>{INDEX}</ul></body></html>"),
              _story(0): html(STORY.format(n=0)),
              _story(1): lambda _: gone["reply"],
              _story(2): lambda _: (503, {}, b"busy")}
    with scripted(routes) as srv:
        doc = {"settings": {"database": str(tmp_path / "a.db"), "retries": 0, "robots": False,
                            "per_host": {"delay": "0s"}},
               "sources": [{"name": "news", "url": srv.url + "/"}]}
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(doc), "utf-8")
        cfg = load_config(path)

        def check(at: datetime) -> CheckResult:
            async def go() -> CheckResult:
                async with Monitor(cfg, workers=0) as monitor:
                    return await monitor.check(cfg.sources[0], at)
            return asyncio.run(go())

        first = check(now)
        assert first.new == 1 and {e.reason for e in first.article_errors} == {
            "http_404", "http_503"}
        second = check(now + timedelta(minutes=10))
        assert second.resting == 1 and [e.reason for e in second.article_errors] == ["http_503"]
        assert srv.hits[_story(1)] == 1 and srv.hits[_story(2)] == 2
        third = check(now + timedelta(minutes=61))  # the hour is over: one more try
        assert srv.hits[_story(1)] == 2 and third.resting == 0
        check(now + timedelta(minutes=61 + 119))  # now it waits two hours
        assert srv.hits[_story(1)] == 2
        gone["reply"] = html(STORY.format(n=1))(None)  # type: ignore[arg-type]
        revived = check(now + timedelta(minutes=61 + 121))
        assert srv.hits[_story(1)] == 3 and revived.new == 1
    with Archive(tmp_path / "a.db") as archive:
        assert lookup(archive, [srv.url + _story(1)], now) == lookup(archive, [], now)
        assert archive.query("SELECT reason FROM dead_links") == []
