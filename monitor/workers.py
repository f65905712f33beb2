"""Where pages are parsed: in-process on a watched thread, or in worker processes.

Measured on the synthetic site (issue 9, bench/README.md): a process pool of two spawned
workers, recycled every 200 pages, cost about 2 CPU-ms per page (IPC, and interpreters
re-importing the monitor) and 135 MB, and under CPython 3.11 it could hang (gh-115634,
``max_tasks_per_child``). So pages parse in-process (parsethread.py), and only pages of
``isolate_above`` characters or more go to worker processes, where a parse that runs away can
be killed (lexbor is quadratic on absurd nesting: 100,000 nested divs, 1.1 MB, take 23 s; T19)
and a segfault costs the pool, not the monitor (T18). ``isolate_above=0`` sends every page to
the workers (crash isolation for all, at the cost above; a monitor starting after one that
died does this, see instance.py); ``workers=0`` keeps every page in-process. The process
pool starts only when a page needs it, is recycled by us after ``max_tasks_per_child``
pages, and a broken or stuck one is rebuilt: only the pages it held fail. Workers die with
the monitor (even a SIGKILLed one, see lifeline.py) and leave Ctrl-C to it.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from monitor.errors import ExtractionFailed
from monitor.lifeline import die_with_parent
from monitor.models import Article, ExtractRules, SourceKind
from monitor.parsethread import ParseThread

if TYPE_CHECKING:
    from monitor.discover import Listing, Scope

logger = logging.getLogger(__name__)
T = TypeVar("T")
PARSE_BUDGET = 15.0  # seconds of parsing a page may take (T19)
ISOLATE_ABOVE = 512 * 1024  # characters, or bytes as fetched: at most ~5 s of lexbor on the worst nesting
MAX_STUCK_THREADS = 2  # abandoned threads still in lexbor before all pages go to workers
MANAGER_GRACE = 2.0  # seconds a closing pool's manager thread is given to end before exit


def _start_worker(parent: int) -> None:
    """Runs first in every worker: Ctrl-C is the monitor's to handle (a terminal sends it to
    the whole process group), and the worker exits when the monitor does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def extract_job(page: str | bytes, url: str, rules: ExtractRules | None,
                content_type: str | None = None) -> Article:
    """The extraction stack is imported by the first page that needs it, not with this
    module: a pass in which every article answers 304 parses no page, and its ~80 modules
    and their compiled patterns were ~0.4G instructions (~0.1 CPU-s) of its start (issue 9).
    Once imported, the import statement is a dictionary lookup."""
    from monitor.extract import extract

    return extract(page, url, rules, content_type)


def discover_job(kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                 selector: str | None) -> Listing:
    from monitor.discover import discover  # (on first use, as extract_job's import)

    return discover(kind, content, url, scope, selector)


def _size(args: tuple[Any, ...]) -> int:
    return sum(len(arg) for arg in args if isinstance(arg, str | bytes))


class ParserPool:
    """Parses pages within a budget; ``run`` never leaves a caller waiting on a dead pool."""

    def __init__(self, workers: int = 2, *, max_tasks_per_child: int = 200,
                 timeout: float = PARSE_BUDGET, isolate_above: int = ISOLATE_ABOVE) -> None:
        self._workers = workers
        self._max_tasks = max_tasks_per_child
        self._timeout = timeout
        self._isolate_above = isolate_above
        self._thread = ParseThread(timeout)
        self._executor: ProcessPoolExecutor | None = None
        self._tasks = 0  # pages given to the current executor
        self._slots: asyncio.Semaphore | None = None
        self._closed = False

    def _isolated(self, args: tuple[Any, ...]) -> bool:
        if self._workers <= 0:
            return False
        return (_size(args) >= self._isolate_above
                or self._thread.stuck >= MAX_STUCK_THREADS)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._closed:  # (a pass shutting down: no pool is started again to outlive it)
            raise ExtractionFailed("parse_crash")
        try:
            if self._isolated(args):
                return await self._in_worker(fn, *args)
            return await self._thread.run(fn, *args)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if task is None or task.cancelling() > 0:
                raise
            # Nobody cancelled the caller: the future it awaited was (a pool torn down).
            raise ExtractionFailed("parse_crash") from None

    async def _in_worker(self, fn: Callable[..., T], *args: Any) -> T:
        """One page in a worker process. Pages wait for a free worker here, not in the
        pool's queue, so the budget counts the parse and not the wait."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._workers)
        async with self._slots:
            pool = self._pool()
            future = asyncio.get_running_loop().run_in_executor(pool, fn, *args)
            try:
                return await asyncio.wait_for(future, self._timeout)
            except BrokenProcessPool as exc:
                logger.error("a parser worker crashed; rebuilding the pool")
                self._reset(pool, kill=False)
                raise ExtractionFailed("parse_crash") from exc
            except TimeoutError as exc:
                logger.error("a page took over %.0fs to parse; rebuilding the pool",
                             self._timeout)
                self._reset(pool, kill=True)
                raise ExtractionFailed("parse_timeout") from exc

    def _pool(self) -> ProcessPoolExecutor:
        """The current pool; a fresh one once the last served ``max_tasks_per_child`` pages
        per worker (our recycling: the executor's own hangs under 3.11, gh-115634)."""
        if self._executor is not None and self._tasks >= self._max_tasks * self._workers:
            _retire(self._executor, kill=False)
            self._executor = None
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self._workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(os.getpid(),))
            self._tasks = 0
        self._tasks += 1
        return self._executor

    def _reset(self, pool: ProcessPoolExecutor, *, kill: bool) -> None:
        """Drop ``pool`` (if still current); with ``kill``, stop its workers first (one is
        stuck on a page). Pages in flight in its other worker fail with parse_crash."""
        if self._executor is pool:
            self._executor = None
        _retire(pool, kill=kill)

    async def extract(self, page: str | bytes, url: str, rules: ExtractRules | None,
                      content_type: str | None = None) -> Article:
        """``page``: its text, or its bytes (decoded by extract() with ``content_type``)."""
        return await self.run(extract_job, page, url, rules, content_type)

    async def discover(self, kind: SourceKind, content: str | bytes, url: str, scope: Scope,
                       selector: str | None) -> Listing:
        return await self.run(discover_job, kind, content, url, scope, selector)

    def close(self) -> None:
        self._closed = True
        self._thread.close()
        if self._executor is not None:
            _retire(self._executor, kill=False)
            _let_manager_finish(self._executor)
        self._executor = None


def _let_manager_finish(executor: ProcessPoolExecutor) -> None:
    """Give the executor's manager thread a moment to end before the interpreter does. Its
    last step closes a wake-up pipe that CPython 3.11's exit hook writes to unguarded: a
    race when both run at once (Ctrl-C mid-pass printed "Exception ignored ... Bad file
    descriptor" after "interrupted"). Bounded, since such a wait could hang (gh-115634)."""
    manager = getattr(executor, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(MANAGER_GRACE)


def _retire(executor: ProcessPoolExecutor, *, kill: bool) -> None:
    """Shut an executor down without waiting on it (a wait could hang, gh-115634): pages in
    flight finish, or with ``kill`` fail at once."""
    if kill:
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
