"""Parsing in-process, on a worker thread watched by the event loop (issue 9).

A process pool cost about 2 CPU-ms and 60 MB per worker for each page of a pass on a 2-core
machine (spawned interpreters, recycled every 200 pages, and the pickling). Parsing here costs
a thread hand-off. The budget counts parse time only: it starts when the thread picks the page
up, not while it waits behind others. A page over budget fails as ``parse_timeout`` and its
thread is abandoned: it is asked to stop (an exception raised in it at its next Python line:
lexbor itself cannot be interrupted, but it releases the GIL while it parses), and a fresh
thread takes the pages still queued. What this cannot do is survive a segfault in the parser:
pages where that risk lives (the very large ones) go to worker processes (workers.py).

Results reach the event loop through a ``_Mailbox``: one wake-up of the loop (a byte on its
self-pipe) for all the results that finish before the loop gets to them, not one per page.

A page handed to an idle thread is waited for, with the loop held, for up to ``HANDOFF_WAIT``
(``_Handoff``): on one core the loop and the thread otherwise took the GIL from each other
while the page parsed (~12 context switches a page), and a pass cost ~0.2 CPU-ms more per
article than parsing on the loop itself (issue 9). A page that takes longer goes on in the
thread under its budget while the loop moves on, as before.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from monitor.errors import ExtractionFailed

logger = logging.getLogger(__name__)
T = TypeVar("T")
HANDOFF_WAIT = 0.05  # s the loop waits for a page an idle thread took: ~40x a typical parse


class ParseAbandoned(BaseException):
    """Raised inside a parse thread that ran over its budget, to stop it."""


class _Mailbox:
    """Finished jobs on their way to one event loop. A page settled with its own
    ``call_soon_threadsafe`` woke the loop once per page (5,100 self-pipe writes and loop
    turns in a 5,000-article pass, issue 9); here only the first result posted while none
    wait asks for a wake-up, and that turn of the loop settles every result posted by then."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._lock = threading.Lock()
        self._results: list[tuple[_Job[Any], bool, Any]] = []

    def post(self, job: _Job[Any], ok: bool, value: Any) -> None:
        """In the parse thread: hand a result over (wakes the loop only if it is not yet
        due to look)."""
        with self._lock:
            self._results.append((job, ok, value))
            if len(self._results) > 1:
                return  # a wake-up is already asked for and will take this one too
        self.loop.call_soon_threadsafe(self._deliver)

    def _deliver(self) -> None:
        with self._lock:
            results, self._results = self._results, []
        for job, ok, value in results:
            _settle(job, ok, value)


class _Handoff:
    """A result the loop waits for in person: the thread hands it over here, not through
    the mailbox, unless the loop stopped waiting first (then the mailbox, as usual)."""

    __slots__ = ("ready", "result")

    def __init__(self) -> None:
        self.ready = threading.Lock()
        self.ready.acquire()
        self.result: tuple[bool, Any] | None = None


class _Job(Generic[T]):
    __slots__ = ("args", "cancelled", "fn", "future", "handoff", "loop", "mailbox", "started",
                 "worker")

    def __init__(self, fn: Callable[..., T], args: tuple[Any, ...], mailbox: _Mailbox) -> None:
        self.fn, self.args, self.mailbox, self.loop = fn, args, mailbox, mailbox.loop
        self.future: asyncio.Future[T] = self.loop.create_future()
        self.started: float | None = None  # set by the thread when it starts the parse
        self.worker: _Worker | None = None  # and the thread, for the budget's alarm
        self.cancelled = False
        self.handoff: _Handoff | None = None  # set while the loop waits for this job


def _settle(job: _Job[Any], ok: bool, value: Any) -> None:
    if job.future.done():  # expired, or its caller was cancelled
        return
    if ok:
        job.future.set_result(value)
    else:
        job.future.set_exception(value)


class _Worker(threading.Thread):
    """Runs queued jobs one after another until it is abandoned or told to stop."""

    def __init__(self, jobs: queue.SimpleQueue[_Job[Any] | None]) -> None:
        super().__init__(daemon=True, name="parser")
        self._jobs = jobs
        self.lock = threading.Lock()
        self.current: _Job[Any] | None = None
        self.abandoned = False

    def run(self) -> None:
        try:
            while not self.abandoned:
                job = self._jobs.get()
                if job is None:
                    return
                if self.abandoned:  # replaced while it waited: the job is the new thread's
                    self._jobs.put(job)
                    return
                self._run(job)
        except ParseAbandoned:
            pass

    def _run(self, job: _Job[Any]) -> None:
        with self.lock:
            self.current = job
            job.started, job.worker = time.monotonic(), self
        # a page whose caller left before it began is skipped, tested after the stamp: the
        # alarm reads them in the other order and stops for a page not started, so a caller
        # cancelled between a test before and the stamp left its page with no budget at all
        if job.cancelled:
            with self.lock:
                self.current = None
            return
        try:
            ok, value = True, job.fn(*job.args)
        except ParseAbandoned:
            raise
        except Exception as exc:  # the caller's to handle, on the event loop
            ok, value = False, exc
        with self.lock:
            self.current = None
            handoff = job.handoff
            if handoff is not None and not self.abandoned:
                handoff.result = (ok, value)
                handoff.ready.release()
                return
        if not self.abandoned:
            job.mailbox.post(job, ok, value)

    def abandon(self, job: _Job[Any]) -> bool:
        """Stop working for the pool and interrupt ``job``, if it is the one running. False,
        and nothing done, once the thread has finished it: its result is on its way, and the
        page the thread took next must not be dropped with it."""
        with self.lock:
            if self.current is not job:
                return False
            self.abandoned = True
            if self.ident is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.ident),
                                                           ctypes.py_object(ParseAbandoned))
            return True


class ParseThread:
    """One parsing thread (the GIL makes a second one useless) with a per-page budget."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._jobs: queue.SimpleQueue[_Job[Any] | None] = queue.SimpleQueue()
        self._worker: _Worker | None = None
        self._abandoned: list[_Worker] = []
        self._mailbox: _Mailbox | None = None
        self._pending = 0  # jobs whose callers wait (counted on the loop's thread only)
        self._closed = False

    @property
    def stuck(self) -> int:
        """Threads abandoned over budget and still running (in lexbor, which cannot be
        interrupted): each holds a core until its parse ends."""
        self._abandoned = [w for w in self._abandoned if w.is_alive()]
        return len(self._abandoned)

    def _mailbox_for(self, loop: asyncio.AbstractEventLoop) -> _Mailbox:
        """The running loop's mailbox (a new one when the pool is used from another loop)."""
        if self._mailbox is None or self._mailbox.loop is not loop:
            self._mailbox = _Mailbox(loop)
        return self._mailbox

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self._closed:  # (a thread started now would take one of close()'s stop signals
            raise ExtractionFailed("parse_crash")  # and leave the page waiting for ever)
        job = _Job(fn, args, self._mailbox_for(asyncio.get_running_loop()))
        if self._worker is None:
            self._worker = _Worker(self._jobs)
            self._worker.start()
        worker, idle = self._worker, self._pending == 0
        self._pending += 1
        try:
            if idle:
                job.handoff = _Handoff()
            self._jobs.put(job)
            if idle and (result := self._wait(worker, job)) is not None:
                ok, value = result
                if ok:
                    return value  # type: ignore[no-any-return]
                raise value
            timer = job.loop.call_later(self._timeout, self._check, job)
            try:
                return await job.future
            finally:
                job.cancelled = True  # a caller cancelled before the parse began skips it
                if not job.future.cancelled():
                    timer.cancel()  # (a cancelled caller's page keeps its budget: _check)
        finally:
            self._pending -= 1

    @staticmethod
    def _wait(worker: _Worker, job: _Job[Any]) -> tuple[bool, Any] | None:
        """The job's result if the thread finishes it within HANDOFF_WAIT (the loop is held
        meanwhile: a blocking wait, on purpose); else None and it comes by the mailbox."""
        assert job.handoff is not None
        job.handoff.ready.acquire(timeout=HANDOFF_WAIT)
        with worker.lock:  # (the thread hands over under it: nothing is lost in between)
            result, job.handoff = job.handoff.result, None
        return result

    def _check(self, job: _Job[T]) -> None:
        """The budget's alarm: re-armed while the page waits or has time left. It goes on
        for a page whose caller was cancelled while it parsed: a runaway parse would hold up
        every page queued behind it."""
        cancelled = job.future.cancelled()
        if cancelled:
            if job.started is None:
                return  # never started: the thread skips it
        elif job.future.done():
            return  # settled
        left = self._timeout if job.started is None \
            else job.started + self._timeout - time.monotonic()
        if left > 0:
            job.loop.call_later(left, self._check, job)
            return
        worker = job.worker  # (the thread that runs it, even after close())
        if worker is None or not worker.abandon(job):
            return  # the thread finished it just now: its result is on its way
        logger.error("a page took over %.0fs to parse; its thread is abandoned", self._timeout)
        if not cancelled:
            job.future.set_exception(ExtractionFailed("parse_timeout"))
        self._abandoned.append(worker)
        if worker is self._worker:  # (a closed pool starts no thread again)
            self._worker = _Worker(self._jobs)
            self._worker.start()

    def close(self) -> None:
        """Let the thread finish its queue and stop (abandoned ones die with the process).
        A page asked of it afterwards fails at once as ``parse_crash``, as one whose pool was
        torn down (not the page's fault: monitor.deadlinks)."""
        self._closed = True
        for _ in range(self.stuck + (self._worker is not None)):
            self._jobs.put(None)  # one each: an abandoned thread waiting for work takes one too
        self._worker = None
