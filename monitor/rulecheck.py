"""Which of a source's ``article:`` selectors match a page: a selector that matches nothing
silently falls back to automatic extraction, which a user must hear about."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from monitor.encoding import decode_html
from monitor.models import ExtractRules


def selector_matches(html: str, rules: ExtractRules) -> dict[str, bool]:
    """``{"body: div.story": True, ...}`` for each configured selector (drop ones included)."""
    tree = LexborHTMLParser(html)
    named = [(name, getattr(rules, name)) for name in ("title", "body", "date")]
    named += [("drop", selector) for selector in rules.drop]
    return {f"{name}: {selector}": tree.css_first(selector) is not None
            for name, selector in named if selector}


def fallback_warnings(page: str | bytes, rules: ExtractRules, url: str,
                      content_type: str | None = None) -> tuple[str, ...]:
    """Warnings for title/body/date selectors that matched nothing on ``url`` (``page``: its
    text, or its bytes and the HTTP ``content_type``)."""
    html = decode_html(page, content_type)[0] if isinstance(page, bytes) else page
    return tuple(f"article selector {name} matched nothing on {url}; automatic extraction "
                 "was used" for name, matched in selector_matches(html, rules).items()
                 if not matched and not name.startswith("drop:"))
