"""An httpx transport that sends requests with aiohttp (issue 9: transport chosen by measure).

On the synthetic site httpcore cost about 1.3 CPU-ms per GET of a 60 KB gzipped page, aiohttp
about 0.45 (its parser is C, and it does not rebuild socket attributes to check each idle
connection): the largest cost of a pass after extraction, and nearly all of an unchanged one.
httpx stays the monitor's API (fetch.py, its tests and their DNS-rebinding stub), so only the
exchange moves. The transport does nothing on its own: no redirects, no cookies, no proxies
from the environment, no decompression (fetch.py decodes with a cap), no headers of its own;
it sends ``sni_hostname`` as the TLS server name, and raises httpx's exceptions (with the
original one as cause, where fetch.py looks for certificate and refusal errors).
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator

import aiohttp
import httpx

_NO_AUTO_HEADERS = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")
_FAILURES = (aiohttp.ClientError, TimeoutError, OSError)


def session(limits: httpx.Limits, tls: ssl.SSLContext | bool) -> aiohttp.ClientSession:
    """One aiohttp session: a pool of keep-alive connections keyed by address and port."""
    connector = aiohttp.TCPConnector(
        limit=limits.max_connections or 0, limit_per_host=0, ssl=tls, use_dns_cache=False,
        keepalive_timeout=limits.keepalive_expiry or 5.0)
    return aiohttp.ClientSession(
        connector=connector, cookie_jar=aiohttp.DummyCookieJar(), trust_env=False,
        auto_decompress=False, skip_auto_headers=_NO_AUTO_HEADERS, raise_for_status=False,
        timeout=aiohttp.ClientTimeout(total=None))


async def send(client: aiohttp.ClientSession, request: httpx.Request) -> httpx.Response:
    """``request`` over ``client``; the response's body streams (raw bytes) until closed."""
    timeouts = request.extensions.get("timeout", {})
    timeout = aiohttp.ClientTimeout(total=None, connect=timeouts.get("connect"),
                                    sock_read=timeouts.get("read"))
    name = request.extensions.get("sni_hostname")
    try:
        response = await client.request(
            request.method, str(request.url), headers=[
                (key.decode("latin-1"), value.decode("latin-1"))
                for key, value in request.headers.raw],
            data=request.content or None, allow_redirects=False, timeout=timeout,
            server_hostname=name, compress=None)
    except _FAILURES as exc:
        # A connection failure's cause is the socket's or TLS's own error (what fetch.py
        # reports), not aiohttp's wrapper of it.
        cause = exc.__cause__ if isinstance(exc, aiohttp.ClientConnectorError) else None
        raise _translated(exc, request) from (cause or exc)
    headers = [(key.decode("latin-1"), value.decode("latin-1"))
               for key, value in response.raw_headers]
    return httpx.Response(response.status, headers=headers, stream=_Body(response, request),
                          request=request, extensions={"http_version": b"HTTP/1.1"})


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.content.iter_any():
                yield chunk
        except _FAILURES as exc:
            raise _translated(exc, self._request) from exc

    async def aclose(self) -> None:
        self._response.release()


def _translated(exc: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx exception fetch.py expects for an aiohttp (or socket) one."""
    kind: type[httpx.TransportError] = httpx.TransportError
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        kind = httpx.ConnectTimeout
    elif isinstance(exc, TimeoutError):  # aiohttp's read timeouts are TimeoutErrors too
        kind = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError
    elif isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError
                    | aiohttp.ClientResponseError):
        kind = httpx.RemoteProtocolError
    elif isinstance(exc, OSError):
        kind = httpx.ReadError
    return kind(str(exc) or type(exc).__name__, request=request)
