"""`monitor extract`: what extraction gives for one page, to see why a site extracts badly."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import click

from monitor.cli.group import optional_config
from monitor.output import console, print_json, safe


@click.command()
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
