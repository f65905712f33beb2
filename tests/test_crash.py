"""SIGKILL a pass at chosen events, then recover: nothing lost, nothing doubled (T27).

The kill is tied to an event (tests/crashpoint.py), not to a clock, so each one provably
lands mid-work: before or after an article's transaction, or between an alert's delivery and
its "sent" mark. bench/soak.py runs 200 random ones."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

from monitor.sites import SiteServer

from .crashpoint import invariants
from .flows import write_config

HARNESS = Path(__file__).with_name("crashpoint.py")
ARTICLES, ALERTS = 14, 13
KILLS = (("presave", 3), ("save", 4), ("send", 3), ("presend", 2), ("send", 1))


def _progress(database: Path) -> tuple[int, int]:
    conn = sqlite3.connect(database)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        sent = conn.execute("SELECT count(*) FROM alerts WHERE status = 'sent'").fetchone()[0]
    finally:
        conn.close()
    return articles, sent


def _delivered_unmarked(database: Path, sendlog: Path, seen: int) -> tuple[set[str], int]:
    """Of the alerts the harness logged as sent after its first ``seen`` lines, those whose
    "sent" mark the kill prevented; and how many lines the log holds now."""
    sends = sendlog.read_text("utf-8").split() if sendlog.exists() else []
    conn = sqlite3.connect(database)
    try:
        marked = {row[0] for row in conn.execute("SELECT key FROM alerts WHERE status = 'sent'")}
    finally:
        conn.close()
    return set(sends[seen:]) - marked, len(sends)


def test_kill_at_events_then_recover(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """Kill `monitor run --once` before the 3rd and after the 4th article save, after the 3rd
    and 1st alert written and before the 2nd (T27's points), checking each time that the
    process died there with work left; then a clean pass. Afterwards: the database is intact,
    all 14 articles are stored once, every mention has exactly one alert and it was sent,
    each alert file carries its own key, and a resend only ever rewrites an alert's own file:
    the file channel's alerts are marked sent a chunk at a time, so a kill at the N-th
    alert can resend the chunk's alerts written before it (at most N, or N - 1 when it
    died before writing the N-th), never more.

    Only an alert delivered but not yet marked sent when a kill lands is sent again: each
    alert's resends are bounded by the kills that left it so, counted after each. (A fixed
    bound from the send kills alone failed under load: an outbox round in flight beside a
    save is cut by a kill at that save too.)"""
    cfg = write_config(tmp_path, site_servers)
    sendlog = tmp_path / "sent.log"
    args = ["--config", str(cfg.path), "run", "--once"]
    unmarked: Counter[str] = Counter()  # per alert: the kills that left it sent, unmarked
    logged = 0
    for event, count in KILLS:
        proc = subprocess.run([sys.executable, str(HARNESS), event, str(count), str(sendlog),
                               "--", *args], capture_output=True, timeout=120)
        assert proc.returncode == -signal.SIGKILL, (event, proc.stderr[-2000:])
        articles, sent = _progress(cfg.settings.database)
        if event == "presave":
            assert articles == count - 1  # exactly the saves before the event
        mid_work = articles < ARTICLES if event.endswith("save") else sent < ALERTS
        assert mid_work, (event, articles, sent)
        left, logged = _delivered_unmarked(cfg.settings.database, sendlog, logged)
        if event.endswith("send"):  # the chunk's alerts written before the kill, no more
            assert len(left) <= (count if event == "send" else count - 1), (event, left)
        unmarked.update(left)
    final = subprocess.run([sys.executable, str(HARNESS), "none", "0", str(sendlog), "--",
                            *args, "--json"], capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    assert all(r["ok"] and not r["errors"] for r in json.loads(final.stdout))

    outcome = invariants(cfg.settings.database, cfg.settings.alerts_dir, sendlog, ARTICLES)
    assert outcome.integrity == "ok" and outcome.articles == ARTICLES
    assert (outcome.lost_articles, outcome.duplicate_articles) == (0, 0)
    assert (outcome.lost_alerts, outcome.duplicate_alerts) == (0, 0)
    sends = Counter(sendlog.read_text("utf-8").split())
    assert outcome.resent == sum(sends.values()) - len(sends)
    assert all(times - 1 <= unmarked[key] for key, times in sends.items()), (sends, unmarked)
    assert len(list(cfg.settings.alerts_dir.glob("*.json"))) == ALERTS
    assert not list(cfg.settings.alerts_dir.glob(".tmp-*"))  # no half-written alert left
