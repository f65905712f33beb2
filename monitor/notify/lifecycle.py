"""What an operator does with the outbox: list alerts, retry them, test a channel.

The archive has one writer (the running monitor), so ``monitor alerts retry`` writes directly
only when no monitor holds the archive; otherwise it leaves a request file beside the archive
that the daemon applies at its next outbox round (every 30 s).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from monitor.archive import Archive, stamp
from monitor.models import Alert, AlertKind

STATUSES = ("pending", "failed", "dead", "sent", "paused", "in_flight")


def list_alerts(archive: Archive, status: str | None = None, limit: int = 50
                ) -> list[dict[str, Any]]:
    """Newest first; ``failed`` means pending after at least one failed attempt."""
    where, params = "1 = 1", []
    if status == "failed":
        where = "a.status = 'pending' AND a.last_error IS NOT NULL"
    elif status:
        where, params = "a.status = ?", [status]
    return archive.query(
        "SELECT a.id, a.status, a.channel, a.kind, a.organisation, a.source, "
        "json_extract(a.payload, '$.title') AS title, json_extract(a.payload, '$.url') AS url, "
        "a.attempts, a.next_attempt, a.sent_at, a.last_error, a.last_response, a.created_at "
        f"FROM alerts a WHERE {where} ORDER BY a.id DESC LIMIT ?", [*params, limit])


def counts(archive: Archive) -> dict[str, int]:
    rows = archive.query("SELECT status, COUNT(*) AS n FROM alerts GROUP BY status")
    return {row["status"]: row["n"] for row in rows}


def paused_channels(archive: Archive) -> list[dict[str, Any]]:
    return archive.query("SELECT name, reason, since FROM channel_state WHERE status = 'paused'")


def retry(archive: Archive, ids: Sequence[int] | None, now: datetime) -> int:
    """Make alerts due now with a fresh retry schedule (``ids=None``: every unsent alert, and
    paused channels resume). Sent alerts are never resent."""
    with archive.write() as db:
        if ids is None:
            db.execute("DELETE FROM channel_state")
            return db.execute("UPDATE alerts SET status = 'pending', attempts = 0, "
                              "next_attempt = ?, lease_until = NULL "
                              "WHERE status IN ('pending', 'dead', 'paused')",
                              [stamp(now)]).rowcount
        marks = ",".join("?" * len(ids))
        return db.execute(f"UPDATE alerts SET status = 'pending', attempts = 0, next_attempt = ?, "
                          f"lease_until = NULL WHERE status IN ('pending', 'dead', 'paused') "
                          f"AND id IN ({marks})", [stamp(now), *ids]).rowcount


def requests_path(database: Path) -> Path:
    return database.with_name(database.name + ".requests")


def request_retry(database: Path, ids: Sequence[int] | None) -> None:
    """Ask the running daemon to retry (one JSON line, appended atomically)."""
    line = json.dumps({"retry": "all" if ids is None else list(ids)}) + "\n"
    fd = os.open(requests_path(database), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def apply_requests(archive: Archive, now: datetime) -> int:
    """The daemon's side: apply and remove pending requests; returns alerts made due."""
    path = requests_path(archive.path)
    taken = path.with_name(path.name + ".taken")
    try:
        os.replace(path, taken)
    except FileNotFoundError:
        return 0
    due = 0
    for line in taken.read_text("utf-8").splitlines():
        try:
            wanted = json.loads(line)["retry"]
        except (ValueError, KeyError, TypeError):
            continue
        due += retry(archive, None if wanted == "all" else [int(i) for i in wanted], now)
    taken.unlink()
    return due


def sample_alert(channel: str, now: datetime) -> Alert:
    """A clearly labelled alert for ``monitor alerts test`` (never stored)."""
    return Alert(
        key=f"test_{secrets.token_hex(12)}", kind=AlertKind.TEST.value,
        organisation="news-monitor", alias="news-monitor",
        url="https://github.com/news-monitor/news-monitor",
        title="Test alert: this channel works", published=None, source="monitor alerts test",
        snippet="If you can read this, alerts from news-monitor reach you through this channel.",
        channel=channel, detected_at=stamp(now))
