"""The only module that speaks HTTP (httpx): one GET with every safety rail on.

Each fetch has a total deadline, a byte cap counted on the decompressed stream, at most five
redirects each re-checked by the egress guard, conditional GET validators, and transient
failures retried with backoff. httpx's exceptions become our FetchError tree here, so the
rest of the monitor never imports httpx.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

import httpx

from monitor.decompress import BoundedDecoder, TooLarge, UnsupportedEncoding
from monitor.egress import check_url, host_key
from monitor.encoding import decode_html
from monitor.errors import FetchError, PermanentFetchError, TransientFetchError
from monitor.models import FetchResult
from monitor.politeness import HostLimiter
from monitor.retry import fetch_delay, retry_after
from monitor.robots import RobotsCache
from monitor.urls import resolve

logger = logging.getLogger(__name__)

REDIRECTS = (301, 302, 303, 307, 308)
TRANSIENT_STATUS = (408, 425, 429, 500, 502, 503, 504, 522, 524)
MAX_REDIRECTS = 5
_SNIFF_BYTES = 65536
_TEXTUAL = ("text/", "application/xhtml", "application/xml", "application/rss",
            "application/atom", "application/rdf")
FetchLog = Callable[..., None]
_DNS_FAILURE = re.compile(r"Name or service not known|name resolution|nodename nor servname|"
                          r"No address associated|getaddrinfo failed", re.I)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """What every fetch obeys; built from the config's settings."""

    user_agent: str = "news-monitor/0.1"
    timeout: float = 60.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    max_retry_wait: float = 60.0
    headers: Mapping[str, str] = field(default_factory=dict)


def make_client(settings: FetchSettings) -> httpx.AsyncClient:
    """An httpx client that ignores proxy variables and never follows redirects on its own."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    return httpx.AsyncClient(
        timeout=timeout, follow_redirects=False, trust_env=False,
        headers={"User-Agent": settings.user_agent,
                 "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                 "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
    )


class Fetcher:
    """GETs pages for the pipeline; one per pass or per daemon, sharing one client."""

    def __init__(self, client: httpx.AsyncClient, settings: FetchSettings, limiter: HostLimiter,
                 *, log: FetchLog | None = None, robots: RobotsCache | None = None) -> None:
        self._client = client
        self._settings = settings
        self._limiter = limiter
        self._log = log
        self._robots = robots

    async def aclose(self) -> None:
        """Close the HTTP client (its connections) when the monitor stops."""
        await self._client.aclose()

    async def get(self, url: str, *, allowed_hosts: Collection[str], etag: str | None = None,
                  last_modified: str | None = None, source: str | None = None,
                  headers: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch one URL, retrying transient failures; raise FetchError when it cannot."""
        await self._obey_robots(url, allowed_hosts)
        attempt = 0
        while True:
            started = time.monotonic()
            try:
                result = await self._once(url, allowed_hosts, etag, last_modified, headers or {})
            except FetchError as exc:
                self._record(source, url, None, 0, time.monotonic() - started, exc.reason)
                wait = self._retry_wait(exc, attempt)
                if wait is None:
                    raise
                attempt += 1
                logger.info("retrying %s in %.1fs after %s", url, wait, exc.reason)
                await asyncio.sleep(wait)
                continue
            self._record(source, url, result.status, len(result.content), result.elapsed, None)
            return result

    async def _obey_robots(self, url: str, allowed_hosts: Collection[str]) -> None:
        if self._robots is None:
            return

        async def fetch_robots(robots: str) -> bytes:
            result = await self._once(robots, allowed_hosts, None, None, {})
            return result.content

        refusal = await self._robots.refusal(url, fetch_robots)
        if refusal is not None:
            raise PermanentFetchError(url, *refusal)
        delay = self._robots.crawl_delay(url)
        if delay is not None:
            self._limiter.raise_delay(host_key(url), delay)

    def _retry_wait(self, exc: FetchError, attempt: int) -> float | None:
        if not isinstance(exc, TransientFetchError) or attempt >= self._settings.retries:
            return None
        asked = retry_after(exc.detail) if exc.reason == "http_429" else None
        wait = asked if asked is not None else fetch_delay(attempt)
        return wait if wait <= self._settings.max_retry_wait else None

    def _record(self, source: str | None, url: str, status: int | None, size: int,
                elapsed: float, error: str | None) -> None:
        if self._log is not None:
            self._log(source=source, url=url, status=status, bytes=size,
                      elapsed=round(elapsed, 4), error=error)

    async def _once(self, url: str, allowed_hosts: Collection[str], etag: str | None,
                    last_modified: str | None, extra: Mapping[str, str]) -> FetchResult:
        headers = {**self._settings.headers, **extra}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._settings.timeout):
                return await self._follow(url, allowed_hosts, headers, started)
        except TimeoutError as exc:
            raise TransientFetchError(url, "timeout", f"over {self._settings.timeout:g}s") from exc

    async def _follow(self, url: str, allowed_hosts: Collection[str], headers: dict[str, str],
                      started: float) -> FetchResult:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            await check_url(current, allowed_hosts)
            async with self._limiter.slot(host_key(current)):
                outcome = await self._request(current, headers)
            if isinstance(outcome, str):
                if host_key(outcome) != host_key(current):
                    headers = {k: v for k, v in headers.items()
                               if k.lower() in ("if-none-match", "if-modified-since")}
                current = outcome
                continue
            status, response_headers, content = outcome
            return _result(url, current, status, response_headers, content,
                           time.monotonic() - started)
        raise PermanentFetchError(url, "too_many_redirects", f"more than {MAX_REDIRECTS}")

    async def _request(self, url: str, headers: Mapping[str, str]
                       ) -> str | tuple[int, httpx.Headers, bytes]:
        """One HTTP exchange: a redirect target, or (status, headers, capped body)."""
        try:
            async with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in REDIRECTS:
                    target = resolve(url, response.headers.get("location", ""))
                    if target is None:
                        raise PermanentFetchError(url, "bad_redirect",
                                                  response.headers.get("location", ""))
                    return target
                _check_status(url, response)
                body = await self._read(url, response) if status != 304 else b""
                return status, response.headers, body
        except httpx.TimeoutException as exc:
            raise TransientFetchError(url, "timeout", type(exc).__name__) from exc
        except httpx.ConnectError as exc:
            text = str(exc) or type(exc).__name__
            reason = "dns_error" if _DNS_FAILURE.search(text) else "connection_error"
            raise TransientFetchError(url, reason, text) from exc
        except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
            raise TransientFetchError(url, "connection_error", str(exc) or type(exc).__name__) from exc
        except httpx.HTTPError as exc:
            raise PermanentFetchError(url, "http_error", str(exc) or type(exc).__name__) from exc

    async def _read(self, url: str, response: httpx.Response) -> bytes:
        """The body, decoded by us with a cap on the decoded size (see decompress.py)."""
        cap = self._settings.max_bytes
        encoding = response.headers.get("content-encoding")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not encoding:
            raise PermanentFetchError(url, "too_large", f"Content-Length {declared} > {cap}")
        try:
            decoder = BoundedDecoder(encoding, cap)
            chunks = [decoder.feed(chunk) async for chunk in response.aiter_raw()]
        except TooLarge as exc:
            raise PermanentFetchError(url, "too_large", f"over {cap} bytes decoded") from exc
        except UnsupportedEncoding as exc:
            raise PermanentFetchError(url, "bad_encoding", f"Content-Encoding {exc}") from exc
        except zlib.error as exc:
            raise TransientFetchError(url, "bad_encoding", f"corrupt compressed body: {exc}") from exc
        return b"".join(chunks)


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status in TRANSIENT_STATUS:
        raise TransientFetchError(url, f"http_{status}", response.headers.get("retry-after", ""))
    if status >= 400 or (status >= 300 and status != 304):
        raise PermanentFetchError(url, f"http_{status}")
    kind = response.headers.get("content-type", "").lower()
    if status == 200 and kind and not kind.startswith(_TEXTUAL):
        raise PermanentFetchError(url, "not_html", kind.split(";")[0])


def looks_binary(content: bytes) -> bool:
    """Whether a body that claims to be text is really binary (T10): text, in any of the
    encodings pages use, has almost no C0 control bytes other than white space."""
    head = content[:_SNIFF_BYTES]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # empty, or UTF-16 with a BOM (which has NULs by nature)
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) // 100


def _result(url: str, final: str, status: int, headers: httpx.Headers, content: bytes,
            elapsed: float) -> FetchResult:
    kind = headers.get("content-type")
    if looks_binary(content):
        raise PermanentFetchError(url, "not_html", "binary content")
    text, encoding = decode_html(content, kind) if content else ("", None)
    return FetchResult(
        url=url, final_url=final, status=status, content=content, text=text, encoding=encoding,
        content_type=kind, etag=headers.get("etag"), last_modified=headers.get("last-modified"),
        not_modified=status == 304, elapsed=elapsed,
    )

