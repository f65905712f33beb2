"""The aiohttp exchange under fetch.py (issue 9) accepts what httpx did, against a real
loopback server."""

from __future__ import annotations

import asyncio
import errno
from collections.abc import Sequence
from types import SimpleNamespace

import aiohttp
import pytest
from yarl import URL

from monitor.aiotransport import PoolPerName
from monitor.egress import EgressGuard, host_key
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .servers import html, scripted


def test_a_long_header_line_is_read() -> None:
    """A 12 KB header line (a long Content-Security-Policy or Set-Cookie, as some sites send)
    is within what h11 read under httpx (16 KB); aiohttp's own limit is 8 KB."""
    policy = "default-src 'self'; " + "img-src https://cdn.example; " * 420

    def page(_req):
        return 200, {"Content-Type": "text/html", "Content-Security-Policy": policy}, b"<p>ok</p>"

    settings = FetchSettings(retries=0)
    with scripted({"/p": page}) as srv:

        async def go() -> FetchResult:
            async with make_client(settings) as client:
                fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0))
                return await fetcher.get(srv.url + "/p", allowed_hosts={srv.host})

        assert len(policy) > 12_000
        assert asyncio.run(go()).text == "<p>ok</p>"


class _Unreachable:
    """A pool whose every connection fails as an address on no route does (ENETUNREACH),
    raised as aiohttp raises it: "Cannot connect to host ... ssl:default [...]"."""

    async def get(self, url: URL, **_kwargs: object) -> aiohttp.ClientResponse:
        key = SimpleNamespace(host=url.host, port=url.port, ssl=True)
        try:
            raise OSError(errno.ENETUNREACH, "Network is unreachable")
        except OSError as exc:
            raise aiohttp.ClientConnectorError(key, exc) from exc  # type: ignore[arg-type]


def test_an_unreachable_address_gives_way_to_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    """T11: a name's first address on no route (a dead IPv6 address, say) is a connection
    error and the next checked address is tried: aiohttp's "ssl:default" label in the error of
    a plain http:// connection made it a permanent tls_error, which tried no other address."""
    dead = "192.0.2.1"  # (never connected to: its pool is the stub above)
    session_for = PoolPerName.session_for

    def pool(self: PoolPerName, url: str, name: str | None) -> object:
        return _Unreachable() if f"//{dead}:" in url else session_for(self, url, name)

    async def two(_host: str, _port: int) -> Sequence[str]:
        return [dead, "127.0.0.1"]

    monkeypatch.setattr(PoolPerName, "session_for", pool)
    settings = FetchSettings(retries=0)
    with scripted({"/p": html("<p>second address</p>")}) as srv:
        url = f"http://news.example:{srv.host.rsplit(':', 1)[1]}/p"

        async def go() -> FetchResult:
            async with make_client(settings) as client:
                fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0),
                                  guard=EgressGuard(two))
                return await fetcher.get(url, allowed_hosts={host_key(url)})

        assert asyncio.run(go()).text == "<p>second address</p>"
        assert srv.hits == {"/p": 1}


def test_the_pools_unused_longest_are_closed_whatever_order_they_opened_in(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """T46 with the pools kept least recently used first: a pool opened first but used
    again stays, one opened after it and idle since goes."""
    import httpx

    clock = SimpleNamespace(now=0.0)
    monkeypatch.setattr("monitor.aiotransport.time.monotonic", lambda: clock.now)

    async def go() -> list[list[str]]:
        transport = PoolPerName(httpx.Limits(), idle_after=10.0)
        seen = []
        for now, address in ((0.0, "10.0.0.1"), (5.0, "10.0.0.2"), (8.0, "10.0.0.1"),
                             (16.0, "10.0.0.3"), (30.0, "10.0.0.3")):
            clock.now = now
            transport.session_for(f"http://{address}:80/p", None)
            seen.append(transport.names)
        await transport.aclose()
        return seen

    assert asyncio.run(go()) == [
        ["10.0.0.1:80"], ["10.0.0.1:80", "10.0.0.2:80"], ["10.0.0.1:80", "10.0.0.2:80"],
        ["10.0.0.1:80", "10.0.0.3:80"], ["10.0.0.3:80"]]
