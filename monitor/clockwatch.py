"""Clock jumps (T45): the daemon's schedule runs on the wall clock, so it is watched from the
monotonic clock.

APScheduler computes run times on the wall clock. A jump forward makes every job due at once
(coalesced: one run each, nothing more). A jump back, or a long suspend the scheduler did not
notice, leaves every source waiting until the wall clock catches up: a day back, no check for
a day. So a watchdog that sleeps on the event loop's monotonic clock compares the two clocks,
logs a jump (webhook receivers reject timestamps more than 5 minutes off), and runs again any
source not checked within twice its interval. Both clocks are injectable for tests.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

logger = logging.getLogger(__name__)
WATCH_EVERY = 30.0  # seconds between two looks at the clocks
JUMP_TOLERANCE = 60.0  # seconds of disagreement between the clocks that count as a jump
STALL_FACTOR = 2.0  # a job not run within this many intervals is run at once


class ClockWatch:
    """Notices wall-clock jumps and jobs that stopped running."""

    def __init__(self, wall: Callable[[], float] = time.time,
                 mono: Callable[[], float] = time.monotonic,
                 tolerance: float = JUMP_TOLERANCE) -> None:
        self._wall = wall
        self._mono = mono
        self._tolerance = tolerance
        self._offset = wall() - mono()
        self._last_run: dict[str, float] = {}

    def jump(self) -> float | None:
        """Seconds the wall clock moved against the monotonic one since the last call, or
        None when within the tolerance (NTP slews, scheduling jitter)."""
        offset = self._wall() - self._mono()
        moved, self._offset = offset - self._offset, offset
        return moved if abs(moved) > self._tolerance else None

    def ran(self, job: str) -> None:
        """``job`` just ran (or was just scheduled): its stall timer starts now."""
        self._last_run[job] = self._mono()

    def stalled(self, intervals: Mapping[str, float]) -> list[str]:
        """The jobs (of ``intervals``: job -> seconds) not run within STALL_FACTOR intervals;
        each is reported once, then timed again from now."""
        now = self._mono()
        late = [job for job, every in intervals.items()
                if now - self._last_run.setdefault(job, now) > STALL_FACTOR * every]
        for job in late:
            self._last_run[job] = now
        return late


async def watch_schedule(clock: ClockWatch, scheduler: AsyncIOScheduler,
                         intervals: Mapping[str, float], every: float = WATCH_EVERY,
                         busy: Callable[[str], bool] = lambda _job: False) -> None:
    """Until cancelled: every ``every`` seconds (monotonic), log a wall-clock jump and move
    to now each job (``intervals``: job id -> seconds) that stalled or that a jump back left
    due later than one interval from now. A job still running (``busy``) is moved once it
    has finished: moved now, its run would be skipped (``max_instances=1``) and the
    jump's schedule kept."""
    waiting: set[str] = set()
    while True:
        await asyncio.sleep(every)
        now = datetime.now(UTC)
        due = set(clock.stalled(intervals))
        moved = clock.jump()
        if moved is not None:
            logger.warning("the wall clock jumped %+.0fs; webhook receivers reject timestamps "
                           "more than 5 minutes off until it is right", moved)
            for job_id, every_s in intervals.items():
                job = scheduler.get_job(job_id)
                later = job.next_run_time if job is not None else None
                if later is not None and later > now + timedelta(seconds=every_s):
                    due.add(job_id)
        for job_id in sorted(due | waiting):
            if busy(job_id):
                waiting.add(job_id)
                continue
            waiting.discard(job_id)
            logger.warning("%s: not run for too long by the monotonic clock, running it now",
                           job_id)
            scheduler.modify_job(job_id, next_run_time=now)
            clock.ran(job_id)
