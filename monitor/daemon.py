"""`monitor run`: APScheduler 3.x on the asyncio loop, one job per source, clean shutdown.

Jobs coalesce and never overlap (``max_instances=1``); a run missed while the machine slept is
run once, late, rather than skipped (``misfire_grace_time`` = the interval). The outbox is
drained by its own job. On SIGINT/SIGTERM the scheduler stops, in-flight checks get a grace
period to finish (their transactions are atomic, so cancelling one loses nothing), and pending
alerts stay in the outbox for the next start. SIGHUP reloads the configuration; a source
checked recently is not checked again at start (its ``next_due`` is kept), so restarts and
reloads do not hammer sites. Clock jumps are watched from the monotonic clock (clockwatch.py).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clockwatch import WATCH_EVERY, ClockWatch, watch_schedule
from monitor.config import Config, SourceConfig, check_permissions, load_config
from monitor.errors import ConfigError
from monitor.models import CheckResult, SaveOutcome
from monitor.notify import build_channels, channel_names
from monitor.notify.lifecycle import apply_requests
from monitor.service import Monitor

logger = logging.getLogger(__name__)
OUTBOX_EVERY = 30.0
SHUTDOWN_GRACE = 30.0
LOGGED_TITLES = 5  # new titles named in a check's log line
Report = Callable[[CheckResult], None]


def runnable_config(path: Path) -> Config:
    """A config that not only validates but can run: safe permissions (T49) and every
    channel buildable (its secrets are in the environment)."""
    cfg = load_config(path)
    check_permissions(path)
    for channel in build_channels(cfg).values():
        channel.close()
    return cfg


def config_changes(old: Config, new: Config) -> list[str]:
    """What a reload changes, in words: sources, organisations, channels, settings."""
    changes: list[str] = []
    for label, before, after in (
            ("source", {s.name: s for s in old.sources}, {s.name: s for s in new.sources}),
            ("organisation", {o.name: o for o in old.watch}, {o.name: o for o in new.watch}),
            ("channel", dict(zip(channel_names(old.channels), old.channels, strict=True)),
             dict(zip(channel_names(new.channels), new.channels, strict=True)))):
        added = sorted(after.keys() - before.keys())
        removed = sorted(before.keys() - after.keys())
        changed = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
        for verb, names in (("added", added), ("removed", removed), ("changed", changed)):
            if names:
                changes.append(f"{label}s {verb}: {', '.join(names)}")
    if old.settings != new.settings:
        changes.append("settings changed")
    return changes or ["no change"]


def describe(result: CheckResult) -> str:
    """One log line for a check: counts, the new articles' titles, who was alerted, why not."""
    parts = [f"{result.source}: new={result.new} changed={result.changed} "
             f"unchanged={result.unchanged} alerts={result.alerts} errors={result.errors}"]
    titles = [a.title for a in result.articles if a.outcome is SaveOutcome.NEW]
    if titles:
        more = f" (+{len(titles) - LOGGED_TITLES} more)" if len(titles) > LOGGED_TITLES else ""
        parts.append("new: " + " | ".join(titles[:LOGGED_TITLES]) + more)
    alerted = sorted({org for a in result.articles for org in a.alerted})
    if alerted:
        parts.append("alerted: " + ", ".join(alerted))
    if result.baseline:
        parts.append("baseline pass: recorded, nobody alerted")
    if result.error:
        parts.append(f"failed: {result.error}")
    return "; ".join(parts)


class Daemon:
    """Runs until ``stop()`` (or a signal); ``report`` sees every finished check."""

    def __init__(self, cfg: Config, *, report: Report | None = None, workers: int = 2,
                 clock: ClockWatch | None = None, watch_every: float = WATCH_EVERY,
                 isolate_all: bool = False) -> None:
        self.cfg = cfg
        self._isolate_all = isolate_all
        self._report = report
        self._workers = workers
        self._clock = clock or ClockWatch()
        self._watch_every = watch_every
        self.scheduler: AsyncIOScheduler | None = None
        self._stop = asyncio.Event()
        self._reload = asyncio.Event()
        self._inflight: set[asyncio.Task[None]] = set()
        self._running: set[str] = set()  # job ids in flight, for the clock watchdog

    def stop(self) -> None:
        self._stop.set()

    def reload(self) -> None:
        self._reload.set()

    async def run(self) -> None:
        """Run until stopped; SIGHUP reloads the configuration file (if it is valid)."""
        loop = asyncio.get_running_loop()
        handlers = {signal.SIGINT: self.stop, signal.SIGTERM: self.stop, signal.SIGHUP: self.reload}
        for sig, handler in handlers.items():
            loop.add_signal_handler(sig, handler)
        try:
            while await self._generation():
                logger.info("reloaded configuration from %s", self.cfg.path)
        finally:
            for sig in handlers:
                loop.remove_signal_handler(sig)
            logger.info("monitor stopped")

    async def _generation(self) -> bool:
        """Run the current configuration; True when a valid new one should replace it."""
        async with Monitor(self.cfg, workers=self._workers,
                           isolate_all=self._isolate_all) as monitor:
            self.scheduler = scheduler = self._scheduler(monitor)
            scheduler.start()
            logger.info("monitor started: %d sources", len(monitor.enabled_sources()))
            intervals = {f"source:{s.name}": s.effective_interval(self.cfg.settings)
                         for s in monitor.enabled_sources()}
            for job_id in intervals:
                self._clock.ran(job_id)
            watchdog = asyncio.ensure_future(  # T45: on the monotonic clock
                watch_schedule(self._clock, scheduler, intervals, self._watch_every,
                               busy=self._running.__contains__))
            try:
                reload = await self._next_config()
            finally:
                watchdog.cancel()
            logger.info("stopping: waiting up to %.0fs for checks in flight", SHUTDOWN_GRACE)
            scheduler.shutdown(wait=False)
            await self._drain()
        if reload is None:
            return False
        for change in config_changes(self.cfg, reload):
            logger.info("reload: %s", change)
        self.cfg = reload
        return True

    async def _next_config(self) -> Config | None:
        """Wait for a stop (None) or a reload with a valid configuration (T47: a broken
        file is reported and the last good configuration keeps running)."""
        while True:
            stop = asyncio.ensure_future(self._stop.wait())
            again = asyncio.ensure_future(self._reload.wait())
            await asyncio.wait((stop, again), return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            again.cancel()
            if self._stop.is_set():
                return None
            self._reload.clear()
            try:
                new = runnable_config(self.cfg.path)
            except ConfigError as exc:
                logger.error("configuration not reloaded, keeping the last good one: %s", exc)
                continue
            if new.settings.database != self.cfg.settings.database:
                logger.error("configuration not reloaded: a new database needs a restart")
                continue
            return new

    def _scheduler(self, monitor: Monitor) -> AsyncIOScheduler:
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_listener(self._on_event,
                               EVENT_JOB_ERROR | EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        now = datetime.now(UTC)
        for source in monitor.enabled_sources():
            interval = source.effective_interval(self.cfg.settings)
            first = monitor.next_due(source.name, now)
            logger.info("source %s: every %ss, next check %s", source.name, int(interval),
                        first.isoformat(timespec="seconds"))
            scheduler.add_job(
                self._tracked, IntervalTrigger(seconds=interval, timezone=UTC),
                args=(self._check, monitor, source), id=f"source:{source.name}",
                name=source.name, next_run_time=first, coalesce=True, max_instances=1,
                misfire_grace_time=int(interval),
            )
        scheduler.add_job(self._tracked, IntervalTrigger(seconds=OUTBOX_EVERY, timezone=UTC),
                          args=(self._deliver, monitor, None), id="outbox", next_run_time=now,
                          coalesce=True, max_instances=1, misfire_grace_time=int(OUTBOX_EVERY))
        return scheduler

    async def _tracked(self, job: Callable[..., Awaitable[None]], monitor: Monitor,
                       source: SourceConfig | None) -> None:
        """Run a job as a task we can wait for at shutdown (the executor's cannot)."""
        if self._stop.is_set():
            return
        job_id = "outbox" if source is None else f"source:{source.name}"
        task: asyncio.Task[None] = asyncio.ensure_future(job(monitor, source))
        self._inflight.add(task)
        self._running.add(job_id)
        try:
            await asyncio.shield(task)
        finally:
            self._inflight.discard(task)
            self._running.discard(job_id)

    async def _check(self, monitor: Monitor, source: SourceConfig) -> None:
        result = await monitor.check(source)
        logger.info("checked %s", describe(result))
        if self._report is not None:
            self._report(result)
        await monitor.deliver()

    async def _deliver(self, monitor: Monitor, _source: None) -> None:
        if monitor.archive is not None and apply_requests(monitor.archive, datetime.now(UTC)):
            logger.info("applied `monitor alerts retry`")
        report = await monitor.deliver()
        monitor.housekeeping()
        if report.sent or report.retrying or report.dead or report.paused:
            logger.info("alerts: sent=%d retrying=%d dead=%d paused=%d", report.sent,
                        report.retrying, report.dead, report.paused)

    async def _drain(self) -> None:
        if not self._inflight:
            return
        _done, pending = await asyncio.wait(self._inflight, timeout=SHUTDOWN_GRACE)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
            logger.warning("abandoned %d checks at shutdown (nothing half-written)", len(pending))

    def _on_event(self, event: object) -> None:
        code = getattr(event, "code", 0)
        job = getattr(event, "job_id", "?")
        if code == EVENT_JOB_ERROR:
            logger.error("job %s crashed: %s", job, getattr(event, "exception", None))
        elif code == EVENT_JOB_MISSED:
            logger.warning("job %s missed its run time", job)
        else:
            logger.warning("job %s still running; this run was skipped", job)
