"""The SQLite archive: articles, versions, mentions and the alerts outbox, in one file.

Durability rules (RELIABILITY.md §3): WAL, synchronous=FULL, a busy timeout, and every write
in ``BEGIN IMMEDIATE`` so a writer waits for the lock instead of failing on upgrade. An
article, its version, its mentions and its alerts are committed together or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlite_utils import Database

from monitor import migrations
from monitor.changes import added_sentences
from monitor.clean import content_hash
from monitor.enqueue import ArticleFacts, Notice, queue_mention, queue_notice
from monitor.errors import ArchiveError
from monitor.models import AlertKind, Article, Mention, Route, SaveOutcome, SaveResult
from monitor.units import stamp as stamp  # re-exported: the archive's time format
from monitor.urls import canonical, same_site

logger = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 10_000


class Archive:
    """One archive file. Open it, use it, close it; a daemon keeps one open."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        if readonly and not self.path.exists():
            raise ArchiveError(f"no archive at {self.path}: run `monitor run --once` first")
        try:
            if not readonly:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = Database(self.path)
            self._configure(readonly)
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"cannot open archive {self.path}: {exc}") from exc

    def _configure(self, readonly: bool) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            return
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ArchiveError(f"archive {self.path} failed its integrity check")
        self.db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_size_limit = 67108864")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """A write transaction taken with BEGIN IMMEDIATE; rolled back on any error."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise ArchiveError(f"archive is busy: {exc}") from exc
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        try:
            self.db.commit()
        except sqlite3.Error as exc:
            self.db.rollback()
            raise ArchiveError(f"commit failed: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _one(self, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    # -- articles ---------------------------------------------------------------------------

    def lookup(self, url: str) -> dict[str, Any] | None:
        """The stored article for a URL, directly or through an alias (a syndicated copy)."""
        key = canonical(url)
        row = self._one("SELECT * FROM articles WHERE url = ?", [key])
        if row is None:
            row = self._one(
                "SELECT a.* FROM aliases x JOIN articles a ON a.id = x.article_id WHERE x.url = ?",
                [key],
            )
        return row

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of these (canonical) URLs the archive has already seen."""
        keys = [canonical(u) for u in urls]
        found: set[str] = set()
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for table in ("articles", "aliases"):
                found.update(r[0] for r in self.db.execute(
                    f"SELECT url FROM {table} WHERE url IN ({marks})", chunk))
        return found

    def touch(self, url: str, now: datetime) -> None:
        """A 304 or an identical page: the article is still there, nothing else changed."""
        with self.write() as db:
            db.execute("UPDATE articles SET last_seen = ? WHERE url = ?", [stamp(now), canonical(url)])

    def save(
        self, article: Article, *, source: str, mentions: Sequence[Mention],
        routes: Sequence[Route], now: datetime,
        validators: tuple[str | None, str | None] = (None, None),
    ) -> SaveResult:
        """Store an extracted article; queue alerts for organisations it newly mentions
        (``routes=()`` records without alerting, as a source's baseline pass does)."""
        url = canonical(article.url)
        digest = content_hash(article.title, article.body)
        try:
            with self.write() as db:
                return self._save(db, article, url, digest, source, mentions, routes,
                                  now, validators)
        except sqlite3.Error as exc:
            hint = " (free some space: nothing was half-written and the next pass resumes)" \
                if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" else ""
            raise ArchiveError(f"could not save {url}: {exc}{hint}") from exc

    def _save(
        self, db: Database, article: Article, url: str, digest: str, source: str,
        mentions: Sequence[Mention], routes: Sequence[Route], now: datetime,
        validators: tuple[str | None, str | None],
    ) -> SaveResult:
        at = stamp(now)
        row, via_alias = self._identity(db, url, article.canonical_url, at)
        etag, modified = validators
        already: set[str] = set()
        if row is not None and self._seen(row, digest):
            db.execute("UPDATE articles SET last_seen = ?, etag = ?, last_modified = ? WHERE id = ?",
                       [at, etag, modified, row["id"]])
            return SaveResult(SaveOutcome.UNCHANGED, row["id"])
        if row is not None and via_alias:
            # A syndicated copy that diverged from its original becomes its own article, once;
            # it alerts only for organisations the original did not mention.
            db.execute("DELETE FROM aliases WHERE url = ?", [url])
            already = self._organisations(db, row["id"])
            row = None
        elif row is None:
            twin = self._one("SELECT id FROM articles WHERE content_hash = ?", [digest])
            if twin is not None:
                db.execute("INSERT OR IGNORE INTO aliases (url, article_id, first_seen) VALUES (?, ?, ?)",
                           [url, twin["id"], at])
                return SaveResult(SaveOutcome.DUPLICATE, twin["id"])
        fields = {
            "title": article.title, "published": article.published, "author": article.author,
            "lang": article.lang, "body": article.body, "content_hash": digest, "last_seen": at,
            "etag": etag, "last_modified": modified,
        }
        if row is None:
            cursor = db.execute(
                "INSERT INTO articles (source, url, first_seen, version_count, "
                + ", ".join(fields) + ") VALUES (?, ?, ?, 1, " + ", ".join("?" * len(fields)) + ")",
                [source, url, at, *fields.values()],
            )
            article_id, version, outcome = int(cursor.lastrowid or 0), 1, SaveOutcome.NEW
            added: tuple[str, ...] = ()
        else:
            article_id, version, outcome = row["id"], row["version_count"] + 1, SaveOutcome.CHANGED
            db.execute(
                "UPDATE articles SET version_count = ?, " + ", ".join(f"{k} = ?" for k in fields)
                + " WHERE id = ?", [version, *fields.values(), article_id])
            already = self._organisations(db, article_id)
            added = added_sentences(row["body"], article.body)
        db.execute(
            "INSERT INTO versions (article_id, version, content_hash, title, body, seen_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [article_id, version, digest, article.title, article.body, at])
        kind = AlertKind.NEW if outcome is SaveOutcome.NEW else AlertKind.CHANGED
        facts = ArticleFacts(article_id, url, digest, article.title, article.published, source,
                             kind, added)
        queued, alerted = 0, []
        for mention in mentions:
            db.execute(
                "INSERT INTO mentions (article_id, version, organisation, alias, count, snippet) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [article_id, version, mention.organisation, mention.alias, mention.count,
                 mention.snippet])
            if mention.organisation not in already:  # an edit alerts only for newcomers
                count = queue_mention(db, routes, mention, facts, now)
                queued += count
                alerted += [mention.organisation] if count else []
        return SaveResult(outcome, article_id, tuple(mentions), queued, tuple(alerted))

    def _identity(self, db: Database, url: str, declared: str | None, at: str
                  ) -> tuple[dict[str, Any] | None, bool]:
        """The stored article a fetched URL is, and whether only as a syndicated copy.

        A same-site ``rel=canonical`` naming a stored article (not the site's front page, a
        common template bug) makes this URL an alias of it."""
        row = self._one("SELECT * FROM articles WHERE url = ?", [url])
        if row is not None:
            return row, False
        row = self._one("SELECT a.* FROM aliases x JOIN articles a ON a.id = x.article_id "
                        "WHERE x.url = ?", [url])
        if row is not None:
            return row, True
        target = canonical(declared) if declared else None
        if target and target != url and same_site(target, url) \
                and urlsplit(target).path.strip("/"):
            row = self._one("SELECT * FROM articles WHERE url = ?", [target])
            if row is not None:
                db.execute("INSERT OR IGNORE INTO aliases (url, article_id, first_seen) "
                           "VALUES (?, ?, ?)", [url, row["id"], at])
        return row, False

    def _seen(self, row: dict[str, Any], digest: str) -> bool:
        """Current text, or a text the article had before (a revert, or two pages taking
        turns under one identity): no new version, no alert, no ping-pong."""
        return row["content_hash"] == digest or self._one(
            "SELECT 1 FROM versions WHERE article_id = ? AND content_hash = ?",
            [row["id"], digest]) is not None

    @staticmethod
    def _organisations(db: Database, article_id: int) -> set[str]:
        return {r[0] for r in db.execute(
            "SELECT DISTINCT organisation FROM mentions WHERE article_id = ?", [article_id])}

    # -- sources and the fetch log ----------------------------------------------------------

    def source_state(self, name: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM sources WHERE name = ?", [name])

    def record_source(self, name: str, *, notice: Notice | None = None,
                      routes: Sequence[Route] = (), now: datetime | None = None,
                      **fields: Any) -> int:
        """Update a source's state; queue its operational alert in the same transaction."""
        with self.write() as db:
            db.table("sources").upsert({"name": name, **fields}, pk="name")
            if notice is None:
                return 0
            return queue_notice(db, routes, notice, now or datetime.now(UTC))

    def record_fetch(self, **fields: Any) -> None:
        with self.write() as db:
            db.table("fetches").insert(fields)

    def prune_fetches(self, before: datetime) -> int:
        with self.write() as db:
            return db.execute("DELETE FROM fetches WHERE at < ?", [stamp(before)]).rowcount

    # -- queries behind the CLI -------------------------------------------------------------

    def search(
        self, text: str, *, organisation: str | None = None, source: str | None = None,
        since: str | None = None, until: str | None = None, limit: int = 20,
    ) -> list[dict[str, Any]]:
        """Full-text search over titles and bodies; every word must occur (prefixes too)."""
        where, params = _filters(source=source, since=since, until=until,
                                 organisation=organisation)
        where.append("articles_fts MATCH ?")
        params.append(fts_query(text))
        sql = (
            "SELECT a.id, a.source, a.published, a.title, a.url, "
            "snippet(articles_fts, 1, '', '', '…', 16) AS snippet, "
            f"{_ORGANISATIONS} AS organisations "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY rank LIMIT ?"
        )
        try:
            return self.query(sql, [*params, limit])
        except sqlite3.OperationalError as exc:
            raise ArchiveError(f"search failed: {exc}") from exc

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article with its mentions (current version) and how many versions it has."""
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is not None:
            row["mentions"] = self.query(
                "SELECT organisation, alias, count, snippet FROM mentions "
                "WHERE article_id = ? AND version = ? ORDER BY organisation",
                [article_id, row["version_count"]])
        return row

    def versions(self, article_id: int) -> list[dict[str, Any]]:
        return self.query("SELECT version, content_hash, title, body, seen_at FROM versions "
                          "WHERE article_id = ? ORDER BY version", [article_id])

    # -- rematch: the current watch list over stored articles (monitor/rematch.py) ----------

    def rematch_batch(self, after_id: int, since: str | None, limit: int
                      ) -> list[dict[str, Any]]:
        """The next ``limit`` articles after ``after_id`` (published, or first seen when the
        date is unknown, on or after ``since``), by id, so a long rematch reads in pages."""
        where = "id > ?" + (" AND COALESCE(published, first_seen) >= ?" if since else "")
        return self.query(
            "SELECT id, source, url, title, published, body, content_hash, version_count "
            f"FROM articles WHERE {where} ORDER BY id LIMIT ?",
            [after_id, *([since] if since else []), limit])

    def replace_mentions(self, found: Sequence[tuple[dict[str, Any], Sequence[Mention]]],
                         routes: Sequence[Route], now: datetime) -> tuple[int, int, int]:
        """Make the given mentions those of each article's current version, in one
        transaction; queue alerts (the pipeline's enqueue path, same keys) for organisations
        an article did not mention before. Returns (organisations added, removed, queued)."""
        added = removed = queued = 0
        with self.write() as db:
            for row, mentions in found:
                key = [row["id"], row["version_count"]]
                before = {r[0]: tuple(r) for r in db.execute(
                    "SELECT organisation, alias, count, snippet FROM mentions "
                    "WHERE article_id = ? AND version = ?", key)}
                after = {m.organisation: (m.organisation, m.alias, m.count, m.snippet)
                         for m in mentions}
                if before == after:
                    continue
                added += len(after.keys() - before.keys())
                removed += len(before.keys() - after.keys())
                db.execute("DELETE FROM mentions WHERE article_id = ? AND version = ?", key)
                facts = ArticleFacts(row["id"], row["url"], row["content_hash"], row["title"],
                                     row["published"], row["source"], AlertKind.NEW)
                for mention in mentions:
                    db.execute(
                        "INSERT INTO mentions (article_id, version, organisation, alias, count, "
                        "snippet) VALUES (?, ?, ?, ?, ?, ?)",
                        [*key, mention.organisation, mention.alias, mention.count,
                         mention.snippet])
                    if mention.organisation not in before:
                        queued += queue_mention(db, routes, mention, facts, now)
        return added, removed, queued

    def export_rows(self, *, source: str | None = None, since: str | None = None,
                    until: str | None = None, organisation: str | None = None
                    ) -> Iterator[dict[str, Any]]:
        """Every article (optionally one source's, in a date range, or mentioning an
        organisation), streamed."""
        where, params = _filters(source=source, since=since, until=until,
                                 organisation=organisation)
        cursor = self.db.execute(
            "SELECT a.id, a.source, a.url, a.title, a.published, a.author, a.lang, "
            "a.first_seen, a.last_seen, a.version_count, a.content_hash, "
            f"{_ORGANISATIONS} AS organisations, a.body "
            f"FROM articles a WHERE {' AND '.join(where) or '1 = 1'} ORDER BY a.id", params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))


# The organisations the current version of article ``a`` mentions, as one text column.
_ORGANISATIONS = ("(SELECT group_concat(m.organisation, ', ') FROM mentions m "
                  "WHERE m.article_id = a.id AND m.version = a.version_count)")


def _filters(*, source: str | None = None, since: str | None = None, until: str | None = None,
             organisation: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters shared by search and export (on alias ``a``); an
    organisation is matched by its name or an alias, in any case."""
    where: list[str] = []
    params: list[Any] = []
    for clause, value in (("a.source = ?", source), ("a.published >= ?", since),
                          ("a.published <= ?", until)):
        if value:
            where.append(clause)
            params.append(value)
    if organisation:
        where.append("a.id IN (SELECT article_id FROM mentions WHERE organisation = ? "
                     "COLLATE NOCASE OR alias = ? COLLATE NOCASE)")
        params += [organisation, organisation]
    return where, params


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted (no syntax errors on ``Poly's`` or
    ``AT&T``), all required; a trailing ``*`` keeps its prefix meaning."""
    terms = []
    for word in text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*").replace('"', '""')
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    if not terms:
        raise ArchiveError("empty search query")
    return " ".join(terms)
