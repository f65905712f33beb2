"""After a monitor died (SIGKILL, out of memory, a segfault in the HTML parser), the next one
parses every page in a worker process, so a page that crashes lexbor cannot crash the monitor
in a loop; after a clean exit, pages parse in-process again (T18, issue 9)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import cli
from monitor.instance import instance_lock, lock_path
from monitor.service import Monitor
from monitor.sites import SiteServer

from .flows import write_config

HOLD_AND_DIE = """
import os, signal, sys
from pathlib import Path
from monitor.instance import instance_lock
with instance_lock(Path(sys.argv[1])):
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_lock_tells_a_killed_holder_from_a_clean_exit(tmp_path: Path) -> None:
    """T18: a SIGKILLed holder leaves its pid behind; a clean exit (an exception
    included) leaves none."""
    database = tmp_path / "a.db"
    with instance_lock(database) as died:
        assert died is False
    try:
        with instance_lock(database):
            raise RuntimeError("a bug, seen by Python")
    except RuntimeError:
        pass
    with instance_lock(database) as died:
        assert died is False
    killed = subprocess.run([sys.executable, "-c", HOLD_AND_DIE, str(database)], check=False)
    assert killed.returncode == -signal.SIGKILL
    with instance_lock(database) as died:
        assert died is True
    with instance_lock(database) as died:
        assert died is False
    assert lock_path(database).read_bytes() == b""


def test_after_an_unclean_exit_pages_parse_in_a_worker_process(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """T18: the pass after a kill parses in workers (and says so), then stores as usual."""
    cfg = write_config(tmp_path, site_servers)

    async def parser_pid(isolate_all: bool) -> int:
        async with Monitor(cfg, isolate_all=isolate_all) as monitor:
            return await monitor.context.pool.run(os.getpid)

    assert asyncio.run(parser_pid(False)) == os.getpid()
    assert asyncio.run(parser_pid(True)) != os.getpid()

    database = cfg.settings.database
    database.parent.mkdir(parents=True, exist_ok=True)
    lock_path(database).write_text("999999\n")  # what a killed monitor leaves behind
    result = CliRunner().invoke(cli, ["--config", str(cfg.path), "run", "--once", "--json"])
    assert result.exit_code == 0, result.output
    assert "did not exit cleanly" in result.stderr
    stored = sum(source["new"] for source in json.loads(result.stdout))
    assert stored == 14 and lock_path(database).read_bytes() == b""
