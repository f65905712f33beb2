"""T28: the archive's disk fills up mid-pass: a clear error, nothing half-written, and the
next pass resumes once there is space (simulated with SQLite's max_page_count)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from monitor.archive import Archive
from monitor.models import CheckResult
from monitor.service import Monitor
from monitor.sites import SiteServer

from .flows import write_config


def _pass(cfg, spare_pages: int | None) -> list[CheckResult]:
    async def go() -> list[CheckResult]:
        async with Monitor(cfg, workers=0) as monitor:
            assert monitor.archive is not None
            if spare_pages is not None:
                db = monitor.archive.db
                pages = db.execute("PRAGMA page_count").fetchone()[0]
                db.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
            return await monitor.run_pass()

    return asyncio.run(go())


def test_disk_full_then_space_again(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    full_cfg = write_config(tmp_path, site_servers)
    Archive(full_cfg.settings.database).close()  # the schema exists; then only 3 pages are left
    full = _pass(full_cfg, spare_pages=3)
    errors = [e.reason for r in full for e in r.article_errors]
    assert errors and all("database or disk is full" in e and "next pass resumes" in e
                          for e in errors)
    with Archive(full_cfg.settings.database) as archive:
        assert archive.query("PRAGMA integrity_check") == [{"integrity_check": "ok"}]
        stored = archive.query("SELECT id, version_count FROM articles")
        versions = archive.query("SELECT article_id FROM versions")
        assert sorted(v["article_id"] for v in versions) == sorted(r["id"] for r in stored)
    resumed = _pass(full_cfg, spare_pages=None)
    assert all(r.ok and not r.article_errors for r in resumed)
    with Archive(full_cfg.settings.database) as archive:
        assert archive.query("SELECT count(*) AS n FROM articles") == [{"n": 14}]
        keys = archive.query("SELECT key FROM alerts")
        assert len(keys) == 13 == len({k["key"] for k in keys})
