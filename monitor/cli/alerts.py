"""`monitor alerts`: the outbox as an operator sees it; retry alerts; test a channel."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from monitor.archive import Archive
from monitor.cli.group import config_of
from monitor.errors import ArchiveError, ChannelError
from monitor.instance import instance_lock
from monitor.notify import build_channels, channel_names
from monitor.notify import lifecycle as outbox_admin
from monitor.output import console, print_json, safe, table


@click.group(invoke_without_command=True)
@click.option("--pending", "status", flag_value="pending", help="Only alerts waiting to be sent.")
@click.option("--failed", "status", flag_value="failed",
              help="Only alerts whose last attempt failed (to be retried).")
@click.option("--dead", "status", flag_value="dead", help="Only alerts that were given up on.")
@click.option("--sent", "status", flag_value="sent", help="Only delivered alerts.")
@click.option("--paused", "status", flag_value="paused", help="Only alerts of paused channels.")
@click.option("--limit", default=50, show_default=True, help="At most this many alerts.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def alerts(ctx: click.Context, status: str | None, limit: int, as_json: bool) -> None:
    """The alerts outbox, newest first: what was sent, what waits, what failed and why.

    \b
    Examples:
      monitor alerts --failed            alerts being retried, with the receiver's answer
      monitor alerts retry --all         send every unsent alert again, now
      monitor alerts test webhook        one test alert through the real channel
    """
    if ctx.invoked_subcommand is not None:
        return
    cfg = config_of(ctx)
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = outbox_admin.list_alerts(archive, status, limit)
        totals = outbox_admin.counts(archive)
        paused = outbox_admin.paused_channels(archive)
    if as_json:
        print_json({"counts": totals, "paused_channels": paused, "alerts": rows})
        return
    out = console()
    out.print(safe("outbox: " + (", ".join(f"{n} {s}" for s, n in sorted(totals.items()))
                                 or "empty")))
    for channel in paused:
        out.print(safe(f"channel {channel['name']} PAUSED since {channel['since']}: "
                       f"{channel['reason']} (fix it, then `monitor alerts retry --all`)"),
                  style="red")
    out.print(table(None, ("id", "status", "channel", "organisation", "title", "attempts",
                           "when", "answer"),
                    [(r["id"], r["status"], r["channel"], r["organisation"] or r["kind"],
                      r["title"], r["attempts"],
                      r["sent_at"] if r["status"] == "sent" else r["next_attempt"],
                      r["last_error"] or r["last_response"] or "") for r in rows]))


@alerts.command()
@click.argument("ids", nargs=-1, type=int)
@click.option("--all", "everything", is_flag=True,
              help="Every unsent alert (pending, dead, paused); paused channels resume.")
@click.pass_context
def retry(ctx: click.Context, ids: tuple[int, ...], everything: bool) -> None:
    """Make alerts due now, with a fresh retry schedule. Sent alerts are never resent.

    With a daemon running, the request is handed to it (applied within 30 s); otherwise the
    next `monitor run` sends them. Example: monitor alerts retry 12 13
    """
    if bool(ids) == everything:
        raise click.UsageError("give alert ids or --all (not both)")
    cfg = config_of(ctx)
    wanted = None if everything else list(ids)
    database = cfg.settings.database
    try:
        with instance_lock(database), Archive(database) as archive:
            count = outbox_admin.retry(archive, wanted, datetime.now(UTC))
    except ArchiveError as exc:
        if "already running" not in str(exc):
            raise
        outbox_admin.request_retry(database, wanted)
        click.echo("a monitor is running on this archive: it will retry them within 30 s")
        return
    click.echo(f"{count} alert(s) due now; `monitor run --once` (or the daemon) sends them")


@alerts.command("test")
@click.argument("channel")
@click.pass_context
def test_channel(ctx: click.Context, channel: str) -> None:
    """Send one test alert through CHANNEL (a name from `monitor check`) and print the
    receiver's answer. Nothing is stored. Example: monitor alerts test email
    """
    cfg = config_of(ctx)
    names = channel_names(cfg.channels)
    if channel not in names:
        raise click.BadParameter(f"no channel named {channel!r}; configured: {', '.join(names)}",
                                 param_hint="CHANNEL")
    (built,) = build_channels(cfg, only=channel).values()
    try:
        answer = built.send(outbox_admin.sample_alert(channel, datetime.now(UTC)))
    except ChannelError as exc:
        kind = ("the channel would be paused" if exc.disable else
                "retryable" if exc.retryable else "permanent")
        raise click.ClickException(f"{channel}: {exc} ({kind})") from exc
    finally:
        built.close()
    click.echo(f"{channel}: delivered — {answer}")
