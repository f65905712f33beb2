"""Malformed and ambiguous URLs (T5): normalised or refused before the egress gate, and
whatever host a parser could read in one is checked before anything is connected to."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

import pytest

from monitor.egress import Destination, EgressGuard, host_key
from monitor.errors import FetchError
from monitor.fetch import Fetcher, FetchSettings, _pinned, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter
from monitor.urls import MAX_URL_LENGTH, resolve

from .servers import html, scripted

BASE = "https://news.example/world/index.html"


def _fetch(url: str, own: Collection[str]) -> FetchResult:
    """``url`` fetched with every name resolving to 127.0.0.1 (never the system resolver)."""
    async def loopback(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.1"]

    settings = FetchSettings(retries=0)

    async def go() -> FetchResult:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0),
                              guard=EgressGuard(loopback))
            return await fetcher.get(url, allowed_hosts=own)

    return asyncio.run(go())


@pytest.mark.parametrize(("href", "want"), [
    ("/wor\tld/1\n.html", "https://news.example/world/1.html"),  # tabs, newlines dropped
    ("HtTpS://news.example/a.html", "https://news.example/a.html"),  # scheme in any case
    (" /a b.html ", "https://news.example/ab.html"),
    ("/" + "a" * MAX_URL_LENGTH, None),  # over Scrapy's URLLENGTH_LIMIT
    ("https://news.example/?q=" + "x" * 10_000, None),  # a 10 KB link
])
def test_links_are_normalised_or_refused(href: str, want: str | None) -> None:
    """T5: what a browser strips from a link is stripped, and an overlong link is skipped."""
    assert resolve(BASE, href) == want


@pytest.mark.parametrize("template", [
    "http://news.example\\@127.0.0.1:{port}/p",  # WHATWG reads news.example, urlsplit the IP
    "http://127.0.0.1:{port}\\@news.example/p",
    "http://a@news.example@127.0.0.1:{port}/p",
    "http://user:pw@127.0.0.1:{port}/p",
    "http://news.example#@127.0.0.1:{port}/p",
    "http://news.example?@127.0.0.1:{port}/p",
    "http://127.0.0.1%2f:{port}/p",
    "http://127.0.0.1.:{port}/p",
    "HtTp://127.0.0.1:{port}/p",
    "http://0x7f.1:{port}/p",
    "http://2130706433:{port}/p",
])
def test_no_reading_of_an_ambiguous_authority_reaches_a_host_it_may_not(template: str) -> None:
    """T5: a loopback server that is not the source's own is never reached, whichever part
    of an ambiguous authority a parser takes for the host (every name resolves to loopback
    here, so each reading is one the gate must refuse)."""
    with scripted({"/p": html("<p>internal</p>")}) as srv:
        url = template.format(port=srv.host.rsplit(":", 1)[1])
        with pytest.raises(FetchError):
            _fetch(url, own={"own.example:80"})
    assert srv.hits == {}


@pytest.mark.parametrize(("url", "pinned"), [
    ("http://127.0.0.1:8080/p", False), ("http://[::1]:8080/p", False),
    ("http://93.184.216.34/p", False), ("http://news.example/p", True),
    ("http://93.184.216.34./p", True), ("http://127.0.0.1%2f/p", True),
    ("http://127.0.0.1%2F:8080/p", True),
])
def test_only_an_exact_ip_is_left_to_the_client(url: str, pinned: bool) -> None:
    """T5: the client parses the URL again; an IP written any other way than exactly would be
    a name to it, resolved without the gate, so it is reached by the checked address."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    addresses = ("93.184.216.34",) if host.startswith("93.") else ("127.0.0.1",)
    assert Destination(url, host, addresses).pinned is pinned


def test_an_ip_spelled_oddly_is_fetched_from_the_checked_address() -> None:
    """T5: a source on ``127.0.0.1%2f:port`` (the gate reads 127.0.0.1) is fetched from
    127.0.0.1 itself, never by a name lookup of the odd spelling."""
    with scripted({"/p": html("<p>own page</p>")}) as srv:
        port = srv.host.rsplit(":", 1)[1]
        result = _fetch(f"http://127.0.0.1%2F:{port}/p", own={f"127.0.0.1%2f:{port}"})
    assert result.text == "<p>own page</p>" and srv.hits == {"/p": 1}


def test_an_ipv6_zone_stays_with_its_address() -> None:
    """A link-local address is reached only through its interface: a zone naming one of this
    machine's ("%eth0", RFC 6874's "%25eth0", an index) stays with the checked address the
    connection goes to, and one naming none is dropped (never looked up as a name, T5)."""
    index, name = socket.if_nameindex()[0]

    async def no_lookup(host: str, _port: int) -> Sequence[str]:
        raise AssertionError(f"{host} looked up")

    def reached(host: str) -> str:
        url = f"http://[{host}]:8080/p"
        target = asyncio.run(EgressGuard(no_lookup).check(url, {host_key(url)}))
        (address,) = target.addresses
        return urlsplit(_pinned(target, address, {})[0]).netloc

    assert reached(f"fe80::1%{name}") == f"[fe80::1%{name}]:8080"
    assert reached(f"fe80::1%25{name}") == f"[fe80::1%{name}]:8080"
    assert reached(f"fe80::1%{index}") == f"[fe80::1%{index}]:8080"
    assert reached("fe80::1%25no-such-if") == "[fe80::1]:8080"
