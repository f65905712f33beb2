"""Logging and global options as an operator meets them (issue 10, item 5)."""

from __future__ import annotations

import json
import logging

import pytest

from monitor import logs
from monitor.cli.group import _config_first


@pytest.mark.parametrize(("args", "expected"), [
    (["run", "--once", "--config", "x.yaml"], ["--config", "x.yaml", "run", "--once"]),
    (["status", "--config=x.yaml", "--json"], ["--config=x.yaml", "status", "--json"]),
    (["--config", "x.yaml", "check"], ["--config", "x.yaml", "check"]),
    (["search", "--", "--config"], ["search", "--", "--config"]),
])
def test_config_is_accepted_after_the_subcommand(args, expected) -> None:
    assert _config_first(args) == expected


def test_json_lines_with_offset_timestamps(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        logs.configure(1, "json")
        logging.getLogger("monitor.test").info("checked %s", "haisum")
        logging.getLogger("httpx").info("HTTP Request: GET ...")  # library chatter: not at -v
    finally:
        logs.configure(0)
    (line,) = capsys.readouterr().err.strip().splitlines()
    entry = json.loads(line)
    assert entry["message"] == "checked haisum" and entry["level"] == "INFO"
    assert entry["time"][-6] in "+-" and entry["time"][-3] == ":"  # 2026-12-01T00:00:00.000+00:00


def test_libraries_speak_at_vv(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        logs.configure(2)
        logging.getLogger("httpx").debug("HTTP Request: GET ...")
    finally:
        logs.configure(0)
    assert "HTTP Request" in capsys.readouterr().err
