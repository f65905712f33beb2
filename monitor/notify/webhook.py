"""The webhook channel: a JSON POST signed per the Standard Webhooks spec.

Headers ``webhook-id`` (the alert's idempotency key, the same on every retry),
``webhook-timestamp`` (this attempt) and ``webhook-signature`` (``v1,<base64 HMAC-SHA256 of
"id.timestamp.body">``), so receivers can verify with any Standard Webhooks library and dedupe
on the id. Only a 2xx is success; redirects are not followed; 410 Gone pauses the channel;
408/429/5xx are retried, honouring Retry-After.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import socket
import time
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from monitor.egress import is_public
from monitor.errors import ChannelError, ConfigError
from monitor.models import Digest, Message
from monitor.notify.base import WEBHOOK_SCHEDULE
from monitor.retry import retry_after

SECRET_PREFIX = "whsec_"
CONNECT_TIMEOUT = 5.0  # RELIABILITY.md: connect 5 s, total 20 s by default
RETRY_STATUS = frozenset({408, 425, 429})
MAX_ANSWER = 200  # characters of the receiver's body kept as its answer


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
    """POSTs to one URL with one signing key; a private or loopback receiver must be
    allowed explicitly (``allow_private``), as for fetching."""

    schedule = WEBHOOK_SCHEDULE

    def __init__(self, name: str, url: str, key: bytes, *, timeout: float = 20.0,
                 allow_private: bool = False, headers: Mapping[str, str] | None = None,
                 user_agent: str = "news-monitor") -> None:
        self.name = name
        self.url = url
        self._key = key
        self._allow_private = allow_private
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
            follow_redirects=False, trust_env=False,
            headers={"User-Agent": user_agent, **(headers or {})})

    def close(self) -> None:
        self._client.close()

    def _check_destination(self) -> None:
        host = urlsplit(self.url).hostname or ""
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise ChannelError(f"cannot resolve {host}: {exc}") from exc
        addresses = {str(info[4][0]) for info in infos}
        if not self._allow_private and not all(is_public(a) for a in addresses):
            raise ChannelError(f"{host} is a private or loopback address; set allow_private: "
                               "true on this channel to allow it", disable=True)

    def send(self, message: Message) -> str:
        self._check_destination()
        body = json.dumps(envelope(message), ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = int(time.time())
        headers = {"content-type": "application/json", "webhook-id": message.key,
                   "webhook-timestamp": str(timestamp),
                   "webhook-signature": sign(self._key, message.key, timestamp, body)}
        try:
            response = self._client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise ChannelError(f"POST {self.url} failed: {type(exc).__name__}: {exc}") from exc
        return _outcome(response)


def _outcome(response: httpx.Response) -> str:
    """Map the receiver's status to success or the right kind of failure."""
    status = response.status_code
    answer = f"HTTP {status}" + (f" {response.text[:MAX_ANSWER].strip()}" if response.text else "")
    if 200 <= status < 300:
        return answer
    if status == 410:
        raise ChannelError(f"{answer}: the receiver is gone; channel paused", disable=True)
    if 300 <= status < 400:
        raise ChannelError(f"{answer}: redirect to {response.headers.get('location')!r} "
                           "not followed (fix the URL)")
    if status in RETRY_STATUS or status >= 500:
        raise ChannelError(answer, retry_after=retry_after(response.headers.get("retry-after")))
    raise ChannelError(answer, retryable=False)
