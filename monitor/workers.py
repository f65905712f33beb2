"""Parsing in worker processes, so a parser crash costs one page and not the daemon.

lexbor (selectolax) has segfaulted on hostile HTML before; a segfault in a worker breaks only
the pool, which is rebuilt, and the page is reported as ``parse_crash``. Workers are recycled
after a number of tasks to bound memory over months of running, and they use the second core.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from monitor.discover import Listing, Scope, discover
from monitor.errors import ExtractionFailed
from monitor.extract import extract
from monitor.models import Article, ExtractRules, SourceKind

logger = logging.getLogger(__name__)
T = TypeVar("T")


def extract_job(text: str, url: str, rules: ExtractRules | None) -> Article:
    return extract(text, url, rules)


def discover_job(kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                 selector: str | None) -> Listing:
    return discover(kind, content, url, scope, selector)


class ParserPool:
    """A process pool for the pure parsing stages; ``workers=0`` parses in-process."""

    def __init__(self, workers: int = 2, *, max_tasks_per_child: int = 200) -> None:
        self._workers = workers
        self._max_tasks = max_tasks_per_child
        self._executor: Executor | None = None

    def _pool(self) -> Executor | None:
        if self._workers > 0 and self._executor is None:
            self._executor = ProcessPoolExecutor(self._workers,
                                                 max_tasks_per_child=self._max_tasks)
        return self._executor

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        pool = self._pool()
        if pool is None:
            return fn(*args)
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
        except BrokenProcessPool as exc:
            logger.error("a parser worker crashed; rebuilding the pool")
            self._reset()
            raise ExtractionFailed("parse_crash") from exc

    def _reset(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    async def extract(self, text: str, url: str, rules: ExtractRules | None) -> Article:
        return await self.run(extract_job, text, url, rules)

    async def discover(self, kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                       selector: str | None) -> Listing:
        return await self.run(discover_job, kind, content, url, scope, selector)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = None
