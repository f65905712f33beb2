"""Alert channels and the outbox that feeds them.

    base.py             the Channel protocol (the contract, documented once) and retry schedules
    render.py           subject, text and HTML of a message (sandboxed Jinja2 templates)
    file.py             FileChannel: one JSON file per alert (the default)
    smtp.py             SmtpChannel: email, STARTTLS by default
    webhook.py          WebhookChannel: Standard Webhooks signed JSON POST
    apprise_channel.py  AppriseChannel: Slack, Teams, Telegram, ... (optional extra)
    outbox.py           claim due alerts, group digests, send, retry with backoff, pause

``CHANNELS`` maps a config ``type`` to the function that builds its channel; ``build_channels``
reads it, so a new channel is one module and one entry here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from monitor.channelconfig import (
    AnyChannelConfig,
    AppriseChannelConfig,
    EmailChannelConfig,
    FileChannelConfig,
    WebhookChannelConfig,
    channel_names,
)
from monitor.config import Config
from monitor.errors import ConfigError
from monitor.models import Route
from monitor.notify.base import Channel
from monitor.notify.file import FileChannel


def _secret(name: str, variable: str, key: str, config: Config) -> str:
    value = os.environ.get(variable)
    if not value:
        raise ConfigError(f"channel '{name}': environment variable {variable} is not set "
                          f"({key})", path=str(config.path))
    return value


def _file(name: str, cfg: Any, config: Config) -> Channel:
    assert isinstance(cfg, FileChannelConfig)
    return FileChannel(name, cfg.dir or config.settings.alerts_dir)


def _email(name: str, cfg: Any, config: Config) -> Channel:
    from monitor.notify.smtp import SmtpChannel

    assert isinstance(cfg, EmailChannelConfig)
    password = _secret(name, cfg.smtp.password_env, "smtp.password_env", config) \
        if cfg.smtp.password_env else None
    return SmtpChannel(name, cfg.smtp, cfg.sender, cfg.to, password=password,
                       templates=cfg.templates)


def _webhook(name: str, cfg: Any, config: Config) -> Channel:
    from monitor.notify.webhook import WebhookChannel, decode_secret

    assert isinstance(cfg, WebhookChannelConfig)
    key = decode_secret(_secret(name, cfg.secret_env, "secret_env", config), cfg.secret_env)
    return WebhookChannel(name, cfg.url, key, timeout=cfg.timeout,
                          allow_private=cfg.allow_private, headers=cfg.headers,
                          user_agent=config.settings.user_agent)


def _apprise(name: str, cfg: Any, config: Config) -> Channel:
    from monitor.notify.apprise_channel import AppriseChannel

    assert isinstance(cfg, AppriseChannelConfig)
    urls = cfg.urls or tuple(_secret(name, cfg.urls_env or "", "urls_env", config).split())
    return AppriseChannel(name, urls, templates=cfg.templates)


CHANNELS: dict[str, Callable[[str, Any, Config], Channel]] = {
    "file": _file, "email": _email, "webhook": _webhook, "apprise": _apprise,
}

__all__ = ["CHANNELS", "Channel", "build_channels", "channel_names", "routes"]


def build_channels(config: Config, only: str | None = None) -> dict[str, Channel]:
    """Channel objects by name, ready for the outbox (secrets read from the environment
    now, so a missing one is reported at start, not at the first alert)."""
    built: dict[str, Channel] = {}
    for name, cfg in zip(channel_names(config.channels), config.channels, strict=True):
        if only is None or name == only:
            built[name] = CHANNELS[cfg.type](name, cfg, config)
    return built


def route_of(name: str, cfg: AnyChannelConfig) -> Route:
    return Route(channel=name, organisations=frozenset(cfg.organisations),
                 sources=frozenset(cfg.sources), digest=cfg.digest,
                 source_failures=cfg.source_failures)


def routes(config: Config) -> tuple[Route, ...]:
    """What each channel wants, for queueing alerts in the archive."""
    return tuple(route_of(name, cfg)
                 for name, cfg in zip(channel_names(config.channels), config.channels, strict=True))
