"""The egress guard under a hostile network: DNS rebinding and one source reaching another's
host. Names are answered by an in-process resolver stub and connections land on 127.0.0.1
only (a stub network backend maps each address to a loopback listener and records it)."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import httpcore
import httpx
import pytest
import trustme
import yaml

from monitor.config import load_config
from monitor.egress import EgressGuard
from monitor.errors import FetchError, PermanentFetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .flows import one_pass
from .servers import ScriptedServer, html, scripted

PUBLIC = "93.184.216.34"  # what the stub resolver answers first: a public address


class Rebinding:
    """A resolver that answers a public address the first time and 127.0.0.1 afterwards."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append(host)
        return [PUBLIC] if len(self.asked) == 1 else ["127.0.0.1"]


class StubNetwork(httpcore.AsyncNetworkBackend):
    """Where httpcore connects: the public address goes to the 'public' loopback server; a
    name (which httpcore would resolve itself) gets the resolver's next answer, 127.0.0.1,
    i.e. the 'internal' server. Every connect is recorded."""

    def __init__(self, resolver: Rebinding, public: ScriptedServer, internal: ScriptedServer
                 ) -> None:
        self._resolver = resolver
        self._public, self._internal = _port(public), _port(internal)
        self._real = httpcore.AnyIOBackend()
        self.connects: list[str] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: Any = None
                          ) -> httpcore.AsyncNetworkStream:
        self.connects.append(host)
        if host == PUBLIC:
            port = self._public
        elif host[0].isalpha():  # a name: resolved again here, it now answers 127.0.0.1
            assert (await self._resolver(host, port)) == ["127.0.0.1"]
            port = self._internal
        return await self._real.connect_tcp("127.0.0.1", port, timeout)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def _port(server: ScriptedServer) -> int:
    return int(server.host.rsplit(":", 1)[1])


def fetch_with(network: StubNetwork, resolver: Rebinding, url: str, own: Collection[str]
               ) -> FetchResult:
    settings = FetchSettings(retries=0)

    async def go() -> FetchResult:
        transport = httpx.AsyncHTTPTransport()
        transport._pool = httpcore.AsyncConnectionPool(network_backend=network)
        async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=2, per_host=1, delay=0),
                              guard=EgressGuard(resolver))
            return await fetcher.get(url, allowed_hosts=own)

    return asyncio.run(go())


@pytest.mark.parametrize("via_redirect", [False, True])
def test_dns_rebinding_cannot_reach_loopback(via_redirect: bool) -> None:
    """T3: the guard's answer (public) is the address connected to, for a link and for a
    redirect hop; the name's second answer (127.0.0.1) is never used, so the internal page
    is not fetched."""
    resolver = Rebinding()
    internal_page = {"/page": html("<p>internal secret</p>")}
    with scripted({"/page": html("<p>public page</p>")}) as public, \
            scripted(internal_page) as internal:
        network = StubNetwork(resolver, public, internal)
        url = "http://rebind.example/page"
        if via_redirect:
            hop = {"/go": lambda _r: (302, {"Location": url}, b"")}
            with scripted(hop) as origin:
                got = fetch_with(network, resolver, origin.url + "/go", {origin.host})
        else:
            got = fetch_with(network, resolver, url, set())
        assert got.text == "<p>public page</p>"
        assert internal.hits == {} and resolver.asked == ["rebind.example"]
        assert PUBLIC in network.connects and "rebind.example" not in network.connects
        assert public.requests[-1]["Host"] == "rebind.example"


def test_rebinding_to_loopback_on_the_check_is_blocked() -> None:
    """T3/T1: a name whose (only) answer at check time is loopback is refused outright."""
    async def loopback(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.1"]

    async def go() -> None:
        await EgressGuard(loopback).check("http://inside.example/x", set())

    with pytest.raises(PermanentFetchError) as err:
        asyncio.run(go())
    assert err.value.reason == "blocked_ssrf"


def test_names_are_resolved_once_per_hop_with_a_deadline() -> None:
    """T11: a resolver that hangs is cut off by the guard's DNS deadline (dns_error)."""
    async def hangs(_host: str, _port: int) -> Sequence[str]:
        await asyncio.sleep(30)
        return []

    async def go() -> None:
        await EgressGuard(hangs, timeout=0.2).check("http://slow.example/", set())

    with pytest.raises(FetchError) as err:
        asyncio.run(go())
    assert err.value.reason == "dns_error"


def _two_sources(tmp: Path, hostile: ScriptedServer, intranet: ScriptedServer) -> Path:
    doc = {
        "settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0, "robots": False,
                     "per_host": {"delay": "0s", "concurrency": 2}},
        "watch": [{"name": "China Haisum"}],
        "sources": [{"name": "hostile", "feed": hostile.url + "/feed.xml",
                     "include": ["/secret/", "/go/"]},
                    {"name": "intranet", "url": intranet.url + "/", "include": ["/none/"]}],
    }
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return path


def test_one_source_cannot_reach_another_sources_host(tmp_path: Path) -> None:
    """T1/T4 (issue 8.2): a hostile feed's link to an intranet source's page, and its redirect
    there, are refused (blocked_ssrf); the intranet source itself is still checked."""
    secret = html("<html><body><article><h1>Secret</h1><p>" + "internal " * 80 +
                  "</p></article></body></html>")
    with scripted({"/": html("<p>intranet home</p>"), "/secret/1": secret,
                   "/secret/2": secret}) as intranet:
        feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>"
                f"<item><link>{intranet.url}/secret/1</link></item>"
                "<item><link>{self}/go/2</link></item></channel></rss>")
        routes = {"/go/2": lambda _r: (302, {"Location": intranet.url + "/secret/2"}, b"")}
        with scripted(routes) as hostile:
            hostile.routes["/feed.xml"] = html(feed.replace("{self}", hostile.url))
            results = {r.source: r for r in one_pass(load_config(
                _two_sources(tmp_path, hostile, intranet)))}
    errors = sorted(e.reason.split(" ")[0] for e in results["hostile"].article_errors)
    assert errors == ["blocked_ssrf", "blocked_ssrf"]
    assert "/secret/1" not in intranet.hits and "/secret/2" not in intranet.hits
    assert results["intranet"].ok and intranet.hits["/"] == 1


@pytest.mark.parametrize(("certified", "ok"), [("news.example", True), ("other.example", False)])
def test_tls_to_the_pinned_address_verifies_the_name(certified: str, ok: bool) -> None:
    """T3/T15: over https the pinned connection sends the name (SNI) and verifies the
    certificate against the name, not the IP: a certificate for another name is a tls_error,
    never accepted (no verify=False anywhere)."""
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(certified).configure_cert(server_tls)
    names: list[str | None] = []
    server_tls.sni_callback = lambda _sock, name, _ctx: names.append(name)  # type: ignore[assignment]
    client_tls = ssl.create_default_context()
    ca.configure_trust(client_tls)

    async def loopback(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.1"]

    settings = FetchSettings(retries=0)
    with scripted({"/p": html("<p>over tls</p>")}, tls=server_tls) as srv:
        url = f"https://news.example:{_port(srv)}/p"

        async def go() -> FetchResult:
            async with make_client(settings, tls=client_tls) as client:
                fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0),
                                  guard=EgressGuard(loopback))
                return await fetcher.get(url, allowed_hosts={f"news.example:{_port(srv)}"})

        if ok:
            assert asyncio.run(go()).text == "<p>over tls</p>"
            assert srv.requests[-1]["Host"] == f"news.example:{_port(srv)}"
        else:
            with pytest.raises(PermanentFetchError) as err:
                asyncio.run(go())
            assert err.value.reason == "tls_error" and "certificate" in err.value.detail
    assert names and set(names) == {"news.example"}


def test_the_next_checked_address_is_tried_when_one_refuses() -> None:
    """T11: pinning does not lose the fallback a resolver gives: when the first checked
    address refuses (127.0.0.2 here, nothing listens there), the next one is used; never an
    address the guard did not check."""
    async def two(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.2", "127.0.0.1"]

    settings = FetchSettings(retries=0)
    with scripted({"/p": html("<p>second address</p>")}) as srv:
        own = {f"news.example:{_port(srv)}"}

        async def go() -> FetchResult:
            async with make_client(settings) as client:
                fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0),
                                  guard=EgressGuard(two))
                return await fetcher.get(f"http://news.example:{_port(srv)}/p", allowed_hosts=own)

        assert asyncio.run(go()).text == "<p>second address</p>"


def test_pools_of_names_not_used_for_a_while_are_closed() -> None:
    """T46: one https pool per server name, and a name unused for longer than any fetch may
    last loses its pool (and its keep-alive sockets) when another is used."""
    from monitor.aiotransport import PoolPerName

    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("a.example", "b.example").configure_cert(server_tls)
    client_tls = ssl.create_default_context()
    ca.configure_trust(client_tls)
    transport = PoolPerName(httpx.Limits(), client_tls, idle_after=0.3)

    async def loopback(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.1"]

    settings = FetchSettings(retries=0)
    with scripted({"/p": html("<p>ok</p>")}, tls=server_tls) as srv:
        port = _port(srv)

        async def go() -> list[list[str]]:
            seen = []
            async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
                fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0),
                                  guard=EgressGuard(loopback))
                for name, pause in (("a.example", 0.0), ("b.example", 0.5), ("b.example", 0.0)):
                    await asyncio.sleep(pause)
                    url = f"https://{name}:{port}/p"
                    await fetcher.get(url, allowed_hosts={f"{name}:{port}"})
                    seen.append(transport.names)
            return seen

        assert asyncio.run(go()) == [["a.example"], ["b.example"], ["b.example"]]
