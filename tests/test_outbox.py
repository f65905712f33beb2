"""The outbox: sent once, retried on failure with backoff, leases survive a crash."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from monitor.archive import Archive
from monitor.errors import ChannelError
from monitor.models import Alert, Article, Mention
from monitor.notify import FileChannel
from monitor.notify.outbox import LEASE, claim, deliver
from monitor.retry import ALERT_SCHEDULE

MENTION = Mention("China Haisum", "Haisum", 1, "Haisum signs")


class Flaky:
    """A channel that fails ``failures`` times, then records what it receives."""

    def __init__(self, failures: int, retryable: bool = True) -> None:
        self.name = "file"
        self.failures = failures
        self.retryable = retryable
        self.received: list[Alert] = []

    def send(self, alert: Alert) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise ChannelError("receiver down", retryable=self.retryable)
        self.received.append(alert)


def _queued(path: Path, now: datetime) -> Archive:
    archive = Archive(path)
    archive.save(Article("https://a.example/1", "Haisum news", "Haisum signs."), source="s",
                 mentions=[MENTION], channels=["file"], now=now)
    return archive


def test_file_channel_writes_one_file_per_alert(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = FileChannel("file", tmp_path / "alerts")
        assert deliver(archive, {"file": channel}, now).sent == 1
        assert deliver(archive, {"file": channel}, now).sent == 0  # nothing sent twice
        (path,) = (tmp_path / "alerts").glob("*.json")
        data = json.loads(path.read_text("utf-8"))
        assert data["organisation"] == "China Haisum" and path.name == f"{data['key']}.json"


def test_failure_is_retried_on_schedule(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = Flaky(failures=1)
        report = deliver(archive, {"file": channel}, now)
        assert (report.sent, report.retrying) == (0, 1)
        assert deliver(archive, {"file": channel}, now).sent == 0  # not due yet: no busy loop
        later = now + timedelta(seconds=ALERT_SCHEDULE[0] * 1.3)
        assert deliver(archive, {"file": channel}, later).sent == 1
        row = archive.query("SELECT status, attempts, last_error FROM alerts")[0]
        assert row == {"status": "sent", "attempts": 2, "last_error": None}


def test_permanent_failure_is_dead(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        assert deliver(archive, {"file": Flaky(1, retryable=False)}, now).dead == 1
        assert archive.query("SELECT status FROM alerts")[0]["status"] == "dead"


def test_retries_give_up_after_the_schedule(tmp_path: Path, now: datetime) -> None:
    with _queued(tmp_path / "a.db", now) as archive:
        channel = Flaky(failures=100)
        at = now
        for _ in range(len(ALERT_SCHEDULE) + 1):
            deliver(archive, {"file": channel}, at)
            at += timedelta(days=2)
        row = archive.query("SELECT status, attempts FROM alerts")[0]
        assert row == {"status": "dead", "attempts": len(ALERT_SCHEDULE) + 1}


def test_crash_after_claim_resends_with_same_key(tmp_path: Path, now: datetime) -> None:
    """T27 (in-process form): a sender that dies after claiming leaves a lease; once it
    expires the alert is sent again, with the same idempotency key, exactly once more."""
    with _queued(tmp_path / "a.db", now) as archive:
        (claimed,) = claim(archive, now)  # ...and the process dies here
        channel = Flaky(failures=0)
        assert deliver(archive, {"file": channel}, now).sent == 0  # still leased
        assert deliver(archive, {"file": channel}, now + LEASE + timedelta(seconds=1)).sent == 1
        assert [a.key for a in channel.received] == [claimed.key]


def test_file_channel_sweeps_half_written_files(tmp_path: Path, now: datetime) -> None:
    """A process killed mid-write leaves a .tmp- file; the next sender removes it."""
    (tmp_path / "alerts").mkdir()
    (tmp_path / "alerts" / ".tmp-abc.json").write_text("{", "utf-8")
    with _queued(tmp_path / "a.db", now) as archive:
        deliver(archive, {"file": FileChannel("file", tmp_path / "alerts")}, now)
    assert [p.name for p in (tmp_path / "alerts").iterdir() if p.name.startswith(".tmp-")] == []
