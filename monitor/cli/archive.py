"""Commands that read the archive: `search`, `show`, `history`, `export`, `status`."""

from __future__ import annotations

import csv
import difflib
import json
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

import click

from monitor.archive import Archive
from monitor.cli.group import config_of
from monitor.errors import ArchiveError
from monitor.notify import lifecycle as outbox_admin
from monitor.output import console, print_json, safe, table


@click.command()
@click.argument("query")
@click.option("--org", help="Only articles mentioning this organisation (name or alias).")
@click.option("--source", help="Only articles from this source.")
@click.option("--since", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", default=20, show_default=True, help="At most this many results.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.pass_context
def search(ctx: click.Context, query: str, org: str | None, source: str | None,
           since: str | None, until: str | None, limit: int, as_json: bool) -> None:
    """Full-text search of stored titles and bodies. Every word must match; `word*`
    matches a prefix. Example: monitor search "digital factory" --org "China Haisum"
    """
    cfg = config_of(ctx)
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.search(query, organisation=org, source=source, since=since,
                              until=until, limit=limit)
    if as_json:
        print_json(rows)
        return
    out = console()
    out.print(table(f"{len(rows)} result(s) for {query!r}",
                    ("id", "published", "source", "title", "snippet", "organisations", "url"),
                    [(r["id"], r["published"], r["source"], r["title"], r["snippet"],
                      r["organisations"], r["url"]) for r in rows]))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Health of each source (last check, failures, next check, articles, warnings) and of
    the alerts outbox. Sources no longer in the configuration are marked.

    Example: monitor status --json
    """
    cfg = config_of(ctx)
    configured = {s.name for s in cfg.sources}
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.query(
            "SELECT s.name, s.kind, s.last_checked, s.last_status, s.failures, s.next_due, "
            "s.last_error, s.warnings, "
            "(SELECT count(*) FROM articles a WHERE a.source = s.name) AS articles "
            "FROM sources s ORDER BY s.name")
        outbox = outbox_admin.counts(archive)
        paused = outbox_admin.paused_channels(archive)
    for row in rows:
        row["configured"] = row["name"] in configured
        row["warnings"] = row["warnings"].split("\n") if row["warnings"] else []
    if as_json:
        print_json({"sources": rows, "outbox": outbox, "paused_channels": paused})
        return
    out = console()
    out.print(table("Sources", ("name", "kind", "last checked", "status", "failures",
                                "next check", "articles", "problems"),
                    [(r["name"], r["kind"], r["last_checked"],
                      r["last_status"] if r["configured"] else "not configured", r["failures"],
                      r["next_due"] if r["configured"] else "", r["articles"],
                      "; ".join(filter(None, [r["last_error"], *r["warnings"]])))
                     for r in rows]))
    out.print(safe("outbox: " + (", ".join(f"{n} {s}" for s, n in sorted(outbox.items()))
                                 or "empty") + " (details: monitor alerts)"))
    for channel in paused:
        out.print(safe(f"channel {channel['name']} PAUSED: {channel['reason']}"), style="red")


@click.command()
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """One stored article: metadata, mentions and body. IDs come from `monitor search`.

    Example: monitor show 12
    """
    with Archive(config_of(ctx).settings.database, readonly=True) as archive:
        row = archive.article(article_id)
    if row is None:
        raise ArchiveError(f"no article with id {article_id}")
    if as_json:
        print_json(row)
        return
    out = console()
    for name in ("id", "title", "published", "source", "url", "author", "lang", "first_seen",
                 "last_seen", "version_count"):
        out.print(safe(f"{name:>13}: {row[name]}"))
    for mention in row["mentions"]:
        out.print(safe(f"{'mention':>13}: {mention['organisation']} "
                       f"({mention['alias']} x{mention['count']})"))
    out.print(safe("-" * 40))
    out.print(safe(row["body"]))


@click.command()
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print every version as JSON.")
@click.pass_context
def history(ctx: click.Context, article_id: int, as_json: bool) -> None:
    """Every version of an article, each shown as a diff against the one before.

    Example: monitor history 12
    """
    with Archive(config_of(ctx).settings.database, readonly=True) as archive:
        versions = archive.versions(article_id)
    if not versions:
        raise ArchiveError(f"no article with id {article_id}")
    if as_json:
        print_json(versions)
        return
    out = console()
    previous: list[str] = []
    for version in versions:
        out.print(safe(f"version {version['version']} seen {version['seen_at']}"), style="bold")
        current = [version["title"], *version["body"].splitlines()]
        diff = difflib.unified_diff(previous, current, lineterm="", n=1)
        for line in list(diff)[2:] if previous else current:
            out.print(safe(line), style=_diff_style(line) if previous else None)
        previous = current


def _diff_style(line: str) -> str | None:
    return {"+": "green", "-": "red", "@": "cyan"}.get(line[:1])


EXPORT_FIELDS = ("id", "source", "url", "title", "published", "author", "lang", "first_seen",
                 "last_seen", "version_count", "content_hash", "organisations", "body")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl",
              show_default=True, help="JSON lines (one article a line) or CSV.")
@click.option("--source", help="Only this source.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--org", help="Only articles mentioning this organisation (name or alias).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_context
def export(ctx: click.Context, fmt: str, source: str | None, since: str | None,
           until: str | None, org: str | None, output: Path | None) -> None:
    """Export the stored articles, streamed (the archive can be large).

    Example: monitor export --format csv --org "China Haisum" --since 2024-01-01 -o a.csv
    """
    with Archive(config_of(ctx).settings.database, readonly=True) as archive:
        rows = archive.export_rows(source=source, since=since, until=until, organisation=org)
        if output is None:
            count = _write(rows, fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = _write(rows, fmt, handle)
    if output is not None:
        console(stderr=True).print(safe(f"exported {count} articles to {output}"))


def _write(rows: Any, fmt: str, handle: IO[str]) -> int:
    count = 0
    writer = csv.DictWriter(handle, EXPORT_FIELDS) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    for row in rows:
        if writer is not None:
            writer.writerow(row)
        else:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to serve on (loopback only: the archive has no login).")
@click.option("--port", default=8001, show_default=True, help="Port to serve on.")
@click.pass_context
def browse(ctx: click.Context, host: str, port: int) -> None:
    """Browse and query the archive in Datasette (pip install 'news-monitor[browse]').

    Example: monitor browse --port 8001, then open http://127.0.0.1:8001/
    """
    from monitor import browse as datasette

    try:
        datasette.loopback_only(host)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--host") from exc
    database = config_of(ctx).settings.database
    if not database.exists():
        raise ArchiveError(f"no archive at {database}: run `monitor run --once` first")
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(datasette.metadata(database)), "utf-8")
        args = datasette.command(database, meta, host, port)
        console(stderr=True).print(safe(f"serving {database} on http://{host}:{port}/ "
                                        "(Ctrl-C stops)"))
        code = datasette.serve(args)
    ctx.exit(code)
