"""Parsing in worker processes, so a parser crash costs one page and not the daemon.

lexbor (selectolax) has segfaulted on hostile HTML before; a segfault in a worker breaks only
the pool, which is rebuilt, and the page is reported as ``parse_crash``. Workers are recycled
after a number of tasks to bound memory over months of running, and they use the second core.
Workers die with the monitor (even a SIGKILLed one, see lifeline.py) and leave Ctrl-C to it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from monitor.discover import Listing, Scope, discover
from monitor.errors import ExtractionFailed
from monitor.extract import extract
from monitor.lifeline import die_with_parent
from monitor.models import Article, ExtractRules, SourceKind

logger = logging.getLogger(__name__)
T = TypeVar("T")
PARSE_BUDGET = 15.0  # seconds; lexbor is quadratic on absurd nesting (T19)


def _start_worker(parent: int) -> None:
    """Runs first in every worker: Ctrl-C is the monitor's to handle (a terminal sends it to
    the whole process group), and the worker exits when the monitor does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def extract_job(text: str, url: str, rules: ExtractRules | None) -> Article:
    return extract(text, url, rules)


def discover_job(kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                 selector: str | None) -> Listing:
    return discover(kind, content, url, scope, selector)


class ParserPool:
    """A process pool for the pure parsing stages; ``workers=0`` parses in-process."""

    def __init__(self, workers: int = 2, *, max_tasks_per_child: int = 200,
                 timeout: float = PARSE_BUDGET) -> None:
        self._workers = workers
        self._max_tasks = max_tasks_per_child
        self._timeout = timeout
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor | None:
        if self._workers > 0 and self._executor is None:
            self._executor = ProcessPoolExecutor(self._workers,
                                                 max_tasks_per_child=self._max_tasks,
                                                 initializer=_start_worker,
                                                 initargs=(os.getpid(),))
        return self._executor

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        pool = self._pool()
        if pool is None:
            return fn(*args)
        future = asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        try:
            return await asyncio.wait_for(future, self._timeout)
        except BrokenProcessPool as exc:
            logger.error("a parser worker crashed; rebuilding the pool")
            self._reset(kill=False)
            raise ExtractionFailed("parse_crash") from exc
        except TimeoutError as exc:
            logger.error("a page took over %.0fs to parse; rebuilding the pool", self._timeout)
            self._reset(kill=True)
            raise ExtractionFailed("parse_timeout") from exc

    def _reset(self, *, kill: bool) -> None:
        """Drop the pool; with ``kill``, stop its workers first (one is stuck on a page).
        Pages in flight in other workers fail with parse_crash and are retried next pass."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if kill:
            for process in list(getattr(executor, "_processes", {}).values()):
                process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)

    async def extract(self, text: str, url: str, rules: ExtractRules | None) -> Article:
        return await self.run(extract_job, text, url, rules)

    async def discover(self, kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                       selector: str | None) -> Listing:
        return await self.run(discover_job, kind, content, url, scope, selector)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = None
