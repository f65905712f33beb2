"""Shared rendering for the CLI: safe terminal text, tables, progress, and --json.

Scraped text is data, never markup: control characters, ANSI/OSC escapes and bidi overrides
are stripped and rich markup is not interpreted, so a hostile headline cannot restyle or
rewrite the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from monitor.channelconfig import AnyChannelConfig, channel_names
from monitor.config import Config
from monitor.models import CheckResult
from monitor.notify.outbox import DeliveryReport
from monitor.units import format_duration
from monitor.urls import redact_url

_UNSAFE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|"
                     r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(value: object) -> Text:
    """Terminal-safe, markup-free text for anything that came from the web."""
    return Text(_UNSAFE.sub("", "" if value is None else str(value)))


def console(stderr: bool = False) -> Console:
    """A console; when output is piped, tables get a readable width instead of 80 columns."""
    out = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not out.is_terminal:
        out.width = 160
    return out


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[object]],
          numeric: Sequence[str] = ()) -> Table:
    out = Table(title=title, title_justify="left", header_style="bold")
    for name in columns:
        out.add_column(name, justify="right" if name in numeric else "left",
                       overflow="fold")
    for row in rows:
        out.add_row(*(safe(cell) for cell in row))
    return out


SUMMARY_COLUMNS = ("source", "status", "new", "changed", "unchanged", "duplicate", "mentions",
                   "alerts", "errors")


def summary_table(results: Sequence[CheckResult]) -> Table:
    rows = [
        (r.source, ("ok (baseline)" if r.baseline else "ok") if r.ok else "FAILED",
         r.new, r.changed, r.unchanged,
         r.duplicate, r.mentions, r.alerts, r.errors)
        for r in results
    ]
    totals = ("total", f"{sum(r.ok for r in results)}/{len(results)} ok",
              *(sum(getattr(r, c) for r in results) for c in SUMMARY_COLUMNS[2:]))
    return table("Pass summary", SUMMARY_COLUMNS, [*rows, totals], numeric=SUMMARY_COLUMNS[2:])


def delivery_line(report: DeliveryReport) -> str:
    """One line on what the outbox did after a pass; empty when it had nothing to do."""
    parts = [(report.sent, "sent"), (report.retrying, "to retry"), (report.held, "held by the "
             "hourly cap"), (report.paused, "paused"), (report.dead, "dead")]
    said = [f"{count} {label}" for count, label in parts if count]
    if not said:
        return ""
    extra = f" in {report.messages} messages" if report.messages != report.sent else ""
    return f"alerts: {', '.join(said)}{extra} (details: monitor alerts)"


def failure_lines(results: Sequence[CheckResult]) -> list[Text]:
    """Why each failed source or article failed, and what each source warns about, one line
    each, under the summary table."""
    lines = []
    for r in results:
        if r.error:
            lines.append(safe(f"{r.source}: failed: {r.error}"))
        lines.extend(safe(f"{r.source}: warning: {w}") for w in r.warnings)
        lines.extend(safe(f"{r.source}: {e.url}: {e.reason}") for e in r.article_errors)
    return lines


def result_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "source": result.source, "ok": result.ok, "error": result.error, "new": result.new,
        "changed": result.changed, "unchanged": result.unchanged,
        "duplicate": result.duplicate, "mentions": result.mentions, "alerts": result.alerts,
        "errors": [{"url": e.url, "reason": e.reason} for e in result.article_errors],
        "baseline": result.baseline, "warnings": list(result.warnings),
        "resting_dead_links": result.resting,
    }


class _Bar:
    """The pipeline's Progress, drawn as one bar whose total grows as listings are read."""

    def __init__(self, bar: Progress, label: str) -> None:
        self._bar = bar
        self._label = label
        self._task = bar.add_task(label, total=0)
        self._total = 0

    def found(self, source: str, count: int) -> None:
        self._total += count
        self._bar.update(self._task, total=self._total)

    def done(self, source: str, url: str) -> None:
        self._bar.update(self._task, advance=1,
                         description=f"{self._label} {_UNSAFE.sub('', source)}")


@contextmanager
def progress(out: Console, label: str) -> Iterator[_Bar]:
    """A progress bar on a terminal (drawn on stderr, nothing when piped)."""
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=out, transient=True,
                   disable=not out.is_terminal)
    with bar:
        yield _Bar(bar, label)


def _routing(ch: AnyChannelConfig) -> str:
    """One line on what a channel receives and how it is paced."""
    parts = [f"organisations: {', '.join(ch.organisations)}" if ch.organisations else "all"]
    if ch.sources:
        parts.append(f"sources: {', '.join(ch.sources)}")
    parts.append(f"digest {ch.digest}" if ch.digest else
                 f"at most {ch.max_per_hour}/h" if ch.max_per_hour else "no cap")
    if ch.source_failures:
        parts.append("source failures")
    return "; ".join(parts)


def config_tables(cfg: Config) -> list[Table | Text]:
    """What `monitor check` shows: sources, watchlist, channels and the main settings."""
    s = cfg.settings
    sources = [
        (src.name, src.kind.value, redact_url(src.target), format_duration(src.effective_interval(s)),
         "selectors" if src.rules else "automatic", "yes" if src.enabled else "no")
        for src in cfg.sources
    ]
    watch = [(org.name, ", ".join(org.aliases), "yes" if org.case_sensitive else "no")
             for org in cfg.watch]
    channels = [(name, ch.type, ch.destination, _routing(ch))
                for name, ch in zip(channel_names(cfg.channels), cfg.channels, strict=True)]
    return [
        Text(f"{cfg.path}: OK — {len(cfg.sources)} sources, {len(cfg.watch)} organisations, "
             f"{len(cfg.channels)} channels", style="green"),
        table("Sources", ("name", "kind", "url", "interval", "extraction", "enabled"), sources),
        table("Watchlist", ("organisation", "aliases", "case-sensitive"), watch),
        table("Channels", ("name", "type", "destination", "alerts"), channels),
        table("Settings", ("setting", "value"), [
            ("database", s.database), ("alerts_dir", s.alerts_dir),
            ("user_agent", s.user_agent), ("default interval", format_duration(s.interval)),
            ("concurrency", f"{s.concurrency} overall, {s.per_host.concurrency} per host, "
                            f"{format_duration(s.per_host.delay)} between requests"),
        ]),
    ]

