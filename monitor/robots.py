"""robots.txt, read the way RFC 9309 says: cached per origin for at most a day.

A 4xx ("unavailable") allows everything; a 5xx or a network failure ("unreachable") means
complete disallow until the next try, so a struggling site is not hammered. Only the first
500 KiB are parsed. A ``Crawl-delay`` for our user agent raises that host's delay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego

from monitor.errors import FetchError, TransientFetchError

logger = logging.getLogger(__name__)
MAX_ROBOTS_BYTES = 500 * 1024
TTL = 24 * 3600.0
UNREACHABLE_TTL = 15 * 60.0
RobotsFetch = Callable[[str], Awaitable[bytes]]


@dataclass(frozen=True, slots=True)
class _Rules:
    parser: Protego | None  # None: allow all
    expires: float
    unreachable: str | None = None  # why robots.txt could not be read: disallow all


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


class RobotsCache:
    """Answers "may we fetch this URL?" for one user agent."""

    def __init__(self, user_agent: str) -> None:
        self._agent = user_agent.split("/", 1)[0].strip() or user_agent
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def refusal(self, url: str, fetch: RobotsFetch) -> tuple[str, str] | None:
        """None when ``url`` may be fetched, else (reason, detail) for the FetchError."""
        origin = robots_url(url)
        if urlsplit(url).path == "/robots.txt":
            return None
        async with self._locks.setdefault(origin, asyncio.Lock()):
            rules = self._rules.get(origin)
            if rules is None or rules.expires < time.monotonic():
                rules = await self._load(origin, fetch)
                self._rules[origin] = rules
        if rules.unreachable is not None:
            return rules.unreachable, "robots.txt unreachable, so nothing may be fetched"
        if rules.parser is None or rules.parser.can_fetch(url, self._agent):
            return None
        return "blocked_by_robots", "robots.txt disallows it"

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
        except TransientFetchError as exc:
            logger.warning("robots.txt unreachable (%s): not fetching from %s for now",
                           exc.reason, origin)
            return _Rules(None, now + UNREACHABLE_TTL, unreachable=exc.reason)
        except FetchError:
            return _Rules(None, now + TTL)  # 4xx, too large, not text: no rules
        text = content[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        try:
            return _Rules(Protego.parse(text), now + TTL)
        except Exception:  # a robots.txt that breaks the parser is treated as absent
            logger.warning("unparsable robots.txt at %s: ignored", origin)
            return _Rules(None, now + TTL)
