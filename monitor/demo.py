"""`monitor demo`: the whole flow, offline, on the sample sites bundled with the package.

Three sample sites (a company news list, a district portal with a sitemap, a city portal with
an RSS feed) are served on 127.0.0.1; a configuration pointing at them is written to
``state/demo.yaml`` so every other command can be tried on the result
(``monitor --config state/demo.yaml search Haisum``). Ports from the previous demo are reused
when free, so a second run sees the same URLs and finds nothing new.
"""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from monitor.config import Config, load_config
from monitor.sites import SiteServer

# (site folder, source name, kind, listing path, article URL pattern)
DEMO_SOURCES = (
    ("haisum", "haisum", "url", "index.html", r"/news/show_\d+\.html$"),
    ("chinadaily-hailing", "hailing", "sitemap", "sitemap.xml",
     r"/locals/\d{4}-\d{2}/\d{2}/c_\d+\.htm$"),
    ("foshan", "foshan", "feed", "feed.xml", r"/en/news/\d{4}-\d{2}/\d{2}/\d+\.html$"),
)


@dataclass(frozen=True, slots=True)
class DemoPaths:
    config: Path
    database: Path
    alerts: Path

    @classmethod
    def under(cls, root: Path) -> DemoPaths:
        return cls(root / "state" / "demo.yaml", root / "state" / "demo.db", root / "alerts" / "demo")


def data_dir() -> Path:
    return Path(str(resources.files("monitor") / "demo_data"))


def reset(paths: DemoPaths) -> None:
    """`--fresh`: forget the demo archive and its alerts."""
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(paths.alerts, ignore_errors=True)


def _previous_ports(paths: DemoPaths) -> dict[str, int]:
    try:
        previous = yaml.safe_load(paths.config.read_text("utf-8")) or {}
        ports = {}
        for src in previous.get("sources", []):
            url = src.get("url") or src.get("feed") or src.get("sitemap") or ""
            ports[src["name"]] = urlsplit(url).port or 0
        return ports
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError):
        return {}


def demo_config(paths: DemoPaths, servers: dict[str, SiteServer]) -> dict[str, Any]:
    watchlist = yaml.safe_load((data_dir() / "watchlist.yaml").read_text("utf-8"))
    sources = [
        {"name": name, kind: servers[name].url + listing, "include": [pattern]}
        for _site, name, kind, listing, pattern in DEMO_SOURCES
    ]
    return {
        "settings": {
            "database": str(paths.database.resolve()),
            "alerts_dir": str(paths.alerts.resolve()),
            "per_host": {"concurrency": 4, "delay": "0s"},
            "interval": "10m",
            "baseline": False,  # the demo's point is to show alerts on its first pass
        },
        "watch": watchlist["organisations"],
        "channels": [{"type": "file"}],
        "sources": sources,
    }


def _private(config: Path) -> None:
    """The demo owns its config and state directory: keep them writable by us alone, so the
    T49 check passes even in a clone made under umask 000."""
    config.chmod(0o600)
    mode = config.parent.stat().st_mode
    if mode & 0o022 and not mode & stat.S_ISVTX:
        config.parent.chmod(mode & 0o755)


@contextmanager
def serve(paths: DemoPaths) -> Iterator[Config]:
    """Start the sample sites, write the demo config, and yield it loaded."""
    ports = _previous_ports(paths)
    root = data_dir() / "sites"
    with ExitStack() as stack:
        servers = {
            name: stack.enter_context(SiteServer(root / site, port=ports.get(name, 0)))
            for site, name, *_ in DEMO_SOURCES
        }
        paths.config.parent.mkdir(parents=True, exist_ok=True)
        header = "# Written by `monitor demo`: the sample sites it served on loopback.\n"
        paths.config.write_text(header + yaml.safe_dump(demo_config(paths, servers),
                                                        sort_keys=False, allow_unicode=True),
                                "utf-8")
        _private(paths.config)
        yield load_config(paths.config)
