"""`monitor extract` and `monitor preview`: one page or one listing, to see why a site
extracts or lists badly before it is added."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from monitor.cli.group import optional_config
from monitor.output import console, print_json, safe

PREVIEW_LINKS = 15  # links of each kind listed without --all


@click.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def extract(ctx: click.Context, target: str, as_json: bool) -> None:
    """Show what extraction gives for one page: a URL (fetched like a source) or a FILE.

    Use it to see why a site extracts badly, then add `article:` selectors to its source.

    \b
    Examples:
      monitor extract https://example.com/news/2024/05/10/plant-opens.html
      monitor extract saved-page.html --json
    """
    from monitor.encoding import decode_html
    from monitor.extract import extract as run_extract

    path = Path(target)
    if path.is_file():
        text, url = decode_html(path.read_bytes())[0], path.resolve().as_uri()
    elif target.startswith(("http://", "https://")):
        from monitor.service import fetch_page

        page = fetch_page(optional_config(ctx), target)
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


@click.command()
@click.argument("target")
@click.option("--json", "as_json", is_flag=True, help="Print the preview as JSON.")
@click.option("--all", "show_all", is_flag=True, help="List every kept and dropped link.")
@click.pass_context
def preview(ctx: click.Context, target: str, as_json: bool, show_all: bool) -> None:
    """What a source's listing gives, without storing anything: its kind, the links kept and
    why each other was dropped, the feeds it announces, and the first article extracted with
    the source's selectors. TARGET is a source name or a listing URL.

    \b
    Examples:
      monitor preview haisum
      monitor preview https://example.com/news/ --json
    """
    import asyncio

    from monitor.config import Settings, SourceConfig
    from monitor.preview import preview as run_preview
    from monitor.service import fetch_settings

    cfg = optional_config(ctx)
    source = next((s for s in cfg.sources if s.name == target), None) if cfg else None
    if source is None:
        if not target.startswith(("http://", "https://")):
            known = ", ".join(s.name for s in cfg.sources) if cfg else "none"
            raise click.BadParameter(f"{target!r} is neither a configured source ({known}) "
                                     "nor an http(s) URL", param_hint="TARGET")
        source = SourceConfig.model_validate({"name": "preview", "url": target})
    settings = cfg.settings if cfg else Settings.model_validate({})
    from monitor.fetch import FetchSettings

    fetch = fetch_settings(cfg) if cfg else FetchSettings(user_agent=settings.user_agent)
    result = asyncio.run(run_preview(source, settings, fetch))
    if as_json:
        print_json(asdict(result))
        return
    _show_preview(result, show_all)
    if result.error:
        ctx.exit(1)


def _show_preview(result: Any, show_all: bool) -> None:
    out = console()
    kind = result.kind if result.kind == result.configured else \
        f"{result.kind} (configured as {result.configured})"
    out.print(safe(f"{result.source}: {result.url}\n  kind: {kind}"))
    if result.error:
        out.print(safe(f"  error: {result.error}"), style="red")
    for feed in result.feeds:
        out.print(safe(f"  announces a feed: {feed}  (feed: {feed})"))
    out.print(safe(f"  links: {result.found} found, {len(result.kept)} kept"))
    limit = None if show_all else PREVIEW_LINKS
    for link in result.kept[:limit]:
        out.print(safe(f"    kept     {link.url}  {link.title or ''}"))
    for url, reason in result.dropped[:limit]:
        out.print(safe(f"    dropped  {url}  ({reason})"))
    for warning in result.warnings:
        out.print(safe(f"  warning: {warning}"), style="yellow")
    article = result.article
    if article is not None:
        out.print(safe(f"  first article: {article.url}"))
        if article.error:
            out.print(safe(f"    error: {article.error}"), style="red")
        else:
            out.print(safe(f"    title: {article.title}\n    published: {article.published}"))
            for selector, matched in article.selectors.items():
                out.print(safe(f"    selector {selector}: {'matched' if matched else 'NO MATCH'}"))
            for line in article.lines:
                out.print(safe(f"    | {line}"))
