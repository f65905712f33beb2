"""Shared fixtures: the sample sites on real loopback HTTP servers, temp archives, a fixed now."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from monitor.sites import SiteServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BUNDLED = REPO / "monitor" / "demo_data"
FIXTURES = SHARED / "fixtures" if (SHARED / "fixtures" / "sites").is_dir() else BUNDLED
SITES = FIXTURES / "sites"
SITE_NAMES = ("haisum", "chinadaily-hailing", "foshan")

# Configs written by tests must pass the T49 permission check even when the clone (and so the
# process) runs under umask 000; subprocesses inherit this.
os.umask(0o022)


def expected(site: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SITES / site / "expected.json").read_text("utf-8"))
    return data


def all_articles() -> list[tuple[str, dict[str, Any]]]:
    return [(site, art) for site in SITE_NAMES for art in expected(site)["articles"]]


@pytest.fixture(scope="session")
def site_servers() -> Iterator[dict[str, SiteServer]]:
    """The three sample sites served on 127.0.0.1, links rewritten to the servers' ports."""
    servers = {name: SiteServer(SITES / name).start() for name in SITE_NAMES}
    yield servers
    for server in servers.values():
        server.stop()


@pytest.fixture
def now() -> datetime:
    return datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "archive.db"
