"""Bounded Content-Encoding decoding (T8, T9)."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor import decompress
from monitor.decompress import BoundedDecoder, CorruptBody, TooLarge, UnsupportedEncoding
from monitor.errors import PermanentFetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.politeness import HostLimiter

from .servers import scripted

PAGE = b"<p>" + b"news " * 2000 + b"</p>"
BACKENDS = ["zlib"] + (["isal"] if decompress.INFLATE is not zlib else [])


@pytest.fixture(params=BACKENDS, autouse=True)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs on each inflater this machine has: ISA-L (the default where its wheel
    installs, issue 9) and zlib (the fallback) must decode, cap and refuse alike."""
    if request.param == "zlib":
        monkeypatch.setattr(decompress, "INFLATE", zlib)
    return str(request.param)


def decode(encoding: str | None, data: bytes, cap: int = 1 << 20, step: int = 1000) -> bytes:
    decoder = BoundedDecoder(encoding, cap)
    return b"".join(decoder.feed(data[i:i + step]) for i in range(0, len(data), step))


def raw_deflate(data: bytes) -> bytes:
    obj = zlib.compressobj(wbits=-15)
    return obj.compress(data) + obj.flush()


@pytest.mark.parametrize(("encoding", "data"), [
    (None, PAGE), ("identity", PAGE), ("gzip", gzip.compress(PAGE)),
    ("x-gzip", gzip.compress(PAGE)), ("deflate", zlib.compress(PAGE)),
    ("deflate", raw_deflate(PAGE)), ("gzip, gzip", gzip.compress(gzip.compress(PAGE))),
    ("gzip", gzip.compress(PAGE[:5000]) + gzip.compress(PAGE[5000:])),  # two members
])
@pytest.mark.parametrize("step", [1000, 1 << 20])
def test_decodes_what_we_advertise(encoding: str | None, data: bytes, step: int) -> None:
    """T9: gzip, raw and zlib deflate, nested encodings and multi-member gzip, in chunks and
    as one chunk (inflated at once: a bytes object of the inflater's, returned as it is)."""
    assert decode(encoding, data, step=step) == PAGE


@pytest.mark.parametrize("step", [1000, 1 << 20])
def test_the_cap_is_exact(step: int) -> None:
    """A body of exactly the cap decodes; one byte more is too large."""
    assert decode("gzip", gzip.compress(PAGE), cap=len(PAGE), step=step) == PAGE
    with pytest.raises(TooLarge):
        decode("gzip", gzip.compress(PAGE), cap=len(PAGE) - 1, step=step)
    two = gzip.compress(PAGE[:5000]) + gzip.compress(PAGE[5000:])
    with pytest.raises(TooLarge):
        decode("gzip", two, cap=len(PAGE) - 1, step=step)


@pytest.mark.parametrize("encoding", ["br", "zstd", "gzip, br", "compress"])
def test_refuses_what_we_did_not_advertise(encoding: str) -> None:
    with pytest.raises(UnsupportedEncoding):
        BoundedDecoder(encoding, 1000)


def test_cap_applies_to_decoded_bytes_of_every_layer() -> None:
    bomb = gzip.compress(gzip.compress(b"\0" * 5_000_000))
    with pytest.raises(TooLarge):
        decode("gzip, gzip", bomb, cap=1_000_000, step=len(bomb))


@pytest.mark.parametrize("cut", [26, 30, 34])
def test_nested_body_of_exactly_the_cap_decodes_however_chunked(cut: int) -> None:
    """Each layer's own output is held to the cap: the outer layer was allowed only what the
    innermost had left, so the inner gzip trailer it still had to give after the payload
    came out whole made a body of exactly the cap too large."""
    payload = b"\0" * 38
    body = gzip.compress(gzip.compress(payload))
    decoder = BoundedDecoder("gzip, gzip", len(payload))
    assert decoder.feed(body[:cut]) + decoder.feed(body[cut:]) == payload


def test_gzip_bomb_is_refused_with_bounded_memory() -> None:
    """T8: 200 MB of zeros gzipped to ~200 KB, sent in one piece: refused as too_large while
    the memory the fetch allocates stays within a few times the 5 MiB cap (< 64 MiB)."""
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
    route = lambda _r: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)  # noqa: E731
    settings = FetchSettings(retries=0)

    async def go(url: str, host: str) -> None:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0))
            await fetcher.get(url, allowed_hosts={host})

    with scripted({"/bomb": route}) as srv:
        tracemalloc.start()
        try:
            with pytest.raises(PermanentFetchError) as err:
                asyncio.run(go(srv.url + "/bomb", srv.host))
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert err.value.reason == "too_large"
    assert peak < 64 * 1024 * 1024


def test_unadvertised_encoding_from_server_is_refused() -> None:
    """T9: a br body although we only advertise gzip and deflate."""
    route = lambda _r: (200, {"Content-Type": "text/html", "Content-Encoding": "br"}, b"xx")  # noqa: E731
    settings = FetchSettings(retries=0)

    async def go(url: str, host: str) -> None:
        async with make_client(settings) as client:
            fetcher = Fetcher(client, settings, HostLimiter(total=1, per_host=1, delay=0))
            await fetcher.get(url, allowed_hosts={host})

    with scripted({"/br": route}) as srv, pytest.raises(PermanentFetchError) as err:
        asyncio.run(go(srv.url + "/br", srv.host))
    assert err.value.reason == "bad_encoding"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_damaged_body_is_corrupt_not_a_crash(encoding: str) -> None:
    """Bytes that do not inflate raise CorruptBody (fetch.py retries the page) from either
    inflater, whose own error classes differ."""
    good = gzip.compress(PAGE) if encoding == "gzip" else zlib.compress(PAGE)
    damaged = good[:10] + bytes(b ^ 0x5A for b in good[10:60]) + good[60:]
    with pytest.raises(CorruptBody):
        decode(encoding, damaged)


@pytest.mark.parametrize("first", [0, 1])
def test_deflate_kind_is_told_from_two_bytes_whatever_the_first_chunk(first: int) -> None:
    """A zlib-wrapped deflate body whose first network chunk is empty or one byte long is
    not taken for raw deflate (a CorruptBody, so a failed fetch, from a server that sends
    small chunks)."""
    body = zlib.compress(PAGE)
    decoder = BoundedDecoder("deflate", 1 << 20)
    out = decoder.feed(body[:first]) + decoder.feed(body[first:first + 1])
    assert out + decoder.feed(body[first + 1:]) == PAGE
    assert decode("deflate", body, step=1) == PAGE


_ENCODE = {"gzip": gzip.compress, "deflate": zlib.compress, "raw": raw_deflate}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.binary(max_size=300), min_size=1, max_size=3), st.integers(1, 400),
       st.sampled_from(["gzip", "deflate", "raw", "gzip, gzip"]), st.data())
def test_any_chunking_cap_and_truncation(parts: list[bytes], repeat: int, encoding: str,
                                         data: st.DataObject) -> None:
    """Members concatenated, nested gzip, bodies cut short, caps around the size, chunks cut
    anywhere: the whole body decodes to the payload within the cap and raises TooLarge past
    it (the cap bounds every layer's output); a truncated one gives a prefix of the payload."""
    parts = [p * repeat for p in parts]
    payload = inner = b"".join(parts)  # inner: what the outer layer decodes to (capped too)
    if encoding == "gzip":
        body = b"".join(map(gzip.compress, parts))
    elif encoding == "gzip, gzip":
        inner = b"".join(map(gzip.compress, parts))
        body = gzip.compress(inner)
    else:
        body, parts = _ENCODE[encoding](payload), [payload]
    size = data.draw(st.sampled_from([len(body), data.draw(st.integers(0, len(body)))]))
    cap = max(0, data.draw(st.sampled_from([len(payload), len(payload) - 1, len(payload) + 1,
                                            data.draw(st.integers(0, len(payload)))])))
    cuts = sorted(data.draw(st.lists(st.integers(0, size), max_size=5)))
    decoder = BoundedDecoder("deflate" if encoding == "raw" else encoding, cap)
    out = b""
    try:
        for lo, hi in zip([0, *cuts], [*cuts, size], strict=True):
            out += decoder.feed(body[lo:hi])
    except TooLarge:
        assert max(len(payload), len(inner)) > cap
        return
    assert payload.startswith(out) and len(out) <= cap
    if size == len(body):
        assert out == payload
