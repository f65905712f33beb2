"""Operating a running monitor: `stop`, `reload`, and `backup` of its archive."""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import click

from monitor.cli.group import config_of
from monitor.errors import ArchiveError
from monitor.instance import signal_running, wait_stopped
from monitor.units import format_size, parse_duration


@click.command()
@click.option("--timeout", default="60s", show_default=True,
              help="How long to wait for it to finish the checks in flight.")
@click.pass_context
def stop(ctx: click.Context, timeout: str) -> None:
    """Stop the monitor running on this configuration's archive (SIGTERM), and wait.

    Checks in flight get up to 30 s to finish; unsent alerts stay in the outbox for the next
    start. Example: monitor stop
    """
    database = config_of(ctx).settings.database
    pid = signal_running(database, signal.SIGTERM)
    if not wait_stopped(database, parse_duration(timeout)):
        raise ArchiveError(f"monitor (pid {pid}) is still running after {timeout}")
    click.echo(f"stopped monitor (pid {pid})")


@click.command()
@click.pass_context
def reload(ctx: click.Context) -> None:
    """Make the running daemon re-read its configuration (SIGHUP).

    A file that does not validate, or cannot run (a secret missing), is reported in the
    daemon's log and the running configuration is kept. Example: monitor reload
    """
    cfg = config_of(ctx)  # validate here too: the user sees a mistake at once
    pid = signal_running(cfg.settings.database, signal.SIGHUP)
    click.echo(f"asked monitor (pid {pid}) to reload {cfg.path}")


@click.command()
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, destination: Path) -> None:
    """Copy the archive to DESTINATION with SQLite's online backup: consistent even while
    the daemon writes (copying the file itself is not). Example: monitor backup /backups/a.db
    """
    database = config_of(ctx).settings.database
    if not database.exists():
        raise ArchiveError(f"no archive at {database}")
    if destination.exists():
        raise click.BadParameter(f"{destination} exists; choose a new file",
                                 param_hint="DESTINATION")
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10)
    target = sqlite3.connect(destination)
    try:
        source.backup(target, pages=1024)
        check = target.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        raise ArchiveError(f"backup failed: {exc}") from exc
    finally:
        target.close()
        source.close()
    if check != "ok":
        raise ArchiveError(f"the backup failed its integrity check: {check}")
    click.echo(f"backed up {database} to {destination} ({format_size(destination.stat().st_size)})")
