"""The channel contract, documented once here (every channel passes tests/test_channels.py).

A channel delivers one message at a time: a single :class:`Alert` or a :class:`Digest` of
several. ``send`` blocks (the outbox runs it in a worker thread, off the event loop) and
returns the receiver's answer in a few words ("250 2.0.0 queued", "HTTP 204") when the message
was accepted. Otherwise it raises ``ChannelError``: ``retryable`` failures are tried again on
the channel's ``schedule``, permanent ones mark the alert dead, and ``disable`` pauses the
channel. Delivery is at least once: after a crash between send and commit the same message is
sent again with the same key (Message-ID, webhook-id, file name), which receivers dedupe on.

A channel whose resend is invisible (the file channel rewrites the same file) may also be a
:class:`BatchSender`: the outbox then hands it up to ``SEND_BATCH`` messages per worker-thread
call and records them in one transaction, so a crash can resend at most that many.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from monitor.errors import ChannelError
from monitor.models import Message

# Seconds to wait after the 1st, 2nd, ... failed attempt (then dead), with +/-20% jitter.
# Standard Webhooks' schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h.
WEBHOOK_SCHEDULE: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)
# RFC 5321 asks for at least 30 min between retries and 4-5 days before giving up.
EMAIL_SCHEDULE: tuple[float, ...] = (60, 300, 900, 1800) + (1800,) * 188  # ~96 h in all
# A receiver's own Retry-After is honoured up to a day (Standard Webhooks), never shortening
# the schedule.
MAX_RECEIVER_WAIT = 24 * 3600.0
# Messages per send_many call: a crash between the call and its commit resends at most these,
# identically; past ~64 the saved fsyncs and thread hops no longer show (issue 9).
SEND_BATCH = 64
# A local directory: quick retries, then give up after about a day.
FILE_SCHEDULE: tuple[float, ...] = (5, 60, 300, 1800, 3600, 7200, 14400, 28800, 43200)


class Channel(Protocol):
    """One configured destination for alerts."""

    name: str
    schedule: tuple[float, ...]

    def send(self, message: Message) -> str: ...

    def close(self) -> None:
        """Release what the channel holds between messages (an HTTP client)."""


@runtime_checkable
class BatchSender(Protocol):
    """A channel that sends several messages in one blocking call."""

    def send_many(self, messages: Sequence[Message]) -> list[str | ChannelError]:
        """Each message's answer or error, in order, stopping after the first error (the
        messages after it were not tried). Every answer returned is durable."""
        ...
