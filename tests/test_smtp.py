"""The email channel against a real aiosmtpd server: message shape, header injection, TLS
that is never downgraded, SMTP replies, and the outbox retrying a server that was down."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.channelconfig import SmtpSettings
from monitor.errors import ChannelError
from monitor.models import Article, Mention, Route
from monitor.notify.outbox import deliver
from monitor.notify.smtp import SmtpChannel

from .receivers import SmtpMode, SmtpReceiver, Tls, make_tls
from .test_channels import SENDER, TO, alert

SECURITY = {"plain": "none", "starttls": "starttls", "tls": "tls", "no_starttls": "starttls"}


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Tls:
    return make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def starttls_server(tls: Tls) -> Iterator[SmtpReceiver]:
    with SmtpReceiver("starttls", tls=tls) as server:
        yield server


@pytest.fixture
def server(starttls_server: SmtpReceiver) -> SmtpReceiver:
    starttls_server.reset()
    return starttls_server


def channel(server: SmtpReceiver, tls: Tls | None, *, security: str | None = None,
            to: tuple[str, ...] = (TO,), username: str | None = None,
            password: str | None = None) -> SmtpChannel:
    settings = SmtpSettings.model_validate({
        "host": "127.0.0.1", "port": server.port, "timeout": 2.0,
        "security": security or SECURITY[server.mode],
        "ca_file": tls.ca_file if tls else None,
        **({"username": username, "password_env": "TEST_SMTP_PASSWORD"} if username else {})})
    return SmtpChannel("mail", settings, SENDER, to, password=password)


def test_a_message_is_multipart_text_and_html(server: SmtpReceiver, tls: Tls) -> None:
    """T38: scraped text is escaped in the HTML part and never rendered as a template."""
    hostile = replace(alert(1), snippet="<script>alert(1)</script> {{ 7*7 }} {% debug %}")
    channel(server, tls).send(hostile)
    (mail,) = server.mails
    assert mail.tls and mail.message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in mail.message.iter_parts()] == ["text/plain", "text/html"]
    assert "Haisum signs deal 1" in mail.text() and "Haisum signs deal 1" in mail.html()
    assert "&lt;script&gt;" in mail.html() and "<script>" not in mail.html()
    assert "{{ 7*7 }}" in mail.text() and "49" not in mail.text() and "{% debug %}" in mail.html()
    assert mail.message["From"] == SENDER and mail.message["To"] == TO


def test_message_id_is_derived_from_the_key(server: SmtpReceiver, tls: Tls) -> None:
    """T34's premise: every copy of an alert has the same Message-ID, made from its key."""
    sender = channel(server, tls)
    sender.send(alert(1))
    sender.send(alert(1))
    sender.send(alert(2))
    ids = [str(m.message["Message-ID"]) for m in server.mails]
    assert ids == [f"<{alert(1).key}@example.org>"] * 2 + [f"<{alert(2).key}@example.org>"]
    assert server.mails[0].message["X-Monitor-Key"] == alert(1).key


@pytest.mark.parametrize("title", [
    "Foo\r\nBcc: evil@example.org",
    "Foo\nBcc: evil@example.org\r\n\r\nbody",
    "=?utf-8?q?=0D=0ABcc=3A_evil=40example.org?=",
    "Foo =?UTF-8?Q?=0A?=Bcc: evil@example.org",
    "Haisum " * 1500,
])
def test_header_injection_adds_no_header_and_no_recipient(server: SmtpReceiver, tls: Tls,
                                                          title: str) -> None:
    """T37: CR/LF in a scraped title, or an RFC 2047 encoded word decoding to CR/LF + Bcc,
    or a 10 KB title: one clean Subject line, no Bcc header, no extra SMTP recipient."""
    channel(server, tls).send(alert(1, title=title))
    (mail,) = server.mails
    assert mail.rcpt_tos == (TO,)
    assert "Bcc" not in mail.message and mail.message.get_all("Subject") is not None
    assert len(mail.message.get_all("Subject") or []) == 1
    header_lines = mail.raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert not [line for line in header_lines if line.lower().startswith(b"bcc")]
    subject = str(mail.message["Subject"])
    assert "\r" not in subject and "\n" not in subject and len(subject) <= 200
    assert subject.startswith("[monitor] China Haisum: ")


def test_non_ascii_text_is_sent_7bit_clean(server: SmtpReceiver, tls: Tls) -> None:
    """Chinese names and titles arrive intact without relying on 8BITMIME."""
    channel(server, tls).send(alert(1, title="海笙集团签约 — “数字工厂”"))
    (mail,) = server.mails
    assert mail.raw.isascii()
    assert str(mail.message["Subject"]).endswith("海笙集团签约 — “数字工厂”")
    assert "海笙集团签约" in mail.text() and "海笙集团签约" in mail.html()


@pytest.mark.parametrize("mode", ["plain", "no_starttls"])
def test_starttls_not_offered_is_refused_and_nothing_sent(mode: SmtpMode, tls: Tls) -> None:
    """T36: a server (or a stripping attacker) that does not offer STARTTLS gets nothing in
    clear text under ``security: starttls``; the channel is paused, not retried."""
    with SmtpReceiver(mode, tls=tls) as server:
        with pytest.raises(ChannelError, match="does not offer STARTTLS") as info:
            channel(server, tls, security="starttls").send(alert(1))
        assert info.value.disable and not info.value.retryable
        assert server.mail_commands == 0 and server.mails == []


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_untrusted_certificate_is_refused_and_nothing_sent(mode: SmtpMode, tls: Tls) -> None:
    """T36: the trustme CA is not trusted without ``ca_file``: no fallback to unverified TLS."""
    with SmtpReceiver(mode, tls=tls) as server:
        with pytest.raises(ChannelError, match=r"TLS with 127\.0\.0\.1 failed") as info:
            channel(server, None).send(alert(1))
        assert info.value.disable
        assert server.mail_commands == 0 and server.mails == []


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_a_certificate_for_another_host_is_refused(mode: SmtpMode,
                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    """T36: a trusted CA, but the certificate names mail.test, not 127.0.0.1."""
    wrong = make_tls(tmp_path_factory.mktemp("wrong"), identity="mail.test")
    with SmtpReceiver(mode, tls=wrong) as server:
        with pytest.raises(ChannelError, match="IP address mismatch") as info:
            channel(server, wrong).send(alert(1))
        assert info.value.disable
        assert server.mail_commands == 0 and server.mails == []


def test_one_refused_recipient_does_not_stop_the_others(server: SmtpReceiver, tls: Tls) -> None:
    """T35: 550 on one RCPT: the other recipient still gets the message, once."""
    server.refuse("gone@example.org")
    answer = channel(server, tls, to=("gone@example.org", TO)).send(alert(1))
    assert "refused: gone@example.org" in answer
    (mail,) = server.mails
    assert mail.rcpt_tos == (TO,)


def test_no_reply_after_data_is_retried_with_the_same_message_id(server: SmtpReceiver,
                                                                  tls: Tls) -> None:
    """T34: the server takes the message and drops the connection before answering "." ->
    retryable; the resend carries the same Message-ID, so the duplicate is recognisable."""
    server.drop_after_data(1)
    sender = channel(server, tls)
    with pytest.raises(ChannelError) as info:
        sender.send(alert(1))
    assert info.value.retryable
    sender.send(alert(1))
    first, second = server.mails
    assert first.message["Message-ID"] == second.message["Message-ID"]


@pytest.mark.parametrize("mode", ["starttls", "tls"])
def test_login_over_tls_and_a_refused_login_pauses(mode: SmtpMode, tls: Tls) -> None:
    """T35: AUTH inside TLS; 535 pauses the channel instead of hammering the server."""
    with SmtpReceiver(mode, tls=tls, auth=("alerts", "right")) as server:
        channel(server, tls, username="alerts", password="right").send(alert(1))
        assert server.logins == ["alerts"] and len(server.mails) == 1
        with pytest.raises(ChannelError, match="login refused") as info:
            channel(server, tls, username="alerts", password="wrong").send(alert(2))
        assert info.value.disable and len(server.mails) == 1


def test_credentials_for_a_server_without_auth_pause() -> None:
    """A login the server does not offer (here: only after TLS, and ``security: none``) is a
    configuration error: pause and send nothing, rather than mail unauthenticated or retry
    for four days."""
    with SmtpReceiver("plain") as server:
        with pytest.raises(ChannelError, match="does not offer AUTH") as info:
            channel(server, None, username="alerts", password="pw").send(alert(1))
        assert info.value.disable and server.mail_commands == 0


def test_server_down_then_up_delivers_each_alert_once(tmp_path: Path, now: datetime,
                                                      tls: Tls) -> None:
    """T33 (short): the server is down for three retry steps, the outbox tries once per
    step (no busy loop), and after it is back each alert arrives once, one Message-ID each."""
    server = SmtpReceiver("starttls", tls=tls)  # not started: its port is closed
    mention = Mention("China Haisum", "Haisum", 1, "Haisum signs")
    with Archive(tmp_path / "a.db") as archive:
        for i in range(2):
            archive.save(Article(f"https://news.example/{i}", f"Haisum {i}", f"Haisum signs {i}."),
                         source="s", mentions=[mention], routes=[Route("mail")], now=now)
        sender = {"mail": channel(server, tls)}
        at = now
        for step in sender["mail"].schedule[:3]:
            assert asyncio.run(deliver(archive, sender, {}, at)).retrying == 2
            assert asyncio.run(deliver(archive, sender, {}, at + timedelta(seconds=1))).retrying == 0
            at += timedelta(seconds=step * 1.2 + 1)
        with server:
            assert asyncio.run(deliver(archive, sender, {}, at)).sent == 2
            assert asyncio.run(deliver(archive, sender, {}, at + timedelta(days=1))).sent == 0
            keys = [r["key"] for r in archive.query("SELECT key FROM alerts ORDER BY key")]
            assert sorted(m.key for m in server.mails) == keys
        rows = archive.query("SELECT status, attempts FROM alerts ORDER BY id")
        # the circuit breaker: one alert probes the server each step, the other waits with it
        assert rows == [{"status": "sent", "attempts": 4}, {"status": "sent", "attempts": 1}]
