"""The root `monitor` group: global options, config loading, error translation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from monitor import __version__, logs
from monitor.config import Config, check_permissions, load_config
from monitor.errors import ConfigError, MonitorError
from monitor.output import console, safe

INTERRUPTED = 130


def _config_first(args: list[str]) -> list[str]:
    """Move a ``--config`` given after the subcommand in front of it (before ``--``)."""
    head = args[: args.index("--")] if "--" in args else list(args)
    tail = args[len(head):]
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(head):
        arg = head[i]
        if arg == "--config" and i + 1 < len(head):
            moved += head[i:i + 2]
            i += 2
            continue
        if arg.startswith("--config="):
            moved.append(arg)
        else:
            rest.append(arg)
        i += 1
    return moved + rest + tail


class MonitorGroup(click.Group):
    """Translates our errors into a one-line message and the documented exit code; Ctrl-C
    into one line and exit code 130."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept ``--config PATH`` after the subcommand too (``monitor run --config x``)."""
        return super().parse_args(ctx, _config_first(args))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            console(stderr=True).print(safe(f"error: {exc}"), style="red", soft_wrap=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:  # Ctrl-C: one line and the shell's 128 + SIGINT, no "Aborted!"
            console(stderr=True).print("interrupted", style="yellow")
            ctx.exit(INTERRUPTED)


@click.group(cls=MonitorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", envvar="MONITOR_CONFIG", default="sources.yaml",
              show_default=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Configuration file (or set MONITOR_CONFIG).")
@click.option("-v", "--verbose", count=True,
              help="Log more: -v our progress, -vv everything (HTTP and scheduler too).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object per log line, for collectors.")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: Path, verbose: int, log_format: str) -> None:
    """Watch news sites, archive their articles, and alert on watched organisations.

    \b
    Start here:
      monitor demo                 full pass over bundled sample sites, offline
      monitor check                validate sources.yaml and show what it watches
      monitor run --once           one pass over every source, with a summary
      monitor run                  the daemon: check each source at its interval
      monitor search "Haisum"      full-text search of the archive
      monitor show 12              one stored article; `history 12` its edits
      monitor export -o out.jsonl  the archive as JSON lines or CSV
    """
    logs.configure(verbose, log_format)
    ctx.obj = config_path


def config_of(ctx: click.Context, *, to_run: bool = False) -> Config:
    """The loaded config; ``to_run`` also refuses one that others could change (T49)."""
    path: Path = ctx.find_root().obj
    if not path.exists():
        raise ConfigError(
            "no such file; pass --config PATH or set MONITOR_CONFIG (the repository's "
            "sources.yaml is a commented example; `monitor demo` runs without one)", path=str(path))
    cfg = load_config(path)
    if to_run:
        check_permissions(path)
    return cfg


def optional_config(ctx: click.Context) -> Config | None:
    """The config when there is one: `extract` works on a fresh machine without it."""
    path: Path = ctx.find_root().obj
    return load_config(path) if path.exists() else None
