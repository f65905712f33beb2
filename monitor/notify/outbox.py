"""The alerts outbox: claim due alerts, send them, record the outcome.

Alerts are queued in the same transaction as the article that caused them, and sent only from
here, after that commit. A claim is a lease: if the process dies mid-send, the lease expires
and the alert is sent again with the same key, so a crash can delay an alert but never lose
it, and a duplicate carries the same idempotency key.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.archive import Archive, stamp
from monitor.errors import ChannelError
from monitor.models import Alert
from monitor.notify.base import Channel
from monitor.retry import alert_delay

logger = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    dead: int = 0


def claim(archive: Archive, now: datetime, limit: int = 100) -> list[Alert]:
    """Take due alerts (pending, or in flight with an expired lease) under a lease."""
    at = stamp(now)
    with archive.write() as db:
        rows = db.execute(
            "UPDATE alerts SET status = 'in_flight', lease_until = ?, attempts = attempts + 1 "
            "WHERE id IN (SELECT id FROM alerts WHERE (status = 'pending' AND next_attempt <= ?) "
            "OR (status = 'in_flight' AND lease_until < ?) ORDER BY next_attempt, id LIMIT ?) "
            "RETURNING id, channel, payload, attempts",
            [stamp(now + LEASE), at, at, limit],
        ).fetchall()
    return [_alert(*row) for row in sorted(rows)]


def _alert(alert_id: int, channel: str, payload: str, attempts: int) -> Alert:
    data = json.loads(payload)
    return Alert(
        id=alert_id, channel=channel, attempts=attempts, key=data["key"], kind=data["kind"],
        organisation=data["organisation"], alias=data["alias"], url=data["url"],
        title=data["title"], published=data.get("published"), source=data["source"],
        snippet=data["snippet"],
    )


def deliver(archive: Archive, channels: Mapping[str, Channel], now: datetime) -> DeliveryReport:
    """Send every due alert once; failures are rescheduled or marked dead."""
    sent = retrying = dead = 0
    for alert in claim(archive, now):
        channel = channels.get(alert.channel)
        try:
            if channel is None:
                raise ChannelError(f"channel {alert.channel!r} is no longer configured",
                                   retryable=True)
            channel.send(alert)
        except ChannelError as exc:
            if _fail(archive, alert, exc, now):
                retrying += 1
            else:
                dead += 1
            continue
        with archive.write() as db:
            db.execute("UPDATE alerts SET status = 'sent', sent_at = ?, lease_until = NULL, "
                       "last_error = NULL WHERE id = ?", [stamp(now), alert.id])
        sent += 1
    return DeliveryReport(sent, retrying, dead)


def _fail(archive: Archive, alert: Alert, exc: ChannelError, now: datetime) -> bool:
    """Record a failed attempt; True when it will be retried."""
    attempts = alert.attempts
    delay = alert_delay(attempts) if exc.retryable else None
    logger.warning("alert %s via %s failed (attempt %d): %s", alert.key, alert.channel,
                   attempts, exc)
    with archive.write() as db:
        if delay is None:
            db.execute("UPDATE alerts SET status = 'dead', lease_until = NULL, last_error = ? "
                       "WHERE id = ?", [str(exc)[:500], alert.id])
            return False
        db.execute("UPDATE alerts SET status = 'pending', lease_until = NULL, last_error = ?, "
                   "next_attempt = ? WHERE id = ?",
                   [str(exc)[:500], stamp(now + timedelta(seconds=delay)), alert.id])
    return True
