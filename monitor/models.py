"""Records that cross module boundaries: frozen, slotted, tuples instead of lists."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class SaveOutcome(enum.Enum):
    """What storing one extracted article did to the archive."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"


class AlertStatus(enum.Enum):
    """Life of one row of the alerts outbox."""

    PENDING = "pending"  # waiting for its next attempt (or its digest)
    IN_FLIGHT = "in_flight"  # claimed by a sender under a lease
    SENT = "sent"
    DEAD = "dead"  # gave up: a permanent failure or the retry schedule ran out
    PAUSED = "paused"  # its channel was disabled (webhook 410, SMTP auth or TLS failure)


class AlertKind(enum.Enum):
    """Why an alert was raised."""

    NEW = "new"
    CHANGED = "changed"
    SOURCE_FAILED = "source_failed"
    SOURCE_RECOVERED = "source_recovered"
    TEST = "test"


class SourceKind(enum.Enum):
    """How a source lists its articles."""

    INDEX = "index"
    FEED = "feed"
    SITEMAP = "sitemap"


@dataclass(frozen=True, slots=True)
class ExtractRules:
    """Per-source CSS selectors; any left empty falls back to automatic detection."""

    title: str | None = None
    body: str | None = None
    date: str | None = None
    drop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One extracted article. ``published`` is the ISO date (YYYY-MM-DD) the page declares."""

    url: str
    title: str
    body: str
    published: str | None = None
    author: str | None = None
    lang: str | None = None
    canonical_url: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched page. A 304 is ``not_modified=True`` with empty content, not an error."""

    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    elapsed: float = 0.0

    @property
    def text(self) -> str:
        """The content decoded (monitor.encoding), on each call: an article page is never
        decoded here, its bytes go to the parser (extract())."""
        from monitor.encoding import decode_html  # (charset_normalizer: not for every import)

        return decode_html(self.content, self.content_type)[0] if self.content else ""


@dataclass(frozen=True, slots=True)
class Link:
    """A candidate article URL found by discovery, with what the listing said about it."""

    url: str
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A watched organisation found in an article's title or body."""

    organisation: str
    alias: str
    count: int
    snippet: str


@dataclass(frozen=True, slots=True)
class Alert:
    """One alert as channels receive it; ``key`` is the idempotency key receivers dedupe on.

    Operational alerts (a source failing or recovering) use the same record: no
    organisation, the source's URL, and the error as the snippet."""

    key: str
    kind: str  # an AlertKind value
    organisation: str
    alias: str
    url: str
    title: str
    published: str | None
    source: str
    snippet: str
    channel: str
    detected_at: str = ""
    added: tuple[str, ...] = ()  # sentences a changed article gained
    id: int | None = None
    attempts: int = 0  # delivery attempts so far, this one included

    def payload(self) -> dict[str, object]:
        """What receivers get (the file channel's JSON, the webhook's ``data``)."""
        return {name: getattr(self, name) if name != "added" else list(self.added)
                for name in PAYLOAD_FIELDS}


PAYLOAD_FIELDS = ("key", "kind", "organisation", "alias", "title", "url", "source", "published",
                  "detected_at", "snippet", "added")


@dataclass(frozen=True, slots=True)
class Digest:
    """Several alerts of one channel delivered as one message; its key is derived from
    theirs, so a resend after a crash carries the same key."""

    key: str
    channel: str
    alerts: tuple[Alert, ...]


Message = Alert | Digest


@dataclass(frozen=True, slots=True)
class Route:
    """Which alerts one channel wants, and how they are paced (from its config)."""

    channel: str
    organisations: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    digest: str | None = None
    source_failures: bool = False

    def wants(self, organisation: str, source: str) -> bool:
        return ((not self.organisations or organisation in self.organisations)
                and (not self.sources or source in self.sources))


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What ``archive.save`` did: the outcome, the article row and the alerts it queued."""

    outcome: SaveOutcome
    article_id: int
    mentions: tuple[Mention, ...] = ()
    alerts: int = 0
    alerted: tuple[str, ...] = ()  # organisations that got at least one alert queued


@dataclass(frozen=True, slots=True)
class ArticleError:
    """Why one article URL of a source failed this pass."""

    url: str
    reason: str


@dataclass(frozen=True, slots=True)
class CheckedArticle:
    """What one article of a pass came to: stored how, with how many mentions and alerts."""

    url: str
    title: str
    outcome: SaveOutcome
    mentions: int = 0
    alerts: int = 0
    alerted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Known:
    """What a check needs of a stored article: its validators and title, not its text."""

    etag: str | None
    last_modified: str | None
    title: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The result of one check of one source, for the summary table and the sources table."""

    source: str
    ok: bool
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    mentions: int = 0
    alerts: int = 0
    error: str | None = None
    baseline: bool = False  # a new source's first pass: articles recorded, nobody alerted
    warnings: tuple[str, ...] = ()  # the listing gave nothing, or was not what the config says
    article_errors: tuple[ArticleError, ...] = ()
    articles: tuple[CheckedArticle, ...] = ()
    resting: int = 0  # dead links left alone this pass, waiting out their backoff

    @property
    def errors(self) -> int:
        return (1 if self.error else 0) + len(self.article_errors)
