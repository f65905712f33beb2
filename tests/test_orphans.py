"""Nothing outlives the monitor (issue 8.4): parser workers die with a SIGKILLed parent, and
Ctrl-C ends `run --once` with one line and exit code 130. Linux (/proc) only."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from monitor.workers import ISOLATE_ABOVE

from .servers import ScriptedServer, html, scripted

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _gone(pids: list[int], seconds: float = 5.0) -> list[int]:
    """The pids still alive after ``seconds`` (a process closes its files a moment before
    it becomes a zombie)."""
    deadline = time.monotonic() + seconds
    while [pid for pid in pids if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if _alive(pid)]


@contextmanager
def _stuck_pass(tmp: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int]]]:
    """`monitor run --once` (with its parser workers) stuck on an article that never comes;
    yields once the (large) listing was parsed in a worker, with the monitor's children."""
    asked, release = threading.Event(), threading.Event()

    def hang(_req: object) -> tuple[int, dict[str, str], bytes]:
        asked.set()
        release.wait(30)
        return 200, {"Content-Type": "text/html"}, b"late"

    # A listing over workers.ISOLATE_ABOVE: smaller pages parse in-process, this one in a
    # worker process (spawned only when such a page comes).
    padding = "<!-- padding -->" * (ISOLATE_ABOVE // 16 + 1)
    routes = {"/": html('<a href="/news/1">one</a>' + padding), "/news/1": hang}
    with scripted(routes) as srv:
        proc = subprocess.Popen(_command(tmp, srv), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        children: list[int] = []
        try:
            assert asked.wait(60), "the pass never reached the article"
            children = _children(proc.pid)
            assert children, "no parser worker was started"
            yield proc, children
        finally:
            release.set()
            for pid in [proc.pid, *children]:
                if _alive(pid):
                    os.kill(pid, signal.SIGKILL)
            proc.wait(10)


def _command(tmp: Path, srv: ScriptedServer) -> list[str]:
    doc = {"settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0,
                        "robots": False, "timeout": "60s"},
           "watch": [{"name": "China Haisum"}],
           "sources": [{"name": "slow", "url": srv.url + "/", "include": ["/news/"]}]}
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return [sys.executable, "-m", "monitor", "--config", str(path), "run", "--once"]


def _read_to_eof(stream: object, seconds: float) -> bool:
    done = threading.Event()

    def drain() -> None:
        stream.read()  # type: ignore[attr-defined]
        done.set()

    threading.Thread(target=drain, daemon=True).start()
    return done.wait(seconds)


def test_workers_die_with_a_killed_monitor(tmp_path: Path) -> None:
    """T27/issue 8.4: after SIGKILL of `run --once`, its parser workers exit too, so whoever
    reads its stderr (`run --once | logger`) sees end-of-file at once."""
    with _stuck_pass(tmp_path) as (proc, children):
        proc.kill()
        proc.wait(10)
        assert _read_to_eof(proc.stderr, 10), "a child of the killed monitor holds stderr"
        assert not _gone(children)


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """Issue 8.4: Ctrl-C (SIGINT to the whole process group, as a terminal sends it) ends a
    pass with exit code 130 and one line, no "Aborted!" and no worker tracebacks."""
    with _stuck_pass(tmp_path) as (proc, children):
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
        lines = [line for line in err.decode().splitlines() if line.strip()]
        assert proc.returncode == 130, err
        assert lines == ["interrupted"], err
        assert not _gone(children)
