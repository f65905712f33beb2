"""One monitor per archive: the lock file beside it, which also holds the running pid.

``<database>.lock`` is locked with ``flock`` by whichever monitor writes the archive (the
daemon or ``run --once``), and holds its pid, so ``monitor stop`` and ``monitor reload`` can
signal it. The lock, not the pid, says whether a monitor is running: a pid left behind by a
killed process is never signalled, since nobody holds the lock then. A clean exit empties the
file, so a pid found there by the next monitor means the last one died (SIGKILL, out of
memory, or a segfault in the HTML parser): the next one then parses every page in a worker
process (workers.py), so a page that crashes the parser cannot crash it again and again.
"""

from __future__ import annotations

import fcntl
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from monitor.errors import ArchiveError


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@contextmanager
def instance_lock(database: Path) -> Iterator[bool]:
    """One writer per archive: a second daemon or pass on the same file refuses to start.
    Yields whether the previous holder died without exiting cleanly."""
    database.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ArchiveError(f"another monitor is already running on {database}") from exc
        died = os.pread(fd, 32, 0).strip().isdigit()
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield died
        finally:
            os.ftruncate(fd, 0)  # any exit Python lives to see is clean
    finally:
        os.close(fd)


def running_pid(database: Path) -> int | None:
    """The pid of the monitor holding the archive's lock, or None when none does."""
    path = lock_path(database)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.pread(fd, 32, 0).decode(errors="replace").strip()
            return int(text) if text.isdigit() else None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None  # we could lock it: nobody runs
    finally:
        os.close(fd)


def signal_running(database: Path, sig: signal.Signals) -> int:
    """Send ``sig`` to the running monitor; its pid, or ArchiveError when none runs."""
    pid = running_pid(database)
    if pid is None:
        raise ArchiveError(f"no monitor is running on {database}")
    os.kill(pid, sig)
    return pid


def wait_stopped(database: Path, timeout: float) -> bool:
    """Wait until no monitor holds the archive (True) or the timeout passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running_pid(database) is None:
            return True
        time.sleep(0.1)
    return running_pid(database) is None
