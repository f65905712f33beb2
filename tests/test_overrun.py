"""Overrunning cycles (T43): a check that takes longer than its interval is never run twice
at once, and the skipped runs are logged, not queued up."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path

import pytest
from apscheduler.triggers.interval import IntervalTrigger

from monitor.daemon import Daemon
from monitor.models import CheckResult

from .flows import one_source
from .servers import scripted

EVERY = 0.2  # seconds between scheduled runs once the test has rescheduled the job
TAKES = 0.7  # seconds the listing takes to answer: over three intervals


class SlowListing:
    """A listing that answers after TAKES seconds and remembers how many were in flight."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()

    def __call__(self, _req: object) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(TAKES)
        with self._lock:
            self.now -= 1
        return 200, {"Content-Type": "text/html"}, b"<p>no articles today</p>"


def test_an_overrunning_check_is_skipped_not_stacked(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """T43: with runs due every 0.2 s and a check taking 0.7 s, checks of one source never
    overlap (max_instances=1: with 3, five checks ran in the same time), and each run that
    fell due meanwhile is logged as skipped rather than queued."""
    listing = SlowListing()
    checks: list[CheckResult] = []
    with scripted({"/": listing}) as srv:
        cfg = one_source(tmp_path, srv.url + "/", interval="1h")

        def report(result: CheckResult) -> None:
            checks.append(result)
            assert daemon.scheduler is not None
            if len(checks) == 1:
                daemon.scheduler.reschedule_job("source:s",
                                                trigger=IntervalTrigger(seconds=EVERY))
            elif len(checks) == 3:
                daemon.stop()

        daemon = Daemon(cfg, report=report, workers=0)

        async def go() -> None:
            await asyncio.wait_for(daemon.run(), timeout=60)

        with caplog.at_level(logging.WARNING, logger="monitor"):
            asyncio.run(go())
    assert listing.most == 1
    assert len(checks) == 3 and all(result.ok for result in checks)
    skipped = [r for r in caplog.records if "still running; this run was skipped" in r.message]
    assert len(skipped) >= 2
