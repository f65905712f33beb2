"""Group commit: the writes of concurrent checks, committed in one transaction per batch.

A pass stores hundreds of articles a second; one synced transaction each (plus one per
fetch-log row) cost a sync of the disk per row and blocked the event loop while it ran
(issue 9). Saves, 304 touches and fetch-log rows are queued here and written together by
``Archive.write_batch`` when ``max_saves`` are waiting or ``linger`` seconds after the first
one, whichever comes first. Each save still commits with its version, mentions and alerts
(saving.py), and its caller learns the outcome only after that commit, so nothing reported
as stored can be lost by a crash; a crash loses at most the uncommitted batch, which the
next pass fetches again (nothing of it was reported or alerted).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

from monitor.archive import Archive
from monitor.errors import ArchiveError
from monitor.models import SaveResult
from monitor.saving import Batch, SaveRequest
from monitor.units import stamp

logger = logging.getLogger(__name__)
LINGER = 0.1  # seconds a write may wait for others to share its commit
MAX_SAVES = 200  # articles per transaction
MAX_FETCH_ROWS = 1000  # fetch-log rows kept in memory before they are written anyway


class ArchiveWriter:
    """Queues writes for the archive and commits them in batches, on the event loop thread
    (the archive's only writer). ``aclose`` writes what is left."""

    def __init__(self, archive: Archive, *, linger: float = LINGER,
                 max_saves: int = MAX_SAVES) -> None:
        self._archive = archive
        self._linger = linger
        self._max_saves = max_saves
        self._saves: list[tuple[SaveRequest, asyncio.Future[SaveResult]]] = []
        self._touches: list[tuple[str, datetime]] = []
        self._fetches: list[dict[str, Any]] = []
        self._timer: asyncio.TimerHandle | None = None

    async def save(self, request: SaveRequest) -> SaveResult:
        """Store an article; returns once its batch is committed (raises ArchiveError)."""
        future: asyncio.Future[SaveResult] = asyncio.get_running_loop().create_future()
        self._saves.append((request, future))
        if len(self._saves) >= self._max_saves:
            self.flush()
        else:
            self._schedule()
        return await future  # a cancelled check still gets its row written

    def touch(self, url: str, now: datetime) -> None:
        """A 304: the article is still there (``last_seen``), written with the next batch."""
        self._touches.append((url, now))
        self._schedule()

    def log_fetch(self, **fields: Any) -> None:
        """One fetch-log row, written with the next batch (dropped if it cannot be)."""
        self._fetches.append({**fields, "at": stamp(datetime.now(UTC))})
        if len(self._fetches) >= MAX_FETCH_ROWS:
            self.flush()
        else:
            self._schedule()

    def _schedule(self) -> None:
        if self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self._linger, self.flush)

    def flush(self) -> None:
        """Write everything queued now, in one transaction."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        saves, self._saves = self._saves, []
        batch = Batch(saves=tuple(request for request, _ in saves),
                      touches=tuple(self._touches), fetches=tuple(self._fetches))
        self._touches, self._fetches = [], []
        if not (batch.saves or batch.touches or batch.fetches):
            return
        try:
            results = self._archive.write_batch(batch)
        except Exception as exc:  # a bug must reach every waiting check, not the timer
            logger.exception("writing a batch of %d articles failed", len(saves))
            results = [ArchiveError(f"internal_error ({exc!r})")] * len(saves)
        for (_, future), result in zip(saves, results, strict=True):
            if future.done():
                continue
            if isinstance(result, ArchiveError):
                future.set_exception(result)
            else:
                future.set_result(result)

    async def aclose(self) -> None:
        self.flush()
