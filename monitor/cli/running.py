"""Commands that run the monitor: `check`, `run` (daemon or one pass) and `demo`."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import click

from monitor import gcsettings
from monitor.archive import Archive
from monitor.cli.group import config_of
from monitor.config import Config, dump_config
from monitor.models import CheckResult, SaveOutcome
from monitor.output import (
    config_tables,
    console,
    delivery_line,
    failure_lines,
    print_json,
    progress,
    result_dict,
    safe,
    summary_table,
    table,
)

logger = logging.getLogger(__name__)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the validated config as JSON.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Validate the configuration and summarise it.

    Errors name the file, line and key, e.g.
    `sources.yaml:14: sources[2].interval: invalid duration '1 hour'` (exit code 2).
    Channels are built too, so a secret missing from the environment is reported now.

    \b
    Examples:
      monitor check
      monitor --config /etc/news-monitor/sources.yaml check --json
    """
    cfg = config_of(ctx, to_run=True)
    from monitor.notify import build_channels

    for channel in build_channels(cfg).values():
        channel.close()
    if as_json:
        print_json(dump_config(cfg))
        return
    out = console()
    for view in config_tables(cfg):
        out.print(view)


@click.command()
@click.option("--once", is_flag=True, help="Run one pass over all sources and exit.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="With --once: print results as JSON.")
@click.pass_context
def run(ctx: click.Context, once: bool, sources: tuple[str, ...], as_json: bool) -> None:
    """Run the monitor: the daemon, or a single pass with --once.

    The daemon checks every source at its interval (settings.interval or the source's own)
    and sends alerts from the outbox; stop it with Ctrl-C or SIGTERM. With --once the exit
    code is 1 when any source failed. Example:

        monitor run --once --source haisum
    """
    cfg = config_of(ctx, to_run=True)
    from monitor.service import instance_lock

    with instance_lock(cfg.settings.database) as died:
        if died:
            logger.warning("the last monitor on this archive did not exit cleanly (killed, out "
                           "of memory, or crashed parsing a page): this run parses every page "
                           "in a worker process")
        if once:
            results = _one_pass(cfg, sources, died)
            _show_results(results, as_json)
            if any(not result.ok for result in results):
                ctx.exit(1)  # a source failed: scripts and cron see it (README, exit codes)
            return
        from monitor.daemon import Daemon

        if not logging.getLogger().isEnabledFor(logging.INFO):
            logging.getLogger("monitor").setLevel(logging.INFO)
        gcsettings.settle()
        asyncio.run(Daemon(cfg, isolate_all=died).run())


def _one_pass(cfg: Config, names: tuple[str, ...], isolate_all: bool = False
              ) -> list[CheckResult]:
    from monitor.service import Monitor

    out = console(stderr=True)

    async def go() -> list[CheckResult]:
        with progress(out, "checking") as bar:
            async with Monitor(cfg, progress=bar, isolate_all=isolate_all) as monitor:
                chosen = monitor.enabled_sources(names)
                if names and len(chosen) != len(set(names)):
                    missing = set(names) - {s.name for s in chosen}
                    raise click.BadParameter(f"no enabled source named {', '.join(missing)}",
                                             param_hint="--source")
                results = await monitor.run_pass(chosen)
        line = delivery_line(monitor.last_delivery)
        if line:
            out.print(safe(line))
        return results

    gcsettings.settle()
    return asyncio.run(go())


def _show_results(results: list[CheckResult], as_json: bool) -> None:
    if as_json:
        print_json([result_dict(r) for r in results])
        return
    out = console()
    out.print(summary_table(results))
    for line in failure_lines(results):
        out.print(line, style="yellow")


@click.command()
@click.option("--fresh", is_flag=True, help="Forget the previous demo archive and alerts first.")
@click.option("--dir", "root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="Where state/ and alerts/ go.")
def demo(fresh: bool, root: Path) -> None:
    """Run the whole flow offline on three bundled sample news sites.

    Serves the sites on 127.0.0.1, writes state/demo.yaml, stores articles in
    state/demo.db and writes alerts to alerts/demo/. A second run finds nothing new.
    Then try: monitor --config state/demo.yaml search Haisum
    """
    from monitor.demo import DemoPaths, reset, serve

    paths = DemoPaths.under(root)
    if fresh:
        reset(paths)
    before = _last_alert_id(paths.database)
    with serve(paths) as cfg:
        results = _one_pass(cfg, ())
    _show_demo(results, paths, before)


def _last_alert_id(database: Path) -> int:
    """The alerts this run fires are those with a larger id (timestamps have one-second
    resolution, so two quick runs would share one)."""
    if not database.exists():
        return 0
    with Archive(database, readonly=True) as archive:
        rows = archive.query("SELECT coalesce(max(id), 0) AS last FROM alerts")
    return int(rows[0]["last"])


def _show_demo(results: list[CheckResult], paths: Any, before: int) -> None:
    out = console()
    rows = [(r.source, a.outcome.value, a.title, a.url) for r in results for a in r.articles]
    new = sum(1 for row in rows if row[1] == SaveOutcome.NEW.value)
    out.print(table(f"Articles ({new} new)", ("source", "outcome", "title", "url"), rows))
    with Archive(paths.database, readonly=True) as archive:
        fired = archive.query(
            "SELECT organisation, kind, json_extract(payload, '$.title') AS title FROM alerts "
            "WHERE id > ? ORDER BY id", [before])
    out.print(table(f"Alerts fired this run ({len(fired)})", ("organisation", "kind", "article"),
                    [(a["organisation"], a["kind"], a["title"]) for a in fired]))
    out.print(summary_table(results))
    out.print(safe(f"Archive: {paths.database}  Alerts: {paths.alerts}/  Config: {paths.config}"))
    out.print(safe(f"Next: monitor --config {paths.config} search Haisum"))
