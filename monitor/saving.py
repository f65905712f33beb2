"""What saving one article writes, inside the caller's write transaction (archive.py).

An article row, its new version, its mentions and the alerts they queue are written by one
``save_article`` call; the archive wraps each call in a savepoint of a batch transaction, so
they are committed together with the batch or not at all (RELIABILITY.md §3).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from monitor.changes import added_sentences
from monitor.enqueue import ArticleFacts, queue_mention
from monitor.errors import ArchiveError
from monitor.models import AlertKind, Article, Mention, Route, SaveOutcome, SaveResult
from monitor.textnorm import content_hash
from monitor.units import stamp
from monitor.urls import canonical, same_site


@dataclass(frozen=True, slots=True)
class SaveRequest:
    """One extracted article to store; ``routes=()`` records it without alerting (a source's
    baseline pass)."""

    article: Article
    source: str
    mentions: tuple[Mention, ...]
    routes: tuple[Route, ...]
    now: datetime
    validators: tuple[str | None, str | None] = (None, None)


@dataclass(frozen=True, slots=True)
class Batch:
    """Writes committed in one transaction: article saves, 304 touches (url, when) and
    fetch-log rows."""

    saves: tuple[SaveRequest, ...] = ()
    touches: tuple[tuple[str, datetime], ...] = ()
    fetches: tuple[dict[str, Any], ...] = field(default=())


def index_pending(db: Database) -> None:
    """Add the articles waiting in ``fts_pending`` (new ones, written there by a trigger in
    their own savepoint) to the full-text index in one statement, and empty it.

    One statement per batch, after the savepoints: FTS5 flushes its pending terms at every
    savepoint, so a per-row trigger inside each article's savepoint wrote one index segment
    per article and merged them again (issue 9). The table, not the batch's results, says
    what to index: an article stored and edited before it was indexed must be indexed once,
    with its current text (``articles_au`` leaves it alone; its delete of the text never
    indexed failed the edit's save as "database disk image is malformed")."""
    # in rowid order: FTS5 writes a segment whenever a rowid is lower than the last one
    if db.execute("INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body "
                  "FROM articles WHERE id IN (SELECT article_id FROM fts_pending) "
                  "ORDER BY id").rowcount:
        db.execute("DELETE FROM fts_pending")


def save_error(url: str, exc: sqlite3.Error) -> ArchiveError:
    hint = " (free some space: nothing was half-written and the next pass resumes)" \
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" else ""
    error = ArchiveError(f"could not save {url}: {exc}{hint}")
    error.__cause__ = exc
    return error


def save_article(db: Database, request: SaveRequest) -> SaveResult:
    """Store an extracted article; queue alerts for organisations it newly mentions."""
    article, at = request.article, stamp(request.now)
    url = canonical(article.url)
    digest = content_hash(article.title, article.body)
    row, via_alias = _identity(db, url, article.canonical_url, at)
    etag, modified = request.validators
    already: set[str] = set()
    if row is not None and _seen(db, row, digest):
        db.execute("UPDATE articles SET last_seen = ?, etag = ?, last_modified = ? WHERE id = ?",
                   [at, etag, modified, row["id"]])
        return SaveResult(SaveOutcome.UNCHANGED, row["id"])
    if row is not None and via_alias:
        # A syndicated copy that diverged from its original becomes its own article, once;
        # it alerts only for organisations the original did not mention.
        db.execute("DELETE FROM aliases WHERE url = ?", [url])
        already = _organisations(db, row["id"])
        row = None
    elif row is None:
        twin = _one(db, "SELECT id FROM articles WHERE content_hash = ?", [digest])
        if twin is not None:
            db.execute("INSERT OR IGNORE INTO aliases (url, article_id, first_seen) VALUES (?, ?, ?)",
                       [url, twin["id"], at])
            return SaveResult(SaveOutcome.DUPLICATE, twin["id"])
    fields = {
        "title": article.title, "published": article.published, "author": article.author,
        "lang": article.lang, "body": article.body, "content_hash": digest, "last_seen": at,
        "etag": etag, "last_modified": modified,
    }
    added: tuple[str, ...] = ()
    if row is None:
        cursor = db.execute(
            "INSERT INTO articles (source, url, first_seen, version_count, "
            + ", ".join(fields) + ") VALUES (?, ?, ?, 1, " + ", ".join("?" * len(fields)) + ")",
            [request.source, url, at, *fields.values()],
        )
        article_id, version, outcome = int(cursor.lastrowid or 0), 1, SaveOutcome.NEW
    else:
        article_id, version, outcome = row["id"], row["version_count"] + 1, SaveOutcome.CHANGED
        db.execute(
            "UPDATE articles SET version_count = ?, " + ", ".join(f"{k} = ?" for k in fields)
            + " WHERE id = ?", [version, *fields.values(), article_id])
        already = _organisations(db, article_id)
        added = added_sentences(row["body"], article.body)
    db.execute(
        "INSERT INTO versions (article_id, version, content_hash, title, body, seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?)", [article_id, version, digest, article.title, article.body, at])
    kind = AlertKind.NEW if outcome is SaveOutcome.NEW else AlertKind.CHANGED
    facts = ArticleFacts(article_id, url, digest, article.title, article.published,
                         request.source, kind, added)
    queued, alerted = _mentions(db, request, facts, version, already)
    return SaveResult(outcome, article_id, request.mentions, queued, alerted)


def _mentions(db: Database, request: SaveRequest, facts: ArticleFacts, version: int,
              already: set[str]) -> tuple[int, tuple[str, ...]]:
    """The version's mentions, and alerts for organisations not mentioned before (an edit
    alerts only for newcomers). Returns (alerts queued, organisations alerted)."""
    queued, alerted = 0, []
    for mention in request.mentions:
        db.execute(
            "INSERT INTO mentions (article_id, version, organisation, alias, count, snippet) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [facts.article_id, version, mention.organisation, mention.alias, mention.count,
             mention.snippet])
        if mention.organisation not in already:
            count = queue_mention(db, request.routes, mention, facts, request.now)
            queued += count
            alerted += [mention.organisation] if count else []
    return queued, tuple(alerted)


def _one(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _identity(db: Database, url: str, declared: str | None, at: str
              ) -> tuple[dict[str, Any] | None, bool]:
    """The stored article a fetched URL is, and whether only as a syndicated copy.

    A same-site ``rel=canonical`` naming a stored article (not the site's front page, a
    common template bug) makes this URL an alias of it."""
    row = _one(db, "SELECT * FROM articles WHERE url = ?", [url])
    if row is not None:
        return row, False
    row = _one(db, "SELECT a.* FROM aliases x JOIN articles a ON a.id = x.article_id "
               "WHERE x.url = ?", [url])
    if row is not None:
        return row, True
    target = canonical(declared) if declared else None
    if target and target != url and same_site(target, url) \
            and urlsplit(target).path.strip("/"):
        row = _one(db, "SELECT * FROM articles WHERE url = ?", [target])
        if row is not None:
            db.execute("INSERT OR IGNORE INTO aliases (url, article_id, first_seen) "
                       "VALUES (?, ?, ?)", [url, row["id"], at])
    return row, False


def _seen(db: Database, row: dict[str, Any], digest: str) -> bool:
    """Current text, or a text the article had before (a revert, or two pages taking turns
    under one identity): no new version, no alert, no ping-pong."""
    return row["content_hash"] == digest or _one(
        db, "SELECT 1 FROM versions WHERE article_id = ? AND content_hash = ?",
        [row["id"], digest]) is not None


def _organisations(db: Database, article_id: int) -> set[str]:
    return {r[0] for r in db.execute(
        "SELECT DISTINCT organisation FROM mentions WHERE article_id = ?", [article_id])}
