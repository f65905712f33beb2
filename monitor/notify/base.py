"""The channel contract, documented once here.

A channel delivers one alert at a time. ``send`` returns normally when the alert is
delivered, and raises ``ChannelError(retryable=...)`` when it is not: retryable failures are
tried again on the outbox's schedule, others mark the alert dead. A channel must tolerate
receiving the same alert twice (after a crash between send and commit): receivers dedupe on
``alert.key``.
"""

from __future__ import annotations

from typing import Protocol

from monitor.models import Alert


class Channel(Protocol):
    """One configured destination for alerts."""

    name: str

    def send(self, alert: Alert) -> None: ...
