"""One check of one source: listing -> links -> articles -> archive -> outbox. Wiring only.

Every business rule lives in the stage modules; this module decides order and error scope:
a failing listing fails the source for this pass, a failing article fails only that article.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from monitor.archive import Archive, stamp
from monitor.config import Settings, SourceConfig
from monitor.deadlinks import lookup, note_failure, note_revived
from monitor.discover import Listing, Scope
from monitor.egress import host_key
from monitor.enqueue import Notice
from monitor.errors import ArchiveError, ExtractionFailed, FetchError
from monitor.fetch import Fetcher
from monitor.models import (
    AlertKind,
    Article,
    ArticleError,
    CheckedArticle,
    CheckResult,
    Known,
    Link,
    Route,
    SaveOutcome,
    SaveResult,
    SourceKind,
)
from monitor.saving import SaveRequest
from monitor.sourcerules import listing_warnings, own_hosts, scope_of
from monitor.urls import canonical, redact_url
from monitor.watch import Matcher
from monitor.workers import ParserPool
from monitor.writebatch import ArchiveWriter

if TYPE_CHECKING:
    from monitor.rulecheck import RuleProbe

logger = logging.getLogger(__name__)
MAX_CHILD_SITEMAPS = 5
WORKERS_PER_ADMIT = 2  # article workers per admitted fetch: the rest wait for their commit
NO_VALIDATORS: dict[str, Any] = {"etag": None, "last_modified": None}


class Progress(Protocol):
    """Where a check reports its progress (the CLI's progress bar)."""

    def found(self, source: str, count: int) -> None: ...
    def done(self, source: str, url: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a check needs, built once by the CLI or the daemon and passed in."""

    fetcher: Fetcher
    archive: Archive
    pool: ParserPool
    matcher: Matcher
    settings: Settings
    routes: tuple[Route, ...]
    progress: Progress | None = field(default=None)
    writer: ArchiveWriter | None = field(default=None)  # batched writes; None: one by one


async def check(source: SourceConfig, ctx: Context, now: datetime) -> CheckResult:
    """Check one source once; never raises for a bad page, only reports."""
    state = ctx.archive.source_state(source.name) or {}
    baseline = source.effective_baseline(ctx.settings) and not state.get("first_ok")
    try:
        listed, validators, warnings = await _listing(source, ctx, state)
    except (FetchError, ExtractionFailed, ArchiveError) as exc:
        logger.warning("source %s failed: %s", source.name, exc)
        return _record(ctx, source, state, CheckResult(source.name, ok=False, error=_reason(exc)),
                       now)
    except Exception as exc:  # a bug on one page must not stop the other sources
        logger.exception("source %s failed unexpectedly", source.name)
        return _record(ctx, source, state,
                       CheckResult(source.name, ok=False, error=f"internal_error ({exc!r})"), now)
    dead = lookup(ctx.archive, (link.url for link in listed), now)
    known = ctx.archive.known([link.url for link in listed])
    links = _due(listed, ctx.settings.max_new_articles * source.listing_pages, known,
                 dead.resting)
    if ctx.progress is not None:
        ctx.progress.found(source.name, len(links))
    routes = () if baseline else ctx.routes  # a new source's first pass alerts nobody
    probe = _probe(source)
    admitted = admission(links, ctx.settings)
    run = Round(source, ctx, routes, now, probe, asyncio.Semaphore(admitted), own_hosts(source),
                known, dead.retrying)
    outcomes = await _articles(run, links, WORKERS_PER_ADMIT * admitted)
    warnings += probe.warnings if probe else ()
    result = replace(_tally(source.name, outcomes), baseline=baseline, warnings=warnings,
                     resting=len(dead.resting))
    if dead.resting:
        logger.debug("source %s: %d dead links wait for their next try", source.name,
                     len(dead.resting))
    for warning in warnings:
        logger.warning("source %s: %s", source.name, warning)
    # The listing's validators are kept only when nothing on it is left for a later pass
    # (articles deferred by max_new_articles or failed, pagination cut short, any warning):
    # a 304 next time must not hide them. Dead links waiting out their backoff do not count:
    # they are tried again when the listing next changes.
    clean = (result.ok and not result.article_errors and not warnings
             and len(links) + len(dead.resting) >= len(listed))
    return _record(ctx, source, state, result, now, validators if clean else NO_VALIDATORS)


async def _listing(source: SourceConfig, ctx: Context, state: dict[str, Any]
                   ) -> tuple[tuple[Link, ...], dict[str, Any], tuple[str, ...]]:
    """The links to check, the listing's validators, and warnings about the listing. The
    listing is fetched with a conditional GET; when it has not changed, the source's stored
    articles are re-checked (each with its own conditional GET) instead of parsing it again."""
    page = await ctx.fetcher.get(source.target, allowed_hosts=own_hosts(source),
                                 etag=state.get("etag"), last_modified=state.get("last_modified"),
                                 source=source.name, headers=source.headers)
    if page.not_modified:
        return _stored_links(source, ctx), {
            "etag": page.etag or state.get("etag"),
            "last_modified": page.last_modified or state.get("last_modified")}, ()
    validators = {"etag": page.etag, "last_modified": page.last_modified}
    scope = scope_of(source, ctx.settings)
    content: str | bytes = page.content if source.kind is not SourceKind.INDEX else page.text
    listing = await ctx.pool.discover(source.kind, content, page.final_url, scope, source.links)
    links = list(listing.links)
    for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
        sub = await ctx.fetcher.get(child, allowed_hosts=own_hosts(source), source=source.name)
        more: Listing = await ctx.pool.discover(SourceKind.SITEMAP, sub.content, sub.final_url,
                                                scope, None)
        links.extend(more.links)
    further, notes = await _further_pages(source, ctx, listing, scope)
    links = list({canonical(link.url): link for link in [*links, *further]}.values())
    kept = links[: ctx.settings.max_links * source.listing_pages]
    return tuple(kept), validators, listing_warnings(source, listing, len(kept)) + notes


async def _further_pages(source: SourceConfig, ctx: Context, first: Listing, scope: Scope
                         ) -> tuple[list[Link], tuple[str, ...]]:
    """Follow ``pages`` further index pages; a page that fails ends the walk with a warning
    (the links found so far are still checked)."""
    found: list[Link] = []
    visited = {canonical(source.target)}
    url = first.next_page
    for _ in range(source.pages):
        if url is None or canonical(url) in visited:
            break
        visited.add(canonical(url))
        try:
            page = await ctx.fetcher.get(url, allowed_hosts=own_hosts(source),
                                         source=source.name, headers=source.headers)
            more: Listing = await ctx.pool.discover(SourceKind.INDEX, page.text, page.final_url,
                                                    scope, source.links)
        except (FetchError, ExtractionFailed) as exc:
            return found, (f"pagination stopped at {redact_url(url)}: {_reason(exc)}",)
        if not more.links:
            break
        found.extend(more.links)
        url = more.next_page
    return found, ()


def _stored_links(source: SourceConfig, ctx: Context) -> tuple[Link, ...]:
    rows = ctx.archive.query("SELECT url, published FROM articles WHERE source = ? "
                             "ORDER BY last_seen DESC LIMIT ?",
                             [source.name, ctx.settings.max_links * source.listing_pages])
    return tuple(Link(row["url"], row["published"]) for row in rows)


def _probe(source: SourceConfig) -> RuleProbe | None:
    """The check of a source's ``article:`` selectors, if it has any. Imported here: the
    probe parses pages (selectolax, charset detection), which a source without rules, or a
    pass in which every article answers 304, never needs at start (issue 9)."""
    if not source.rules:
        return None
    from monitor.rulecheck import RuleProbe

    return RuleProbe(source.rules)


def _due(links: Sequence[Link], budget: int, known: Mapping[str, Known],
         resting: frozenset[str]) -> tuple[Link, ...]:
    """Known articles are re-checked (conditional GET); new ones are capped at ``budget``
    per pass: ``max_new_articles`` for each listing page the source asks for (one that sets
    ``pages: 4`` wants five pages' articles now; ``max_links`` counts the same way); dead
    links still waiting out their backoff are left alone (deadlinks.py)."""
    due = []
    for link in links:
        key = canonical(link.url)
        if key in resting:
            continue
        if key not in known:
            if budget <= 0:
                continue
            budget -= 1
        due.append(link)
    return tuple(due)


@dataclass(frozen=True, slots=True)
class Round:
    """What each article of one check needs, and the gate that admits them."""

    source: SourceConfig
    ctx: Context
    routes: tuple[Route, ...]
    now: datetime
    probe: RuleProbe | None
    admit: asyncio.Semaphore
    hosts: frozenset[str]  # own_hosts(source), computed once
    known: Mapping[str, Known]  # the listing's stored articles, by canonical URL
    retrying: frozenset[str] = frozenset()  # dead links whose wait is over (DeadLinks)


def admission(links: Sequence[Link], settings: Settings) -> int:
    """Articles of one check being fetched or parsed at once: twice what the politeness
    limits let run, so fetch slots never idle while pages are parsed, but no queue of
    thousands waits on those limits (where fetch deadlines and the parse budget would run
    out, issue 9) or holds its pages in memory."""
    hosts = len({host_key(link.url) for link in links}) or 1
    return 2 * min(settings.concurrency, settings.per_host.concurrency * hosts)


async def _articles(run: Round, links: Sequence[Link], workers: int
                    ) -> list[CheckedArticle | ArticleError]:
    """Every link's outcome, in order, from ``workers`` workers: a task per link held a
    coroutine for each of a listing's thousand articles from the start, so peak memory grew
    with the pass (122 MB at 5,000 articles, 162 at 20,000). ``WORKERS_PER_ADMIT`` workers
    per admitted article keep the fetch slots busy while others wait for their batch
    commit."""
    outcomes: list[CheckedArticle | ArticleError | None] = [None] * len(links)
    queue = iter(enumerate(links))

    async def worker() -> None:
        for index, link in queue:
            outcomes[index] = await _article(run, link)

    await asyncio.gather(*(worker() for _ in range(min(len(links), workers))))
    return [outcome for outcome in outcomes if outcome is not None]


async def _article(run: Round, link: Link) -> CheckedArticle | ArticleError:
    """What happened to one article, or why it failed."""
    source, ctx = run.source, run.ctx
    try:
        parsed = await _parsed(run, link)
        if isinstance(parsed, CheckedArticle):
            return parsed
        article, validators = parsed
        if article.published is None and link.published:
            article = replace(article, published=link.published)
        article = replace(article, url=link.url)
        mentions = ctx.matcher.match(article.title, article.body)
        saved = await _store(ctx, SaveRequest(article, source.name, tuple(mentions), run.routes,
                                              run.now, validators))
        fresh = saved.outcome in (SaveOutcome.NEW, SaveOutcome.CHANGED)
        if canonical(link.url) in run.retrying:
            note_revived(ctx.archive, link.url)
        return CheckedArticle(link.url, article.title, saved.outcome,
                              len(saved.mentions) if fresh else 0, saved.alerts, saved.alerted)
    except (FetchError, ExtractionFailed, ArchiveError) as exc:
        logger.warning("article %s of %s failed: %s", redact_url(link.url), source.name, exc)
        note_failure(ctx.archive, link.url, source.name, exc, run.now)
        return ArticleError(link.url, _reason(exc))
    except asyncio.CancelledError:
        if _stopping():
            raise
        # Nobody cancelled this check: a future it awaited was (a parser pool torn down
        # under it). That costs this article, not the pass.
        logger.warning("article %s of %s: its parse was cancelled", redact_url(link.url),
                       source.name)
        return ArticleError(link.url, "parse_crash (cancelled)")
    except Exception as exc:  # a bug on one page must not lose the source's other articles
        logger.exception("article %s of %s failed unexpectedly", redact_url(link.url), source.name)
        return ArticleError(link.url, f"internal_error ({exc!r})")
    finally:
        if ctx.progress is not None:
            ctx.progress.done(source.name, link.url)


async def _parsed(run: Round, link: Link
                  ) -> CheckedArticle | tuple[Article, tuple[str | None, str | None]]:
    """Fetch and parse one article within the check's admission (its bytes to the parser, which
    gives a UTF-8 page to lexbor as it came): the article and its validators, or a 304's outcome."""
    ctx = run.ctx
    stored = run.known.get(canonical(link.url))
    async with run.admit:
        page = await ctx.fetcher.get(
            link.url, allowed_hosts=run.hosts,
            etag=stored.etag if stored else None,
            last_modified=stored.last_modified if stored else None,
            source=run.source.name, headers=run.source.headers)
        if page.not_modified and stored is not None:
            _touch(ctx, link.url, run.now)
            return CheckedArticle(link.url, stored.title, SaveOutcome.UNCHANGED)
        article = await ctx.pool.extract(page.content, link.url, run.source.rules,
                                         page.content_type)
        if run.probe is not None:
            await run.probe.check(ctx.pool, page.content, page.content_type, link.url)
    return article, (page.etag, page.last_modified)


def _stopping() -> bool:
    """Whether the running task itself is being cancelled (Ctrl-C, shutdown)."""
    task = asyncio.current_task()
    return task is None or task.cancelling() > 0


def _touch(ctx: Context, url: str, now: datetime) -> None:
    if ctx.writer is not None:
        ctx.writer.touch(url, now)
    else:
        ctx.archive.touch(url, now)


async def _store(ctx: Context, request: SaveRequest) -> SaveResult:
    """Save through the batching writer (one commit per batch), or on its own."""
    if ctx.writer is not None:
        return await ctx.writer.save(request)
    return ctx.archive.save(
        request.article, source=request.source, mentions=request.mentions,
        routes=request.routes, now=request.now, validators=request.validators)


def _tally(name: str, outcomes: Sequence[CheckedArticle | ArticleError]) -> CheckResult:
    done = [item for item in outcomes if isinstance(item, CheckedArticle)]
    errors = tuple(item for item in outcomes if isinstance(item, ArticleError))

    def count(outcome: SaveOutcome) -> int:
        return sum(1 for item in done if item.outcome is outcome)

    return CheckResult(
        name, ok=True, new=count(SaveOutcome.NEW), changed=count(SaveOutcome.CHANGED),
        unchanged=count(SaveOutcome.UNCHANGED), duplicate=count(SaveOutcome.DUPLICATE),
        mentions=sum(item.mentions for item in done), alerts=sum(item.alerts for item in done),
        article_errors=errors, articles=tuple(done),
    )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FetchError):
        return f"{exc.reason}" + (f" ({exc.detail})" if exc.detail else "")
    if isinstance(exc, ExtractionFailed):
        return f"extraction_failed ({exc.reason})"
    return str(exc)


def _record(ctx: Context, source: SourceConfig, state: dict[str, Any], result: CheckResult,
            now: datetime, listing: dict[str, Any] | None = None) -> CheckResult:
    """Store the source's state after a check (and its listing's validators, when given),
    with its operational alert if one is due."""
    failures = 0 if result.ok else int(state.get("failures") or 0) + 1
    since = None if result.ok else (state.get("failing_since") if failures > 1 else None) \
        or stamp(now)
    fields: dict[str, Any] = {
        "url": redact_url(source.target), "kind": source.kind.value, "last_checked": stamp(now),
        "last_status": "ok" if result.ok else "failed", "last_error": result.error,
        "failures": failures, "failing_since": since,
        "warnings": "\n".join(result.warnings) or None,
        "next_due": stamp(now + timedelta(seconds=source.effective_interval(ctx.settings))),
    }
    fields.update(listing or {})
    if result.ok and not state.get("first_ok"):
        fields["first_ok"] = stamp(now)
    try:
        notice = _notice(source, state, result, failures, since, ctx.settings)
        ctx.archive.record_source(source.name, notice=notice,
                                  routes=ctx.routes, now=now, **fields)
    except ArchiveError as exc:
        logger.error("could not record the state of %s: %s", source.name, exc)
    return result


def _notice(source: SourceConfig, state: dict[str, Any], result: CheckResult, failures: int,
            since: str | None, settings: Settings) -> Notice | None:
    """One alert when a source's failures reach ``settings.alert_on_failure``, one when it
    recovers after that; nothing in between (no alert storm from a dead site)."""
    threshold = settings.alert_on_failure
    before = int(state.get("failures") or 0)
    if not threshold:
        return None
    if not result.ok and failures == threshold:
        return Notice(AlertKind.SOURCE_FAILED, source.name, source.target,
                      f"{failures} failed checks in a row; last: {result.error}", since or "")
    if result.ok and before >= threshold:
        return Notice(AlertKind.SOURCE_RECOVERED, source.name, source.target,
                      f"checked successfully after {before} failed checks",
                      state.get("failing_since") or "")
    return None
