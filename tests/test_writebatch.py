"""Batched archive writes (issue 9): one transaction per batch, and still all-or-nothing per
article (an alert is never committed without its article, nor an article without its
alerts)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.errors import ArchiveError
from monitor.models import Article, Mention, Route, SaveOutcome
from monitor.saving import Batch, SaveRequest
from monitor.writebatch import ArchiveWriter

HAISUM = Mention("China Haisum", "Haisum", 1, "… Haisum …")


def request(i: int, now: datetime, title: str = "Title") -> SaveRequest:
    article = Article(url=f"https://a.example/n/{i}.html", title=f"{title} {i}",
                      body=f"Haisum signs contract number {i}.", published="2024-01-02")
    return SaveRequest(article, "s", (HAISUM,), (Route("file"),), now)


def counts(archive: Archive) -> tuple[int, int, int]:
    row = archive.query("SELECT (SELECT count(*) FROM articles) AS a, "
                        "(SELECT count(*) FROM mentions) AS m, "
                        "(SELECT count(*) FROM alerts) AS q")[0]
    return row["a"], row["m"], row["q"]


def orphans(archive: Archive) -> int:
    """Alerts without their article, plus mentioned articles without their alert."""
    return archive.query(
        "SELECT (SELECT count(*) FROM alerts WHERE article_id NOT IN (SELECT id FROM articles))"
        " + (SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM alerts q "
        "WHERE q.article_id = m.article_id)) AS n")[0]["n"]


def test_concurrent_saves_share_one_commit(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        batches: list[int] = []
        original = archive.write_batch

        def spy(batch: Batch) -> list:
            batches.append(len(batch.saves))
            return original(batch)

        archive.write_batch = spy  # type: ignore[method-assign]

        async def go() -> list:
            writer = ArchiveWriter(archive, linger=0.05, max_saves=30)
            results = await asyncio.gather(*(writer.save(request(i, now)) for i in range(50)))
            writer.log_fetch(source="s", url="https://a.example/", status=200, bytes=10,
                             elapsed=0.1, error=None)
            writer.touch("https://a.example/n/1.html", datetime(2030, 1, 1))
            await writer.aclose()
            return results

        results = asyncio.run(go())
        assert batches == [30, 20, 0]  # full batch at once, the rest after the linger; log
        assert {r.outcome for r in results} == {SaveOutcome.NEW}
        assert all(r.alerts == 1 for r in results)
        assert counts(archive) == (50, 50, 50)
        assert archive.query("SELECT count(*) AS n FROM fetches")[0]["n"] == 1
        seen = archive.query("SELECT last_seen FROM articles WHERE url LIKE '%/1.html'")
        assert seen[0]["last_seen"].startswith("2030-01-01")


def test_one_failing_article_leaves_the_rest_of_its_batch(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        # the second article's alert is refused, after its row, version and mention
        archive.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON alerts "
                           "WHEN json_extract(NEW.payload, '$.title') = 'Title 1' "
                           "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        results = archive.write_batch(Batch(saves=tuple(request(i, now) for i in range(3))))
        assert isinstance(results[1], ArchiveError) and "refused" in str(results[1])
        assert [getattr(r, "outcome", None) for r in results] == [SaveOutcome.NEW, None,
                                                                   SaveOutcome.NEW]
        # the refused article left nothing: no row, no alert (rolled back to its savepoint)
        assert counts(archive) == (2, 2, 2)
        assert orphans(archive) == 0


def test_a_failed_batch_commits_nothing(db_path: Path, now: datetime) -> None:
    """The disk fills up mid-batch: every save of the batch reports it, nothing is half
    written, and the writer's callers get the error."""
    Archive(db_path).close()
    with Archive(db_path) as archive:
        pages = archive.db.execute("PRAGMA page_count").fetchone()[0]
        archive.db.execute(f"PRAGMA max_page_count = {pages + 2}")

        async def go() -> list:
            writer = ArchiveWriter(archive, linger=0.01)
            big = [SaveRequest(Article(f"https://a.example/{i}", f"T {i}", f"Haisum {i} " * 400),
                               "s", (HAISUM,), (Route("file"),), now) for i in range(20)]
            return await asyncio.gather(*(writer.save(r) for r in big), return_exceptions=True)

        results = asyncio.run(go())
        failed = [r for r in results if isinstance(r, ArchiveError)]
        assert failed and all("disk is full" in str(r) for r in failed)
        stored, mentions, queued = counts(archive)
        assert stored == len(results) - len(failed) and mentions == queued == stored
        assert orphans(archive) == 0
        assert archive.query("PRAGMA integrity_check") == [{"integrity_check": "ok"}]


def test_save_alone_still_raises(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        archive.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON articles "
                           "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        with pytest.raises(ArchiveError, match="refused"):
            archive.save(request(1, now).article, source="s", mentions=[HAISUM],
                         routes=[Route("file")], now=now)


def test_a_touch_does_not_reindex_the_text_but_an_edit_does(db_path: Path, now: datetime) -> None:
    with Archive(db_path) as archive:
        archive.save(request(1, now).article, source="s", mentions=[], routes=[], now=now)
        conn = archive.db.conn
        before = conn.total_changes
        archive.touch("https://a.example/n/1.html", now)
        assert conn.total_changes - before == 1  # the row alone, no full-text rewrite
        edited = Article("https://a.example/n/1.html", "Title 1", "Poly Group signs instead.")
        archive.save(edited, source="s", mentions=[], routes=[], now=now)
        assert [r["id"] for r in archive.search("instead")] == [1]
        assert archive.search("contract") == []


def test_a_batch_indexes_its_new_articles_once_and_only_those_it_kept(
        db_path: Path, now: datetime) -> None:
    """New articles enter the full-text index once per batch, after their savepoints
    (saving.index_pending, issue 9): every kept article is searchable, a refused one is not,
    and the index agrees with the articles table."""
    with Archive(db_path) as archive:
        archive.db.execute("CREATE TRIGGER refuse BEFORE INSERT ON alerts "
                           "WHEN json_extract(NEW.payload, '$.title') = 'Title 1' "
                           "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        archive.write_batch(Batch(saves=tuple(request(i, now) for i in range(3))))
        found = sorted(r["title"] for r in archive.search("contract"))
        assert found == ["Title 0", "Title 2"]
        assert [r["title"] for r in archive.search("number 2")] == ["Title 2"]
        archive.db.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_the_index_merges_sixteen_segments_at_a_time(db_path: Path, now: datetime) -> None:
    """Each batch adds an index segment; FTS5 merged every 4, rewriting the index over and
    over (migration 0008). Searches still find every batch's articles."""
    with Archive(db_path) as archive:
        config = archive.query("SELECT v FROM articles_fts_config WHERE k = 'automerge'")
        assert [row["v"] for row in config] == [16]
        for start in range(0, 40, 2):
            archive.write_batch(Batch(saves=tuple(request(i, now) for i in range(start, start + 2))))
        assert len(archive.search("contract", limit=100)) == 40
        archive.db.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_fetch_log_rows_are_written_as_given(db_path: Path) -> None:
    """The batch's fetch-log rows land column by column (one executemany), whatever order
    their keys come in; a row with other keys still goes in (through sqlite-utils)."""
    rows = [{"source": "s", "url": f"https://a.example/{i}", "status": 200 + i, "bytes": i,
             "elapsed": 0.5, "error": None, "at": "2030-01-01T00:00:00"} for i in range(3)]
    rows[1] = dict(reversed(list(rows[1].items())))
    odd = {"url": "https://a.example/odd", "error": "timeout", "at": "2030-01-02T00:00:00"}
    with Archive(db_path) as archive:
        archive.write_batch(Batch(fetches=tuple(rows)))
        archive.write_batch(Batch(fetches=(rows[0], odd)))
        got = archive.query("SELECT source, url, status, bytes, elapsed, error, at FROM fetches "
                            "ORDER BY id")
    assert got == [*rows, rows[0], {**dict.fromkeys(rows[0]), **odd}]


def test_an_article_edited_before_it_is_indexed_is_indexed_once_as_edited(
        db_path: Path, now: datetime) -> None:
    """An article stored and changed in one batch (before the batch indexed it): the edit's
    trigger deleted from the index a text it never held and the edit failed ("database
    disk image is malformed"). Now both saves stand and the index holds the edited text
    once (fts_pending, migration 0009)."""
    first = request(1, now)
    edited = SaveRequest(Article(first.article.url, "Title 1", "Poly Group signs instead."),
                         "s", (), (Route("file"),), now)
    with Archive(db_path) as archive:
        results = archive.write_batch(Batch(saves=(first, edited)))
        assert [r.outcome for r in results if not isinstance(r, ArchiveError)] == [
            SaveOutcome.NEW, SaveOutcome.CHANGED]
        assert [r["id"] for r in archive.search("instead")] == [1]
        assert archive.search("contract") == []
        archive.db.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert archive.query("SELECT count(*) AS n FROM fts_pending") == [{"n": 0}]
        archive.save(Article(first.article.url, "Title 1", "Poly Group signs again."),
                     source="s", mentions=[], routes=[], now=now)  # an indexed one: trigger
        assert [r["id"] for r in archive.search("again")] == [1]
        assert archive.search("instead") == []


def test_a_batch_touches_each_article_at_its_own_instant(db_path: Path, now: datetime) -> None:
    """A batch's 304 touches (one executemany, each instant formatted once) set each
    article's last_seen to the instant given with it, found by its canonical URL."""
    with Archive(db_path) as archive:
        archive.write_batch(Batch(saves=tuple(request(i, now) for i in range(3))))
        early, late = datetime(2030, 1, 1, tzinfo=UTC), datetime(2030, 6, 1, 12, tzinfo=UTC)
        archive.write_batch(Batch(touches=(
            ("https://a.example/n/0.html", early), ("HTTPS://A.EXAMPLE/n/1.html#top", late),
            ("https://a.example/n/2.html", early), ("https://a.example/n/9.html", late))))
        seen = {row["url"].rsplit("/", 1)[1]: row["last_seen"]
                for row in archive.query("SELECT url, last_seen FROM articles")}
    assert seen == {"0.html": "2030-01-01T00:00:00+00:00", "1.html": "2030-06-01T12:00:00+00:00",
                    "2.html": "2030-01-01T00:00:00+00:00"}
