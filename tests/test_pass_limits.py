"""A pass under load (issue 9): articles are admitted a few at a time, and a parse cancelled
under an article costs that article, not the pass."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from monitor import service
from monitor.config import Settings
from monitor.models import Article, ExtractRules, Link
from monitor.pipeline import admission, check
from monitor.service import Monitor
from monitor.sites import SiteServer
from monitor.workers import ParserPool

from .flows import write_config


class CountingPool(ParserPool):
    """Parses in-process, slowly, counting the parses running at once."""

    def __init__(self) -> None:
        super().__init__(workers=0)
        self.running = self.most = 0

    async def extract(self, page: str | bytes, url: str, rules: ExtractRules | None,
                      content_type: str | None = None) -> Article:
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(0.05)
            return await super().extract(page, url, rules, content_type)
        finally:
            self.running -= 1


class CancellingPool(ParserPool):
    """The first parse is cancelled under its caller, as a pool torn down with
    ``cancel_futures`` does."""

    def __init__(self) -> None:
        super().__init__(workers=0)
        self.cancelled = 0

    async def extract(self, page: str | bytes, url: str, rules: ExtractRules | None,
                      content_type: str | None = None) -> Article:
        if not self.cancelled:
            self.cancelled += 1
            future: asyncio.Future[Article] = asyncio.get_running_loop().create_future()
            future.cancel()
            return await future
        return await super().extract(page, url, rules, content_type)


def _check_all(cfg: Any, pool: ParserPool) -> list[Any]:
    async def go() -> list[Any]:
        async with Monitor(cfg, workers=0) as monitor:
            ctx = replace(monitor.context, pool=pool)
            now = datetime.now(UTC)
            return [await check(source, ctx, now) for source in monitor.enabled_sources()]

    return asyncio.run(go())


def test_admission_is_twice_the_politeness_limits() -> None:
    settings = Settings(concurrency=8, per_host={"concurrency": 3})
    one_host = [Link(f"http://127.0.0.1:9/{i}") for i in range(100)]
    two_hosts = [*one_host, Link("http://127.0.0.2:9/x")]
    assert admission(one_host, settings) == 6
    assert admission(two_hosts, settings) == 12
    assert admission([Link(f"http://10.0.0.{i}/") for i in range(9)], settings) == 16


def test_articles_are_parsed_a_few_at_a_time(tmp_path: Path,
                                              site_servers: dict[str, SiteServer]) -> None:
    cfg = write_config(tmp_path, site_servers, settings={
        "database": "state/archive.db", "alerts_dir": "alerts", "retries": 0,
        "per_host": {"concurrency": 1, "delay": "0s"}, "baseline": False})
    pool = CountingPool()
    results = _check_all(cfg, pool)
    assert sum(r.new for r in results) == 14 and all(r.ok for r in results)
    assert pool.most == 2  # one host per source, one request at a time: two admitted


def test_a_cancelled_parse_costs_one_article(tmp_path: Path,
                                             site_servers: dict[str, SiteServer]) -> None:
    cfg = write_config(tmp_path, site_servers)
    results = _check_all(cfg, CancellingPool())
    errors = [e.reason for r in results for e in r.article_errors]
    assert errors == ["parse_crash (cancelled)"]
    assert all(r.ok for r in results) and sum(r.new for r in results) == 13


def test_alerts_go_out_while_the_pass_is_still_running(
        tmp_path: Path, site_servers: dict[str, SiteServer],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9: a pass sends the alerts of the articles it has stored every DELIVER_EVERY
    seconds instead of after its last source, so alert file syncs overlap the pass's work
    (and the first alerts of a long pass are not held back). The last source waits for a
    sent alert before it starts; without delivery during the pass it would wait in vain."""
    monkeypatch.setattr(service, "DELIVER_EVERY", 0.05)
    cfg = write_config(tmp_path, site_servers)
    last = cfg.sources[-1].name
    sent_before_last: list[int] = []

    class LastWaits(Monitor):
        async def check(self, source: Any, now: datetime | None = None) -> Any:
            if source.name == last and self.archive is not None:
                sent = 0
                for _ in range(100):
                    sent = self.archive.query(
                        "SELECT count(*) AS n FROM alerts WHERE status = 'sent'")[0]["n"]
                    if sent:
                        break
                    await asyncio.sleep(0.05)
                sent_before_last.append(sent)
            return await super().check(source, now)

    async def go() -> Any:
        async with LastWaits(cfg, workers=0) as monitor:
            results = await monitor.run_pass()
            return results, monitor.last_delivery

    results, delivery = asyncio.run(go())
    assert all(r.ok for r in results) and sum(r.new for r in results) == 14
    assert sent_before_last and sent_before_last[0] > 0
    assert delivery.sent == 13  # counted once, whichever round sent it


def test_a_long_listing_runs_on_a_few_workers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9: a check's articles run on a few workers, not one task per link: a thousand
    links no longer mean a thousand coroutines alive from the start (peak memory grew with
    the pass: 162 MB at 20,000 articles), and outcomes keep the listing's order."""
    from types import SimpleNamespace

    from monitor import pipeline

    settings = Settings(concurrency=8, per_host={"concurrency": 2})
    links = [Link(f"http://127.0.0.1:9/{i}") for i in range(1000)]
    alive = {"now": 0, "most": 0, "tasks": 0}

    async def fake_article(run: Any, link: Link) -> str:
        alive["now"] += 1
        alive["most"] = max(alive["most"], alive["now"])
        alive["tasks"] = max(alive["tasks"], len(asyncio.all_tasks()))
        await asyncio.sleep(0)
        alive["now"] -= 1
        return link.url

    monkeypatch.setattr(pipeline, "_article", fake_article)
    run: Any = SimpleNamespace()  # fake_article reads nothing of it
    bound = pipeline.WORKERS_PER_ADMIT * admission(links, settings)  # 2 * 2 * 2 = 8
    outcomes = asyncio.run(pipeline._articles(run, links, bound))
    assert outcomes == [link.url for link in links]
    assert alive["most"] == bound and alive["tasks"] <= bound + 1
