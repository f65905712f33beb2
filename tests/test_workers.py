"""Parsing in worker processes: a crashed worker costs one page, not the process (T18)."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from monitor.errors import ExtractionFailed
from monitor.workers import ParserPool


def segfault(_text: str) -> str:
    os.kill(os.getpid(), signal.SIGSEGV)
    return "unreachable"


def echo(text: str) -> str:
    return text.upper()


def test_worker_crash_is_one_failed_page() -> None:
    """T18: a SIGSEGV in a worker raises parse_crash for that page; the pool is rebuilt and
    the next page parses normally."""
    pool = ParserPool(workers=1)

    async def go() -> str:
        with pytest.raises(ExtractionFailed) as err:
            await pool.run(segfault, "x")
        assert err.value.reason == "parse_crash"
        return await pool.run(echo, "still alive")

    try:
        assert asyncio.run(go()) == "STILL ALIVE"
    finally:
        pool.close()


def test_parse_budget() -> None:
    """T19: a page that takes too long to parse (100 000 nested divs) is abandoned after the
    budget as parse_timeout; the stuck worker is killed and the next page parses."""
    from monitor.extract import extract_text

    pool = ParserPool(workers=1, timeout=1.0)
    nested = "<div>" * 100_000 + "deep" + "</div>" * 100_000

    async def go() -> str:
        with pytest.raises(ExtractionFailed) as err:
            await pool.run(extract_text, nested, "http://x.example/")
        assert err.value.reason == "parse_timeout"
        return await pool.run(echo, "next")

    try:
        assert asyncio.run(go()) == "NEXT"
    finally:
        pool.close()


def test_workers_are_recycled() -> None:
    """T46: workers are replaced after max_tasks_per_child pages, bounding their memory."""
    pool = ParserPool(workers=1, max_tasks_per_child=2)

    async def go() -> set[int]:
        return {await pool.run(os.getpid) for _ in range(6)}

    try:
        assert len(asyncio.run(go())) >= 3
    finally:
        pool.close()
