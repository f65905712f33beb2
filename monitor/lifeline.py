"""Child processes that die with the monitor, so nothing is left behind (issue 8.4).

A parser worker or the Datasette server started by ``monitor browse`` holds the monitor's
stderr; if it outlived a SIGKILLed monitor, ``monitor run --once | logger`` would never see
end-of-file. On Linux the kernel kills the child when its parent dies (PR_SET_PDEATHSIG);
elsewhere a watchdog thread notices that the parent changed and exits.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_EVERY = 1.0


def die_with_parent(parent: int) -> None:
    """Call in the child: exit as soon as the process ``parent`` is gone."""
    if not _kernel_kills_us():
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="lifeline").start()
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)


def _kernel_kills_us() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)
