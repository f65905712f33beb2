"""The egress guard: which URLs the monitor may connect to.

A source's own configured hosts may be anything its owner chose (the demo and the tests use
127.0.0.1). Any OTHER host, reached by a discovered link or a redirect, must resolve only to
public addresses: no loopback, private, CGNAT, link-local, multicast or metadata ranges, so a
hostile page cannot make the daemon probe the network it runs in.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit

from monitor.errors import PermanentFetchError

ALLOWED_SCHEMES = ("http", "https")


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable (and not a metadata or CGNAT address)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def host_key(url: str) -> str:
    """``host:port`` of a URL, lower-case, the unit the allowlist and politeness work on."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{host}:{port}"


async def check_url(url: str, allowed_hosts: Collection[str]) -> None:
    """Raise PermanentFetchError("blocked") unless the monitor may fetch ``url``."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        raise PermanentFetchError(url, "blocked_scheme", "only http and https are fetched")
    if host_key(url) in allowed_hosts:
        return
    host = parts.hostname.rstrip(".")
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            host, parts.port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise PermanentFetchError(url, "dns_error", str(exc)) from exc
    addresses = {str(info[4][0]) for info in infos}
    if not addresses or not all(is_public(a) for a in addresses):
        raise PermanentFetchError(url, "blocked_ssrf", f"{host} resolves to a non-public address")
