"""hostname.host_of: urlsplit(url).hostname or "" on every address, its fast path included."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

import pytest

from monitor.hostname import _PLAIN, host_of

CASES = [
    "https://www.Example.co.uk/news/2020/01/story.html",
    "http://example.com",
    "https://example.com?x=1",
    "https://example.com#top",
    "https://EXAMPLE.com/",
    "HTTPS://example.com/",
    "https://user:pw@example.com/",
    "https://example.com:8080/path",
    "https://[::1]:8080/path",
    "https://exa\tmple.com/",
    "https://example.com\n",
    " https://example.com/",
    "https://ex ample.com/",
    "https://exämple.com/",
    "https:///path",
    "https://",
    "//example.com/path",
    "/relative/path",
    "",
    "ftp://files.example.com/",
    "https://...//",
    "https://a-b.c-d.example/x",
    "https://example.com/ü?ä#ö",
]


@pytest.mark.parametrize("url", CASES)
def test_same_as_urlsplit(url: str) -> None:
    assert host_of(url) == (urlsplit(url).hostname or "")


def test_fast_path_taken_for_plain_addresses() -> None:
    """The point of the module: a usual og:url never reaches urlsplit."""
    assert _PLAIN.match("https://www.example.com/a/b.html") is not None
    assert _PLAIN.match("https://user@example.com/") is None


def test_same_as_urlsplit_on_random_addresses() -> None:
    """Addresses built from the characters that change urlsplit's answer."""
    rng = random.Random(7)
    pieces = ["http", "https", "HTTP", ":", "//", "/", "?", "#", "@", "[", "]", ".", "-", "a",
              "B", "0", " ", "\t", "\n", "\x00", "é", "%", "www", "com"]
    for _ in range(5000):
        url = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        try:
            expected: str | Exception = urlsplit(url).hostname or ""
        except ValueError as error:
            expected = error
        if isinstance(expected, Exception):
            with pytest.raises(ValueError):
                host_of(url)
        else:
            assert host_of(url) == expected, url
