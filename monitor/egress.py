"""The egress guard: which URLs the monitor may connect to, and at which address.

A source's own configured host may be anything its owner chose (the demo and the tests use
127.0.0.1). Any OTHER host, reached by a discovered link or a redirect, must resolve only to
public addresses: no loopback, private, CGNAT, link-local, multicast or metadata ranges, so a
hostile page cannot make the daemon probe the network it runs in. "Own" is per source: one
source's links and redirects cannot reach another source's (intranet) host.

A name is resolved once, here, and the fetcher connects to an address that was checked
(``Destination.addresses``), never resolving the name again: a name that answers a public
address to the check and 127.0.0.1 to the connection (DNS rebinding, T3) cannot get through.
The resolver is injectable, so tests answer in-process and never touch the system resolver.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from monitor.errors import PermanentFetchError, TransientFetchError
from monitor.urls import split

ALLOWED_SCHEMES = ("http", "https")
DNS_TIMEOUT = 10.0
# RFC 6761: names under these never resolve, so they are answered without asking DNS.
NEVER_RESOLVES = (".invalid",)
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable (and not a metadata or CGNAT address)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


@lru_cache(maxsize=8192)
def host_key(url: str) -> str:
    """``host:port`` of a URL, lower-case, the unit the allowlist and politeness work on.
    Cached: a fetch asks it of the same URL four times (guard, robots, politeness, log)."""
    parts = split(url)
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{host}:{port}"


@lru_cache(maxsize=1024)
def _literal(host: str) -> str | None:
    """The IP address a host is written as, or None for a name (cached: ipaddress parses it
    in 30 us, twice per fetch). An IPv6 address keeps its zone ("fe80::1%eth0", RFC 6874's
    "%25eth0" alike): a link-local address is reached only through its interface, and the
    connection goes to the address this returns (an IPv4 address has no zone: what follows
    a "%" is dropped)."""
    address, _, zone = host.partition("%")
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    zone = _zone(zone) if zone and ip.version == 6 else ""
    return f"{ip}%{zone}" if zone else str(ip)


def _zone(zone: str) -> str:
    """An IPv6 address's zone as written after "%" ("%25" of RFC 6874 undone) if it is an
    interface of this machine, by index or name; else "": the address without it (any other
    spelling is reached by the checked address, not looked up as a name: T5)."""
    zone = zone[2:] if zone.startswith("25") and len(zone) > 2 else zone
    if zone.isascii() and zone.isdigit():
        return zone
    try:
        socket.if_nametoindex(zone)
    except (OSError, ValueError):
        return ""
    return zone


async def system_resolver(host: str, port: int) -> list[str]:
    """The addresses of ``host`` from the operating system's resolver (off the event loop)."""
    if host.lower().endswith(NEVER_RESOLVES):
        raise OSError(f"{host}: name does not resolve (RFC 6761)")
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True, slots=True)
class Destination:
    """A checked URL and the only addresses the fetcher may connect to for it, in order."""

    url: str
    host: str  # the name as written (lower-case), for Host and TLS SNI
    addresses: tuple[str, ...]  # the validated IPs

    @property
    def address(self) -> str:
        return self.addresses[0]

    @property
    def pinned(self) -> bool:
        """True unless the URL writes its host as exactly the IP that was checked. A name,
        and an IP written another way ("1.2.3.4.", "127.0.0.1%2f"), is reached by the
        checked address: the HTTP client parses the URL again, and would resolve such a
        spelling as a name of its own (T5)."""
        return _literal(self.host) != split(self.url).hostname


class EgressGuard:
    """Checks every request and redirect hop; ``resolver`` defaults to the system's."""

    def __init__(self, resolver: Resolver | None = None, timeout: float = DNS_TIMEOUT) -> None:
        self._resolve = resolver or system_resolver
        self._timeout = timeout

    async def check(self, url: str, own_hosts: Collection[str]) -> Destination:
        """Where to connect for ``url``; raises PermanentFetchError("blocked_*") when the
        monitor may not, TransientFetchError("dns_error") when the name does not resolve.
        ``own_hosts`` are the ``host:port`` keys of the requesting source's own URLs."""
        parts = split(url)
        hostname = parts.hostname  # (a property that parses the netloc each time it is read)
        if parts.scheme.lower() not in ALLOWED_SCHEMES or not hostname:
            raise PermanentFetchError(url, "blocked_scheme", "only http and https are fetched")
        host = hostname.rstrip(".")
        own = host_key(url) in own_hosts
        addresses = await self._addresses(url, host, parts.port or 443)
        if not own and not all(is_public(a) for a in addresses):
            raise PermanentFetchError(url, "blocked_ssrf", f"{host} resolves to a non-public "
                                      "address and is not this source's own host")
        return Destination(url, host, tuple(dict.fromkeys(addresses)))

    async def _addresses(self, url: str, host: str, port: int) -> list[str]:
        literal = _literal(host)
        if literal is not None:
            return [literal]
        try:
            async with asyncio.timeout(self._timeout):
                found = list(await self._resolve(host, port))
        except TimeoutError as exc:
            raise TransientFetchError(url, "dns_error", f"{host}: no answer in "
                                      f"{self._timeout:g}s") from exc
        except (OSError, UnicodeError) as exc:
            raise TransientFetchError(url, "dns_error", f"{host}: {exc}") from exc
        addresses = [a for a in (_literal(a) for a in found) if a is not None]
        if not addresses:
            raise TransientFetchError(url, "dns_error", f"{host}: no address")
        return addresses
