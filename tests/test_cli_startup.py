"""The command line starts without the fetch and extraction stack: `monitor --help`,
`status` and `search` only read the archive, and importing aiohttp, selectolax and the
pipeline for them doubled their start-up (0.70 -> 0.35 s of CPU for --help)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("aiohttp", "httpx", "selectolax", "apscheduler", "isal", "monitor.service",
         "monitor.fetch", "monitor.pipeline", "monitor.extract")


def test_importing_the_cli_leaves_the_fetch_and_extraction_stack_alone() -> None:
    code = ("import json, sys, monitor.cli; "
            f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert json.loads(out.stdout) == []
