"""Operating the daemon by command: `monitor reload`, `monitor backup` while it runs, and
`monitor stop` (issue 10, item 5)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.instance import running_pid
from monitor.sites import SiteServer

from .flows import write_config
from .test_daemon import _start, _stop, _wait_for_lines


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_reload_backup_and_stop_a_running_daemon(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    cfg = write_config(tmp_path, site_servers)
    conf, database = str(cfg.path), cfg.settings.database
    code, out = _invoke("--config", conf, "stop")
    assert code == 1 and "no monitor is running" in out
    proc = _start(cfg.path)
    try:
        lines = _wait_for_lines(proc, {"checked haisum", "checked hailing", "checked foshan"}, 60)
        haisum = next(line for line in lines if "checked haisum" in line)
        assert "new=6" in haisum and "alerted: China Haisum" in haisum and " | " in haisum
        assert running_pid(database) == proc.pid
        doc = yaml.safe_load(cfg.path.read_text("utf-8"))
        doc["sources"] = doc["sources"][:1]
        cfg.path.write_text(yaml.safe_dump(doc), "utf-8")
        code, out = _invoke("--config", conf, "reload")
        assert code == 0 and f"pid {proc.pid}" in out
        _wait_for_lines(proc, {"reload: sources removed: foshan, hailing",
                               "reloaded configuration", "1 sources"}, 30)
        code, out = _invoke("--config", conf, "backup", str(tmp_path / "copy.db"))
        assert code == 0 and "backed up" in out
        with sqlite3.connect(tmp_path / "copy.db") as copy:
            assert copy.execute("SELECT count(*) FROM articles").fetchone()[0] == 14
        code, out = _invoke("--config", conf, "stop", "--timeout", "45s")
        assert code == 0 and f"stopped monitor (pid {proc.pid})" in out
        assert proc.wait(timeout=5) == 0
        assert proc.stderr is not None and "monitor stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            _stop(proc)
    assert running_pid(database) is None
    code, out = _invoke("--config", conf, "backup", str(tmp_path / "copy.db"))
    assert code == 2 and "exists" in out


def test_a_stale_pid_is_never_signalled(tmp_path: Path) -> None:
    """A pid left in the lock file by a killed process means nothing: nobody holds the lock."""
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        database = tmp_path / "a.db"
        (tmp_path / "a.db.lock").write_text(f"{sleeper.pid}\n")
        assert running_pid(database) is None
    finally:
        sleeper.kill()
        sleeper.wait()
