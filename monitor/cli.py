"""The `monitor` command line: thin commands that parse, call the library, and render.

Exit codes: 0 ok, 1 runtime failure, 2 usage or configuration error.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from monitor import __version__
from monitor.archive import Archive, stamp
from monitor.config import Config, dump_config, load_config
from monitor.errors import ConfigError, MonitorError
from monitor.models import CheckResult, SaveOutcome
from monitor.output import (
    config_tables,
    console,
    failure_lines,
    print_json,
    progress,
    result_dict,
    safe,
    summary_table,
    table,
)


class MonitorGroup(click.Group):
    """Translates our errors into a one-line message and the documented exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            console(stderr=True).print(safe(f"error: {exc}"), style="red", soft_wrap=True)
            ctx.exit(exc.exit_code)


@click.group(cls=MonitorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar="MONITOR_CONFIG", default="sources.yaml",
              show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (or set MONITOR_CONFIG).")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: Path, verbose: int) -> None:
    """Watch news sites, archive their articles, and alert on watched organisations.

    \b
    Start here:
      monitor demo                 full pass over bundled sample sites, offline
      monitor check                validate sources.yaml and show what it watches
      monitor run --once           one pass over every source, with a summary
      monitor run                  the daemon: check each source at its interval
      monitor search "Haisum"      full-text search of the archive
    """
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx.obj = config_path


def _config(ctx: click.Context) -> Config:
    path: Path = ctx.find_root().obj
    if not path.exists():
        raise ConfigError(
            "no such file; pass --config PATH or set MONITOR_CONFIG (the repository's "
            "sources.yaml is a commented example; `monitor demo` runs without one)", path=str(path))
    return load_config(path)


def _optional_config(ctx: click.Context) -> Config | None:
    """The config when there is one: `extract` works on a fresh machine without it."""
    path: Path = ctx.find_root().obj
    return load_config(path) if path.exists() else None


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the validated config as JSON.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Validate the configuration and summarise it.

    Errors name the file, line and key, e.g.
    `sources.yaml:14: sources[2].interval: invalid duration '1 hour'` (exit code 2).
    """
    cfg = _config(ctx)
    if as_json:
        print_json(dump_config(cfg))
        return
    out = console()
    for view in config_tables(cfg):
        out.print(view)


@cli.command()
@click.option("--once", is_flag=True, help="Run one pass over all sources and exit.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="With --once: print results as JSON.")
@click.pass_context
def run(ctx: click.Context, once: bool, sources: tuple[str, ...], as_json: bool) -> None:
    """Run the monitor: the daemon, or a single pass with --once.

    The daemon checks every source at its interval (settings.interval or the source's own)
    and sends alerts from the outbox; stop it with Ctrl-C or SIGTERM. Example:

        monitor run --once --source haisum
    """
    cfg = _config(ctx)
    from monitor.service import instance_lock

    with instance_lock(cfg.settings.database):
        if once:
            results = _one_pass(cfg, sources)
            _show_results(results, as_json)
            return
        from monitor.daemon import Daemon

        if not logging.getLogger().isEnabledFor(logging.INFO):
            logging.getLogger("monitor").setLevel(logging.INFO)
        asyncio.run(Daemon(cfg).run())


def _one_pass(cfg: Config, names: tuple[str, ...]) -> list[CheckResult]:
    from monitor.service import Monitor

    out = console(stderr=True)

    async def go() -> list[CheckResult]:
        with progress(out, "checking") as bar:
            async with Monitor(cfg, progress=bar) as monitor:
                chosen = monitor.enabled_sources(names)
                if names and len(chosen) != len(set(names)):
                    missing = set(names) - {s.name for s in chosen}
                    raise click.BadParameter(f"no enabled source named {', '.join(missing)}",
                                             param_hint="--source")
                return await monitor.run_pass(chosen)

    return asyncio.run(go())


def _show_results(results: list[CheckResult], as_json: bool) -> None:
    if as_json:
        print_json([result_dict(r) for r in results])
        return
    out = console()
    out.print(summary_table(results))
    for line in failure_lines(results):
        out.print(line, style="yellow")


@cli.command()
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
    started = stamp(datetime.now(UTC))
    with serve(paths) as cfg:
        results = _one_pass(cfg, ())
    _show_demo(results, paths, started)


def _show_demo(results: list[CheckResult], paths: Any, started: str) -> None:
    out = console()
    rows = [(r.source, a.outcome.value, a.title, a.url) for r in results for a in r.articles]
    new = sum(1 for row in rows if row[1] == SaveOutcome.NEW.value)
    out.print(table(f"Articles ({new} new)", ("source", "outcome", "title", "url"), rows))
    with Archive(paths.database, readonly=True) as archive:
        fired = archive.query(
            "SELECT organisation, kind, json_extract(payload, '$.title') AS title FROM alerts "
            "WHERE created_at >= ? ORDER BY id", [started])
    out.print(table(f"Alerts fired this run ({len(fired)})", ("organisation", "kind", "article"),
                    [(a["organisation"], a["kind"], a["title"]) for a in fired]))
    out.print(summary_table(results))
    out.print(safe(f"Archive: {paths.database}  Alerts: {paths.alerts}/  Config: {paths.config}"))
    out.print(safe(f"Next: monitor --config {paths.config} search Haisum"))


@cli.command()
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
    cfg = _config(ctx)
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.search(query, organisation=org, source=source, since=since,
                              until=until, limit=limit)
    if as_json:
        print_json(rows)
        return
    out = console()
    out.print(table(f"{len(rows)} result(s) for {query!r}",
                    ("id", "published", "source", "title", "organisations", "url"),
                    [(r["id"], r["published"], r["source"], r["title"], r["organisations"],
                      r["url"]) for r in rows]))


@cli.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def extract(ctx: click.Context, target: str, as_json: bool) -> None:
    """Show what extraction gives for one page: a URL (fetched like a source) or a FILE.

    Use it to see why a site extracts badly, then add `article:` selectors to its source.
    """
    from monitor.encoding import decode_html
    from monitor.extract import extract as run_extract

    path = Path(target)
    if path.is_file():
        text, url = decode_html(path.read_bytes())[0], path.resolve().as_uri()
    elif target.startswith(("http://", "https://")):
        from monitor.service import fetch_page

        page = fetch_page(_optional_config(ctx), target)
        text, url = page.text, page.final_url
    else:
        raise click.BadParameter(f"{target!r} is neither a file nor an http(s) URL",
                                 param_hint="TARGET")
    article = run_extract(text, url)
    if as_json:
        print_json(asdict(article))
        return
    out = console()
    for name in ("title", "published", "author", "lang", "canonical_url", "url"):
        out.print(safe(f"{name:>13}: {getattr(article, name)}"))
    out.print(safe("-" * 40))
    out.print(safe(article.body))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Health of each source: last check, status, consecutive failures, articles stored."""
    cfg = _config(ctx)
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.query(
            "SELECT s.name, s.kind, s.last_checked, s.last_status, s.failures, s.last_error, "
            "(SELECT count(*) FROM articles a WHERE a.source = s.name) AS articles "
            "FROM sources s ORDER BY s.name")
    if as_json:
        print_json(rows)
        return
    console().print(table("Sources", ("name", "kind", "last_checked", "last_status", "failures",
                                      "articles", "last_error"),
                          [(r["name"], r["kind"], r["last_checked"], r["last_status"],
                            r["failures"], r["articles"], r["last_error"]) for r in rows]))


def main() -> None:
    cli(prog_name="monitor")


if __name__ == "__main__":  # pragma: no cover
    main()
