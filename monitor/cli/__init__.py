"""The `monitor` command line: thin commands that parse, call the library, and render.

    group.py     the root group: --config, -v, error translation (exit 0 / 1 / 2)
    running.py   check, run (daemon or --once), demo
    archive.py   search, show, history, export, status, browse (Datasette)
    pages.py     extract, preview (one page or listing, to see why a site extracts badly)
    alerts.py    alerts (the outbox), alerts retry, alerts test
    operate.py   stop, reload, backup (a running monitor and its archive)
    rematch.py   rematch (the current watch list over stored articles)

Exit codes: 0 ok, 1 runtime failure (run --once: also a failed source), 2 usage or
configuration error, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from monitor.cli import alerts, archive, operate, pages, rematch, running
from monitor.cli.group import cli

for _command in (running.check, running.run, running.demo, archive.search, archive.show,
                 archive.history, archive.export, archive.status, archive.browse, pages.extract,
                 pages.preview,
                 alerts.alerts, operate.stop, operate.reload, operate.backup, rematch.rematch):
    cli.add_command(_command)

__all__ = ["cli", "main"]


def main() -> None:
    cli(prog_name="monitor")
