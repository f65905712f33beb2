"""The outbox: sent once, retried with backoff, digests and caps, pauses, crash recovery."""

from __future__ import annotations

import asyncio
import json
import os
import threading
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.errors import ChannelError
from monitor.models import Article, Digest, Mention, Message, Route
from monitor.notify import FileChannel, outbox
from monitor.notify.base import SEND_BATCH
from monitor.notify.outbox import LEASE, DeliveryReport, Pacing, claim, deliver, recover
from monitor.notify.render import alerts_of

MENTION = Mention("China Haisum", "Haisum", 1, "Haisum signs")
SCHEDULE = (5.0, 300.0, 1800.0)


class Flaky:
    """A channel that fails ``failures`` times, then records what it receives."""

    schedule = SCHEDULE

    def __init__(self, failures: int = 0, error: ChannelError | None = None,
                 name: str = "file") -> None:
        self.name = name
        self.failures = failures
        self.error = error or ChannelError("receiver down")
        self.received: list[Message] = []
        self.calls = 0

    def send(self, message: Message) -> str:
        self.calls += 1
        if self.failures > 0:
            self.failures -= 1
            raise self.error
        self.received.append(message)
        return "ok"

    def close(self) -> None:
        pass

    def keys(self) -> list[str]:
        return [a.key for m in self.received for a in alerts_of(m)]


def run(archive: Archive, channels: Mapping[str, Flaky | FileChannel], at: datetime,
        pacing: Mapping[str, Pacing] | None = None) -> DeliveryReport:
    return asyncio.run(deliver(archive, channels, pacing or {}, at))


def _queued(path: Path, now: datetime, count: int = 1, route: Route | None = None) -> Archive:
    archive = Archive(path)
    for i in range(count):
        archive.save(Article(f"https://a.example/{i}", f"Haisum news {i}", f"Haisum signs {i}."),
                     source="s", mentions=[MENTION], routes=[route or Route("file")], now=now)
    return archive


def test_file_channel_writes_one_file_per_alert(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = FileChannel("file", tmp_path / "alerts")
        assert run(archive, {"file": channel}, now).sent == 1
        assert run(archive, {"file": channel}, now).sent == 0  # nothing sent twice
        (path,) = (tmp_path / "alerts").glob("*.json")
        data = json.loads(path.read_text("utf-8"))
        assert data["organisation"] == "China Haisum" and path.name == f"{data['key']}.json"
        assert data["detected_at"] == now.isoformat(timespec="seconds")


def test_failure_is_retried_on_the_channels_schedule(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = Flaky(failures=1)
        report = run(archive, {"file": channel}, now)
        assert (report.sent, report.retrying) == (0, 1)
        assert run(archive, {"file": channel}, now).sent == 0  # not due yet: no busy loop
        assert run(archive, {"file": channel}, now + timedelta(seconds=SCHEDULE[0] * 1.3)).sent == 1
        row = archive.query("SELECT status, attempts, last_error, last_response FROM alerts")[0]
        assert row == {"status": "sent", "attempts": 2, "last_error": None, "last_response": "ok"}


def test_retry_after_longer_than_the_schedule_is_honoured(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = Flaky(1, ChannelError("HTTP 429", retry_after=600))
        run(archive, {"file": channel}, now)
        assert run(archive, {"file": channel}, now + timedelta(seconds=300)).sent == 0
        assert run(archive, {"file": channel}, now + timedelta(seconds=601)).sent == 1


def test_a_failing_receiver_is_tried_once_per_round(tmp_path: Path, now: datetime) -> None:
    """Circuit breaker: with the receiver unreachable, one attempt per round, not one per
    alert; the others wait for the same retry time, with no attempt counted against them."""
    with _queued(tmp_path / "a.db", now, count=3) as archive:
        channel = Flaky(failures=1, error=ChannelError("refused", unreachable=True))
        report = run(archive, {"file": channel}, now)
        assert (channel.calls, report.retrying, report.sent) == (1, 3, 0)
        attempts = [r["attempts"] for r in archive.query("SELECT attempts FROM alerts ORDER BY id")]
        assert attempts == [1, 0, 0]
        assert run(archive, {"file": channel}, now + timedelta(seconds=2)).sent == 0
        report = run(archive, {"file": channel}, now + timedelta(seconds=SCHEDULE[0] * 1.3))
        assert (report.sent, channel.calls) == (3, 4)


def test_an_answering_receiver_failing_one_alert_does_not_hold_the_others(
        tmp_path: Path, now: datetime) -> None:
    """An HTTP 500 is an answer about one message: the rest of the round still goes."""
    with _queued(tmp_path / "a.db", now, count=3) as archive:
        channel = Flaky(failures=1, error=ChannelError("HTTP 500"))
        report = run(archive, {"file": channel}, now)
        assert (channel.calls, report.retrying, report.sent) == (3, 1, 2)


def test_permanent_failure_is_dead(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        assert run(archive, {"file": Flaky(1, ChannelError("400", retryable=False))}, now).dead == 1
        assert archive.query("SELECT status FROM alerts")[0]["status"] == "dead"


def test_retries_give_up_after_the_schedule(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = Flaky(failures=100)
        at = now
        for _ in range(len(SCHEDULE) + 1):
            run(archive, {"file": channel}, at)
            at += timedelta(days=2)
        row = archive.query("SELECT status, attempts FROM alerts")[0]
        assert row == {"status": "dead", "attempts": len(SCHEDULE) + 1}


def test_disable_pauses_the_channel_and_keeps_its_alerts(tmp_path: Path, now: datetime) -> None:
    """A 410 (or SMTP auth failure) pauses the channel: no hammering, nothing lost."""
    with _queued(tmp_path / "a.db", now, count=3) as archive:
        channel = Flaky(1, ChannelError("HTTP 410 gone", disable=True))
        report = run(archive, {"file": channel}, now)
        assert (report.sent, report.paused) == (0, 3) and channel.failures == 0
        assert run(archive, {"file": channel}, now + timedelta(days=1)).sent == 0
        statuses = {r["status"] for r in archive.query("SELECT status FROM alerts")}
        assert statuses == {"paused"}


def test_crash_after_claim_resends_with_same_key(tmp_path: Path, now: datetime) -> None:
    """T27 (in-process form): a sender that dies after claiming leaves a lease; the next
    start makes the alert due at once, and it is sent with the same key, once."""
    with _queued(tmp_path / "a.db", now) as archive:
        (claimed,) = claim(archive, "file", now)  # ...and the process dies here
        channel = Flaky()
        assert run(archive, {"file": channel}, now).sent == 0  # still leased
        assert recover(archive, now) == 1  # a new process, holding the instance lock
        assert run(archive, {"file": channel}, now).sent == 1
        assert channel.keys() == [claimed.alert.key]


def test_expired_lease_is_claimed_again(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        claim(archive, "file", now)
        channel = Flaky()
        assert run(archive, {"file": channel}, now + LEASE + timedelta(seconds=1)).sent == 1


def test_digest_channel_sends_one_message_at_the_boundary(tmp_path: Path, now: datetime) -> None:
    """``digest: 1h``: alerts wait for the next hour, then go as one message."""
    route = Route("file", digest="1h")
    with _queued(tmp_path / "a.db", now, count=3, route=route) as archive:
        channel = Flaky()
        pacing = {"file": Pacing(digest=True)}
        assert run(archive, {"file": channel}, now, pacing).sent == 0  # 12:00 exactly: next 13:00
        report = run(archive, {"file": channel}, now + timedelta(hours=1), pacing)
        assert (report.sent, report.messages) == (3, 1)
        (digest,) = channel.received
        assert isinstance(digest, Digest) and len(digest.alerts) == 3
        assert digest.key.startswith("dig_")


def test_failed_digest_is_resent_with_the_same_key(tmp_path: Path, now: datetime) -> None:
    route = Route("file", digest="1h")
    with _queued(tmp_path / "a.db", now, count=2, route=route) as archive:
        channel = Flaky(failures=1)
        pacing = {"file": Pacing(digest=True)}
        later = now + timedelta(hours=1)
        assert run(archive, {"file": channel}, later, pacing).retrying == 2
        # a new alert arrives meanwhile: it must not change the retried digest
        archive.save(Article("https://a.example/new", "Haisum again", "Haisum again."),
                     source="s", mentions=[MENTION], routes=[Route("file")], now=later)
        run(archive, {"file": channel}, later + timedelta(minutes=1), pacing)
        first, second = channel.received
        assert isinstance(first, Digest) and len(first.alerts) == 2
        assert isinstance(second, Digest) and second.key != first.key
        stored = {r["batch"] for r in archive.query("SELECT batch FROM alerts")}
        assert stored == {first.key, second.key}


def test_hourly_cap_folds_the_overflow_into_one_digest(tmp_path: Path, now: datetime) -> None:
    """T42: 10 alerts with ``max_per_hour: 4`` -> 3 single messages and one digest of 7."""
    with _queued(tmp_path / "a.db", now, count=10) as archive:
        channel = Flaky()
        report = run(archive, {"file": channel}, now, {"file": Pacing(max_per_hour=4)})
        assert (report.sent, report.messages) == (10, 4)
        assert [len(alerts_of(m)) for m in channel.received] == [1, 1, 1, 7]


def test_the_hours_count_is_read_only_under_a_cap(tmp_path: Path, now: datetime,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Uncapped and digest channels never count what the hour sent (a scan each round)."""
    counted: list[str] = []
    real = outbox._sent_recently

    def spy(archive: Archive, channel: str, at: datetime) -> int:
        counted.append(channel)
        return real(archive, channel, at)

    monkeypatch.setattr(outbox, "_sent_recently", spy)
    with _queued(tmp_path / "a.db", now, count=3) as archive:
        assert run(archive, {"file": Flaky()}, now).sent == 3
        assert counted == []
        archive.save(Article("https://a.example/late", "Late", "Haisum late."), source="s",
                     mentions=[MENTION], routes=[Route("file")], now=now)
        assert run(archive, {"file": Flaky()}, now, {"file": Pacing(max_per_hour=3)}).held == 1
        assert counted == ["file"]


def test_cap_reached_holds_alerts_until_the_hour_frees(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now, count=2) as archive:
        channel = Flaky()
        pacing = {"file": Pacing(max_per_hour=2)}
        run(archive, {"file": channel}, now, pacing)
        for i in range(3):
            archive.save(Article(f"https://a.example/more{i}", f"More {i}", f"Haisum more {i}."),
                         source="s", mentions=[MENTION], routes=[Route("file")], now=now)
        report = run(archive, {"file": channel}, now + timedelta(minutes=10), pacing)
        assert (report.sent, report.held) == (0, 3)
        report = run(archive, {"file": channel}, now + timedelta(minutes=61), pacing)
        assert (report.sent, report.messages) == (3, 2)  # one single, then a digest of two


def test_routes_filter_by_organisation_and_source(tmp_path: Path, now: datetime) -> None:
    with Archive(tmp_path / "a.db") as archive:
        routes = [Route("all"), Route("haisum", organisations=frozenset({"China Haisum"})),
                  Route("other", organisations=frozenset({"Poly Group"})),
                  Route("elsewhere", sources=frozenset({"not-s"}))]
        saved = archive.save(Article("https://a.example/1", "Haisum", "Haisum signs."),
                             source="s", mentions=[MENTION], routes=routes, now=now)
        assert saved.alerts == 2
        rows = archive.query("SELECT channel FROM alerts ORDER BY channel")
        assert [r["channel"] for r in rows] == ["all", "haisum"]


def test_file_channel_sweeps_half_written_files(tmp_path: Path, now: datetime) -> None:
    """A process killed mid-write leaves a .tmp- file; the next sender removes it."""
    (tmp_path / "alerts").mkdir()
    (tmp_path / "alerts" / ".tmp-abc.json").write_text("{", "utf-8")
    with _queued(tmp_path / "a.db", now) as archive:
        run(archive, {"file": FileChannel("file", tmp_path / "alerts")}, now)
    assert [p.name for p in (tmp_path / "alerts").iterdir() if p.name.startswith(".tmp-")] == []


class Batching(Flaky):
    """A batch sender (like the file channel) whose ``fail_at``-th message (0-based,
    counted over all calls) fails."""

    def __init__(self, fail_at: int | None = None, error: ChannelError | None = None) -> None:
        super().__init__(error=error)
        self.fail_at = fail_at
        self.chunks: list[int] = []

    def send_many(self, messages: list[Message]) -> list[str | ChannelError]:
        self.chunks.append(len(messages))
        answers: list[str | ChannelError] = []
        for message in messages:
            if self.calls == self.fail_at:
                self.calls += 1
                answers.append(self.error)
                break
            answers.append(self.send(message))
        return answers


def test_a_batch_sender_gets_chunks_and_each_chunk_is_one_commit(
        tmp_path: Path, now: datetime) -> None:
    """Issue 9: a batch sender receives up to SEND_BATCH messages per call, and each chunk's
    outcomes are committed together (one commit per chunk, not per alert)."""
    with _queued(tmp_path / "a.db", now, count=SEND_BATCH + 6) as archive:
        channel = Batching()
        commits = []
        archive.db.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
        assert run(archive, {"file": channel}, now).sent == SEND_BATCH + 6
        assert channel.chunks == [SEND_BATCH, 6]
        assert len(commits) == 1 + 2  # the claim, then one per chunk
        assert run(archive, {"file": channel}, now).sent == 0


def test_a_failure_inside_a_chunk_keeps_what_was_sent_and_holds_the_rest(
        tmp_path: Path, now: datetime) -> None:
    """The chunk's messages before the failure are recorded as sent, the failing one is
    retried, and after an unreachable destination the untried rest waits with it."""
    with _queued(tmp_path / "a.db", now, count=5) as archive:
        channel = Batching(fail_at=2, error=ChannelError("disk gone", unreachable=True))
        report = run(archive, {"file": channel}, now)
        assert (report.sent, report.retrying) == (2, 3)
        assert channel.chunks == [5]
        later = now + timedelta(seconds=SCHEDULE[0] * 1.3)
        assert run(archive, {"file": channel}, later).sent == 3
        assert len(set(channel.keys())) == 5  # each alert once


def test_a_permanent_failure_inside_a_chunk_does_not_stop_the_others(
        tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now, count=4) as archive:
        channel = Batching(fail_at=1, error=ChannelError("rejected", retryable=False))
        report = run(archive, {"file": channel}, now)
        assert (report.sent, report.dead) == (3, 1)
        assert channel.chunks == [4, 2]  # the untried two go in the next call


def test_a_batch_sender_that_answers_nothing_does_not_loop(tmp_path: Path, now: datetime) -> None:
    """A buggy send_many returning no answers is a failed attempt, not an endless round."""
    with _queued(tmp_path / "a.db", now, count=2) as archive:
        channel = Batching()
        channel.send_many = lambda messages: []  # type: ignore[method-assign]
        report = run(archive, {"file": channel}, now)
        assert report.sent == 0 and report.retrying >= 1


def test_a_resent_alert_file_is_left_as_it_is(tmp_path: Path, now: datetime) -> None:
    """T27 with the file channel's chunks: a resend after a crash finds its file already
    written and leaves it (same inode: a directory watcher sees no second event); a file that
    differs (cut short by a full disk before the rename could not, but a hand edit could) is
    written again."""
    with _queued(tmp_path / "a.db", now) as archive:
        channel = FileChannel("file", tmp_path / "alerts")
        (message,) = [c.alert for c in claim(archive, "file", now)]
        assert channel.send(message).startswith("wrote ")
        (path,) = (tmp_path / "alerts").glob("*.json")
        inode = path.stat().st_ino
        assert channel.send(message).startswith("already written ")
        assert path.stat().st_ino == inode
        path.write_text("{}", "utf-8")
        assert channel.send(message).startswith("wrote ")
        assert json.loads(path.read_text("utf-8"))["key"] == message.key


def test_an_alert_file_is_never_written_through_a_planted_name(
        tmp_path: Path, now: datetime) -> None:
    """The temporary file's name is predictable (key and writer, no random part), so it is
    only ever created new: a symlink planted there is not followed (its target stays as it
    was), the attempt fails and is retried, and the retry writes the alert."""
    with _queued(tmp_path / "a.db", now) as archive:
        alerts = tmp_path / "alerts"
        channel = FileChannel("file", alerts)
        (message,) = [c.alert for c in claim(archive, "file", now)]
        channel.send(message)  # the first write sweeps leftovers; plant after it
        channel.path_for(message).unlink()
        victim = tmp_path / "victim.txt"
        victim.write_text("keep me", "utf-8")
        planted = alerts / f".tmp-{message.key}.{os.getpid()}-{threading.get_ident()}.json"
        planted.symlink_to(victim)
        with pytest.raises(ChannelError):
            channel.send(message)
        assert victim.read_text("utf-8") == "keep me"
        assert channel.send(message).startswith("wrote ")
        assert json.loads(channel.path_for(message).read_text("utf-8"))["key"] == message.key


def _claim_steps(archive: Archive, now: datetime) -> int:
    """SQLite virtual-machine steps (in tens) of one claim round."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0

    archive.db.conn.set_progress_handler(tick, 10)
    try:
        claim(archive, "file", now)
    finally:
        archive.db.conn.set_progress_handler(None, 0)
    return steps


def test_a_claim_reads_the_due_alerts_not_every_alert_ever_sent(
        tmp_path: Path, now: datetime) -> None:
    """Claiming asked for the due alerts with an OR that SQLite answered by reading every
    alert of the channel, sent ones included, at every outbox round: its cost grew with
    the alerts kept. Now it reads the two due ranges of the status index: with nothing
    due, as much at 300 sent alerts as at 30."""
    steps = []
    for count in (30, 300):
        with _queued(tmp_path / f"{count}.db", now, count) as archive:
            archive.db.execute("UPDATE alerts SET status = 'sent', sent_at = ?",
                               [now.isoformat()])
            archive.db.conn.commit()
            steps.append(_claim_steps(archive, now + timedelta(hours=1)))
    assert steps[1] <= steps[0] + 5, steps
