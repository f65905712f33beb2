"""Measuring one process tree from outside, for bench/pipeline.py: wall time, CPU of the
process and its children (``wait4``), and peak RSS of the tree (sampled), with a deadline
that kills a run that hangs."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIMEOUT = [900.0]  # seconds a run may take before it is killed (pipeline.py --timeout)


@dataclass
class Run:
    """What one measured process did."""

    name: str
    wall: float = 0.0
    cpu: float = 0.0
    peak_rss_mb: float = 0.0
    returncode: int | None = None
    stored: int = 0
    f1: float = 0.0
    requests: int = 0
    bytes: int = 0
    not_modified: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def per_s(self) -> float:
        return self.stored / self.wall if self.wall else 0.0

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu / self.stored if self.stored else float("nan")


def _tree(pid: int) -> list[int]:
    """``pid`` and its live descendants (through /proc/<pid>/task/*/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:  # the process may end between two reads
            tasks = list(Path(f"/proc/{current}/task").glob("*/children"))
        except OSError:
            continue
        for task in tasks:
            try:
                todo += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return found


def _rss_kb(pid: int, field: str = "VmRSS:") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure(name: str, cmd: Sequence[str], cwd: Path, log: Path,
            env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to its end; wall, CPU (children included) and peak tree RSS."""
    peak = 0
    started = time.perf_counter()
    with log.open("w") as err, (log.with_suffix(".out")).open("w") as out:
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out, stderr=err,
                                start_new_session=True, env=env)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.02):
                # The tree's sum, or the main process's own high-water mark (VmHWM, reset
                # by exec), whichever is higher: a peak between two samples still counts.
                peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)),
                           _rss_kb(proc.pid, "VmHWM:"))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        status, usage = _wait(proc.pid, TIMEOUT[0])
        done.set()
        sampler.join()
    run = Run(name, wall=time.perf_counter() - started, cpu=usage.ru_utime + usage.ru_stime,
              # Not wait4's ru_maxrss: it keeps the RSS the child had as a fork of this
              # process before its exec (the bench's own 160 MB once truth.jsonl is loaded).
              peak_rss_mb=peak / 1024,
              returncode=os.waitstatus_to_exitcode(status) if status is not None else None)
    run.note = "" if run.returncode == 0 else (
        f"exit {run.returncode}: see {log}" if status is not None
        else f"KILLED after {TIMEOUT[0]:g}s (hung or too slow): see {log}")
    return run


def _wait(pid: int, timeout: float) -> tuple[int | None, Any]:
    """wait4 with a deadline: a process that hangs is killed (its whole group)."""
    deadline = time.monotonic() + timeout
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            return status, usage
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return None, usage
        time.sleep(0.01)
