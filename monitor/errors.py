"""The one exception tree of the monitor.

    MonitorError
    ├── ConfigError(path, line, key)        exit code 2
    ├── FetchError(url, reason)
    │   ├── TransientFetchError             timeouts, 5xx, 429, connection errors: retry later
    │   └── PermanentFetchError             4xx, too large, blocked, bad scheme: do not retry soon
    ├── ExtractionFailed(reason)            no article body found, parse crash
    ├── ArchiveError                        SQLite failures, locked, corrupt, already running
    └── ChannelError(retryable)             an alert could not be delivered

Foreign exceptions (httpx, sqlite3, yaml) are translated at the module that meets them and
chained with ``raise ... from exc``, so callers catch by family and ``cli`` has one handler.
"""

from __future__ import annotations


class MonitorError(Exception):
    """Root of every error the monitor raises on purpose."""

    exit_code = 1


class ConfigError(MonitorError, ValueError):
    """A configuration problem, located as ``path:line: key: message``."""

    exit_code = 2

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        super().__init__(self.located())

    def located(self) -> str:
        where = self.path or "<config>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class FetchError(MonitorError):
    """A page could not be fetched; ``reason`` is a short machine-readable word."""

    def __init__(self, url: str, reason: str, detail: str = "") -> None:
        from monitor.urls import redact_url  # errors.py stays importable by everything

        self.url = url
        self.reason = reason
        self.detail = detail
        text = f"{reason}: {redact_url(url)}"
        super().__init__(f"{text} ({detail})" if detail else text)


class TransientFetchError(FetchError):
    """Worth retrying later: timeouts, connection errors, 5xx, 429."""


class PermanentFetchError(FetchError):
    """Not worth retrying soon: 4xx, too large, blocked by the egress guard, not HTML."""


class ExtractionFailed(MonitorError):
    """No article could be extracted from a page; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ArchiveError(MonitorError):
    """The SQLite archive failed: locked, corrupt, full, or already in use by a daemon."""


class ChannelError(MonitorError):
    """An alert could not be delivered.

    ``retryable`` decides between another attempt and dead; ``retry_after`` (seconds) is the
    receiver's own wish (HTTP Retry-After), never shortening our schedule; ``disable`` pauses
    the whole channel (webhook 410 Gone, SMTP authentication or TLS failure), so one broken
    destination is not hammered alert by alert. ``unreachable`` says the destination itself
    could not be reached (no connection, a timeout): the other alerts of the round then wait
    for the same retry instead of each timing out in turn."""

    def __init__(self, message: str, *, retryable: bool = True, retry_after: float | None = None,
                 disable: bool = False, unreachable: bool = False) -> None:
        self.retryable = retryable and not disable
        self.retry_after = retry_after
        self.disable = disable
        self.unreachable = unreachable
        super().__init__(message)
