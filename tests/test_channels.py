"""The channel contract (monitor/notify/base.py), run over every channel against a real receiver.

Each channel is built the way the daemon builds it (a ``sources.yaml`` loaded by
``load_config``, then ``build_channels``) and sends to a real server on 127.0.0.1: the file
channel to a directory, email to aiosmtpd (plain, STARTTLS and implicit TLS, with a trustme
certificate), the webhook to an HTTP receiver that verifies Standard Webhooks signatures, and
Apprise's ``json://`` plugin to a recording HTTP receiver.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.errors import ChannelError
from monitor.models import Alert, Digest
from monitor.notify import CHANNELS, Channel, build_channels
from monitor.notify.apprise_channel import AppriseChannel
from monitor.notify.file import FileChannel

from .receivers import HttpReceiver, Mail, SmtpReceiver, Tls, free_port, make_tls

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SENDER, TO = "monitor@example.org", "desk@example.org"
HEAD = "watch:\n  - name: China Haisum\nsources:\n  - name: s\n    url: http://127.0.0.1:9/\n"
IMPLEMENTATIONS = ("file", "email-plain", "email-starttls", "email-tls", "webhook", "apprise")
# A permanent failure exists only where the receiver can say "never": SMTP 5xx, HTTP 4xx.
# Apprise reports only success or failure, and a directory has no permanent answer.
PERMANENT = ("email-plain", "email-starttls", "email-tls", "webhook")


def alert(i: int = 1, title: str | None = None, channel: str = "c") -> Alert:
    return Alert(key=f"msg_{i:040x}", kind="new", organisation="China Haisum", alias="Haisum",
                 url=f"https://news.example/{i}", title=title or f"Haisum signs deal {i}",
                 published="2026-11-20", source="s", snippet=f"Haisum signs deal number {i}.",
                 channel=channel, detected_at="2026-11-21T12:00:00+00:00")


@dataclass(frozen=True, slots=True)
class Delivered:
    key: str
    text: str


class Harness:
    """A channel built from config, and a view of what its receiver accepted."""

    overwrites = False  # True: the receiver keeps one copy per key by construction

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    def delivered(self) -> list[Delivered]:
        raise NotImplementedError

    def fail_retryable(self) -> None:
        raise NotImplementedError

    def fail_permanently(self) -> None:
        raise NotImplementedError


class FileHarness(Harness):
    overwrites = True

    def __init__(self, channel: Channel, directory: Path) -> None:
        super().__init__(channel)
        self.directory = directory

    def delivered(self) -> list[Delivered]:
        files = sorted(self.directory.glob("*.json")) if self.directory.is_dir() else []
        return [Delivered(p.stem, p.read_text("utf-8")) for p in files]

    def fail_retryable(self) -> None:
        self.directory.write_text("a file where the directory should be", "utf-8")

    def heal(self) -> None:
        self.directory.unlink()


class EmailHarness(Harness):
    def __init__(self, channel: Channel, server: SmtpReceiver) -> None:
        super().__init__(channel)
        self.server = server

    def delivered(self) -> list[Delivered]:
        return [Delivered(m.key, _mail_text(m)) for m in self.server.mails]

    def fail_retryable(self) -> None:
        self.server.fail_data(1)  # 451 greylisting

    def fail_permanently(self) -> None:
        self.server.refuse(TO)  # 550 on RCPT


class WebhookHarness(Harness):
    def __init__(self, channel: Channel, server: HttpReceiver) -> None:
        super().__init__(channel)
        self.server = server

    def delivered(self) -> list[Delivered]:
        accepted = [r for r in self.server.requests if r.accepted]
        assert all(r.verified for r in accepted), "every delivery carries a valid signature"
        return [Delivered(r.webhook_id or "", r.body.decode()) for r in accepted]

    def fail_retryable(self) -> None:
        self.server.answer_next(1, 503)

    def fail_permanently(self) -> None:
        self.server.answer_next(1, 400)


class AppriseHarness(WebhookHarness):
    def delivered(self) -> list[Delivered]:
        found = []
        for request in (r for r in self.server.requests if r.accepted):
            message = json.loads(request.body)["message"]
            keys = re.findall(r"alert key (\S+)", message)
            found.append(Delivered(keys[0] if keys else "", message))
        return found

    def fail_retryable(self) -> None:
        self.server.answer_next(1, 500)


def _mail_text(mail: Mail) -> str:
    return mail.text() + mail.html()


@dataclass
class Receivers:
    tls: Tls
    smtp: dict[str, SmtpReceiver]
    hook: HttpReceiver
    apprise: HttpReceiver

    def reset(self) -> None:
        for server in (*self.smtp.values(), self.hook, self.apprise):
            server.reset()


@pytest.fixture(scope="module")
def receivers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receivers]:
    tls = make_tls(tmp_path_factory.mktemp("tls"))
    with SmtpReceiver("plain") as plain, SmtpReceiver("starttls", tls=tls) as starttls, \
            SmtpReceiver("tls", tls=tls) as implicit, HttpReceiver(SECRET) as hook, \
            HttpReceiver() as apprise:
        yield Receivers(tls, {"plain": plain, "starttls": starttls, "tls": implicit},
                        hook, apprise)


def _channel_yaml(kind: str, r: Receivers) -> str:
    if kind == "file":
        return "  - type: file\n    name: c\n    dir: alerts\n"
    if kind.startswith("email-"):
        mode = kind.removeprefix("email-")
        security = {"plain": "none"}.get(mode, mode)
        return (f"  - type: email\n    name: c\n    to: [{TO}]\n    from: {SENDER}\n"
                f"    smtp: {{host: 127.0.0.1, port: {r.smtp[mode].port}, "
                f"security: {security}, timeout: 2s, ca_file: test-ca.pem}}\n")
    if kind == "webhook":
        return (f"  - type: webhook\n    name: c\n    url: {r.hook.url}/hook\n"
                "    secret_env: TEST_HOOK_SECRET\n    allow_private: true\n    timeout: 2s\n")
    return f"  - type: apprise\n    name: c\n    urls: ['json://127.0.0.1:{r.apprise.port}/']\n"


def build(kind: str, r: Receivers, directory: Path, monkeypatch: pytest.MonkeyPatch) -> Channel:
    """The channel as ``monitor run`` builds it: from a config file, secrets from the env."""
    shutil.copy(r.tls.ca_file, directory / "test-ca.pem")  # a path relative to the config
    (directory / "sources.yaml").write_text(HEAD + "channels:\n" + _channel_yaml(kind, r),
                                            "utf-8")
    monkeypatch.setenv("TEST_HOOK_SECRET", SECRET)
    (channel,) = build_channels(load_config(directory / "sources.yaml")).values()
    return channel


@pytest.fixture(params=IMPLEMENTATIONS)
def harness(request: pytest.FixtureRequest, receivers: Receivers, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    kind: str = request.param
    receivers.reset()
    channel = build(kind, receivers, tmp_path, monkeypatch)
    made: Harness
    if kind == "file":
        made = FileHarness(channel, tmp_path / "alerts")
    elif kind.startswith("email-"):
        made = EmailHarness(channel, receivers.smtp[kind.removeprefix("email-")])
    elif kind == "webhook":
        made = WebhookHarness(channel, receivers.hook)
    else:
        made = AppriseHarness(channel, receivers.apprise)
    yield made
    channel.close()


def test_the_suite_covers_every_registered_channel() -> None:
    assert {kind.split("-")[0] for kind in IMPLEMENTATIONS} == set(CHANNELS)


def test_an_alert_is_delivered_once_with_its_key(harness: Harness) -> None:
    answer = harness.channel.send(alert(1))
    assert isinstance(answer, str) and answer
    (delivered,) = harness.delivered()
    assert delivered.key == alert(1).key
    assert "Haisum signs deal 1" in delivered.text and "https://news.example/1" in delivered.text


def test_a_resend_carries_the_same_key(harness: Harness) -> None:
    """At least once: a resend after a lost answer is recognisably the same message."""
    harness.channel.send(alert(1))
    harness.channel.send(alert(1))
    keys = [d.key for d in harness.delivered()]
    assert keys == [alert(1).key] * (1 if harness.overwrites else 2)


def test_a_digest_is_one_message_with_all_its_alerts(harness: Harness) -> None:
    alerts = tuple(alert(i) for i in (1, 2, 3))
    digest = Digest("dig_" + "d" * 40, "c", alerts)
    harness.channel.send(digest)
    (delivered,) = harness.delivered()
    assert delivered.key == digest.key
    for a in alerts:
        assert a.title in delivered.text and a.url in delivered.text


def test_a_retryable_failure_raises_retryable_then_delivers(harness: Harness) -> None:
    harness.fail_retryable()
    with pytest.raises(ChannelError) as info:
        harness.channel.send(alert(1))
    assert info.value.retryable and not info.value.disable
    assert harness.delivered() == []
    if isinstance(harness, FileHarness):
        harness.heal()
    harness.channel.send(alert(1))  # the next attempt succeeds
    assert [d.key for d in harness.delivered()] == [alert(1).key]


@pytest.mark.parametrize("harness", PERMANENT, indirect=True)
def test_a_permanent_failure_is_not_retryable(harness: Harness) -> None:
    harness.fail_permanently()
    with pytest.raises(ChannelError) as info:
        harness.channel.send(alert(1))
    assert not info.value.retryable and not info.value.disable
    assert harness.delivered() == []


def test_apprise_posts_subject_and_text_to_the_json_receiver(
        receivers: Receivers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Apprise's own json:// plugin, end to end: title is the subject, message the text."""
    receivers.reset()
    channel = build("apprise", receivers, tmp_path, monkeypatch)
    assert channel.send(alert(7, title="海笙 signs a deal")) == "notified 1 URL(s)"
    (request,) = receivers.apprise.requests
    data = json.loads(request.body)
    assert data["title"] == "[monitor] China Haisum: 海笙 signs a deal"
    assert f"alert key {alert(7).key}" in data["message"]
    assert "https://news.example/7" in data["message"] and data["type"] == "info"


def test_apprise_keeps_url_tokens_out_of_the_log(caplog: pytest.LogCaptureFixture) -> None:
    """T49: apprise logs the URLs it loads and fails on; none of that reaches our log."""
    caplog.set_level(logging.DEBUG)
    logging.getLogger("apprise").setLevel(logging.NOTSET)  # as in a fresh process
    channel = AppriseChannel("c", (f"json://127.0.0.1:{free_port()}/t0ken-s3cret",))
    with pytest.raises(ChannelError) as info:
        channel.send(alert(1))
    assert info.value.retryable
    assert "t0ken-s3cret" not in caplog.text and "t0ken-s3cret" not in str(info.value)


def test_a_failed_file_write_leaves_nothing_behind(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """T28-style fault (the disk fills up mid-write): retryable, and no temp file is left."""
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    channel = FileChannel("c", tmp_path / "alerts")
    monkeypatch.setattr("monitor.notify.file.os.fsync", full)
    with pytest.raises(ChannelError, match="No space left") as info:
        channel.send(alert(1))
    assert info.value.retryable
    assert list((tmp_path / "alerts").iterdir()) == []
    monkeypatch.undo()
    channel.send(alert(1))
    assert [p.name for p in (tmp_path / "alerts").iterdir()] == [f"{alert(1).key}.json"]


def test_a_short_write_is_continued_not_truncated(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """os.write may write less than asked (a signal, a nearly full disk): the file channel
    writes the rest, so a receiver never reads a cut JSON document."""
    real_write = os.write

    def short(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:7]))  # at most 7 bytes a call

    channel = FileChannel("c", tmp_path / "alerts")
    monkeypatch.setattr("monitor.notify.file.os.write", short)
    channel.send(alert(1, title="a title long enough to need many short writes"))
    monkeypatch.undo()
    written = json.loads((tmp_path / "alerts" / f"{alert(1).key}.json").read_text("utf-8"))
    assert written["title"] == "a title long enough to need many short writes"
