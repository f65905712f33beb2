"""Pure backoff policy shared by fetching and the alert outbox."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

MAX_RETRY_AFTER = 6 * 3600


def alert_delay(attempts: int, schedule: Sequence[float],
                rand: random.Random | None = None) -> float | None:
    """Seconds until the next delivery attempt after ``attempts`` failures, from a channel's
    schedule with +/-20% jitter; None = give up."""
    if attempts < 1 or attempts > len(schedule):
        return None
    return schedule[attempts - 1] * (rand or random).uniform(0.8, 1.2)


def fetch_delay(attempt: int, base: float = 1.0, cap: float = 30.0,
                rand: random.Random | None = None) -> float:
    """Exponential backoff with full jitter for the retries of one fetch."""
    return (rand or random).uniform(0, min(cap, base * 2 ** attempt))


def retry_after(value: str | None, now: datetime | None = None,
                cap: float = MAX_RETRY_AFTER) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta or HTTP-date), capped (fetching: 6 h;
    the webhook outbox passes its own day-long cap)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), cap)
