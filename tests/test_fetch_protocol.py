"""Protocol garbage and truncation (T12): a clean fetch error, nothing stored, and a cut-off
copy of a known article is not taken for an edit."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.errors import FetchError, PermanentFetchError, TransientFetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.models import FetchResult
from monitor.politeness import HostLimiter

from .flows import one_pass, one_source
from .rawhttp import Raw, RawServer, ok, raw_server

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
FAULTS = {
    "short-body": Raw(HEAD + b"Content-Length: 5000\r\n\r\n<p>" + b"y" * 100),
    "reset-mid-body": Raw(HEAD + b"Content-Length: 50000\r\n\r\n<p>" + b"y" * 1000, reset=True),
    "line-without-colon": Raw(HEAD + b"This line has no colon\r\nContent-Length: 9\r\n\r\n<p>ok</p>"),
    "1-MB-header-block": Raw(HEAD + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"z" * 90)
                                             for i in range(11_000)) + b"\r\n<p>ok</p>"),
    "1-MB-header-line": Raw(HEAD + b"X-Huge: " + b"z" * 1_000_000 + b"\r\n\r\n<p>ok</p>"),
    "bad-status-line": Raw(b"HELLO THERE\r\n\r\n"),
    "bad-chunk-size": Raw(HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n"),
    "invalid-location": Raw(b"HTTP/1.1 302 Found\r\nLocation: http://[bad/\r\n"
                            b"Content-Length: 0\r\n\r\n"),
}


def _get(server: RawServer, path: str) -> FetchResult:
    settings = FetchSettings(retries=0, timeout=10)

    async def go() -> FetchResult:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0))
            return await fetcher.get(server.url + path, allowed_hosts={server.url[7:]})

    return asyncio.run(go())


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_broken_reply_is_a_clean_fetch_error(fault: str) -> None:
    """T12: each broken reply ends the fetch with a FetchError that names it (what the
    source's log and `monitor status` show), not with a library's exception."""
    with raw_server({"/p": FAULTS[fault]}) as srv, pytest.raises(FetchError) as err:
        _get(srv, "/p")
    if fault == "invalid-location":
        assert isinstance(err.value, PermanentFetchError) and err.value.reason == "bad_redirect"
    else:
        assert isinstance(err.value, TransientFetchError)
        assert err.value.reason == "protocol_error"


STORY = """<html><head><title>Haisum wins dairy plant</title></head><body><article>
<h1>Haisum wins dairy plant</h1><p>Date: 2024-05-10</p>
<p>China Haisum signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
<p>{tail}</p></article></body></html>"""
FIRST = "The plant will be built in three phases and is expected to create 800 jobs."
EDITED = "Poly Group will supply the steel for all three phases of the new plant."


@pytest.mark.parametrize("cut", ["short-body", "reset-mid-body"])
def test_a_cut_off_copy_is_not_an_edit(tmp_path: Path, cut: str) -> None:
    """T12: the second pass gets the article cut off mid-body (its first bytes already those
    of an edited text): the fetch fails for that article, the stored text stays as it was
    (no version, no alert), and the next whole copy is read as usual."""
    routes = {"/": ok('<ul><li><a href="/news/1">story</a></li></ul>'),
              "/news/1": ok(STORY.format(tail=FIRST))}
    with raw_server(routes) as srv:
        cfg = one_source(tmp_path, srv.url + "/", ("China Haisum", "Poly Group"),
                         {"include": [r"/news/\d+"]}, baseline=False)
        (first,) = one_pass(cfg)
        whole = ok(STORY.format(tail=EDITED)).data
        head, body = whole.split(b"\r\n\r\n", 1)
        routes["/news/1"] = Raw(head + b"\r\n\r\n" + body[: len(body) - 40],
                                reset=cut == "reset-mid-body")
        (second,) = one_pass(cfg)
        routes["/news/1"] = Raw(whole)
        (third,) = one_pass(cfg)
    assert (first.new, first.alerts) == (1, 1)
    assert (second.changed, second.alerts) == (0, 0)
    assert [e.reason.split()[0] for e in second.article_errors] == ["protocol_error"]
    assert (third.changed, third.alerts) == (1, 1)  # Poly Group, named only in the edit
    with Archive(cfg.settings.database, readonly=True) as archive:
        (row,) = archive.query("SELECT version_count, body FROM articles")
    assert row["version_count"] == 2 and EDITED in row["body"]
