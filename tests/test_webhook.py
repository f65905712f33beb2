"""The webhook channel against a real HTTP receiver verifying every request with the
``standardwebhooks`` library, alone and through the real outbox (time driven by ``now``)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.errors import ChannelError
from monitor.models import Article, Mention, Route
from monitor.notify.outbox import DeliveryReport, deliver
from monitor.notify.webhook import WebhookChannel, decode_secret

from .receivers import HttpReceiver
from .test_channels import SECRET, alert

MENTION = Mention("China Haisum", "Haisum", 1, "Haisum signs")
OTHER_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"


@pytest.fixture(scope="module")
def running() -> Iterator[HttpReceiver]:
    with HttpReceiver(SECRET) as server:
        yield server


@pytest.fixture
def receiver(running: HttpReceiver) -> HttpReceiver:
    running.reset()
    return running


def hook(receiver: HttpReceiver, *, path: str = "/hook", allow_private: bool = True,
         timeout: float = 2.0) -> WebhookChannel:
    return WebhookChannel("hook", receiver.url + path, decode_secret(SECRET, "TEST"),
                          timeout=timeout, allow_private=allow_private)


def queued(tmp_path: Path, now: datetime, count: int) -> Archive:
    archive = Archive(tmp_path / "a.db")
    for i in range(count):
        archive.save(Article(f"https://news.example/{i}", f"Haisum news {i}", f"Haisum signs {i}."),
                     source="s", mentions=[MENTION], routes=[Route("hook")], now=now)
    return archive


def run(archive: Archive, channel: WebhookChannel, at: datetime) -> DeliveryReport:
    return asyncio.run(deliver(archive, {"hook": channel}, {}, at))


def keys(archive: Archive) -> list[str]:
    return [r["key"] for r in archive.query("SELECT key FROM alerts ORDER BY key")]


def test_every_delivery_verifies_with_standardwebhooks(receiver: HttpReceiver) -> None:
    channel = hook(receiver)
    channel.send(alert(1))
    channel.send(alert(1))
    first, second = receiver.requests
    assert first.verified and second.verified
    assert first.webhook_id == second.webhook_id == alert(1).key
    body = json.loads(first.body)
    assert body["type"] == "alert.new" and body["data"]["title"] == "Haisum signs deal 1"
    assert first.headers["content-type"] == "application/json"


def test_a_receiver_with_another_secret_rejects_the_signature() -> None:
    """The verification above can fail: the same request is refused under another key."""
    with HttpReceiver(OTHER_SECRET) as other:
        hook(other).send(alert(1))
        (request,) = other.requests
        assert request.verified is False


def test_500_then_200_through_the_outbox(receiver: HttpReceiver, tmp_path: Path,
                                         now: datetime) -> None:
    """T39: two attempts with the same webhook-id, each signature valid, then sent."""
    receiver.answer_next(1, 500)
    channel = hook(receiver)
    with queued(tmp_path, now, 1) as archive:
        assert run(archive, channel, now).retrying == 1
        assert run(archive, channel, now + timedelta(seconds=1)).sent == 0  # not due yet
        assert run(archive, channel, now + timedelta(seconds=7)).sent == 1
        assert [r.status for r in receiver.requests] == [500, 200]
        assert receiver.ids() == keys(archive) * 2
        assert all(r.verified for r in receiver.requests)
        row = archive.query("SELECT status, attempts FROM alerts")[0]
        assert row == {"status": "sent", "attempts": 2}


def test_receiver_down_then_up_gets_each_alert_once(receiver: HttpReceiver, tmp_path: Path,
                                                    now: datetime) -> None:
    """Down (port closed) for four retry steps, then up on the same port: every alert is
    delivered exactly once by webhook-id, with one connection attempt per step in between."""
    channel = hook(receiver)
    with queued(tmp_path, now, 3) as archive:
        receiver.stop()
        at = now
        for step in channel.schedule[:4]:
            assert run(archive, channel, at).retrying == 3
            assert run(archive, channel, at + timedelta(seconds=1)).retrying == 0
            at += timedelta(seconds=step * 1.2 + 1)
        receiver.start()
        assert run(archive, channel, at).sent == 3
        assert run(archive, channel, at + timedelta(days=2)).sent == 0
        assert sorted(str(i) for i in receiver.ids()) == keys(archive)
        assert all(r.verified for r in receiver.requests)
        attempts = [r["attempts"] for r in archive.query("SELECT attempts FROM alerts ORDER BY id")]
        assert attempts == [5, 1, 1]  # one probe per step (circuit breaker), then one send each


def test_410_pauses_the_channel_and_its_alerts(receiver: HttpReceiver, tmp_path: Path,
                                               now: datetime) -> None:
    """T40: Gone -> the channel is paused, its alerts kept as 'paused', no more requests."""
    receiver.answer_next(1, 410)
    channel = hook(receiver)
    with queued(tmp_path, now, 3) as archive:
        assert run(archive, channel, now).paused == 3
        assert run(archive, channel, now + timedelta(days=1)).sent == 0
        statuses = [r["status"] for r in archive.query("SELECT status FROM alerts")]
        assert statuses == ["paused"] * 3
        assert len(receiver.requests) == 1


def test_a_redirect_is_not_followed(receiver: HttpReceiver) -> None:
    """T40: a 302 is a failure to retry; the Location is never requested."""
    receiver.answer_next(1, 302, headers={"Location": receiver.url + "/elsewhere"})
    with pytest.raises(ChannelError, match="not followed") as info:
        hook(receiver).send(alert(1))
    assert info.value.retryable
    assert [r.path for r in receiver.requests] == ["/hook"]


def test_503_retry_after_delays_the_next_attempt(receiver: HttpReceiver, tmp_path: Path,
                                                 now: datetime) -> None:
    """T40: Retry-After: 600 beats the 5 s schedule step."""
    receiver.answer_next(1, 503, headers={"Retry-After": "600"})
    channel = hook(receiver)
    with queued(tmp_path, now, 1) as archive:
        assert run(archive, channel, now).retrying == 1
        due = datetime.fromisoformat(archive.query("SELECT next_attempt FROM alerts")[0]
                                     ["next_attempt"])
        assert due >= now + timedelta(seconds=600)
        assert run(archive, channel, now + timedelta(seconds=599)).sent == 0
        assert len(receiver.requests) == 1
        assert run(archive, channel, due).sent == 1


def test_a_slow_receiver_times_out_and_is_retried(receiver: HttpReceiver) -> None:
    """T40: no answer within the channel's timeout -> a retryable failure."""
    receiver.answer_next(1, 200, delay=30)
    with pytest.raises(ChannelError, match="ReadTimeout") as info:
        hook(receiver, timeout=0.3).send(alert(1))
    assert info.value.retryable


def test_an_endless_answer_is_cut(receiver: HttpReceiver) -> None:
    """T40: a receiver that answers 200 and never stops talking: the channel reads at most
    64 KiB, so one bad receiver cannot hold the outbox or fill memory."""
    receiver.answer_next(1, 200, endless=True)
    answer = hook(receiver).send(alert(1))
    assert answer.startswith("HTTP 200 xxx") and len(answer) < 300
    assert receiver.stream_ended.wait(5)
    assert receiver.streamed < HttpReceiver.MAX_ENDLESS // 4


def test_private_needs_allow_private_unless_written_as_an_ip(receiver: HttpReceiver) -> None:
    """T41: a name resolving to loopback is refused (nothing reaches the receiver) unless
    ``allow_private``; an IP written in the config is the operator's explicit choice."""
    url = f"http://hooks.test:{receiver.port}/hook"
    named = WebhookChannel("hook", url, decode_secret(SECRET, "TEST"), timeout=2.0,
                           resolver=lambda _host: ["127.0.0.1"])
    with pytest.raises(ChannelError, match="allow_private") as info:
        named.send(alert(1))
    assert info.value.disable and receiver.requests == []
    hook(receiver, allow_private=False).send(alert(2))  # http://127.0.0.1:PORT/hook
    assert [r.verified for r in receiver.requests] == [True]


def test_a_name_is_resolved_once_and_the_checked_address_used(receiver: HttpReceiver) -> None:
    """T3/T41: the POST goes to the address that was checked, with Host naming the host, so
    a second lookup (DNS rebinding) cannot redirect it; a private answer is refused."""
    lookups: list[str] = []

    def resolver(host: str) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    url = f"http://hooks.test:{receiver.port}/hook"
    named = WebhookChannel("hook", url, decode_secret(SECRET, "TEST"), timeout=2.0,
                           allow_private=True, resolver=resolver)
    named.send(alert(1))
    assert lookups == ["hooks.test"]
    (request,) = receiver.requests
    assert request.headers["host"] == f"hooks.test:{receiver.port}" and request.verified
    strict = WebhookChannel("hook", url, decode_secret(SECRET, "TEST"), resolver=resolver)
    with pytest.raises(ChannelError, match="private or loopback"):
        strict.send(alert(1))
    assert len(receiver.requests) == 1


def test_errors_do_not_carry_the_url_path(receiver: HttpReceiver) -> None:
    """T41/T49: a token in the URL's path never reaches last_error or the log."""
    channel = hook(receiver, path="/hook/t0ken-s3cret")
    receiver.stop()
    try:
        with pytest.raises(ChannelError) as info:
            channel.send(alert(1))
    finally:
        receiver.start()
    assert "t0ken-s3cret" not in str(info.value) and f"127.0.0.1:{receiver.port}" in str(info.value)
