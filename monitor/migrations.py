"""The archive schema's history, applied on open (sqlite-utils ``Migrations``).

Table and column names are a contract: Datasette, exports and users' own SQL read them.
Add a new migration for every change; never edit an applied one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("monitor")

_SCHEMA = """
CREATE TABLE sources (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  kind TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_checked TEXT,
  last_status TEXT,
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  next_due TEXT
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  published TEXT,
  author TEXT,
  lang TEXT,
  body TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  version_count INTEGER NOT NULL DEFAULT 1,
  etag TEXT,
  last_modified TEXT
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_source_published ON articles(source, published);
CREATE TABLE aliases (
  url TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  first_seen TEXT NOT NULL
);
CREATE TABLE versions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  version INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  UNIQUE (article_id, version)
);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  version INTEGER NOT NULL,
  organisation TEXT NOT NULL,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL,
  snippet TEXT NOT NULL,
  UNIQUE (article_id, version, organisation)
);
CREATE INDEX mentions_organisation ON mentions(organisation);
CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  organisation TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL CHECK (kind IN ('new', 'changed')),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'in_flight', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX alerts_due ON alerts(status, next_attempt);
CREATE TABLE fetches (
  id INTEGER PRIMARY KEY,
  source TEXT,
  url TEXT NOT NULL,
  status INTEGER,
  bytes INTEGER,
  elapsed REAL,
  error TEXT,
  at TEXT NOT NULL
);
CREATE INDEX fetches_at ON fetches(at);
"""


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0002_articles_fts")
def articles_fts(db: Database) -> None:
    db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61")


_ALERTS_V2 = """
CREATE TABLE alerts_v2 (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  organisation TEXT NOT NULL,
  article_id INTEGER REFERENCES articles(id),
  source TEXT,
  kind TEXT NOT NULL
    CHECK (kind IN ('new', 'changed', 'source_failed', 'source_recovered')),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'in_flight', 'sent', 'dead', 'paused')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  last_response TEXT,
  batch TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
INSERT INTO alerts_v2 (id, key, channel, organisation, article_id, source, kind, payload, status,
    attempts, next_attempt, lease_until, last_error, created_at, sent_at)
  SELECT a.id, a.key, a.channel, a.organisation, a.article_id,
         (SELECT source FROM articles WHERE articles.id = a.article_id), a.kind, a.payload,
         CASE a.status WHEN 'failed' THEN 'pending' ELSE a.status END,
         a.attempts, a.next_attempt, a.lease_until, a.last_error, a.created_at, a.sent_at
  FROM alerts a;
DROP TABLE alerts;
ALTER TABLE alerts_v2 RENAME TO alerts;
CREATE INDEX alerts_due ON alerts(channel, status, next_attempt);
CREATE INDEX alerts_sent ON alerts(channel, sent_at);
CREATE TABLE channel_state (
  name TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('paused')),
  reason TEXT,
  since TEXT NOT NULL
);
ALTER TABLE sources ADD COLUMN first_ok TEXT;
ALTER TABLE sources ADD COLUMN failing_since TEXT;
UPDATE sources SET first_ok = last_checked
  WHERE last_status = 'ok' OR name IN (SELECT DISTINCT source FROM articles)
"""


@migrations(name="0003_alert_lifecycle")
def alert_lifecycle(db: Database) -> None:
    """Operational alerts (no article), paused channels, digests (``batch``), the receiver's
    last answer, and ``sources.first_ok`` (a source before it is in its baseline pass)."""
    for statement in _ALERTS_V2.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="0004_source_warnings")
def source_warnings(db: Database) -> None:
    """What the last check of a source warned about (a listing that gave no article...)."""
    db.execute("ALTER TABLE sources ADD COLUMN warnings TEXT")


@migrations(name="0005_dead_links")
def dead_links(db: Database) -> None:
    """Article links that failed for good, and when to try them again (deadlinks.py)."""
    db.execute("CREATE TABLE dead_links (url TEXT PRIMARY KEY, source TEXT NOT NULL, "
               "failures INTEGER NOT NULL, reason TEXT, first_failed TEXT NOT NULL, "
               "next_try TEXT NOT NULL)")


@migrations(name="0006_fts_on_text_only")
def fts_on_text_only(db: Database) -> None:
    """Re-index an article's text only when its title or body is written: sqlite-utils'
    trigger fired on every update, so a 304's ``last_seen`` re-tokenised the whole body
    (0.5 ms of a 0.5 ms budget per unchanged article, issue 9)."""
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        "CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); "
        "INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body); "
        "END")


@migrations(name="0007_fts_batched")
def fts_batched(db: Database) -> None:
    """New articles are indexed once per write batch (saving.index_new), not by a per-row
    trigger inside each article's savepoint."""
    db.execute("DROP TRIGGER IF EXISTS articles_ai")


@migrations(name="0008_fts_automerge")
def fts_automerge(db: Database) -> None:
    """Merge index segments 16 at a time, not FTS5's 4: each write batch adds a segment, and
    merging every 4 rewrote the index often (0.34 -> 0.22 CPU-ms per stored article over
    5,000 articles; a query over the extra segments costs a few microseconds more)."""
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16)")


@migrations(name="0009_fts_pending")
def fts_pending(db: Database) -> None:
    """New articles wait in ``fts_pending`` (filled by a trigger, in the article's own
    savepoint) until their batch indexes them (saving.index_pending); an edit of an article
    still waiting there is not indexed by ``articles_au`` (its current text is indexed with
    the others: the old one never was, and deleting it corrupted the index)."""
    db.execute("CREATE TABLE fts_pending (article_id INTEGER PRIMARY KEY)")
    db.execute("CREATE TRIGGER articles_pending AFTER INSERT ON articles BEGIN "
               "INSERT INTO fts_pending (article_id) VALUES (new.id); END")
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute(
        "CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles "
        "WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.id) BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, body) "
        "VALUES ('delete', old.rowid, old.title, old.body); "
        "INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body); "
        "END")


def apply(db: Database) -> None:
    migrations.apply(db)
