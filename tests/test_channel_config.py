"""The ``channels:`` section: every channel type, its mistakes located as file:line:key, stable
names, and secrets that never leave the environment."""

from __future__ import annotations

import pytest

from monitor.channelconfig import channel_names
from monitor.config import dump_config
from monitor.errors import ConfigError
from monitor.notify import build_channels, routes

from .test_config import assert_located, load_text

WATCH = "watch:\n  - name: Acme\n"
SOURCE = "sources:\n  - name: news\n    url: http://127.0.0.1:9/\n"
EMAIL = ("  - type: email\n    smtp: {host: 127.0.0.1, port: 2525, security: none}\n"
         "    to: [desk@example.org]\n    from: monitor@example.org\n")
WEBHOOK = "  - type: webhook\n    url: http://127.0.0.1:9/hook\n    secret_env: HOOK_SECRET\n"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

MISTAKES = [
    (EMAIL.replace("    to: [desk@example.org]\n", ""), 4, "channels[0].to",
     "required key is missing"),
    (EMAIL.replace("security: none", "security: ssl"), 5, "channels[0].smtp.security",
     "starttls"),
    (EMAIL.replace("security: none}", "security: none, username: bob}"), 5, "channels[0].smtp",
     "username and password_env go together"),
    (EMAIL.replace("from: monitor@example.org", "form: monitor@example.org"), 7,
     "channels[0].form", "did you mean 'from'?"),
    (WEBHOOK.replace("secret_env: HOOK_SECRET", "secret_env: whsec_abc+/="), 6,
     "channels[0].secret_env", "NAME of an environment variable"),
    (WEBHOOK + "    digest: 2s\n", 7, "channels[0].digest", "at least 1m"),
    (WEBHOOK + "    organisations: [Acmee]\n", 7, "channels[0].organisations[0]",
     "did you mean 'Acme'?"),
    (WEBHOOK + "    sources: [other]\n", 7, "channels[0].sources[0]", "no source named 'other'"),
    (WEBHOOK + "    name: hook\n" + WEBHOOK + "    name: hook\n", 11, "channels[1].name",
     "duplicate name"),
    ("  - type: apprise\n", 4, "channels[0]", "exactly one of urls, urls_env"),
]


@pytest.mark.parametrize(("channels", "line", "key", "message"), MISTAKES)
def test_channel_mistakes_name_the_key(tmp_path, monkeypatch, channels, line, key, message):
    """T48 for channels: each mistake is refused at its file:line and key."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, WATCH + "channels:\n" + channels + SOURCE)
    assert_located(info.value, line, key, message)


def test_every_channel_type_loads_with_routing(tmp_path, monkeypatch) -> None:
    text = (WATCH + "channels:\n" + EMAIL + "    organisations: [Acme]\n    digest: '08:00'\n"
            + WEBHOOK + "    sources: [news]\n    source_failures: true\n"
            + "  - type: file\n  - type: apprise\n    urls_env: APPRISE_URLS\n" + SOURCE)
    cfg = load_text(tmp_path, monkeypatch, text)
    assert channel_names(cfg.channels) == ("email", "webhook", "file", "apprise")
    email, webhook, file, _apprise = routes(cfg)
    assert email.organisations == {"Acme"} and email.digest == "08:00"
    assert webhook.sources == {"news"} and webhook.source_failures
    assert file.wants("Anyone", "anywhere") and not email.wants("Other", "news")
    assert str(cfg.channels[2].dir) == str(tmp_path / "alerts")  # type: ignore[union-attr]


def test_a_single_recipient_may_be_written_without_a_list(tmp_path, monkeypatch) -> None:
    text = WATCH + "channels:\n" + EMAIL.replace("[desk@example.org]", "desk@example.org") + SOURCE
    cfg = load_text(tmp_path, monkeypatch, text)
    assert cfg.channels[0].to == ("desk@example.org",)  # type: ignore[union-attr]
    assert cfg.channels[0].max_per_hour == 60


def test_named_channels_keep_their_keys_when_reordered() -> None:
    """Stable identity: explicit names win; defaults skip a name already taken."""
    from monitor.channelconfig import FileChannelConfig as F

    named = (F(type="file", name="file"), F(type="file"))
    assert channel_names(named) == ("file", "file2")
    assert channel_names(named[::-1]) == ("file2", "file")
    clash = (F(type="file"), F(type="file", name="file"))
    assert channel_names(clash) == ("file2", "file")


def test_secrets_come_from_the_environment_only(tmp_path, monkeypatch) -> None:
    cfg = load_text(tmp_path, monkeypatch, WATCH + "channels:\n" + WEBHOOK + SOURCE)
    monkeypatch.delenv("HOOK_SECRET", raising=False)
    with pytest.raises(ConfigError, match="environment variable HOOK_SECRET is not set"):
        build_channels(cfg)
    monkeypatch.setenv("HOOK_SECRET", "whsec_not base64!")
    with pytest.raises(ConfigError, match="not a whsec_"):
        build_channels(cfg)
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    (channel,) = build_channels(cfg).values()
    channel.close()
    assert SECRET not in str(dump_config(cfg))


def test_apprise_urls_are_redacted_in_the_dump(tmp_path, monkeypatch) -> None:
    text = WATCH + "channels:\n  - type: apprise\n    urls: ['tgram://123:SECRET/456']\n" + SOURCE
    dumped = dump_config(load_text(tmp_path, monkeypatch, text))
    assert "SECRET" not in str(dumped) and dumped["channels"][0]["urls"] == ["tgram://***"]


def test_unrunnable_reload_is_refused(tmp_path, monkeypatch) -> None:
    """Issue 8.6: a config that validates but cannot run (a secret missing from the
    environment) is refused by the daemon's reload check, so the old one keeps running."""
    from monitor.daemon import runnable_config

    cfg = load_text(tmp_path, monkeypatch, WATCH + "channels:\n" + WEBHOOK + SOURCE)
    monkeypatch.delenv("HOOK_SECRET", raising=False)
    with pytest.raises(ConfigError, match="HOOK_SECRET is not set"):
        runnable_config(cfg.path)
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    assert runnable_config(cfg.path).channels == cfg.channels
