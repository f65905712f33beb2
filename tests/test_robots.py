"""robots.txt on a real loopback server (T14)."""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import Collection

import pytest

from monitor.egress import EgressGuard
from monitor.errors import FetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter
from monitor.robots import RobotsCache

from .servers import Route, html, scripted

AGENT = "news-monitor/0.1 (+https://example.org)"


def robots(text: str, status: int = 200) -> Route:
    data = text.encode()
    return lambda _r: (status, {"Content-Type": "text/plain"}, data)


def fetch_raw(urls: list[str], allowed: Collection[str], guard: EgressGuard | None = None
              ) -> list[FetchResult | FetchError]:
    """Fetch in order with one robots cache; a failure is returned, not raised."""
    settings = FetchSettings(user_agent=AGENT, retries=0, connect_timeout=2)

    async def go() -> list[FetchResult | FetchError]:
        out: list[FetchResult | FetchError] = []
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=2, per_host=1, delay=0),
                              robots=RobotsCache(AGENT), guard=guard)
            for url in urls:
                try:
                    out.append(await fetcher.get(url, allowed_hosts=allowed))
                except FetchError as exc:
                    out.append(exc)
        return out

    return asyncio.run(go())


def fetch_all(urls: list[str], allowed: Collection[str]) -> list[FetchResult | str]:
    """Fetch in order with one robots cache; a refusal becomes its reason."""
    return [r.reason if isinstance(r, FetchError) else r for r in fetch_raw(urls, allowed)]


def fetch_errors(urls: list[str], allowed: Collection[str], guard: EgressGuard | None = None
                 ) -> list[FetchError]:
    got = fetch_raw(urls, allowed, guard)
    assert all(isinstance(r, FetchError) for r in got), got
    return [r for r in got if isinstance(r, FetchError)]


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
    """T14, RFC 9309: a 5xx robots.txt means complete disallow (retried later, not hammered),
    and the refusal says robots.txt could not be read, and why."""
    with scripted({"/robots.txt": robots("oops", 503), "/news/1": html("ok")}) as srv:
        got = fetch_errors([srv.url + "/news/1", srv.url + "/news/1"], {srv.host})
        assert [e.reason for e in got] == ["robots_unreadable", "robots_unreadable"]
        assert "robots.txt could not be read (http_503" in got[0].detail
        assert "/news/1" not in srv.hits and srv.hits["/robots.txt"] == 1


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


def _gzip_bomb() -> Route:
    bomb = gzip.compress(b"User-agent: *\nAllow: /\n" + b"#" * (20 * 1024 * 1024))
    return lambda _r: (200, {"Content-Type": "text/plain", "Content-Encoding": "gzip"}, bomb)


@pytest.mark.parametrize(("route", "cause"), [
    (robots("User-agent: *\n" + "# padding\n" * 60_000 + "Disallow: /news/\n"), "too_large"),
    (_gzip_bomb(), "too_large"),
    (lambda _r: (200, {"Content-Type": "image/png"}, b"User-agent: *\nAllow: /\n"), "not_html"),
    (lambda _r: (200, {"Content-Type": "text/plain"}, bytes(range(32)) * 100), "not_html"),
], ids=["over-500KiB", "gzip-bomb", "image-type", "binary-body"])
def test_unreadable_robots_fails_closed(route: Route, cause: str) -> None:
    """T14/T8 (issue 8.3): a robots.txt over the 500 KiB cap (plain or as a decompression
    bomb, which is inflated no further than the cap), or one that is not text, means
    "disallow everything", not "allow everything"; the refusal names the cause."""
    with scripted({"/robots.txt": route, "/news/1": html("ok")}) as srv:
        (err,) = fetch_errors([srv.url + "/news/1"], {srv.host})
        assert err.reason == "robots_unreadable" and f"({cause}" in err.detail
        assert "/news/1" not in srv.hits


def test_redirect_into_a_disallowed_path_is_not_followed() -> None:
    """T6/T14: robots.txt is checked on every hop, so /news/1 -> /private/1 stops."""
    rules = "User-agent: *\nDisallow: /private/\n"
    routes = {"/robots.txt": robots(rules), "/private/1": html("secret"),
              "/news/1": lambda _r: (302, {"Location": "/private/1"}, b"")}
    with scripted(routes) as srv:
        (err,) = fetch_errors([srv.url + "/news/1"], {srv.host})
        assert err.reason == "blocked_by_robots" and "/private/1" in err.detail
        assert "/private/1" not in srv.hits


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_robots_failures_say_what_failed() -> None:
    """T11/T15 (issue 8.3): a refused connection and https spoken to an http server each name
    their cause in the refusal instead of one "robots.txt unreachable"; a name that does not
    resolve fails the page itself as dns_error, before robots.txt is asked for."""
    async def no_such_name(_host: str, _port: int) -> list[str]:
        raise OSError("Name or service not known")

    refused = f"127.0.0.1:{_closed_port()}"
    with scripted({"/news/1": html("ok")}) as srv:
        (tls,) = fetch_errors([f"https://{srv.host}/news/1"], {srv.host})
    (conn,) = fetch_errors([f"http://{refused}/news/1"], {refused})
    (dns,) = fetch_errors(["http://news.example/news/1"], {"news.example:80"},
                          EgressGuard(no_such_name))
    for err, cause in ((conn, "connection_refused"), (tls, "tls_error")):
        assert err.reason == "robots_unreadable", err
        assert f"robots.txt could not be read ({cause}" in err.detail, err.detail
    assert dns.reason == "dns_error" and "Name or service not known" in dns.detail
