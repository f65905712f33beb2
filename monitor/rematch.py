"""Apply the current watch list to stored articles (``monitor rematch``).

Why: mentions are computed when an article is saved, so an organisation added to the watch
list today would never be found in last month's articles, and ``search --org`` would miss
them. Rematching recomputes the mentions of each article's current version (older versions
keep theirs, as history) and, only when asked, queues alerts for organisations an article
did not mention before, through the same outbox path and keys as the live pipeline, so an
alert already sent is not sent again.

Articles are read in pages by id and written one batch per transaction, so a rematch can
run beside a daemon: each write holds the archive for milliseconds, and mentions are keyed
by version, so an article the daemon updates meanwhile keeps its new mentions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.archive import Archive
from monitor.models import Route
from monitor.watch import Matcher

logger = logging.getLogger(__name__)
# Articles per page and write transaction: one fsync per batch, short enough that a running
# daemon never waits long for the archive.
BATCH_ARTICLES = 200


@dataclass(frozen=True, slots=True)
class RematchReport:
    """What a rematch did: articles read, (article, organisation) pairs found or dropped,
    alerts queued."""

    articles: int = 0
    added: int = 0
    removed: int = 0
    alerts: int = 0


def rematch(archive: Archive, matcher: Matcher, *, now: datetime, since: str | None = None,
            routes: Sequence[Route] = (), batch: int = BATCH_ARTICLES,
            progress: Callable[[int], None] | None = None) -> RematchReport:
    """Recompute the mentions of stored articles (published or first seen since ``since``);
    queue alerts for newly found organisations only if ``routes`` are given."""
    last = articles = added = removed = queued = 0
    while rows := archive.rematch_batch(last, since, batch):
        found = [(row, matcher.match(row["title"] or "", row["body"] or "")) for row in rows]
        more, fewer, alerts = archive.replace_mentions(found, routes, now)
        articles, added, removed, queued = (articles + len(rows), added + more,
                                            removed + fewer, queued + alerts)
        last = rows[-1]["id"]
        if progress is not None:
            progress(len(rows))
    logger.info("rematched %d articles: %d mentions added, %d removed, %d alerts queued",
                articles, added, removed, queued)
    return RematchReport(articles, added, removed, queued)
