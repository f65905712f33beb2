"""`monitor rematch`: the current watch list over the articles already stored."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import click

from monitor.archive import Archive
from monitor.cli.group import config_of
from monitor.notify import routes
from monitor.output import console, print_json, table
from monitor.rematch import rematch as rematch_archive
from monitor.watch import Matcher


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@click.command()
@click.option("--since", callback=_date,
              help="Only articles published (or first seen, if undated) on or after this date "
                   "(YYYY-MM-DD).")
@click.option("--alert", is_flag=True,
              help="Also queue alerts for organisations an article did not mention before "
                   "(sent by the running daemon or the next `monitor run`).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def rematch(ctx: click.Context, since: str | None, alert: bool, as_json: bool) -> None:
    """Apply the current watch list to stored articles, so an organisation added today is
    found in last month's articles by `search --org`. No alerts unless --alert.

    Example: monitor rematch --since 2026-11-01
    """
    cfg = config_of(ctx)
    matcher = Matcher(cfg.watch)
    with Archive(cfg.settings.database) as archive:
        report = rematch_archive(archive, matcher, now=datetime.now(UTC), since=since,
                                 routes=routes(cfg) if alert else ())
    if as_json:
        print_json(dataclasses.asdict(report))
        return
    console().print(table("Rematch", ("articles", "mentions added", "mentions removed",
                                      "alerts queued"),
                          [(report.articles, report.added, report.removed, report.alerts)]))
