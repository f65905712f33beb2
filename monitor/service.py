"""The long-lived parts of a running monitor, built from a config and shared by every check.

``run --once``, ``demo`` and the daemon all go through ``Monitor``: it owns the HTTP client,
the archive connection, the parser pool, the watchlist matcher and the channels, and closes
them in order. Everything runs on one event loop thread, which is also the archive's only
writer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType

from monitor.archive import Archive
from monitor.config import Config, SourceConfig
from monitor.egress import host_key
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.instance import instance_lock as instance_lock  # re-exported
from monitor.models import CheckResult, FetchResult
from monitor.notify import Channel, build_channels, channel_names, routes
from monitor.notify.outbox import DeliveryReport, Pacing, deliver, recover
from monitor.pipeline import Context, Progress, check
from monitor.politeness import HostLimiter
from monitor.robots import RobotsCache
from monitor.watch import Matcher
from monitor.workers import ISOLATE_ABOVE, ParserPool
from monitor.writebatch import ArchiveWriter

FETCH_LOG_DAYS = 30
DELIVER_EVERY = 1.0  # seconds between outbox rounds while a pass runs: alerts go out as they
# are stored, and their file syncs overlap the pass's work instead of following it (issue 9)
logger = logging.getLogger(__name__)


def fetch_settings(cfg: Config) -> FetchSettings:
    s = cfg.settings
    return FetchSettings(user_agent=s.user_agent, timeout=s.timeout,
                         connect_timeout=s.connect_timeout, max_bytes=s.max_page_bytes,
                         retries=s.retries)


class Monitor:
    """Use as ``async with Monitor(cfg) as m: await m.run_pass()``."""

    def __init__(self, cfg: Config, *, workers: int = 2, progress: Progress | None = None,
                 isolate_all: bool = False) -> None:
        self.cfg = cfg
        self._workers = workers
        self._isolate_all = isolate_all  # every page parsed in a worker (after a crash)
        self._progress = progress
        self.archive: Archive | None = None
        self._pool: ParserPool | None = None
        self._context: Context | None = None
        self._fetcher: Fetcher | None = None
        self._writer: ArchiveWriter | None = None
        self.channels: dict[str, Channel] = {}
        self._pacing: dict[str, Pacing] = {}
        self.last_delivery = DeliveryReport()
        self._delivering = asyncio.Lock()  # one outbox round at a time (caps and digests)

    async def __aenter__(self) -> Monitor:
        s = self.cfg.settings
        self.channels = build_channels(self.cfg)  # first: a missing secret fails before anything starts
        settings = fetch_settings(self.cfg)
        self.archive = Archive(s.database)
        self._writer = ArchiveWriter(self.archive)
        self._pool = ParserPool(self._workers,
                                isolate_above=0 if self._isolate_all else ISOLATE_ABOVE)
        client = make_client(settings)
        limiter = HostLimiter(total=s.concurrency, per_host=s.per_host.concurrency,
                              delay=s.per_host.delay)
        robots = RobotsCache(s.user_agent) if s.robots else None
        fetcher = Fetcher(client, settings, limiter, log=self._writer.log_fetch, robots=robots)
        self._fetcher = fetcher
        self._context = Context(
            fetcher=fetcher, archive=self.archive, pool=self._pool,
            matcher=Matcher(self.cfg.watch), settings=s,
            routes=routes(self.cfg),
            progress=self._progress, writer=self._writer,
        )
        self._pacing = {name: Pacing(digest=bool(c.digest), max_per_hour=c.max_per_hour)
                        for name, c in zip(channel_names(self.cfg.channels), self.cfg.channels,
                                           strict=True)}
        recovered = recover(self.archive, datetime.now(UTC))
        if recovered:
            logger.info("%d alerts left in flight by a previous run are due again", recovered)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if self._fetcher is not None:
            await self._fetcher.aclose()
        if self._pool is not None:
            self._pool.close()
        if self._writer is not None:
            await self._writer.aclose()  # the fetch log and touches still queued
        for channel in self.channels.values():
            channel.close()
        if self.archive is not None:
            self.archive.close()

    @property
    def context(self) -> Context:
        if self._context is None:
            raise RuntimeError("Monitor used outside `async with`")
        return self._context

    def enabled_sources(self, names: Iterable[str] = ()) -> list[SourceConfig]:
        wanted = set(names)
        return [s for s in self.cfg.sources if s.enabled and (not wanted or s.name in wanted)]

    async def check(self, source: SourceConfig, now: datetime | None = None) -> CheckResult:
        return await check(source, self.context, now or datetime.now(UTC))

    async def run_pass(self, sources: Iterable[SourceConfig] | None = None) -> list[CheckResult]:
        """Check the sources concurrently (politeness limits still apply), then send alerts."""
        chosen = list(sources) if sources is not None else self.enabled_sources()
        done = asyncio.Event()
        sender = asyncio.ensure_future(self._deliver_until(done))
        try:
            results = await asyncio.gather(*(self.check(source) for source in chosen))
        finally:
            done.set()
            meanwhile = await sender  # its round in progress finishes: nothing half-recorded
        self.last_delivery = meanwhile + await self.deliver()
        return list(results)

    async def _deliver_until(self, done: asyncio.Event) -> DeliveryReport:
        """Outbox rounds every DELIVER_EVERY seconds while a pass's checks run."""
        report = DeliveryReport()
        while not done.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), DELIVER_EVERY)
            if not done.is_set():
                report += await self.deliver()
        return report

    def next_due(self, name: str, now: datetime) -> datetime:
        """When a source should next be checked: its stored next_due, or now."""
        state = self.archive.source_state(name) if self.archive is not None else None
        if state and state.get("next_due") and state.get("last_status") == "ok":
            due = datetime.fromisoformat(state["next_due"])
            if due > now:
                return due
        return now

    def housekeeping(self, now: datetime | None = None) -> None:
        """Prune the fetch log (kept FETCH_LOG_DAYS) so the archive does not grow forever."""
        if self.archive is not None:
            self.archive.prune_fetches((now or datetime.now(UTC)) - timedelta(days=FETCH_LOG_DAYS))

    async def deliver(self, now: datetime | None = None) -> DeliveryReport:
        """Send every alert that is due, on every channel (off the event loop)."""
        if self.archive is None:
            raise RuntimeError("Monitor used outside `async with`")
        async with self._delivering:
            return await deliver(self.archive, self.channels, self._pacing,
                                 now or datetime.now(UTC))


def fetch_page(cfg: Config | None, url: str) -> FetchResult:
    """Fetch one page the way a source's pages are fetched (for `monitor extract URL`)."""
    settings = fetch_settings(cfg) if cfg is not None else FetchSettings()

    async def go() -> FetchResult:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0))
            return await fetcher.get(url, allowed_hosts={host_key(url)})

    return asyncio.run(go())
