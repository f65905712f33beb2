"""`monitor browse`: the archive in Datasette, bound to loopback, with useful defaults.

Datasette reads the tables directly (their names and columns are the contract), so this
module only supplies metadata: table descriptions, facets and sort orders that make the
archive readable at first sight.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from monitor.errors import MonitorError
from monitor.lifeline import die_with_parent

STOP_GRACE = 10.0  # seconds Datasette gets to stop before it is killed
TRUNCATE_CELLS = 300  # characters of a long cell (body, payload) shown in a table view


def metadata(database: Path) -> dict[str, Any]:
    """Datasette metadata for an archive file (its database name is the file's stem)."""
    tables = {
        "articles": {"description": "Every stored article, its current text and hash.",
                     "sort_desc": "published", "facets": ["source", "lang"],
                     "label_column": "title"},
        "mentions": {"description": "Watched organisations found in each article version.",
                     "facets": ["organisation"]},
        "alerts": {"description": "The alerts outbox: one row per alert and channel.",
                   "sort_desc": "created_at", "facets": ["status", "channel", "organisation"]},
        "versions": {"description": "Every distinct text an article has had."},
        "sources": {"description": "Each source's last check and health."},
        "fetches": {"description": "The fetch log (pruned after 30 days).", "sort_desc": "at",
                    "facets": ["status", "error"]},
        "aliases": {"description": "Other URLs where an article's exact text was found."},
        "channel_state": {"description": "Channels paused by a permanent failure (410 Gone, "
                                         "a refused login): `monitor alerts retry --all` resumes."},
        "_sqlite_migrations": {"hidden": True},
    }
    return {"title": "News monitor archive",
            "description": "Start with the queries below; tables hold everything.",
            "databases": {database.stem: {"tables": tables, "queries": CANNED_QUERIES}}}


_TITLE = "json_extract(a.payload, '$.title')"
_URL = "json_extract(a.payload, '$.url')"
# Questions an analyst asks first, as Datasette canned queries (read-only SQL).
CANNED_QUERIES: dict[str, dict[str, str]] = {
    "latest_alerts": {
        "title": "Latest alerts",
        "description": "What was alerted, newest first, with the article's title and link.",
        "sql": f"SELECT a.created_at, a.organisation, {_TITLE} AS title, {_URL} AS url, "
               "a.kind, a.channel, a.status FROM alerts a ORDER BY a.id DESC LIMIT 500"},
    "articles_by_organisation": {
        "title": "Articles mentioning an organisation",
        "description": "One row per article (its current text), newest first.",
        "sql": "SELECT ar.published, ar.source, ar.title, ar.url, m.alias, m.count, m.snippet "
               "FROM mentions m JOIN articles ar ON ar.id = m.article_id "
               "AND m.version = ar.version_count WHERE m.organisation = :organisation "
               "ORDER BY ar.published DESC, ar.id DESC"},
    "organisations": {
        "title": "Organisations",
        "description": "How many stored articles mention each watched organisation.",
        "sql": "SELECT m.organisation, count(*) AS articles, max(ar.published) AS latest "
               "FROM mentions m JOIN articles ar ON ar.id = m.article_id "
               "AND m.version = ar.version_count GROUP BY m.organisation "
               "ORDER BY articles DESC"},
    "failing_sources": {
        "title": "Sources with problems",
        "description": "Failing sources and sources whose last check warned about something.",
        "sql": "SELECT name, last_status, failures, failing_since, last_checked, last_error, "
               "warnings FROM sources WHERE last_status = 'failed' OR warnings IS NOT NULL "
               "ORDER BY failures DESC, name"},
    "undelivered_alerts": {
        "title": "Undelivered alerts",
        "description": "Alerts waiting, being retried, dead or paused, with the last error.",
        "sql": f"SELECT a.id, a.status, a.channel, a.organisation, {_TITLE} AS title, "
               "a.attempts, a.next_attempt, a.last_error FROM alerts a "
               "WHERE a.status != 'sent' ORDER BY a.id DESC"},
}


def loopback_only(host: str) -> str:
    """The archive has no access control of its own, so it is only served on loopback (T50)."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"refusing to serve the archive on {host!r}: use 127.0.0.1 and put an "
                         "authenticating reverse proxy in front if others need it")
    return host


def command(database: Path, metadata_file: Path, host: str, port: int) -> list[str]:
    """The Datasette command line that serves ``database`` read-only."""
    if importlib.util.find_spec("datasette") is None:
        raise MonitorError("Datasette is not installed: pip install 'news-monitor[browse]'")
    return [sys.executable, "-m", "datasette", "serve", str(database), "--host", host,
            "--port", str(port), "--metadata", str(metadata_file),
            "--setting", "default_page_size", "50",
            "--setting", "truncate_cells_html", str(TRUNCATE_CELLS)]


def serve(args: list[str]) -> int:
    """Run Datasette until it exits or we are stopped; it stops with us: on SIGTERM (exit
    code 0), on Ctrl-C (KeyboardInterrupt goes on to the CLI: one line, exit code 130), and
    even when we are SIGKILLed (issue 8.4)."""
    parent = os.getpid()
    child = subprocess.Popen(args, preexec_fn=lambda: die_with_parent(parent))
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        child.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        code = child.wait()
        return 0 if stopping else code
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(STOP_GRACE)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
