"""SIGKILL at random points of a pass, then recovery: nothing lost, nothing doubled (T27)."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from monitor.sites import SiteServer

from .flows import write_config

KILLS = 8


def test_kill_anywhere_then_recover(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """Kill `monitor run --once` with SIGKILL at random moments (while fetching, saving or
    sending), then let a last pass finish. Afterwards: the database is intact, all 14
    articles are stored once, every mention has exactly one alert per channel, every alert
    is sent, and each alert file carries its own key (a resend rewrites the same file)."""
    cfg = write_config(tmp_path, site_servers)
    cmd = [sys.executable, "-m", "monitor", "--config", str(cfg.path), "run", "--once"]
    rng = random.Random(27)
    for _ in range(KILLS):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    final = subprocess.run([*cmd, "--json"], capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    assert all(r["ok"] and not r["errors"] for r in json.loads(final.stdout))

    conn = sqlite3.connect(cfg.settings.database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        assert stored == (14, 14)
        per_mention = conn.execute(
            "SELECT m.article_id, m.organisation, count(a.id) FROM mentions m "
            "LEFT JOIN alerts a ON a.article_id = m.article_id AND a.organisation = m.organisation "
            "GROUP BY m.article_id, m.organisation").fetchall()
        assert len(per_mention) == 13 and all(n == 1 for *_, n in per_mention)
        statuses = conn.execute("SELECT status, count(*) FROM alerts GROUP BY status").fetchall()
        keys = {row[0] for row in conn.execute("SELECT key FROM alerts")}
    finally:
        conn.close()
    assert statuses == [("sent", 13)]
    files = {p.stem: json.loads(p.read_text("utf-8"))
             for p in cfg.settings.alerts_dir.glob("*.json")}
    assert set(files) == keys and all(data["key"] == key for key, data in files.items())
    assert not list(cfg.settings.alerts_dir.glob(".tmp-*"))  # no half-written alert left
