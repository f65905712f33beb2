"""Queue alerts into the outbox inside the caller's write transaction.

An alert row is written in the same transaction as the article (or source state) that caused
it, so a crash either loses both or keeps both; its key is derived from what it is about, so
queueing it twice is a no-op (``INSERT OR IGNORE`` on the unique key).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from monitor.models import AlertKind, Mention, Route
from monitor.units import parse_duration, stamp


def alert_key(channel: str, organisation: str, url: str, digest: str) -> str:
    """Idempotency key: the same alert gets the same key across crashes and restarts."""
    raw = f"v1|{channel}|{organisation}|{url}|{digest}".encode()
    return "msg_" + hashlib.sha256(raw).hexdigest()[:40]


def next_digest(spec: str, now: datetime) -> datetime:
    """When a digest channel next sends: the next multiple of the period since midnight UTC
    (``1h`` sends on the hour), or the next daily ``HH:MM`` UTC."""
    now = now.astimezone(UTC)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    daily = re.fullmatch(r"(\d{1,2}):(\d{2})", spec)
    if daily:
        at = midnight + timedelta(hours=int(daily.group(1)), minutes=int(daily.group(2)))
        return at if at > now else at + timedelta(days=1)
    period = parse_duration(spec)
    elapsed = (now - midnight).total_seconds()
    return midnight + timedelta(seconds=(elapsed // period + 1) * period)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What an article alert says besides the mention itself."""

    article_id: int
    url: str
    content_hash: str
    title: str
    published: str | None
    source: str
    kind: AlertKind
    added: tuple[str, ...] = ()


def queue_mention(db: Database, routes: Sequence[Route], mention: Mention, facts: ArticleFacts,
                  now: datetime) -> int:
    """One alert per channel that wants this (organisation, source); returns rows queued."""
    queued = 0
    for route in routes:
        if not route.wants(mention.organisation, facts.source):
            continue
        key = alert_key(route.channel, mention.organisation, facts.url, facts.content_hash)
        payload: dict[str, Any] = {
            "key": key, "kind": facts.kind.value, "organisation": mention.organisation,
            "alias": mention.alias, "title": facts.title, "url": facts.url,
            "source": facts.source, "published": facts.published, "detected_at": stamp(now),
            "snippet": mention.snippet, "added": list(facts.added),
        }
        due = next_digest(route.digest, now) if route.digest else now
        queued += _insert(db, key, route.channel, mention.organisation, facts.article_id,
                          facts.source, facts.kind, payload, due, now)
    return queued


@dataclass(frozen=True, slots=True)
class Notice:
    """An operational alert about a source: failing ``since`` a time, or recovered."""

    kind: AlertKind
    source: str
    url: str
    detail: str
    since: str


def queue_notice(db: Database, routes: Sequence[Route], notice: Notice, now: datetime) -> int:
    """An operational alert, to the channels that asked for them; keyed on the failure
    streak (``since``) so each streak alerts once, and its recovery once."""
    kind, source, url = notice.kind, notice.source, notice.url
    queued = 0
    for route in routes:
        if not route.source_failures:
            continue
        key = alert_key(route.channel, f"{kind.value}:{source}", url, notice.since)
        title = (f"Source {source} is failing" if kind is AlertKind.SOURCE_FAILED
                 else f"Source {source} has recovered")
        payload: dict[str, Any] = {
            "key": key, "kind": kind.value, "organisation": "", "alias": "", "title": title,
            "url": url, "source": source, "published": None, "detected_at": stamp(now),
            "snippet": notice.detail, "added": [],
        }
        queued += _insert(db, key, route.channel, "", None, source, kind, payload, now, now)
    return queued


def _insert(db: Database, key: str, channel: str, organisation: str, article_id: int | None,
            source: str, kind: AlertKind, payload: Mapping[str, Any], due: datetime,
            now: datetime) -> int:
    cursor = db.execute(
        "INSERT OR IGNORE INTO alerts (key, channel, organisation, article_id, source, kind, "
        "payload, status, attempts, next_attempt, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
        [key, channel, organisation, article_id, source, kind.value,
         json.dumps(payload, ensure_ascii=False), stamp(due), stamp(now)],
    )
    return cursor.rowcount
