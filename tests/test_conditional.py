"""Conditional requests (issue 9.4, issue 8 item 8): an unchanged pass asks with the stored
validators, of the listing and of every known article."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

import yaml

from monitor.config import load_config

from .flows import one_pass
from .servers import Reply, Route, scripted
from .test_pagination import ARTICLE, PER_PAGE, _index


def conditional(body: str, etag: str) -> Route:
    """A page served with an ETag, and a 304 to a request that names it."""
    def reply(request: BaseHTTPRequestHandler) -> Reply:
        if request.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "text/html", "ETag": etag}, body.encode()
    return reply


def conditional_site() -> dict[str, Route]:
    """A listing and its PER_PAGE articles, each answering 304 to its own validator."""
    routes = {"/": conditional(_index(1), '"index-1"')}
    routes.update({f"/news/{n}/story-number-{n}-of-the-day": conditional(
        ARTICLE.format(n=n), f'"story-{n}"') for n in range(PER_PAGE)})
    return routes


def test_an_unchanged_pass_asks_only_conditionally(tmp_path: Path) -> None:
    """Issue 9.4: the second pass sends each stored article's validators (the listing's
    too) and stores nothing new; a 304 is an unchanged article, not a failure."""
    with scripted(conditional_site()) as srv:
        doc = {"settings": {"database": "a.db", "retries": 0, "robots": False,
                            "per_host": {"delay": "0s"}},
               "sources": [{"name": "news", "url": srv.url + "/"}]}
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(doc), "utf-8")
        (first,) = one_pass(load_config(path))
        asked = len(srv.requests)
        (second,) = one_pass(load_config(path))
        again = srv.requests[asked:]
    assert (first.new, second.new, second.unchanged, second.errors) == (PER_PAGE, 0, PER_PAGE, 0)
    assert len(again) == 1 + PER_PAGE
    assert all(request.get("If-None-Match") for request in again)
