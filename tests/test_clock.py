"""Clock jumps (T45): seen from the monotonic clock, with injected clocks (no patched time)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clockwatch import ClockWatch, watch_schedule
from monitor.daemon import Daemon
from monitor.models import CheckResult

from .flows import one_source
from .servers import html, scripted

DAY = 86400.0


class Clocks:
    """A wall clock that can jump, and a monotonic clock that only moves forward."""

    def __init__(self) -> None:
        self.wall_offset = 0.0
        self.mono_now = 1000.0

    def wall(self) -> float:
        return time.time() + self.wall_offset

    def mono(self) -> float:
        return self.mono_now


def test_jumps_are_seen_either_way_and_jitter_is_not() -> None:
    """T45: a jump of a day forward or back is reported once; 10 s of drift is not."""
    clocks = Clocks()
    watch = ClockWatch(clocks.wall, clocks.mono)
    clocks.wall_offset = 10.0
    assert watch.jump() is None
    clocks.wall_offset -= DAY
    moved = watch.jump()
    assert moved is not None and abs(moved + DAY) < 5 and watch.jump() is None
    clocks.wall_offset += 2 * DAY
    moved = watch.jump()
    assert moved is not None and abs(moved - 2 * DAY) < 5


def test_a_stalled_job_is_reported_once_per_stall() -> None:
    """T45: a job not run within twice its interval (monotonic) is reported, then timed
    again; a job that runs on time never is."""
    clocks = Clocks()
    watch = ClockWatch(clocks.wall, clocks.mono)
    intervals = {"source:a": 60.0, "source:b": 60.0}
    for job in intervals:
        watch.ran(job)
    clocks.mono_now += 100
    watch.ran("source:b")
    assert watch.stalled(intervals) == []
    clocks.mono_now += 30
    assert watch.stalled(intervals) == ["source:a"]
    assert watch.stalled(intervals) == []


def test_daemon_recovers_from_a_day_back_jump(tmp_path: Path) -> None:
    """T45: the wall clock jumps a day back right after a check, which leaves the source's
    next run a day away on APScheduler's wall clock; the watchdog sees the jump on the
    monotonic clock and the source is checked again at once, not tomorrow."""
    clocks = Clocks()
    checks: list[CheckResult] = []
    with scripted({"/": html("<p>no articles today</p>")}) as srv:
        cfg = one_source(tmp_path, srv.url + "/", interval="1h")

        def report(result: CheckResult) -> None:
            checks.append(result)
            if len(checks) == 1:  # what a day-back jump does to the schedule
                clocks.wall_offset -= DAY
                assert daemon.scheduler is not None
                daemon.scheduler.modify_job(
                    "source:s", next_run_time=datetime.now(UTC) + timedelta(days=1))
            else:
                daemon.stop()

        daemon = Daemon(cfg, report=report, workers=0, watch_every=0.05,
                        clock=ClockWatch(clocks.wall, time.monotonic))

        async def go() -> None:
            await asyncio.wait_for(daemon.run(), timeout=90)  # a hang guard; loaded CI is slow

        asyncio.run(go())
    assert len(checks) == 2 and all(c.ok for c in checks)


def test_a_running_job_is_moved_once_it_has_finished() -> None:
    """T45: a jump back seen while the job runs; moved then, its run would be skipped
    (max_instances=1) and the day-long wait kept (this hung the daemon test above)."""
    clocks = Clocks()
    running = {"source:a"}

    async def go() -> tuple[datetime, datetime]:
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.start(paused=True)
        far = datetime.now(UTC) + timedelta(days=1)
        job = scheduler.add_job(lambda: None, IntervalTrigger(hours=1, timezone=UTC),
                                id="source:a", next_run_time=far)
        watch = ClockWatch(clocks.wall, clocks.mono)
        clocks.wall_offset -= DAY
        watchdog = asyncio.ensure_future(watch_schedule(
            watch, scheduler, {"source:a": 3600.0}, every=0.01, busy=running.__contains__))
        await asyncio.sleep(0.1)
        while_running = job.next_run_time
        running.clear()
        await asyncio.sleep(0.1)
        watchdog.cancel()
        scheduler.shutdown(wait=False)
        return while_running, job.next_run_time

    while_running, after = asyncio.run(go())
    assert while_running > datetime.now(UTC) + timedelta(hours=12)
    assert after <= datetime.now(UTC)
