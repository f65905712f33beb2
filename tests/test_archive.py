"""The archive on real SQLite files: outcomes, one-transaction writes, the outbox."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from monitor.archive import PAGE_SIZE, Archive
from monitor.errors import ArchiveError
from monitor.models import Article, Mention, Route, SaveOutcome
from monitor.service import instance_lock

HAISUM = Mention("China Haisum", "Haisum", 1, "… Haisum …")
POLY = Mention("Poly Group", "Poly Group", 1, "… Poly Group …")


def art(body: str = "Body text.", url: str = "https://a.example/n/1.html") -> Article:
    return Article(url=url, title="Title", body=body, published="2024-01-02")


def alerts(archive: Archive) -> list[dict]:
    return archive.query("SELECT key, channel, organisation, kind, status FROM alerts ORDER BY id")


def test_outcomes_and_alerts(db_path: Path, now: datetime) -> None:
    """T23: the same article again is unchanged, and under a tracking-parameter URL a
    duplicate; only the first alerts."""
    with Archive(db_path) as archive:
        first = archive.save(art(), source="s", mentions=[HAISUM], routes=[Route("file")], now=now)
        again = archive.save(art(), source="s", mentions=[HAISUM], routes=[Route("file")], now=now)
        dup = archive.save(art(url="https://a.example/n/1.html?utm_source=x&x=1"), source="s",
                           mentions=[HAISUM], routes=[Route("file")], now=now)
        assert (first.outcome, again.outcome, dup.outcome) == (
            SaveOutcome.NEW, SaveOutcome.UNCHANGED, SaveOutcome.DUPLICATE)
        assert first.alerts == 1 and again.alerts == 0 and dup.alerts == 0
        assert [a["kind"] for a in alerts(archive)] == ["new"]


def test_edit_policy(db_path: Path, now: datetime) -> None:
    """T24: a typo fix stores a version without alerting; an edit that brings in a new
    organisation alerts once for it; removing one alerts nobody; history is kept."""
    with Archive(db_path) as archive:
        archive.save(art("Haisum signs."), source="s", mentions=[HAISUM], routes=[Route("file")], now=now)
        typo = archive.save(art("Haisum signs!"), source="s", mentions=[HAISUM], routes=[Route("file")],
                            now=now)
        added = archive.save(art("Haisum and Poly Group sign!"), source="s",
                             mentions=[HAISUM, POLY], routes=[Route("file")], now=now)
        removed = archive.save(art("Poly Group signs!"), source="s", mentions=[POLY],
                               routes=[Route("file")], now=now)
        assert [r.outcome for r in (typo, added, removed)] == [SaveOutcome.CHANGED] * 3
        assert (typo.alerts, added.alerts, removed.alerts) == (0, 1, 0)
        assert [(a["organisation"], a["kind"]) for a in alerts(archive)] == [
            ("China Haisum", "new"), ("Poly Group", "changed")]
        versions = archive.query("SELECT version, body FROM versions ORDER BY version")
        assert [v["version"] for v in versions] == [1, 2, 3, 4]
        row = archive.lookup("https://a.example/n/1.html")
        assert row is not None and row["version_count"] == 4


def test_one_alert_per_channel(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        archive.save(art(), source="s", mentions=[HAISUM, POLY],
                     routes=[Route("file"), Route("file2")], now=now)
        keys = [a["key"] for a in alerts(archive)]
        assert len(keys) == 4 and len(set(keys)) == 4


def test_failure_mid_save_leaves_nothing(db_path: Path, now: datetime) -> None:
    """T32: an error after the article row is written rolls back article, version, mentions
    and alerts together; and no transaction is left open afterwards."""
    with Archive(db_path) as archive:
        archive.db.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON alerts BEGIN SELECT RAISE(ABORT, 'boom'); END")
        with pytest.raises(ArchiveError):
            archive.save(art(), source="s", mentions=[HAISUM], routes=[Route("file")], now=now)
        for table in ("articles", "versions", "mentions", "alerts"):
            assert archive.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert not archive.db.conn.in_transaction
        archive.db.execute("DROP TRIGGER boom")
        assert archive.save(art(), source="s", mentions=[HAISUM], routes=[Route("file")],
                            now=now).outcome is SaveOutcome.NEW


def test_durability_settings(db_path: Path) -> None:
    """T27: WAL and synchronous=FULL, so acknowledged commits survive a crash."""
    with Archive(db_path) as archive:
        conn = archive.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        # savepoint journals stay in memory: on disk they were a third of a pass's writes
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        tables = set(archive.db.table_names())
        assert {"sources", "articles", "versions", "mentions", "alerts", "fetches",
                "articles_fts"} <= tables


def test_page_size_of_new_and_existing_archives(db_path: Path, tmp_path: Path) -> None:
    """Issue 9: a new archive gets PAGE_SIZE pages (an article's row fits in one); an
    existing one keeps its own size, so nothing needs rewriting, and it opens as before."""
    with Archive(db_path) as archive:
        assert archive.db.conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    older = tmp_path / "older.db"
    conn = sqlite3.connect(older)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("PRAGMA journal_mode = wal")
    conn.close()
    with Archive(older) as archive:
        conn = archive.db.conn
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert "articles" in archive.db.table_names()


def test_writer_waits_for_lock(db_path: Path, now: datetime) -> None:
    """T29: another connection holding the write lock makes us wait, then fail cleanly."""
    Archive(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Archive(db_path) as archive:
            archive.db.conn.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(ArchiveError, match="busy"):
                archive.save(art(), source="s", mentions=[], routes=[], now=now)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_second_instance_refused(db_path: Path) -> None:
    """T30: a second monitor on the same archive refuses to start."""
    with instance_lock(db_path), pytest.raises(ArchiveError, match="already running"), \
            instance_lock(db_path):
        pass


def test_garbage_file_refused(tmp_path: Path) -> None:
    """T31: a garbage file at the database path gives a clear error, not a traceback."""
    path = tmp_path / "archive.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ArchiveError, match="archive"):
        Archive(path)


def test_search(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        archive.save(art("Haisum builds a digital factory."), source="s", mentions=[HAISUM],
                     routes=[], now=now)
        archive.save(Article("https://a.example/2", "Other", "Nothing to see."), source="t",
                     mentions=[], routes=[], now=now)
        assert [r["title"] for r in archive.search("digital")] == ["Title"]
        assert archive.search("digit*")[0]["organisations"] == "China Haisum"
        assert archive.search("factory", organisation="poly group") == []
        assert archive.search("' OR 1=1 --") == []  # T50: data, not SQL or FTS syntax
        assert len(archive.search("AT&T Poly's")) == 0
