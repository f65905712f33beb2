"""robots.txt, read the way RFC 9309 says: cached per origin for at most a day.

Only a 4xx ("unavailable") allows everything. Anything else that stops us reading the rules
fails closed: a 5xx, a network, DNS or TLS failure, a file over 500 KiB (decoded, so a
compression bomb too), a body that is not text, a redirect the egress guard refuses, or a file
the parser rejects all mean complete disallow until the next try, 15 minutes later. The
refusal names the cause (``robots_unreadable``: "robots.txt could not be read: ..."). A
``Crawl-delay`` for our user agent raises that host's delay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlunsplit

from protego import Protego

from monitor.errors import FetchError
from monitor.urls import split

logger = logging.getLogger(__name__)
MAX_ROBOTS_BYTES = 500 * 1024
TTL = 24 * 3600.0
UNREADABLE_TTL = 15 * 60.0
RobotsFetch = Callable[[str], Awaitable[bytes]]


@dataclass(frozen=True, slots=True)
class _Rules:
    parser: Protego | None  # None: allow all
    expires: float
    unreachable: str | None = None  # why robots.txt could not be read: disallow all


def robots_url(url: str) -> str:
    parts = split(url)
    return _robots_at(parts.scheme, parts.netloc)


@lru_cache(maxsize=1024)
def _robots_at(scheme: str, netloc: str) -> str:
    """An origin's robots.txt URL: every fetch asks it twice (its rules, its Crawl-delay),
    and a pass's URLs share a few origins."""
    return urlunsplit((scheme, netloc, "/robots.txt", "", ""))


class RobotsCache:
    """Answers "may we fetch this URL?" for one user agent."""

    def __init__(self, user_agent: str) -> None:
        self._agent = user_agent.split("/", 1)[0].strip() or user_agent
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def refusal(self, url: str, fetch: RobotsFetch) -> tuple[str, str] | None:
        """None when ``url`` may be fetched, else (reason, detail) for the FetchError."""
        origin = robots_url(url)
        if split(url).path == "/robots.txt":
            return None
        rules = self._rules.get(origin)
        if rules is None or rules.expires < time.monotonic():
            rules = await self._fresh(origin, fetch)
        if rules.unreachable is not None:
            return "robots_unreadable", (f"robots.txt could not be read ({rules.unreachable}), "
                                         "so nothing is fetched from this site for now")
        if rules.parser is None or rules.parser.can_fetch(url, self._agent):
            return None
        return "blocked_by_robots", "robots.txt disallows it"

    async def _fresh(self, origin: str, fetch: RobotsFetch) -> _Rules:
        """The origin's rules, loaded by one fetch at a time (the others wait for its
        answer). Only a load takes the lock: rules in date are read without it, as every
        fetch but the first of a day does (the lock, and a new one made for ``setdefault``
        each time, cost every fetch ~1 us)."""
        async with self._locks.setdefault(origin, asyncio.Lock()):
            rules = self._rules.get(origin)
            if rules is None or rules.expires < time.monotonic():
                rules = await self._load(origin, fetch)
                self._rules[origin] = rules
            return rules

    def crawl_delay(self, url: str) -> float | None:
        rules = self._rules.get(robots_url(url))
        if rules is None or rules.parser is None:
            return None
        delay = rules.parser.crawl_delay(self._agent)
        return float(delay) if delay is not None else None

    async def _load(self, origin: str, fetch: RobotsFetch) -> _Rules:
        now = time.monotonic()
        try:
            content = await fetch(origin)
        except FetchError as exc:
            if exc.reason.startswith("http_4") and exc.reason != "http_429":
                return _Rules(None, now + TTL)  # RFC 9309 "unavailable": no rules
            cause = f"{exc.reason}: {exc.detail}" if exc.detail else exc.reason
            logger.warning("robots.txt at %s could not be read (%s): not fetching from that "
                           "site for now", origin, cause)
            return _Rules(None, now + UNREADABLE_TTL, unreachable=cause)
        text = content.decode("utf-8", "replace")
        try:
            return _Rules(Protego.parse(text), now + TTL)
        except Exception as exc:  # rules we cannot read are not "no rules"
            logger.warning("unparsable robots.txt at %s: not fetching from that site", origin)
            return _Rules(None, now + UNREADABLE_TTL, unreachable=f"unparsable: {exc!r}")
