"""The webhook channel: a JSON POST signed per the Standard Webhooks spec.

Headers ``webhook-id`` (the alert's idempotency key, the same on every retry),
``webhook-timestamp`` (this attempt) and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"id.timestamp.body">``), so receivers can verify with any Standard Webhooks library and dedupe
on the id. Only a 2xx is success; redirects are not followed; 410 Gone pauses the channel;
408/429/5xx are retried, honouring Retry-After. The receiver's host is resolved once and the
POST goes to the address that was checked (no second lookup a rebinding DNS could answer
differently); at most ``MAX_ANSWER_BYTES`` of its answer are read.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import ipaddress
import json
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from monitor.egress import is_public
from monitor.errors import ChannelError, ConfigError
from monitor.models import Digest, Message
from monitor.notify.base import MAX_RECEIVER_WAIT, WEBHOOK_SCHEDULE
from monitor.retry import retry_after

SECRET_PREFIX = "whsec_"
CONNECT_TIMEOUT = 5.0  # RELIABILITY.md: connect 5 s, total 20 s by default
RETRY_STATUS = frozenset({408, 425, 429})
MAX_ANSWER = 200  # characters of the receiver's body kept as its answer
MAX_ANSWER_BYTES = 64 * 1024  # read no more of an answer (a huge or endless one is cut)
Resolver = Callable[[str], Sequence[str]]


def system_addresses(host: str) -> list[str]:
    """The addresses of ``host`` (an IP literal is returned as it is, without a lookup)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def decode_secret(secret: str, variable: str) -> bytes:
    """The HMAC key inside a ``whsec_<base64>`` secret (the prefix is optional)."""
    raw = secret.strip().removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError(f"${variable} is not a whsec_<base64> webhook secret") from exc
    if len(key) < 16:
        raise ConfigError(f"${variable}: the webhook secret is too short (at least 16 bytes)")
    return key


def _literal_ip(host: str) -> bool:
    """An address written in the config as an IP is the operator's explicit choice (a receiver
    on this machine, 127.0.0.1, is the common case); a *name* that resolves to a private or
    loopback address may be a rebinding trick or a mistake, so it needs ``allow_private``."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def sign(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value for one attempt."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def envelope(message: Message) -> dict[str, object]:
    """The JSON body: an event ``type``, its ``timestamp`` and the alert (or digest) ``data``."""
    if isinstance(message, Digest):
        data: dict[str, object] = {"key": message.key,
                                   "alerts": [a.payload() for a in message.alerts]}
        kind, when = "alert.digest", max(a.detected_at for a in message.alerts)
    else:
        data, kind, when = message.payload(), f"alert.{message.kind}", message.detected_at
    return {"type": kind, "timestamp": when, "data": data}


class WebhookChannel:
    """POSTs to one URL with one signing key. A host name resolving to a private or loopback
    address must be allowed explicitly (``allow_private``); an IP written in the URL is."""

    schedule = WEBHOOK_SCHEDULE

    def __init__(self, name: str, url: str, key: bytes, *, timeout: float = 20.0,
                 allow_private: bool = False, headers: Mapping[str, str] | None = None,
                 user_agent: str = "news-monitor", resolver: Resolver = system_addresses) -> None:
        self.name = name
        self.url = url
        self._key = key
        self._allow_private = allow_private
        self._resolve = resolver
        self._timeout = timeout
        parts = urlsplit(url)
        # for errors and logs: the URL's path or query may hold a token
        self._where = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/..."
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
            follow_redirects=False, trust_env=False,
            headers={"User-Agent": user_agent, **(headers or {})})

    def close(self) -> None:
        self._client.close()

    def _check_destination(self) -> str:
        """The one address to connect to, checked against the SSRF rule."""
        host = urlsplit(self.url).hostname or ""
        try:
            addresses = list(dict.fromkeys(self._resolve(host)))
        except (OSError, UnicodeError) as exc:
            raise ChannelError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise ChannelError(f"cannot resolve {host}: no address")
        if not self._allow_private and not _literal_ip(host) \
                and not all(is_public(a) for a in addresses):
            raise ChannelError(f"{host} resolves to a private or loopback address; set "
                               "allow_private: true on this channel to allow it", disable=True)
        return addresses[0]

    def _request(self, address: str, headers: dict[str, str]) -> tuple[httpx.URL, dict[str, Any]]:
        """The URL addressed to the checked IP, with Host and TLS SNI naming the host."""
        url = httpx.URL(self.url)
        try:
            ipaddress.ip_address(url.host)
            return url, {}  # an IP literal: nothing was resolved
        except ValueError:
            pass
        headers["Host"] = url.netloc.decode("ascii")
        name = url.raw_host.decode("ascii")
        extensions = {"sni_hostname": name} if url.scheme == "https" else {}
        return url.copy_with(host=address), extensions

    def send(self, message: Message) -> str:
        address = self._check_destination()
        body = json.dumps(envelope(message), ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = int(time.time())
        headers = {"content-type": "application/json", "accept-encoding": "identity",
                   "webhook-id": message.key, "webhook-timestamp": str(timestamp),
                   "webhook-signature": sign(self._key, message.key, timestamp, body)}
        url, extensions = self._request(address, headers)
        try:
            request = self._client.build_request("POST", url, content=body, headers=headers,
                                                 extensions=extensions)
            response = self._client.send(request, stream=True)
            try:
                answer = _read_answer(response, time.monotonic() + self._timeout)
            finally:
                response.close()
        except httpx.HTTPError as exc:
            raise ChannelError(f"POST {self._where} failed: {type(exc).__name__}: {exc}",
                               unreachable=isinstance(exc, httpx.TransportError)) from exc
        return _outcome(response, answer)


def _read_answer(response: httpx.Response, deadline: float) -> str:
    """The start of the receiver's answer, as text: at most MAX_ANSWER_BYTES, and no reading
    past the deadline (the status is what counts; a dripped body must not hold the outbox)."""
    data = bytearray()
    for chunk in response.iter_raw():
        data += chunk
        if len(data) >= MAX_ANSWER_BYTES or time.monotonic() > deadline:
            break
    try:
        return bytes(data[:MAX_ANSWER_BYTES]).decode(response.charset_encoding or "utf-8",
                                                     errors="replace")
    except LookupError:  # a charset Python does not know
        return bytes(data[:MAX_ANSWER_BYTES]).decode("utf-8", errors="replace")


def _outcome(response: httpx.Response, text: str) -> str:
    """Map the receiver's status to success or the right kind of failure."""
    status = response.status_code
    answer = f"HTTP {status}" + (f" {text[:MAX_ANSWER].strip()}" if text.strip() else "")
    if 200 <= status < 300:
        return answer
    if status == 410:
        raise ChannelError(f"{answer}: the receiver is gone; channel paused", disable=True)
    if 300 <= status < 400:
        raise ChannelError(f"{answer}: redirect to {response.headers.get('location')!r} "
                           "not followed (fix the URL)")
    if status in RETRY_STATUS or status >= 500:
        wait = retry_after(response.headers.get("retry-after"), cap=MAX_RECEIVER_WAIT)
        raise ChannelError(answer, retry_after=wait)
    raise ChannelError(answer, retryable=False)
