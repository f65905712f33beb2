"""Dead article links back off instead of being fetched (and logged) on every pass.

A link that fails for a reason that will not change by itself (a 404 or 410, a page that is
not HTML or has no article, a redirect loop) waits 1 h, then 2 h, 4 h ... up to a week before
it is tried again; a transient failure (timeout, 5xx, robots.txt unreadable) does not back
off, and a link that works again is forgotten. A listing may keep linking a dead page for
months: this keeps it from costing a request and a warning every half hour.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from monitor.archive import Archive
from monitor.errors import ExtractionFailed, MonitorError, PermanentFetchError
from monitor.units import stamp
from monitor.urls import canonical

FIRST_WAIT = timedelta(hours=1)
MAX_WAIT = timedelta(days=7)  # a page that comes back is found within a week
_NOT_DEAD = ("robots_", "blocked_", "http_408", "http_429")  # policy or pacing, not the page


def is_dead(exc: MonitorError) -> bool:
    """Whether a failure says the page itself is gone or unusable."""
    if isinstance(exc, ExtractionFailed):
        return True
    return isinstance(exc, PermanentFetchError) and not exc.reason.startswith(_NOT_DEAD)


def wait_after(failures: int) -> timedelta:
    """1 h after the first failure, doubling, at most a week."""
    wait: timedelta = FIRST_WAIT * 2 ** min(max(failures - 1, 0), 16)
    return min(wait, MAX_WAIT)


def resting(archive: Archive, urls: Iterable[str], now: datetime) -> set[str]:
    """The canonical URLs among ``urls`` still waiting out a backoff."""
    keys = [canonical(u) for u in urls]
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = archive.query(
            f"SELECT url FROM dead_links WHERE next_try > ? AND url IN "
            f"({','.join('?' * len(chunk))})", [stamp(now), *chunk])
        found.update(row["url"] for row in rows)
    return found


def record_failure(archive: Archive, url: str, source: str, reason: str, now: datetime) -> None:
    key = canonical(url)
    with archive.write() as db:
        row = db.execute("SELECT failures FROM dead_links WHERE url = ?", [key]).fetchone()
        failures = (row[0] if row else 0) + 1
        db.execute("INSERT OR REPLACE INTO dead_links (url, source, failures, reason, "
                   "first_failed, next_try) VALUES (?, ?, ?, ?, coalesce((SELECT first_failed "
                   "FROM dead_links WHERE url = ?), ?), ?)",
                   [key, source, failures, reason[:300], key, stamp(now),
                    stamp(now + wait_after(failures))])


def forget(archive: Archive, url: str) -> None:
    """A link that works again starts over."""
    with archive.write() as db:
        db.execute("DELETE FROM dead_links WHERE url = ?", [canonical(url)])
