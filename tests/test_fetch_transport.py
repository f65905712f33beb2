"""The aiohttp exchange under fetch.py (issue 9) accepts what httpx did, against a real
loopback server."""

from __future__ import annotations

import asyncio

from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .servers import scripted


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
