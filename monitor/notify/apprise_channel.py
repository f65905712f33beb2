"""The Apprise channel: Slack, Teams, Telegram, ntfy, Discord, ... through the apprise package.

Optional (``pip install 'news-monitor[apprise]'``). Apprise reports only success or failure,
so every failure is retried on the webhook schedule; receivers get at least once delivery
with the alert key in the text. URLs carry tokens, so they come from ``urls_env`` or stay
out of ``monitor check``'s output.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from monitor.errors import ChannelError, ConfigError
from monitor.models import Message
from monitor.notify.base import WEBHOOK_SCHEDULE
from monitor.notify.render import render

INSTALL_HINT = "the apprise channel needs the apprise package: pip install 'news-monitor[apprise]'"


def _apprise() -> Any:
    try:
        import apprise
    except ImportError as exc:
        raise ConfigError(INSTALL_HINT) from exc
    return apprise


class AppriseChannel:
    """Notifies every configured Apprise URL; failure of any of them is a retry."""

    schedule = WEBHOOK_SCHEDULE

    def __init__(self, name: str, urls: tuple[str, ...], *, templates: Path | None = None) -> None:
        apprise = _apprise()
        # apprise logs URLs, tokens included (even while parsing them in add())
        logging.getLogger("apprise").setLevel(logging.CRITICAL)
        self.name = name
        self._templates = templates
        self._apprise = apprise.Apprise()
        for url in urls:
            if not self._apprise.add(url):
                scheme = url.split("://", 1)[0]
                raise ConfigError(f"channel '{name}': apprise does not understand a "
                                  f"'{scheme}://' URL")

    def close(self) -> None:
        """Apprise holds no connection between notifications."""

    def send(self, message: Message) -> str:
        rendered = render(message, self._templates)
        try:
            ok = self._apprise.notify(body=rendered.text, title=rendered.subject)
        except Exception as exc:  # a plugin bug must not crash the outbox
            raise ChannelError(f"apprise failed: {type(exc).__name__}: {exc}") from exc
        if not ok:
            raise ChannelError(f"apprise could not notify {len(self._apprise)} URL(s)")
        return f"notified {len(self._apprise)} URL(s)"
