"""Fetching against real loopback servers: validators, caps, redirects, retries, egress."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Collection

import pytest

from monitor.egress import is_public
from monitor.errors import PermanentFetchError, TransientFetchError
from monitor.fetch import Fetcher, FetchSettings, looks_binary, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .servers import html, scripted


def get(url: str, allowed: Collection[str], settings: FetchSettings | None = None,
        limiter: HostLimiter | None = None, **kwargs: str) -> FetchResult:
    settings = settings or FetchSettings(retries=0)

    async def go() -> FetchResult:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings,
                              limiter or HostLimiter(total=4, per_host=2, delay=0))
            return await fetcher.get(url, allowed_hosts=allowed, **kwargs)

    return asyncio.run(go())


def test_conditional_get_gives_not_modified() -> None:
    def page(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "text/html", "ETag": '"v1"'}, b"<p>hi</p>"

    with scripted({"/p": page}) as srv:
        first = get(srv.url + "/p", {srv.host})
        again = get(srv.url + "/p", {srv.host}, etag=first.etag)
    assert first.status == 200 and first.etag == '"v1"' and first.text == "<p>hi</p>"
    assert again.not_modified and again.content == b""


def test_redirect_loop_stops_at_five_hops() -> None:
    """T6: A -> B -> A ... stops with too_many_redirects."""
    def hop(target: str):
        return lambda _r: (302, {"Location": target}, b"")

    routes = {"/r0": hop("/r1"), "/r1": hop("/r0")}
    with scripted(routes) as srv, pytest.raises(PermanentFetchError) as err:
        get(srv.url + "/r0", {srv.host})
    assert err.value.reason == "too_many_redirects"
    assert sum(srv.hits.values()) == 6


def test_redirect_to_other_host_is_guarded() -> None:
    """T1/T4: a redirect to a loopback host that is not the source's own is never followed."""
    with scripted({}) as target:
        redirect = {"/go": lambda _r: (302, {"Location": target.url + "/secret"}, b"")}
        with scripted(redirect) as srv, pytest.raises(PermanentFetchError) as err:
            get(srv.url + "/go", {srv.host})
        assert err.value.reason == "blocked_ssrf"
        assert target.hits == {}


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x/"])
def test_non_http_schemes_refused(url: str) -> None:
    """T2"""
    with pytest.raises(PermanentFetchError) as err:
        get(url, set())
    assert err.value.reason == "blocked_scheme"


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "100.64.0.1", "169.254.169.254",
                                     "0.0.0.0", "::1", "::ffff:127.0.0.1", "fd00::1", "fe80::1%eth0"])
def test_non_public_addresses(address: str) -> None:
    """T1: the ranges the egress guard refuses."""
    assert not is_public(address)


def test_public_address() -> None:
    assert is_public("93.184.216.34")


def test_size_cap_counts_decompressed_bytes() -> None:
    """T8/T10: a small gzip body that inflates past the cap is refused as too_large."""
    bomb = gzip.compress(b"<p>" + b"0" * (3 * 1024 * 1024) + b"</p>")
    route = lambda _r: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)  # noqa: E731
    with scripted({"/bomb": route, "/big": html("x" * 5000)}) as srv:
        with pytest.raises(PermanentFetchError) as err:
            get(srv.url + "/bomb", {srv.host}, FetchSettings(max_bytes=1024 * 1024, retries=0))
        assert err.value.reason == "too_large"
        with pytest.raises(PermanentFetchError):
            get(srv.url + "/big", {srv.host}, FetchSettings(max_bytes=1000, retries=0))


def test_transient_errors_are_retried() -> None:
    """T13: a 503 then a 200 succeeds on retry; a 404 is not retried."""
    calls = {"n": 0}

    def flaky(_req):
        calls["n"] += 1
        if calls["n"] == 1:
            return 503, {"Retry-After": "0"}, b""
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    with scripted({"/flaky": flaky, "/gone": html("no", status=404)}) as srv:
        assert get(srv.url + "/flaky", {srv.host}, FetchSettings(retries=2)).text == "<p>ok</p>"
        with pytest.raises(PermanentFetchError):
            get(srv.url + "/gone", {srv.host}, FetchSettings(retries=2))
        assert srv.hits["/gone"] == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(status: int) -> None:
    """T13: a 429 or a 503 asking for a long wait (capped at 6 h) is not retried within the
    pass; one asking for 1 s is retried after it."""
    calls = {"n": 0}

    def short(_req):
        calls["n"] += 1
        if calls["n"] == 1:
            return status, {"Retry-After": "1"}, b""
        return 200, {"Content-Type": "text/html"}, b"<p>ok</p>"

    busy = {"/busy": html("", status=status, **{"Retry-After": "99999999"}), "/short": short}
    with scripted(busy) as srv:
        with pytest.raises(TransientFetchError) as err:
            get(srv.url + "/busy", {srv.host}, FetchSettings(retries=2))
        assert err.value.reason == f"http_{status}" and srv.hits["/busy"] == 1  # not this pass
        started = time.monotonic()
        assert get(srv.url + "/short", {srv.host}, FetchSettings(retries=2)).text == "<p>ok</p>"
        assert time.monotonic() - started >= 0.9


def test_binary_content_is_skipped() -> None:
    """T10: a PDF served where a page was expected is refused, not parsed."""
    route = lambda _r: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")  # noqa: E731
    with scripted({"/doc": route}) as srv, pytest.raises(PermanentFetchError) as err:
        get(srv.url + "/doc", {srv.host})
    assert err.value.reason == "not_html"


def test_binary_check_reads_the_head() -> None:
    """T10's check: control bytes in the first 8 KB make a body binary; text there passes,
    whatever follows (the check reads only the head of every page, issue 9)."""
    text = b"<html><p>" + b"plain words, tabs\tand\nnew lines " * 300
    assert not looks_binary(text)
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert looks_binary(b"<html>" + b"\x00\x01" * 100 + text)
    assert not looks_binary(text[:8192] + b"\x00" * 20_000)
    assert not looks_binary(b"") and not looks_binary(b"\xff\xfe<\x00h\x00")


def test_total_deadline() -> None:
    """T11: a server that never answers is cut off by the total deadline."""
    def slow(_req):
        time.sleep(3)
        return 200, {"Content-Type": "text/html"}, b"late"

    with scripted({"/slow": slow}) as srv, pytest.raises(TransientFetchError) as err:
        get(srv.url + "/slow", {srv.host}, FetchSettings(timeout=0.5, retries=0))
    assert err.value.reason == "timeout"


def test_proxy_environment_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """T16: HTTP(S)_PROXY from the environment is not used."""
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with scripted({"/p": html("<p>direct</p>")}) as srv:
        assert get(srv.url + "/p", {srv.host}).text == "<p>direct</p>"


@pytest.mark.parametrize("status", [429, 503])
def test_a_long_retry_after_holds_the_host(status: int) -> None:
    """T13: a host that asks for an hour (429 or 503 with Retry-After) is not asked again by
    this monitor for that hour, for any of its pages (the daemon keeps one limiter across
    passes); other hosts are not held."""
    limiter = HostLimiter(total=4, per_host=2, delay=0)
    busy = {"/busy": html("", status=status, **{"Retry-After": "3600"}), "/other": html("ok")}
    with scripted(busy) as srv, scripted({"/p": html("<p>free</p>")}) as free:
        with pytest.raises(TransientFetchError):
            get(srv.url + "/busy", {srv.host}, FetchSettings(retries=0), limiter)
        with pytest.raises(TransientFetchError) as err:
            get(srv.url + "/other", {srv.host}, FetchSettings(retries=0), limiter)
        assert err.value.reason == "retry_after" and "s left" in err.value.detail
        assert srv.hits == {"/busy": 1}
        assert get(free.url + "/p", {free.host}, limiter=limiter).text == "<p>free</p>"
    assert (limiter.held(srv.host) or 0) > 3500
