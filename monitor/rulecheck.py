"""Which of a source's ``article:`` selectors match a page: a selector that matches nothing
silently falls back to automatic extraction, which a user must hear about."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from monitor.encoding import decode_html
from monitor.errors import ExtractionFailed
from monitor.models import ExtractRules
from monitor.urls import redact_url

if TYPE_CHECKING:
    from monitor.workers import ParserPool

logger = logging.getLogger(__name__)


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


@dataclass(slots=True)
class RuleProbe:
    """Checks a source's ``article:`` selectors on the first page it extracts in a pass (one
    extra parse per pass): one that matches nothing fell back to automatic extraction."""

    rules: ExtractRules
    done: bool = False
    warnings: tuple[str, ...] = ()
    # (one check at a time: a page parsed while another's check is in flight waits for its
    # outcome, and makes the check itself when that one failed)
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def check(self, pool: ParserPool, page: bytes, kind: str | None, url: str) -> None:
        """The check is advice: its own parse failing (over budget, a pool torn down) must not
        cost the article it rides on, so the next page of the pass tries it again."""
        if self.done:
            return
        async with self.turn:
            if self.done:
                return
            try:
                self.warnings = await pool.run(fallback_warnings, page, self.rules,
                                               redact_url(url), kind)
                self.done = True
            except ExtractionFailed as exc:
                logger.info("article selectors not checked on %s: %s", redact_url(url), exc)
