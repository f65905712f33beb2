"""robots.txt on a real loopback server (T14)."""

from __future__ import annotations

import asyncio
from collections.abc import Collection

import pytest

from monitor.errors import PermanentFetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter
from monitor.robots import RobotsCache

from .servers import Route, html, scripted

AGENT = "news-monitor/0.1 (+https://example.org)"


def robots(text: str, status: int = 200) -> Route:
    data = text.encode()
    return lambda _r: (status, {"Content-Type": "text/plain"}, data)


def fetch_all(urls: list[str], allowed: Collection[str]) -> list[FetchResult | str]:
    """Fetch in order with one robots cache; a refusal becomes its reason."""
    settings = FetchSettings(user_agent=AGENT, retries=0)

    async def go() -> list[FetchResult | str]:
        out: list[FetchResult | str] = []
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=2, per_host=1, delay=0),
                              robots=RobotsCache(AGENT))
            for url in urls:
                try:
                    out.append(await fetcher.get(url, allowed_hosts=allowed))
                except PermanentFetchError as exc:
                    out.append(exc.reason)
        return out

    return asyncio.run(go())


def test_disallow_for_our_agent() -> None:
    rules = "User-agent: *\nAllow: /\n\nUser-agent: news-monitor\nDisallow: /private/\n"
    routes = {"/robots.txt": robots(rules), "/private/1": html("secret"), "/news/1": html("ok")}
    with scripted(routes) as srv:
        got = fetch_all([srv.url + "/private/1", srv.url + "/news/1"], {srv.host})
        assert got[0] == "blocked_by_robots" and not isinstance(got[1], str)
        assert "/private/1" not in srv.hits and srv.hits["/robots.txt"] == 1  # cached


def test_missing_robots_allows_everything() -> None:
    with scripted({"/news/1": html("ok")}) as srv:
        (got,) = fetch_all([srv.url + "/news/1"], {srv.host})
        assert not isinstance(got, str) and srv.hits["/robots.txt"] == 1


def test_unreachable_robots_disallows_everything() -> None:
    """RFC 9309: a 5xx robots.txt means complete disallow (retried later, not hammered)."""
    with scripted({"/robots.txt": robots("oops", 503), "/news/1": html("ok")}) as srv:
        assert fetch_all([srv.url + "/news/1", srv.url + "/news/1"], {srv.host}) == [
            "http_503", "http_503"]
        assert "/news/1" not in srv.hits and srv.hits["/robots.txt"] == 1


def test_only_the_first_500_kib_are_parsed() -> None:
    rules = "User-agent: *\n" + "# padding\n" * 60_000 + "Disallow: /news/\n"  # ~600 KiB
    with scripted({"/robots.txt": robots(rules), "/news/1": html("ok")}) as srv:
        (got,) = fetch_all([srv.url + "/news/1"], {srv.host})
        assert not isinstance(got, str)  # the Disallow line lies past the parsed part


@pytest.mark.parametrize("delay", ["2", "500"])
def test_crawl_delay_raises_host_delay(delay: str) -> None:
    limiter = HostLimiter(total=1, per_host=1, delay=0.1)
    cache = RobotsCache(AGENT)
    settings = FetchSettings(user_agent=AGENT, retries=0)
    rules = f"User-agent: *\nCrawl-delay: {delay}\n"

    async def go(url: str, host: str) -> None:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, limiter, robots=cache)
            await fetcher.get(url, allowed_hosts={host})

    with scripted({"/robots.txt": robots(rules), "/a": html("ok")}) as srv:
        asyncio.run(go(srv.url + "/a", srv.host))
        assert limiter.delay_for(srv.host) == min(float(delay), 60.0)
