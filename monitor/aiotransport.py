"""The HTTP exchange under fetch.py: aiohttp, in one pool per TLS name (issue 9).

Transport chosen by measurement on the synthetic site: a GET of a 60 KB gzipped page cost
about 1.3 CPU-ms through httpx + httpcore and 0.45 through aiohttp (its parser is C; httpcore
rebuilt socket attributes, a getpeername each, to check every idle connection per request),
the largest cost of a pass after extraction and nearly all of an unchanged one. The Fetcher
calls ``exchange`` directly on a ``MonitorClient``'s pools; ``PoolPerName`` is also an httpx
transport, so an httpx client (the tests' stub networks) works the same way. Nothing is done
on the monitor's behalf: no redirects, cookies, proxies from the environment, decompression
(fetch.py decodes with a cap) or headers of aiohttp's own; the TLS server name is the one
given; failures are raised as httpx's exceptions, caused by the socket's or TLS's own error.
"""

from __future__ import annotations

import asyncio
import re
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache

import aiohttp
import httpx
from yarl import URL

_NO_AUTO_HEADERS = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")
_FAILURES = (aiohttp.ClientError, TimeoutError, OSError)
# aiohttp's label of the request's TLS setting in every connection error it raises, http://
# included ("Cannot connect to host h:80 ssl:default [Network is unreachable]")
_SSL_LABEL = re.compile(r" ssl:(?:default|True|False|None|<[^>]*>)(?= \[)")
MAX_HEADER = 16384  # bytes of one header line, as h11 allowed under httpx (aiohttp's: 8190)


class PoolPerName(httpx.AsyncBaseTransport):
    """Connections are pooled by address and port of the URL, which is now an IP: two names
    on one address would share a TLS connection verified for only one of them. So https gets
    one pool per server name (SNI); plain http one pool per address and port (Host is per
    request). One pool for every host kept at most 16 idle connections in all, so with more
    hosts than that in flight most requests opened a new connection (issue 9). A pool unused
    for ``idle_after`` seconds (longer than any fetch may last) is closed, so a daemon that met
    thousands of names does not keep their sockets for months (T46)."""

    def __init__(self, limits: httpx.Limits, tls: ssl.SSLContext | None = None,
                 idle_after: float = 300.0) -> None:
        self._limits = limits
        self._tls: ssl.SSLContext | bool = tls if tls is not None else True
        self._idle_after = idle_after
        self._pools: dict[str, aiohttp.ClientSession] = {}
        self._used: OrderedDict[str, float] = OrderedDict()  # least recently used first
        self._closing: set[asyncio.Task[None]] = set()

    def session_for(self, url: str, name: str | None) -> aiohttp.ClientSession:
        """The pool for a request to ``url`` (an address) with TLS server name ``name``."""
        key = name or url.split("/", 3)[2].lower()
        self._used[key] = now = time.monotonic()
        self._used.move_to_end(key)
        # the idle pools are the least recently used: a look at the oldest, not a walk of
        # every pool on every request (the daemon may know thousands of names)
        while (oldest := next(iter(self._used))) != key \
                and now - self._used[oldest] > self._idle_after:
            del self._used[oldest]
            self._close(self._pools.pop(oldest, None))
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = _session(self._limits, self._tls)
        return pool

    def _close(self, pool: aiohttp.ClientSession | None) -> None:
        if pool is not None:
            task = asyncio.get_running_loop().create_task(pool.close())
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        name = request.extensions.get("sni_hostname") if request.url.scheme == "https" else None
        pool = self.session_for(str(request.url), name)
        timeouts = request.extensions.get("timeout", {})
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in request.headers.raw}
        response = await _request(pool, str(request.url), headers, name,
                                  timeouts.get("connect"), timeouts.get("read"))
        reply = Reply(response)
        return httpx.Response(reply.status_code, headers=list(reply.headers.items()),
                              stream=_Body(reply), request=request)

    @property
    def names(self) -> list[str]:
        """The server names (https) and ``address:port`` (http) that have a pool now."""
        return list(self._pools)

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.close()
        if self._closing:
            await asyncio.gather(*self._closing)


def _session(limits: httpx.Limits, tls: ssl.SSLContext | bool) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(
        limit=limits.max_connections or 0, limit_per_host=0, ssl=tls, use_dns_cache=False,
        keepalive_timeout=limits.keepalive_expiry or 5.0)
    return aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False,
        auto_decompress=False, skip_auto_headers=_NO_AUTO_HEADERS, raise_for_status=False,
        timeout=aiohttp.ClientTimeout(total=None),
        max_line_size=MAX_HEADER, max_field_size=MAX_HEADER)


class Reply:
    """A response whose body streams, raw (still compressed), until it is released."""

    __slots__ = ("_response", "headers", "status_code")

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response
        self.status_code = response.status
        self.headers = response.headers

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except _FAILURES as exc:
            raise _translated(exc) from exc

    def release(self) -> None:
        self._response.release()


@asynccontextmanager
async def exchange(pool: aiohttp.ClientSession, url: str, headers: dict[str, str], *,
                   server_hostname: str | None, connect: float | None, read: float | None
                   ) -> AsyncIterator[Reply]:
    """GET ``url`` (already percent-encoded) over ``pool``; the body is read inside."""
    reply = Reply(await _request(pool, url, headers, server_hostname, connect, read))
    try:
        yield reply
    finally:
        reply.release()


async def _request(pool: aiohttp.ClientSession, url: str, headers: dict[str, str],
                   name: str | None, connect: float | None, read: float | None
                   ) -> aiohttp.ClientResponse:
    try:
        return await pool.get(URL(url, encoded=True), headers=headers, allow_redirects=False,
                              timeout=_timeout(connect, read), server_hostname=name)
    except _FAILURES as exc:
        # fetch.py reports the socket's or TLS's own error, not aiohttp's wrapper of it.
        cause = exc.__cause__ if isinstance(exc, aiohttp.ClientConnectorError) else None
        raise _translated(exc) from (cause or exc)


@lru_cache(maxsize=16)
def _timeout(connect: float | None, read: float | None) -> aiohttp.ClientTimeout:
    """One (immutable) timeout per setting, not one built per request (1.5 us each)."""
    return aiohttp.ClientTimeout(total=None, connect=connect, sock_read=read)


class _Body(httpx.AsyncByteStream):
    def __init__(self, reply: Reply) -> None:
        self._reply = reply

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._reply.aiter_raw():
            yield chunk

    async def aclose(self) -> None:
        self._reply.release()


def _translated(exc: BaseException) -> httpx.TransportError:
    """The httpx exception fetch.py expects for an aiohttp (or socket) one."""
    kind: type[httpx.TransportError] = httpx.TransportError
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind = httpx.ConnectTimeout
    elif isinstance(exc, TimeoutError):  # aiohttp's read timeouts are TimeoutErrors too
        kind = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError
    elif isinstance(exc, _PROTOCOL):
        kind = httpx.RemoteProtocolError
    elif isinstance(exc, OSError):
        kind = httpx.ReadError
    return kind(str(exc) or type(exc).__name__)


_PROTOCOL: tuple[type[BaseException], ...] = (
    aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientResponseError)


def connect_failure(exc: BaseException) -> tuple[str, str]:
    """(reason, detail) of a failed connection: refused, TLS (certificate, or https spoken to
    an http server), or another connection error."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return "tls_error", f"certificate: {seen.verify_message or seen}"
        if isinstance(seen, ssl.SSLError):
            return "tls_error", str(seen)
        if isinstance(seen, ConnectionRefusedError):
            return "connection_refused", str(seen)
        seen = seen.__cause__ or seen.__context__
    text = str(exc) or type(exc).__name__
    said = _SSL_LABEL.sub("", text).lower()  # (not "ssl" in every error aiohttp raises: an
    # unreachable address was a permanent tls_error, and the next address went untried)
    if "refused" in said:
        return "connection_refused", text
    if "ssl" in said or "certificate" in said:
        return "tls_error", text
    return "connection_error", text
