"""Dead article links back off instead of being fetched (and logged) on every pass.

A link that fails for a reason that will not change by itself (a 404 or 410, a page that is
not HTML or has no article, a redirect loop) waits 1 h, then 2 h, 4 h ... up to a week before
it is tried again; a transient failure (timeout, 5xx, robots.txt unreadable) does not back
off, and a link that works again is forgotten. A listing may keep linking a dead page for
months: this keeps it from costing a request and a warning every half hour.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.archive import Archive
from monitor.errors import ArchiveError, ExtractionFailed, MonitorError, PermanentFetchError
from monitor.units import stamp
from monitor.urls import canonical, redact_url

logger = logging.getLogger(__name__)

FIRST_WAIT = timedelta(hours=1)
MAX_WAIT = timedelta(days=7)  # a page that comes back is found within a week
_NOT_DEAD = ("robots_", "blocked_", "http_408", "http_429")  # policy or pacing, not the page
_NOT_THE_PAGE = ("parse_crash",)  # a parser pool torn down under the page, not the page
# Over the parse budget may be a loaded machine, not the page: the next pass tries it once
# more before it backs off (a page that really is pathological costs one more budget).
_MAYBE_LOAD = ("parse_timeout",)


@dataclass(frozen=True, slots=True)
class DeadLinks:
    """What the archive knows about a listing's dead links (canonical URLs): those still
    waiting out their backoff, and those due for another try (forgotten if it works)."""

    resting: frozenset[str] = frozenset()
    retrying: frozenset[str] = frozenset()


def is_dead(exc: MonitorError) -> bool:
    """Whether a failure says the page itself is gone or unusable."""
    if isinstance(exc, ExtractionFailed):
        return not exc.reason.startswith(_NOT_THE_PAGE)
    return isinstance(exc, PermanentFetchError) and not exc.reason.startswith(_NOT_DEAD)


def wait_after(failures: int, reason: str = "") -> timedelta:
    """1 h after the first failure, doubling, at most a week (from the second for a failure
    that may be the machine's load: none after the first)."""
    if reason.startswith(_MAYBE_LOAD):
        failures -= 1
        if failures < 1:
            return timedelta(0)
    wait: timedelta = FIRST_WAIT * 2 ** min(max(failures - 1, 0), 16)
    return min(wait, MAX_WAIT)


def lookup(archive: Archive, urls: Iterable[str], now: datetime) -> DeadLinks:
    """Which of ``urls`` are known dead, split by whether their wait is over. One indexed
    query per listing, so a listing with no dead link costs next to nothing."""
    resting: set[str] = set()
    retrying: set[str] = set()
    for url, waiting in archive.by_url("SELECT url, next_try > ? FROM dead_links "
                                       "WHERE url IN ({urls})", urls, [stamp(now)]):
        (resting if waiting else retrying).add(url)
    return DeadLinks(frozenset(resting), frozenset(retrying))


def record_failure(archive: Archive, url: str, source: str, reason: str, now: datetime) -> None:
    key = canonical(url)
    with archive.write() as db:
        row = db.execute("SELECT failures FROM dead_links WHERE url = ?", [key]).fetchone()
        failures = (row[0] if row else 0) + 1
        db.execute("INSERT OR REPLACE INTO dead_links (url, source, failures, reason, "
                   "first_failed, next_try) VALUES (?, ?, ?, ?, coalesce((SELECT first_failed "
                   "FROM dead_links WHERE url = ?), ?), ?)",
                   [key, source, failures, reason[:300], key, stamp(now),
                    stamp(now + wait_after(failures, reason))])


def forget(archive: Archive, url: str) -> None:
    """A link that works again starts over."""
    with archive.write() as db:
        db.execute("DELETE FROM dead_links WHERE url = ?", [canonical(url)])


def note_failure(archive: Archive, url: str, source: str, exc: MonitorError,
                 now: datetime) -> None:
    """After a failed fetch or extraction: a dead page starts (or lengthens) its wait."""
    if not is_dead(exc):
        return
    try:
        record_failure(archive, url, source, getattr(exc, "reason", str(exc)), now)
    except ArchiveError as err:  # the backoff is an economy; losing it costs one more try
        logger.warning("could not record the dead link %s: %s", redact_url(url), err)


def note_revived(archive: Archive, url: str) -> None:
    """After a dead link worked again."""
    try:
        forget(archive, url)
    except ArchiveError as err:
        logger.warning("could not forget the dead link %s: %s", redact_url(url), err)
