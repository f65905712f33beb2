"""Credentials a source is configured with stay with its origin across redirects (T7)."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Collection, Sequence

import pytest
import trustme

from monitor.egress import EgressGuard
from monitor.fetch import Fetcher, FetchSettings, _same_origin, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .servers import ScriptedServer, html, scripted

SECRETS = {"Authorization": "Bearer s3cret", "Cookie": "session=s3cret", "X-Api-Key": "s3cret"}


def _fetch(url: str, own: Collection[str], tls: ssl.SSLContext | None = None) -> FetchResult:
    """``url`` fetched with SECRETS as the source's headers; every name is 127.0.0.1."""
    async def loopback(_host: str, _port: int) -> Sequence[str]:
        return ["127.0.0.1"]

    settings = FetchSettings(retries=0)

    async def go() -> FetchResult:
        async with make_client(settings, tls=tls) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=2, per_host=1, delay=0),
                              guard=EgressGuard(loopback))
            return await fetcher.get(url, allowed_hosts=own, headers=SECRETS)

    return asyncio.run(go())


def _sent(server: ScriptedServer, path: str) -> set[str]:
    """The secret headers the request for ``path`` carried."""
    index = [i for i, (p, _h) in enumerate(server.log) if p == path][-1]
    return {name for name in SECRETS if name in server.log[index][1]}


def _port(server: ScriptedServer) -> int:
    return int(server.host.rsplit(":", 1)[1])


@pytest.mark.parametrize("hop", ["same-origin", "other-name", "other-port"])
def test_secrets_are_not_sent_to_another_origin(hop: str) -> None:
    """T7: Authorization, Cookie and X-Api-Key go to the source's own origin, also after a
    redirect within it, and on no hop to another name or another port (the validators a
    conditional request carries are not secrets and may follow)."""
    with scripted({}) as first, scripted({"/page": html("<p>moved</p>")}) as other:
        port = _port(first)
        target = {"same-origin": f"http://news.example:{port}/page",
                  "other-name": f"http://cdn.example:{port}/page",
                  "other-port": f"http://news.example:{_port(other)}/page"}[hop]
        first.routes["/go"] = lambda _r: (302, {"Location": target}, b"")
        first.routes["/page"] = html("<p>moved</p>")
        own = {f"news.example:{port}", f"cdn.example:{port}", f"news.example:{_port(other)}"}
        result = _fetch(f"http://news.example:{port}/go", own)
        landed = other if hop == "other-port" else first
        assert result.text == "<p>moved</p>"
        assert _sent(first, "/go") == set(SECRETS)
        assert _sent(landed, "/page") == (set(SECRETS) if hop == "same-origin" else set())


def test_secrets_are_not_sent_after_a_downgrade_to_http() -> None:
    """T7: an https source redirected to http:// on the same name loses its secrets (the
    plain hop would show them to anyone on the path)."""
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.example").configure_cert(server_tls)
    client_tls = ssl.create_default_context()
    ca.configure_trust(client_tls)
    with scripted({"/page": html("<p>plain</p>")}) as plain, scripted({}, tls=server_tls) as secure:
        secure.routes["/go"] = lambda _r: (
            302, {"Location": f"http://news.example:{_port(plain)}/page"}, b"")
        own = {f"news.example:{_port(secure)}", f"news.example:{_port(plain)}"}
        result = _fetch(f"https://news.example:{_port(secure)}/go", own, tls=client_tls)
        assert result.text == "<p>plain</p>"
        assert _sent(secure, "/go") == set(SECRETS)
        assert _sent(plain, "/page") == set()


@pytest.mark.parametrize(("url", "other", "same"), [
    ("https://news.example:8443/go", "http://news.example:8443/page", False),  # scheme alone
    ("http://news.example:443/go", "https://news.example/page", False),
    ("http://news.example/go", "http://NEWS.example:80/page", True),  # default port written
    ("https://news.example/go", "https://news.example:443/page", True),
    ("HTTPS://news.example/go", "https://news.example./page", True),
    ("http://news.example/go", "http://cdn.example/page", False),
])
def test_an_origin_is_scheme_host_and_port(url: str, other: str, same: bool) -> None:
    """T7: the downgrade test above changes the port too (two servers), so this is where a
    hop that changes the scheme alone is told apart (host_key() alone calls it the same)."""
    assert _same_origin(url, other) is same
