"""Pages for the parse-thread tests: ones that never end, ones that nap, and the check
that a runaway page's thread was stopped."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

from monitor import parsethread
from monitor.parsethread import ParseThread


def echo(text: str) -> str:
    return text.upper()


def assert_stopped(spinners: list[threading.Thread]) -> None:
    """The one thread that ran a never-ending parse was stopped (not left spinning)."""
    (spinner,) = spinners
    spinner.join(10)
    assert not spinner.is_alive()


async def runaway_running(parser: ParseThread, spinners: list[threading.Thread]
                          ) -> asyncio.Future[str]:
    """A never-ending page on ``parser``'s thread, past the hand-off wait."""
    running = asyncio.ensure_future(parser.run(spinning(spinners), "x"))
    await asyncio.sleep(parsethread.HANDOFF_WAIT * 2)
    return running


def spinning(threads: list[threading.Thread]) -> Callable[[str], str]:
    """A parse that never ends by itself; the thread running it goes into ``threads``."""
    def spin(_text: str) -> str:
        threads.append(threading.current_thread())
        while True:
            time.sleep(0)
    return spin


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds
