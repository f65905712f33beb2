"""The ``channels:`` section: one model per channel ``type``, sharing routing and pacing keys.

Secrets never appear here: passwords, webhook secrets and Apprise URLs are read from the
environment variables the config names (``*_env``), when a channel is built.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, model_validator

from monitor.configtypes import (
    ConfigPath,
    DigestSpec,
    Duration,
    EnvName,
    Headers,
    Name,
    Strict,
    Text,
    Url,
)

DEFAULT_MAX_PER_HOUR = 60  # one a minute on average: past that a person stops reading
SMTP_PORTS = {"starttls": 587, "tls": 465, "none": 25}
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


def _listed(value: object) -> object:
    """``to: desk@example.org`` means a list of one."""
    return [value] if isinstance(value, str) else value


class ChannelBase(Strict):
    """What every channel accepts: identity, routing filters and pacing."""

    name: Name | None = Field(None, description="stable id used in alert keys; default: the type")
    organisations: tuple[Text, ...] = Field(
        (), description="only alerts about these organisations (default: all)")
    sources: tuple[Text, ...] = Field((), description="only alerts from these sources")
    digest: DigestSpec | None = Field(
        None, description="batch alerts into one message every period (`1h`) or daily (`08:00` UTC)")
    max_per_hour: int | None = Field(
        DEFAULT_MAX_PER_HOUR, ge=1,
        description="messages per hour; beyond it alerts are folded into one digest")
    source_failures: bool = Field(
        False, description="also send an alert when a source keeps failing, and when it recovers")
    templates: ConfigPath | None = Field(
        None, description="directory of Jinja2 templates overriding the built-in ones")


class FileChannelConfig(ChannelBase):
    """Write each alert as ``<key>.json``; ``dir`` defaults to ``settings.alerts_dir``."""

    type: Literal["file"]
    dir: ConfigPath | None = None
    max_per_hour: int | None = Field(None, ge=1, description="files do not flood: no cap")

    @property
    def destination(self) -> str:
        return str(self.dir)


class SmtpSettings(Strict):
    """How to reach the mail server. STARTTLS unless told otherwise; certificates verified."""

    host: Text
    port: int | None = Field(None, ge=1, le=65535, description="default: 587, 465 (tls), 25 (none)")
    security: Literal["starttls", "tls", "none"] = "starttls"
    username: Text | None = None
    password_env: EnvName | None = None
    timeout: Duration = Field(30.0, gt=0)
    ca_file: ConfigPath | None = Field(None, description="extra CA certificates to trust (PEM)")

    @model_validator(mode="after")
    def _credentials(self) -> SmtpSettings:
        if (self.username is None) != (self.password_env is None):
            raise ValueError("username and password_env go together")
        if self.username and self.security == "none" and self.host not in LOCAL_HOSTS:
            raise ValueError("a password would cross the network in clear text: use security: "
                             "starttls or tls (security: none is for a relay on this machine)")
        return self

    @property
    def effective_port(self) -> int:
        return self.port or SMTP_PORTS[self.security]


class EmailChannelConfig(ChannelBase):
    """Send each alert (or digest) as a multipart text + HTML email."""

    type: Literal["email"]
    smtp: SmtpSettings
    to: Annotated[tuple[Annotated[Text, Field(pattern=r"^[^@\s]+@[^@\s]+$")], ...],
                  BeforeValidator(_listed)] = Field(min_length=1)
    sender: Annotated[Text, Field(pattern=r"^[^@\s]+@[^@\s]+$")] = Field(alias="from")

    @property
    def destination(self) -> str:
        return (f"{', '.join(self.to)} via {self.smtp.host}:{self.smtp.effective_port} "
                f"({self.smtp.security})")


class WebhookChannelConfig(ChannelBase):
    """POST each alert as JSON, signed per the Standard Webhooks spec."""

    type: Literal["webhook"]
    url: Url
    secret_env: EnvName = Field(description="variable holding the whsec_... signing secret")
    allow_private: bool = Field(
        False, description="allow a host name that resolves to a loopback or private address "
        "(an IP written in the URL is allowed as written)")
    timeout: Duration = Field(20.0, gt=0)
    headers: Headers = Field(default_factory=dict)

    @property
    def destination(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname}{f':{parts.port}' if parts.port else ''}/..."


class AppriseChannelConfig(ChannelBase):
    """Hand each alert to Apprise (Slack, Teams, Telegram, ntfy, Discord, ...)."""

    type: Literal["apprise"]
    urls: tuple[Text, ...] = ()
    urls_env: EnvName | None = Field(None, description="variable holding space-separated URLs")

    @property
    def destination(self) -> str:
        if self.urls_env:
            return f"URLs from ${self.urls_env}"
        return ", ".join(url.split("://", 1)[0] + "://..." for url in self.urls)

    @model_validator(mode="after")
    def _some_urls(self) -> AppriseChannelConfig:
        if bool(self.urls) == bool(self.urls_env):
            raise ValueError("exactly one of urls, urls_env is required")
        return self


# A discriminated union on `type`: a new channel is one more model here.
ChannelConfig = Annotated[
    FileChannelConfig | EmailChannelConfig | WebhookChannelConfig | AppriseChannelConfig,
    Field(discriminator="type"),
]
AnyChannelConfig = (FileChannelConfig | EmailChannelConfig | WebhookChannelConfig
                    | AppriseChannelConfig)


def channel_names(configs: tuple[AnyChannelConfig, ...]) -> tuple[str, ...]:
    """Each channel's stable name: its ``name:``, else its type (then ``type2``, ``type3``...).

    The name is part of every alert's idempotency key, so naming channels keeps keys stable
    when the file is reordered."""
    names: list[str] = []
    taken = {c.name for c in configs if c.name}
    counts: dict[str, int] = {}
    for cfg in configs:
        if cfg.name:
            names.append(cfg.name)
            continue
        while True:
            counts[cfg.type] = counts.get(cfg.type, 0) + 1
            candidate = cfg.type if counts[cfg.type] == 1 else f"{cfg.type}{counts[cfg.type]}"
            if candidate not in taken:
                break
        taken.add(candidate)
        names.append(candidate)
    return tuple(names)
