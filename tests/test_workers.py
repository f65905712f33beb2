"""Where pages parse: a crashed worker costs one page, not the process (T18), and a page over
the parse budget fails alone, in a worker process or on the in-process parse thread (T19)."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from contextlib import closing

import pytest

from monitor.errors import ExtractionFailed
from monitor.workers import ParserPool
from tests.parsehelpers import assert_stopped, echo, nap, spinning


def segfault(_text: str) -> str:
    os.kill(os.getpid(), signal.SIGSEGV)
    return "unreachable"


def fails_then_parses(pool: ParserPool, bad: Callable[..., object], *args: object,
                      reason: str) -> str:
    """Run ``bad`` in ``pool`` (it must fail with ``reason``), then a normal page in the same
    event loop; the normal page's result."""
    async def go() -> str:
        with pytest.raises(ExtractionFailed) as err:
            await pool.run(bad, *args)
        assert err.value.reason == reason
        return await pool.run(echo, "next")

    return asyncio.run(go())


def test_worker_crash_is_one_failed_page() -> None:
    """T18: a SIGSEGV in a worker raises parse_crash for that page; the pool is rebuilt and
    the next page parses normally. (Pages under ``isolate_above`` parse in-process, where a
    segfault would end the monitor: ``isolate_above=0`` puts every page in a worker.)"""
    with closing(ParserPool(workers=1, isolate_above=0)) as pool:
        assert fails_then_parses(pool, segfault, "x", reason="parse_crash") == "NEXT"


@pytest.mark.parametrize(("workers", "timeout", "depth"), [
    # T19: 100,000 nested divs (1.1 MB) go to a worker process by default, where the
    # stuck worker is killed at the budget and the next page parses
    (1, 1.0, 100_000),
    # T19, in-process: lexbor cannot be interrupted, but it lets the event loop run, so
    # 20,000 nested divs fail at the budget and the next page parses meanwhile
    (0, 0.2, 20_000),
], ids=["worker", "in-process"])
def test_parse_budget(workers: int, timeout: float, depth: int) -> None:
    """T19: a page that takes too long to parse is abandoned after the budget as
    parse_timeout, and the next page parses."""
    from monitor.extract import extract_text

    nested = "<div>" * depth + "deep" + "</div>" * depth
    with closing(ParserPool(workers=workers, timeout=timeout)) as pool:
        assert fails_then_parses(pool, extract_text, nested, "http://x.example/",
                                 reason="parse_timeout") == "NEXT"


def test_workers_are_recycled() -> None:
    """T46: workers are replaced after max_tasks_per_child pages, bounding their memory."""
    pool = ParserPool(workers=1, max_tasks_per_child=2, isolate_above=0)

    async def go() -> set[int]:
        return {await pool.run(os.getpid) for _ in range(6)}

    try:
        assert len(asyncio.run(go())) >= 3
    finally:
        pool.close()


def test_in_process_budget_stops_a_runaway_parse() -> None:
    """T19, in-process: a parse looping in Python fails as parse_timeout, its thread is
    stopped (not left spinning), and the next page parses on a fresh thread."""
    with closing(ParserPool(workers=0, timeout=0.3)) as pool:
        spinners: list[threading.Thread] = []
        assert fails_then_parses(pool, spinning(spinners), "x", reason="parse_timeout") == "NEXT"
        assert_stopped(spinners)


def test_the_budget_counts_parsing_not_waiting() -> None:
    """Issue 9.1: three pages of 0.6 s each, queued together under a 1 s budget, all parse;
    the last waited 1.2 s for its turn, which the budget does not count."""
    pool = ParserPool(workers=0, timeout=1.0)

    async def go() -> list[float]:
        return list(await asyncio.gather(*(pool.run(nap, 0.6) for _ in range(3))))

    try:
        assert asyncio.run(go()) == [0.6, 0.6, 0.6]
    finally:
        pool.close()


def test_a_cancelled_caller_frees_its_place() -> None:
    """A caller cancelled while its page waits (Ctrl-C, a pass stopped) is not parsed."""
    pool = ParserPool(workers=0)
    ran: list[str] = []

    async def go() -> None:
        first = asyncio.ensure_future(pool.run(nap, 0.3))
        second = asyncio.ensure_future(pool.run(ran.append, "second"))
        await asyncio.sleep(0.05)
        second.cancel()
        assert await first == 0.3
        await pool.run(ran.append, "third")

    try:
        asyncio.run(go())
        assert ran == ["third"]
    finally:
        pool.close()


def test_a_closed_pool_starts_no_worker_process() -> None:
    """A page asked of a closed pool fails as parse_crash instead of starting a fresh
    process pool that nothing would shut down (one isolated page as a pass ends)."""
    pool = ParserPool(workers=1, isolate_above=0)
    pool.close()

    async def go() -> str:
        with pytest.raises(ExtractionFailed) as err:
            await asyncio.wait_for(pool.run(str.upper, "x"), 30)
        return err.value.reason

    assert asyncio.run(go()) == "parse_crash"
    assert pool._executor is None
