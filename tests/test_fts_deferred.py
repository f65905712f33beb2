"""New articles enter the full-text index several batches at a time (saving.INDEX_EVERY,
issue 9), and still every stored article is searchable once a pass ends, soon after a
daemon's check, and after a crash once the archive is opened again."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

import monitor.archive
from monitor.archive import Archive
from monitor.models import Article
from monitor.saving import Batch, SaveRequest
from monitor.writebatch import ArchiveWriter


def request(i: int, now: datetime) -> SaveRequest:
    article = Article(url=f"https://a.example/n/{i}.html", title=f"Title {i}",
                      body=f"Haisum signs contract number {i}.", published="2024-01-02")
    return SaveRequest(article, "s", (), (), now)


def found(db_path: Path) -> list[str]:
    """What a reader (the CLI's read-only archive, another connection) finds."""
    with Archive(db_path, readonly=True) as reader:
        return sorted(r["title"] for r in reader.search("contract", limit=100))


def waiting(db_path: Path) -> int:
    with Archive(db_path, readonly=True) as reader:
        return int(reader.query("SELECT count(*) AS n FROM fts_pending")[0]["n"])


def test_batches_wait_for_the_index_until_enough_articles_do(
        db_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(monitor.archive, "INDEX_EVERY", 3)
    with Archive(db_path) as archive:
        archive.write_batch(Batch(saves=(request(1, now), request(2, now))))
        assert found(db_path) == [] and waiting(db_path) == 2
        archive.write_batch(Batch(saves=(request(3, now),)))
        assert found(db_path) == ["Title 1", "Title 2", "Title 3"] and waiting(db_path) == 0
        archive.save(request(4, now).article, source="s", mentions=[], routes=[], now=now)
        assert len(found(db_path)) == 4  # a save on its own is indexed with it
        archive.write_batch(Batch(saves=(request(5, now),)))
        assert archive.search("number 5")[0]["title"] == "Title 5"  # the writer's own search
        archive.db.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_the_writer_indexes_what_waits_once_saves_stop_or_after_a_while(
        db_path: Path, now: datetime) -> None:
    async def go(archive: Archive) -> None:
        idle = ArchiveWriter(archive, linger=0.01, index_idle=0.05)
        await asyncio.gather(*(idle.save(request(i, now)) for i in range(3)))
        assert found(db_path) == []  # (the timer cannot run before this coroutine waits)
        await asyncio.sleep(0.3)
        assert len(found(db_path)) == 3
        busy = ArchiveWriter(archive, linger=0.01, index_idle=60, index_within=0.05)
        await busy.save(request(3, now))
        await asyncio.sleep(0.3)
        assert len(found(db_path)) == 4
        await busy.aclose()
        await idle.aclose()

    with Archive(db_path) as archive:
        asyncio.run(go(archive))


def test_a_pass_ends_with_every_article_searchable(db_path: Path, now: datetime) -> None:
    async def go(archive: Archive) -> None:
        writer = ArchiveWriter(archive, linger=0.01, index_idle=60)
        await asyncio.gather(*(writer.save(request(i, now)) for i in range(2)))
        assert found(db_path) == []
        await writer.aclose()
        assert len(found(db_path)) == 2

    with Archive(db_path) as archive:
        asyncio.run(go(archive))


def test_articles_a_killed_process_left_waiting_are_indexed_when_it_opens_again(
        db_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os
        from datetime import UTC, datetime
        from monitor.archive import Archive
        from monitor.models import Article
        from monitor.saving import Batch, SaveRequest
        archive = Archive({str(db_path)!r})
        now = datetime(2026, 1, 1, tzinfo=UTC)
        saves = tuple(SaveRequest(Article(f"https://a.example/n/{{i}}.html", f"Title {{i}}",
                                          f"Haisum signs contract number {{i}}."), "s", (), (),
                                  now) for i in range(2))
        assert len(archive.write_batch(Batch(saves=saves))) == 2
        os._exit(0)  # committed, never closed
        """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60,
                   cwd=Path(__file__).resolve().parents[1])
    assert found(db_path) == [] and waiting(db_path) == 2
    Archive(db_path).close()
    assert found(db_path) == ["Title 0", "Title 1"] and waiting(db_path) == 0
