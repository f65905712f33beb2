"""Helpers that build real configs pointing at the loopback sample sites."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import yaml

from monitor.config import Config, load_config
from monitor.demo import DEMO_SOURCES
from monitor.models import CheckResult
from monitor.service import Monitor
from monitor.sites import SiteServer

from .conftest import FIXTURES


def write_config(tmp: Path, servers: dict[str, SiteServer], **overrides: Any) -> Config:
    """The demo's source set (index, sitemap, feed) against the given servers."""
    folders = {name: site for site, name, *_ in DEMO_SOURCES}
    watch = yaml.safe_load((FIXTURES / "watchlist.yaml").read_text("utf-8"))["organisations"]
    sources = [
        {"name": name, kind: servers[folders[name]].url + listing, "include": [pattern]}
        for _site, name, kind, listing, pattern in DEMO_SOURCES
    ]
    doc: dict[str, Any] = {
        "settings": {"database": "state/archive.db", "alerts_dir": "alerts",
                     "per_host": {"concurrency": 4, "delay": "0s"}, "retries": 0,
                     "baseline": False},
        "watch": watch,
        "sources": sources,
    }
    for key, value in overrides.items():
        doc[key] = value
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    return load_config(path)


def one_pass(cfg: Config, workers: int = 0) -> list[CheckResult]:
    async def go() -> list[CheckResult]:
        async with Monitor(cfg, workers=workers) as monitor:
            return await monitor.run_pass()

    return asyncio.run(go())


def one_source(tmp: Path, url: str, watch: tuple[str, ...] = ("China Haisum",),
               source: dict[str, Any] | None = None, **settings: Any) -> Config:
    """A config of one source ``s`` at ``url`` in ``tmp`` (no robots.txt, no retries, no
    politeness delay), ``settings`` and ``source`` keys added or overriding."""
    doc = {"settings": {"database": "a.db", "alerts_dir": "alerts", "robots": False,
                        "retries": 0, "per_host": {"delay": "0s"}, **settings},
           "watch": [{"name": name} for name in watch],
           "sources": [{"name": "s", "url": url, **(source or {})}]}
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return load_config(path)
