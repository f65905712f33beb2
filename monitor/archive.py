"""The SQLite archive: articles, versions, mentions and the alerts outbox, in one file.

Durability rules (RELIABILITY.md §3): WAL, synchronous=FULL, a busy timeout, and every write
in ``BEGIN IMMEDIATE`` so a writer waits for the lock instead of failing on upgrade. An
article, its version, its mentions and its alerts are committed together or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from monitor import migrations
from monitor.enqueue import ArticleFacts, Notice, queue_mention, queue_notice
from monitor.errors import ArchiveError
from monitor.models import AlertKind, Article, Known, Mention, Route, SaveResult
from monitor.saving import Batch, SaveRequest, index_pending, save_article, save_error
from monitor.units import stamp as stamp  # re-exported: the archive's time format
from monitor.urls import canonical

logger = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 10_000
URL_CHUNK = 500  # URLs per IN (...) query, well under SQLite's limit on variables
# bytes per page of a new archive (an existing one keeps its own): an article's row and
# its version's (~5 KB of text each) fit in a page instead of spilling into overflow pages,
# and a pass makes 4x fewer page reads and writes (issue 9: 300,000 -> 54,000 syscalls and
# ~0.08 CPU-ms less per article in a 5,000-article pass; the file grows ~4%)
PAGE_SIZE = 16384


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
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # (before WAL: only then it applies)
        self.db.enable_wal()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_size_limit = 67108864")
        # each article's savepoint journals the pages it changes: on disk (a temp file per
        # batch) that was 180,000 of a 5,000-article pass's 530,000 page writes (issue 9)
        conn.execute("PRAGMA temp_store = MEMORY")
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

    def by_url(self, sql: str, urls: Iterable[str], params: Sequence[Any] = ()
               ) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` for the canonical forms of ``urls``, which its ``{urls}``
        stands for (after ``params``), asked URL_CHUNK at a time: one query per listing, not
        one per link."""
        keys = sorted({canonical(u) for u in urls})
        for start in range(0, len(keys), URL_CHUNK):
            chunk = keys[start:start + URL_CHUNK]
            yield from self.db.execute(sql.format(urls=",".join("?" * len(chunk))),
                                       [*params, *chunk])

    def known(self, urls: Sequence[str]) -> dict[str, Known]:
        """What a check needs of the stored articles among these URLs (by canonical URL,
        aliases included): their validators and titles, not their text (issue 9.4)."""
        found: dict[str, Known] = {}
        for sql in ("SELECT url, etag, last_modified, title FROM articles WHERE url IN ({urls})",
                    "SELECT x.url, a.etag, a.last_modified, a.title FROM aliases x JOIN "
                    "articles a ON a.id = x.article_id WHERE x.url IN ({urls})"):
            for url, etag, last_modified, title in self.by_url(sql, urls):
                found.setdefault(url, Known(etag, last_modified, title))
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
        """Store an extracted article, in a transaction of its own; queue alerts for
        organisations it newly mentions (``routes=()`` records without alerting, as a
        source's baseline pass does). See saving.py."""
        request = SaveRequest(article, source, tuple(mentions), tuple(routes), now, validators)
        result = self.write_batch(Batch(saves=(request,)))[0]
        if isinstance(result, ArchiveError):
            raise result
        return result

    def write_batch(self, batch: Batch) -> list[SaveResult | ArchiveError]:
        """Write a batch in ONE transaction (one commit, one sync): each article with its
        version, mentions and alerts in a savepoint (an article that fails is rolled back
        alone and reported, the others stand), then the touches and the fetch log. Returns
        one result per save; when the transaction itself fails, every save gets the error
        (nothing of the batch was committed)."""
        results: list[SaveResult | ArchiveError] = []
        try:
            with self.write() as db:
                for request in batch.saves:
                    results.append(self._save_one(db, request))
                    if not db.conn.in_transaction:  # SQLite rolled back the whole batch
                        failed = results[-1]
                        raise failed if isinstance(failed, ArchiveError) else ArchiveError(
                            "the batch transaction was rolled back")
                index_pending(db)
                if batch.touches:
                    db.conn.executemany("UPDATE articles SET last_seen = ? WHERE url = ?",
                                        _touch_rows(batch.touches))
                self._log_fetches(db, batch.fetches)
        except sqlite3.Error as exc:
            url = canonical(batch.saves[0].article.url) if batch.saves else "the batch"
            return [save_error(url, exc)] * len(batch.saves)
        except ArchiveError as exc:
            return [exc] * len(batch.saves)
        return results

    @staticmethod
    def _save_one(db: Database, request: SaveRequest) -> SaveResult | ArchiveError:
        db.execute("SAVEPOINT article")
        try:
            result = save_article(db, request)
        except sqlite3.Error as exc:
            if db.conn.in_transaction:
                db.execute("ROLLBACK TO article")
                db.execute("RELEASE article")
            return save_error(canonical(request.article.url), exc)
        db.execute("RELEASE article")
        return result

    @staticmethod
    def _log_fetches(db: Database, rows: Sequence[dict[str, Any]]) -> None:
        """The fetch log is a diagnostic: rows that cannot be written are dropped, never
        the batch's articles."""
        if not rows:
            return
        db.execute("SAVEPOINT fetches")
        try:
            _insert_rows(db, "fetches", rows)
        except sqlite3.Error as exc:
            if db.conn.in_transaction:
                db.execute("ROLLBACK TO fetches")
            logger.warning("%d fetch log rows dropped: %s", len(rows), exc)
        if db.conn.in_transaction:
            db.execute("RELEASE fetches")

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


def _touch_rows(touches: Iterable[tuple[str, datetime]]) -> list[tuple[str, str]]:
    """(last_seen, url) rows for one ``executemany``: an unchanged pass touches every
    article, and a batch's touches share a few instants, each formatted once (issue 9)."""
    stamps: dict[datetime, str] = {}
    rows = []
    for url, when in touches:
        text = stamps.get(when)
        if text is None:
            text = stamps[when] = stamp(when)
        rows.append((text, canonical(url)))
    return rows


def _insert_rows(db: Database, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows that share their keys with one ``executemany``: sqlite-utils'
    ``insert_all`` built each row's parameters in Python, one call per value (5,120 fetch-log
    rows a pass, 4.5 -> 2.3 us a row with the index and the commit, issue 9). Rows with other keys
    go through it as before."""
    columns, keys = tuple(rows[0]), rows[0].keys()
    if any(row.keys() != keys for row in rows):
        db.table(table).insert_all(rows)
        return
    values = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    names = ", ".join(f'"{name}"' for name in columns)
    db.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES '
                        f'({", ".join("?" * len(columns))})', map(values, rows))


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
