"""Per-host politeness: at most N requests in flight per host, a delay between them, and no
request at all while a host's Retry-After runs."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

MAX_HOST_DELAY = 60.0


class HostLimiter:
    """Global and per-host concurrency, plus a randomised minimum gap per host (Scrapy's
    RANDOMIZE_DOWNLOAD_DELAY: 0.5x to 1.5x the configured delay)."""

    def __init__(self, *, total: int, per_host: int, delay: float) -> None:
        self._total = asyncio.Semaphore(max(1, total))
        self._per_host = max(1, per_host)
        self._delay = max(0.0, delay)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._held: dict[str, float] = {}

    def raise_delay(self, host: str, seconds: float) -> None:
        """A host asked for more time between requests (robots.txt Crawl-delay); capped at a
        minute, and never lowering the configured delay."""
        self._host_delay[host] = min(max(seconds, self._delay), MAX_HOST_DELAY)

    def hold(self, host: str, seconds: float) -> None:
        """A host asked us to come back later (Retry-After on a 429 or 503): no request to it
        for ``seconds`` (T13), in this process; a later ask never shortens an earlier one."""
        until = time.monotonic() + max(0.0, seconds)
        self._held[host] = max(self._held.get(host, 0.0), until)

    def held(self, host: str) -> float | None:
        """Seconds left before ``host`` may be asked again, or None."""
        left = self._held.get(host, 0.0) - time.monotonic()
        return left if left > 0 else None

    def delay_for(self, host: str) -> float:
        return self._host_delay.get(host, self._delay)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for ``host``'s turn, then for a global slot, and hold both while the request
        runs. A host's delay is slept out holding only that host's gate, never a global slot:
        a slow-paced host cannot keep requests to other hosts waiting (issue 9.5)."""
        gate = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with gate:
            while True:
                wait = self._next_start.get(host, 0.0) - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                async with self._total:
                    # Another request to this host may have started while we queued for the
                    # global slot (per_host > 1): then its gap is ours to wait, slot released.
                    if self._next_start.get(host, 0.0) > time.monotonic():
                        continue
                    delay = self.delay_for(host)
                    self._next_start[host] = time.monotonic() + delay * random.uniform(0.5, 1.5)
                    yield
                    return
