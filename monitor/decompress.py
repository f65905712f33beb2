"""Bounded decoding of Content-Encoding, so a compression bomb never inflates past the cap.

httpx inflates each network chunk whole; a 64 KiB gzip chunk of zeros becomes 64 MiB in
memory before anyone can count it. Here every step asks zlib for at most the bytes still
allowed (``max_length``), so memory stays near the cap whatever the ratio. Only the encodings
we advertise (gzip, deflate) are accepted; anything else is refused, not guessed.

Inflating is ISA-L's (``isal``, the same API as zlib) where its wheel installs: 0.16 instead
of 0.42 CPU-ms for a 54 KB page, the largest single cost of fetching one (issue 9).
"""

from __future__ import annotations

import zlib
from types import ModuleType
from typing import Any

INFLATE: ModuleType = zlib  # the zlib-compatible module that inflates (tests swap it)
try:
    from isal import isal_zlib

    INFLATE = isal_zlib
    _ERRORS: tuple[type[Exception], ...] = (zlib.error, isal_zlib.error)  # type: ignore[assignment]
except ImportError:  # a platform without its wheel
    _ERRORS = (zlib.error,)

ACCEPTED = ("gzip", "x-gzip", "deflate", "identity")


class TooLarge(Exception):
    """The decoded body would exceed the cap."""


class UnsupportedEncoding(Exception):
    """A Content-Encoding we did not advertise (br, zstd, compress...)."""


class CorruptBody(Exception):
    """The compressed body does not inflate (truncated or damaged in transit)."""


class _Inflater:
    """One gzip or deflate layer; zlib-wrapped or raw deflate is decided on the first bytes."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._obj: Any = INFLATE.decompressobj(47) if self._gzip else None
        self._head = b""  # deflate bytes held until two tell zlib-wrapped from raw

    def feed(self, data: bytes, allowance: int) -> bytes:
        try:
            return self._feed(data, allowance)
        except _ERRORS as exc:
            raise CorruptBody(str(exc)) from exc

    def _feed(self, data: bytes, allowance: int) -> bytes:
        if self._obj is None:  # deflate: RFC says zlib, servers often send raw deflate
            data, self._head = self._head + data, b""
            if len(data) < 2:  # a network chunk of one byte (or none) cannot tell
                self._head = data
                return b""
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._obj = INFLATE.decompressobj(15 if zlib_header else -15)
        first: bytes = self._obj.decompress(data, allowance + 1)
        pending = self._next_input()
        if not pending:
            # the usual chunk, inflated whole at once: returned as it is, without the copy
            # into a bytearray and the copy out of it (0.13M instructions a synthetic page)
            if len(first) > allowance:
                raise TooLarge
            return first
        out = bytearray(first)
        while pending and len(out) <= allowance:
            out += self._obj.decompress(pending, allowance - len(out) + 1)
            pending = self._next_input()
        if len(out) > allowance:
            raise TooLarge
        return bytes(out)

    def _next_input(self) -> bytes:
        """What is left to inflate: input held back by the cap, or the next gzip member
        (with a fresh inflater)."""
        pending: bytes = self._obj.unconsumed_tail
        if self._obj.eof and self._obj.unused_data and self._gzip:
            pending = self._obj.unused_data
            self._obj = INFLATE.decompressobj(47)
        return pending


class BoundedDecoder:
    """Decode a body through its Content-Encoding layers, raising TooLarge when any layer's
    output (the body, or what an inner layer still has to inflate) passes ``cap``."""

    def __init__(self, content_encoding: str | None, cap: int) -> None:
        names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
        unknown = [n for n in names if n not in ACCEPTED]
        if unknown:
            raise UnsupportedEncoding(", ".join(unknown))
        # Encodings are listed in the order applied, so they are undone in reverse.
        self._layers = [_Inflater(n) for n in reversed(names) if n != "identity"]
        self._cap = cap
        self._size = 0
        self._sizes = [0] * len(self._layers)  # each layer's output so far

    def feed(self, chunk: bytes) -> bytes:
        for k, layer in enumerate(self._layers):
            chunk = layer.feed(chunk, self._cap - self._sizes[k])
            self._sizes[k] += len(chunk)
        self._size += len(chunk)
        if self._size > self._cap:
            raise TooLarge
        return chunk
