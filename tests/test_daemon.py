"""The daemon as a real process: scheduled checks, alerts sent, SIGTERM stops it cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from monitor.archive import Archive
from monitor.sites import SiteServer

from .flows import write_config


def _wait_for_lines(proc: subprocess.Popen[str], needles: set[str], timeout: float) -> list[str]:
    """Read the daemon's log until every needle appeared (or fail after ``timeout``)."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stderr is not None
    while needles and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        needles = {n for n in needles if n not in line}
    assert not needles, "".join(seen)
    return seen


def test_daemon_checks_sources_and_stops_on_sigterm(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T44: SIGTERM stops scheduling and exits 0; what was stored stays stored; the next
    start finds nothing new and sends nothing twice."""
    cfg = write_config(tmp_path, site_servers)
    cmd = [sys.executable, "-m", "monitor", "--config", str(cfg.path), "run"]
    for _round in range(2):
        proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                text=True, cwd=tmp_path)
        try:
            lines = _wait_for_lines(proc, {"checked haisum", "checked hailing", "checked foshan"},
                                    timeout=60)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=40) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        assert not any("Traceback" in line for line in lines)
    with Archive(cfg.settings.database, readonly=True) as archive:
        assert archive.query("SELECT count(*) AS n FROM articles")[0]["n"] == 14
        statuses = archive.query("SELECT status, count(*) AS n FROM alerts GROUP BY status")
    assert statuses == [{"status": "sent", "n": 13}]
    assert len(list(cfg.settings.alerts_dir.glob("*.json"))) == 13


def test_second_daemon_refuses_to_start(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T30: two daemons on one archive: the second exits with "already running"."""
    cfg = write_config(tmp_path, site_servers)
    cmd = [sys.executable, "-m", "monitor", "--config", str(cfg.path), "run"]
    first = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        _wait_for_lines(first, {"monitor started"}, timeout=60)
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1 and "already running" in second.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=40)
