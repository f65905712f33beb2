"""aiohttp, imported without loading the system's CA bundle, and the TLS context its pools
use instead, made when the first https pool needs it.

Why: importing aiohttp builds two default TLS contexts (``aiohttp.connector``: one that
verifies, one that does not), and each loads the CA bundle; with OpenSSL 3 that is ~235M
instructions (~45 CPU-ms) apiece, ~6% of a pass in which every article answers 304, on a
plain-http site even all of it wasted (issue 9). The monitor uses neither: every https pool
is given ``verified_context()``, which is what aiohttp's verifying default is (the system's
CAs, hostname check, ALPN http/1.1), built once. So while aiohttp is imported, and only
then, loading the default CA paths does nothing; aiohttp's own two contexts are left without
CAs, which would refuse every certificate (fail closed), never accept one, if anything used
them. aiohttp itself is not changed.
"""

from __future__ import annotations

import ssl
from functools import cache


def _skip_default_paths(context: ssl.SSLContext) -> None:
    """Stands in for ``SSLContext.set_default_verify_paths`` while aiohttp is imported."""


_load_default_paths = ssl.SSLContext.set_default_verify_paths
ssl.SSLContext.set_default_verify_paths = _skip_default_paths  # type: ignore[method-assign,assignment]
try:
    import aiohttp  # (with the CA load skipped: see the module docstring)
finally:
    ssl.SSLContext.set_default_verify_paths = _load_default_paths  # type: ignore[method-assign]

__all__ = ["aiohttp", "verified_context"]


@cache
def verified_context() -> ssl.SSLContext:
    """The context every https pool verifies servers with unless it is given one: aiohttp's
    verifying default, made on first use (the system's CAs, hostname check, ALPN
    http/1.1)."""
    context = ssl.create_default_context()
    context.set_alpn_protocols(("http/1.1",))
    return context
