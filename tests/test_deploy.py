"""The deployment files in deploy/, checked as far as this machine allows (issue 10, item 7):
the systemd unit with systemd-analyze where it exists, both files against what the monitor
really needs (its console script, SIGHUP reload, SIGTERM stop, the config variable)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from .conftest import REPO

DEPLOY = REPO / "deploy"


def _unit() -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "news-monitor.service", encoding="utf-8")
    return unit


def test_systemd_unit_runs_the_daemon_as_documented(tmp_path: Path) -> None:
    service = _unit()["Service"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert service["ExecStart"].split("/")[-1] == "monitor run" and "monitor" in scripts
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert service["KillSignal"] == "SIGTERM" and int(service["TimeoutStopSec"]) > 30
    assert service["Restart"] == "on-failure" and service["User"] != "root"
    assert service["Environment"].startswith("MONITOR_CONFIG=")
    assert service["UMask"] == "0077"  # T49: the state it writes is private
    if shutil.which("systemd-analyze"):
        # verify it with our interpreter's `monitor` standing in for /opt/news-monitor
        local = tmp_path / "news-monitor.service"
        text = (DEPLOY / "news-monitor.service").read_text("utf-8")
        monitor = Path(sys.executable).with_name("monitor")
        text = text.replace("/opt/news-monitor/bin/monitor", str(monitor))
        text = text.replace("User=news-monitor", "User=root").replace(
            "Group=news-monitor", "Group=root")
        local.write_text(text, "utf-8")
        done = subprocess.run(["systemd-analyze", "verify", str(local)], capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr


def test_dockerfile_installs_the_package_and_runs_unprivileged() -> None:
    lines = [line.strip() for line in (DEPLOY / "Dockerfile").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    keyword = {line.split()[0] for line in lines}
    assert {"FROM", "COPY", "RUN", "USER", "VOLUME", "ENTRYPOINT", "CMD"} <= keyword
    base = next(line for line in lines if line.startswith("FROM")).split()[1]
    assert base.startswith("python:3.1") and int(base.split(":")[1].split("-")[0].split(".")[1]) >= 11
    for line in lines:
        if line.startswith("COPY"):
            for source in line.split()[1:-1]:
                assert (REPO / source).exists(), source
    assert next(line for line in lines if line.startswith("USER")).split()[1] not in ("root", "0")
    assert 'ENTRYPOINT ["monitor"]' in lines and 'CMD ["run"]' in lines
    assert "STOPSIGNAL SIGTERM" in lines and "ENV MONITOR_CONFIG=/data/sources.yaml" in lines
