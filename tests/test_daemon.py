"""The daemon as a real process: scheduled checks, alerts sent, SIGTERM stops it cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

from monitor.archive import Archive
from monitor.config import Config
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


def _start(cfg_path: Path) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "monitor", "--config", str(cfg_path), "run"]
    return subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            cwd=cfg_path.parent)


def _stop(proc: subprocess.Popen[str]) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=40)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_daemon_checks_sources_and_stops_on_sigterm(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T44: SIGTERM stops scheduling and exits 0; what was stored stays stored. The next
    start resumes: sources checked recently wait for their next_due instead of being
    fetched again at once, and nothing is sent twice."""
    cfg = write_config(tmp_path, site_servers)
    proc = _start(cfg.path)
    try:
        lines = _wait_for_lines(proc, {"checked haisum", "checked hailing", "checked foshan"},
                                timeout=60)
    finally:
        assert _stop(proc) == 0
    assert not any("Traceback" in line for line in lines)
    proc = _start(cfg.path)
    try:
        lines = _wait_for_lines(proc, {"monitor started"}, timeout=60)
    finally:
        assert _stop(proc) == 0
    scheduled = [line for line in lines if "next check" in line]
    assert len(scheduled) == 3
    upcoming = [datetime.fromisoformat(line.rsplit("next check ", 1)[1].strip())
                for line in scheduled]
    assert all(when > datetime.now(UTC) for when in upcoming)  # not re-checked at start
    with Archive(cfg.settings.database, readonly=True) as archive:
        assert archive.query("SELECT count(*) AS n FROM articles")[0]["n"] == 14
        statuses = archive.query("SELECT status, count(*) AS n FROM alerts GROUP BY status")
        due = [r["next_due"] for r in archive.query("SELECT next_due FROM sources")]
    assert statuses == [{"status": "sent", "n": 13}]
    assert all(line.rsplit("next check ", 1)[1].strip() in due for line in scheduled)
    assert len(list(cfg.settings.alerts_dir.glob("*.json"))) == 13


def _haisum_first(tmp_path: Path, site_servers: dict[str, SiteServer],
                  watch: list[dict[str, str]] | None = None) -> tuple[Config, str]:
    """The sample configuration written with only its haisum source (and ``watch`` as its
    watch list, if given); returns it and the whole configuration's text, to reload with."""
    full = write_config(tmp_path, site_servers)
    text = full.path.read_text("utf-8")
    doc = yaml.safe_load(text)
    doc["sources"] = [s for s in doc["sources"] if s["name"] == "haisum"]
    if watch is not None:
        doc["watch"] = watch
    full.path.write_text(yaml.safe_dump(doc), "utf-8")
    return full, text


def _reload_all(proc: subprocess.Popen[str], path: Path, text: str) -> None:
    """Once haisum is checked, put the whole configuration back and SIGHUP: foshan, the
    source it adds, is then checked."""
    _wait_for_lines(proc, {"checked haisum"}, timeout=60)
    path.write_text(text, "utf-8")
    proc.send_signal(signal.SIGHUP)
    _wait_for_lines(proc, {"reloaded configuration", "checked foshan"}, timeout=60)


def test_sighup_reloads_and_keeps_last_good_config(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T47: SIGHUP applies a valid new configuration (a new source is checked); a broken
    one is reported with its file:line and the running configuration stays."""
    full, text = _haisum_first(tmp_path, site_servers)
    proc = _start(full.path)
    try:
        _reload_all(proc, full.path, text)
        full.path.write_text(text.replace("sources:", "sources:\n  - name: [oops", 1), "utf-8")
        proc.send_signal(signal.SIGHUP)
        lines = _wait_for_lines(proc, {"configuration not reloaded"}, timeout=60)
        assert "sources.yaml:" in lines[-1]
    finally:
        assert _stop(proc) == 0


def test_second_daemon_refuses_to_start(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T30: two daemons on one archive: the second exits with "already running"."""
    cfg = write_config(tmp_path, site_servers)
    first = _start(cfg.path)
    try:
        _wait_for_lines(first, {"monitor started"}, timeout=60)
        second = subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg.path), "run"],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1 and "already running" in second.stderr
    finally:
        assert _stop(first) == 0


def test_a_reload_matches_new_articles_against_the_new_watch_list(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """The watch list compiles on its first match (issue 9): a reload's new list, not the
    one the daemon started with, is what the articles found after it are matched against."""
    full, text = _haisum_first(tmp_path, site_servers, [{"name": "Nobody Mentioned Holdings"}])
    proc = _start(full.path)
    try:
        _reload_all(proc, full.path, text)
    finally:
        assert _stop(proc) == 0
    with Archive(full.settings.database, readonly=True) as archive:
        rows = archive.query("SELECT a.source, count(m.article_id) AS n FROM articles a "
                             "LEFT JOIN mentions m ON m.article_id = a.id GROUP BY a.source")
    found = {row["source"]: row["n"] for row in rows}
    assert found["haisum"] == 0 and found["foshan"] > 0
