"""The only module that speaks HTTP (httpx): one GET with every safety rail on.

Each fetch has a total deadline, a byte cap counted on the decompressed stream, at most five
redirects, conditional GET validators, and transient failures retried with backoff. Every hop
is checked by the egress guard and robots.txt, then sent to the very address the guard
validated (URL host = that IP, ``Host`` = the name, TLS SNI and certificate check = the name),
so DNS is asked once per hop and cannot answer differently to the connection (T3). httpx's
exceptions become our FetchError tree here, so the rest of the monitor never imports httpx.
"""

from __future__ import annotations

import asyncio
import logging
import re
import ssl
import time
from collections.abc import Callable, Collection, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from http.cookiejar import Cookie, CookieJar, DefaultCookiePolicy
from typing import Any

import httpx

from monitor.aiotransport import PoolPerName, Reply, connect_failure, exchange
from monitor.decompress import BoundedDecoder, CorruptBody, TooLarge, UnsupportedEncoding
from monitor.egress import Destination, EgressGuard, host_key
from monitor.errors import FetchError, PermanentFetchError, TransientFetchError
from monitor.models import FetchResult
from monitor.politeness import HostLimiter
from monitor.retry import fetch_delay, retry_after
from monitor.robots import MAX_ROBOTS_BYTES, RobotsCache
from monitor.urls import resolve, split

logger = logging.getLogger(__name__)

REDIRECTS = (301, 302, 303, 307, 308)
TRANSIENT_STATUS = (408, 425, 429, 500, 502, 503, 504, 522, 524)
MAX_REDIRECTS = 5
POOL_IDLE_MARGIN = 60.0  # seconds past the fetch deadline before an unused pool is closed
MAX_ADDRESSES = 4  # addresses of one name tried before a fetch fails to connect
_SNIFF_BYTES = 8192  # what git and file(1) read to tell binary from text
_TEXTUAL = ("text/", "application/xhtml", "application/xml", "application/rss",
            "application/atom", "application/rdf")
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))
# A URL httpx would send as written: lower-case ASCII host, a path and query of characters
# left unencoded (RFC 3986 unreserved, sub-delims, : @ / ? and %XX), no user info.
_PLAIN_URL = re.compile(r"https?://[a-z0-9.\-]+(?::[0-9]{1,5})?"
                        r"(?:/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?")
FetchLog = Callable[..., None]
RETRY_AFTER_STATUS = ("http_429", "http_503")


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


class MonitorClient(httpx.AsyncClient):
    """The client ``make_client`` builds: its pools (``PoolPerName``) are also reached
    directly by the Fetcher, without httpx's per-request layers (URL parsing, cookie
    extraction, auth and redirect hooks: 0.5 CPU-ms a request, issue 9.4)."""

    def __init__(self, pools: PoolPerName, **kwargs: Any) -> None:
        super().__init__(transport=pools, **kwargs)
        self.pools = pools


def make_client(settings: FetchSettings, *, tls: ssl.SSLContext | None = None
                ) -> MonitorClient:
    """An httpx client that ignores proxy variables, never follows redirects on its own, keeps
    no cookies (requests go to addresses, and an address may serve many names) and keeps one
    connection pool per TLS server name (see ``PoolPerName``). ``tls``: the context that
    verifies certificates (default: the system's CAs via httpx; never unverified)."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=16)
    return MonitorClient(
        PoolPerName(limits, tls, idle_after=settings.timeout + POOL_IDLE_MARGIN),
        timeout=timeout, follow_redirects=False, trust_env=False,
        cookies=CookieJar(policy=_NoCookies()),
        headers={"User-Agent": settings.user_agent,
                 "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                 "Accept-Encoding": "gzip, deflate"},
    )


class _NoCookies(DefaultCookiePolicy):
    def set_ok(self, cookie: Cookie, request: Any) -> bool:
        return False

    def return_ok(self, cookie: Cookie, request: Any) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class _Plan:
    """What one fetch (all its hops) obeys."""

    own_hosts: Collection[str]
    headers: dict[str, str]
    cap: int
    robots: bool = True


class Fetcher:
    """GETs pages for the pipeline; one per pass or per daemon, sharing one client."""

    def __init__(self, client: httpx.AsyncClient, settings: FetchSettings, limiter: HostLimiter,
                 *, log: FetchLog | None = None, robots: RobotsCache | None = None,
                 guard: EgressGuard | None = None) -> None:
        self._client = client
        self._pools = client.pools if isinstance(client, MonitorClient) else None
        self._defaults = {k.decode("latin-1"): v.decode("latin-1") for k, v in client.headers.raw}
        self._timeouts = (client.timeout.connect, client.timeout.read)
        self._settings = settings
        self._limiter = limiter
        self._log = log
        self._robots = robots
        self._guard = guard or EgressGuard(timeout=settings.connect_timeout)

    async def aclose(self) -> None:
        """Close the HTTP client (its connections) when the monitor stops."""
        await self._client.aclose()

    async def get(self, url: str, *, allowed_hosts: Collection[str], etag: str | None = None,
                  last_modified: str | None = None, source: str | None = None,
                  headers: Mapping[str, str] | None = None) -> FetchResult:
        """Fetch one URL, retrying transient failures; raise FetchError when it cannot.
        ``allowed_hosts``: the ``host:port`` keys of this source's own URLs, the only hosts
        that may be non-public addresses (see egress.py)."""
        plan = _Plan(allowed_hosts, _validators({**self._settings.headers, **(headers or {})},
                                                etag, last_modified), self._settings.max_bytes)
        held = self._limiter.held(host_key(url))
        if held is not None:  # the host's Retry-After still runs: do not even ask (T13)
            raise TransientFetchError(url, "retry_after", f"{host_key(url)} asked us to wait; "
                                      f"{held:.0f}s left")
        attempt = 0
        while True:
            started = time.monotonic()
            try:
                result = await self._once(url, plan)
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

    async def _obey_robots(self, url: str, hop: str, own_hosts: Collection[str]) -> None:
        """Refuse ``hop`` (the URL itself or a redirect target) when robots.txt says so."""
        if self._robots is None:
            return

        async def fetch_robots(robots: str) -> bytes:
            plan = _Plan(own_hosts, {}, MAX_ROBOTS_BYTES, robots=False)
            return (await self._once(robots, plan)).content

        refusal = await self._robots.refusal(hop, fetch_robots)
        if refusal is not None:
            reason, detail = refusal
            raise PermanentFetchError(url, reason, detail if hop == url else f"{hop}: {detail}")
        delay = self._robots.crawl_delay(hop)
        if delay is not None:
            self._limiter.raise_delay(host_key(hop), delay)

    def _retry_wait(self, exc: FetchError, attempt: int) -> float | None:
        """Seconds before the next attempt, or None to give up. A Retry-After we do not wait
        for within this fetch holds the host for its duration (see HostLimiter.hold)."""
        if not isinstance(exc, TransientFetchError):
            return None
        asked = retry_after(exc.detail) if exc.reason in RETRY_AFTER_STATUS else None
        last = attempt >= self._settings.retries
        if asked is not None and (last or asked > self._settings.max_retry_wait):
            self._limiter.hold(host_key(exc.url), asked)
        if last:
            return None
        wait = asked if asked is not None else fetch_delay(attempt)
        return wait if wait <= self._settings.max_retry_wait else None

    def _record(self, source: str | None, url: str, status: int | None, size: int,
                elapsed: float, error: str | None) -> None:
        if self._log is not None:
            self._log(source=source, url=url, status=status, bytes=size,
                      elapsed=round(elapsed, 4), error=error)

    async def _once(self, url: str, plan: _Plan) -> FetchResult:
        try:
            async with asyncio.timeout(None) as deadline:
                return await self._follow(url, plan, deadline)
        except TimeoutError as exc:
            raise TransientFetchError(url, "timeout", f"over {self._settings.timeout:g}s") from exc

    async def _follow(self, url: str, plan: _Plan, deadline: asyncio.Timeout) -> FetchResult:
        """Every hop is checked by the egress guard (and robots.txt), then reached at the
        address the guard validated. The deadline starts with the first request, once the
        host's politeness slot is ours: time queued behind other fetches is not the host's
        slowness (the DNS lookup and robots.txt have deadlines of their own)."""
        current, headers, started = url, plan.headers, 0.0
        for _hop in range(MAX_REDIRECTS + 1):
            target = await self._guard.check(current, plan.own_hosts)
            if plan.robots:
                await self._obey_robots(url, current, plan.own_hosts)
            async with self._limiter.slot(host_key(current)):
                if not started:
                    started = time.monotonic()
                    deadline.reschedule(asyncio.get_running_loop().time() + self._settings.timeout)
                outcome = await self._request(target, headers, plan.cap)
            if isinstance(outcome, str):
                if not _same_origin(outcome, current):  # (credentials stay home, T7)
                    headers = {k: v for k, v in headers.items()
                               if k.lower() in ("if-none-match", "if-modified-since")}
                current = outcome
                continue
            status, response_headers, content = outcome
            return _result(url, current, status, response_headers, content,
                           time.monotonic() - started)
        raise PermanentFetchError(url, "too_many_redirects", f"more than {MAX_REDIRECTS}")

    async def _request(self, target: Destination, headers: Mapping[str, str], cap: int
                       ) -> str | tuple[int, Mapping[str, str], bytes]:
        """One HTTP exchange with a validated address: a redirect target, or (status,
        headers, capped body). The addresses the guard checked are tried in order while the
        connection itself fails (a name with a dead IPv6 address still works over IPv4)."""
        failure: FetchError | None = None
        for address in target.addresses[:MAX_ADDRESSES]:
            try:
                return await self._exchange(target, address, headers, cap)
            except _NoConnection as exc:
                failure = exc.error
        assert failure is not None
        raise failure

    async def _exchange(self, target: Destination, address: str, headers: Mapping[str, str],
                        cap: int) -> str | tuple[int, Mapping[str, str], bytes]:
        url = target.url
        request_url, name, headers = _pinned(target, address, headers)
        try:
            async with self._open(request_url, name, headers) as response:
                status = response.status_code
                if status in REDIRECTS:
                    location = response.headers.get("location", "")
                    redirect = resolve(url, location)
                    if redirect is None:
                        raise PermanentFetchError(url, "bad_redirect", location)
                    return redirect
                _check_status(url, response)
                body = await self._read(url, response, cap) if status != 304 else b""
                return status, response.headers, body
        except httpx.ConnectTimeout as exc:
            raise _NoConnection(TransientFetchError(url, "timeout", "ConnectTimeout"), exc) from exc
        except httpx.TimeoutException as exc:
            raise TransientFetchError(url, "timeout", type(exc).__name__) from exc
        except httpx.ConnectError as exc:
            reason, detail = connect_failure(exc)
            if reason == "tls_error":
                raise PermanentFetchError(url, reason, detail) from exc
            raise _NoConnection(TransientFetchError(url, reason, detail), exc) from exc
        except httpx.RemoteProtocolError as exc:
            raise TransientFetchError(url, "protocol_error", str(exc) or type(exc).__name__) from exc
        except (httpx.ReadError, httpx.WriteError) as exc:
            raise TransientFetchError(url, "connection_error", str(exc) or type(exc).__name__) from exc
        except httpx.HTTPError as exc:
            raise PermanentFetchError(url, "http_error", str(exc) or type(exc).__name__) from exc

    def _open(self, url: str, name: str | None, headers: dict[str, str]
              ) -> AbstractAsyncContextManager[Reply | httpx.Response]:
        """A GET's response, streaming: through our pools directly when the client is ours,
        else through the httpx client (the tests' stub networks)."""
        if self._pools is None:
            return self._client.stream("GET", url, headers=headers,
                                       extensions={"sni_hostname": name} if name else {})
        connect, read = self._timeouts
        return exchange(self._pools.session_for(url, name), url,
                        {**self._defaults, **headers}, server_hostname=name,
                        connect=connect, read=read)

    async def _read(self, url: str, response: Reply | httpx.Response, cap: int) -> bytes:
        """The body, decoded by us with a cap on the decoded size (see decompress.py)."""
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
        except CorruptBody as exc:
            raise TransientFetchError(url, "bad_encoding", f"corrupt compressed body: {exc}") from exc
        return b"".join(chunks)


def _same_origin(url: str, other: str) -> bool:
    """Scheme, host and port alike: where a source's configured headers may follow a
    redirect (an https page sent to http:// on its own port is another origin too)."""
    return (host_key(url) == host_key(other)
            and url.partition(":")[0].lower() == other.partition(":")[0].lower())


def _validators(headers: dict[str, str], etag: str | None, last_modified: str | None
                ) -> dict[str, str]:
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


class _NoConnection(Exception):
    """No connection could be made to one address: the next one may be tried."""

    def __init__(self, error: FetchError, cause: BaseException) -> None:
        super().__init__(str(error))
        error.__cause__ = cause
        self.error = error


def _pinned(target: Destination, address: str, headers: Mapping[str, str]
            ) -> tuple[str, str | None, dict[str, str]]:
    """(URL, TLS server name, headers) of the request for ``target`` addressed to its
    validated IP: the URL names the IP, Host names the site, and TLS sends and verifies the
    site's name (SNI), not the IP."""
    if not target.pinned:
        return target.url, None, dict(headers)
    parts = split(target.url)
    host = f"[{address}]" if ":" in address else address
    if _PLAIN_URL.fullmatch(target.url):
        # The common case, without httpx's URL parser (40 us): ASCII, nothing to encode.
        name = parts.hostname or ""
        default = 443 if parts.scheme == "https" else 80
        port = f":{parts.port}" if parts.port not in (None, default) else ""
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return (f"{parts.scheme}://{host}{port}{path}",
                name if parts.scheme == "https" else None, {**headers, "Host": name + port})
    url = httpx.URL(target.url)
    port = f":{url.port}" if url.port is not None else ""
    sni = url.raw_host.decode("ascii") if url.scheme == "https" else None
    return (f"{url.scheme}://{host}{port}{url.raw_path.decode('ascii')}", sni,
            {**headers, "Host": url.netloc.decode("ascii")})


def _check_status(url: str, response: Reply | httpx.Response) -> None:
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
    encodings pages use, has almost no C0 control bytes other than white space. The first
    8 KB tell (images, archives and PDFs are binary from their first bytes): 64 KB cost
    19 us of a synthetic article page (~60 KB), 8 KB 6 us (issue 9)."""
    head = content[:_SNIFF_BYTES]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # empty, or UTF-16 with a BOM (which has NULs by nature)
    controls = len(head.translate(None, _NOT_CONTROL))  # C speed, not a byte loop
    return controls > len(head) // 100


def _result(url: str, final: str, status: int, headers: Mapping[str, str], content: bytes,
            elapsed: float) -> FetchResult:
    kind = headers.get("content-type")
    if looks_binary(content):
        raise PermanentFetchError(url, "not_html", "binary content")
    return FetchResult(
        url=url, final_url=final, status=status, content=content, content_type=kind,
        etag=headers.get("etag"), last_modified=headers.get("last-modified"),
        not_modified=status == 304, elapsed=elapsed,
    )

