"""A real process SIGKILLed between sending an alert and recording it (T27 for the outbox)."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from monitor.archive import Archive
from monitor.models import Message
from monitor.notify.outbox import deliver, recover
from monitor.notify.render import alerts_of

from .conftest import REPO

# The child queues two alerts, then sends through a channel that logs the key it delivered
# and SIGKILLs its own process before the outbox can record the send.
CHILD = textwrap.dedent("""
    import asyncio, os, signal, sys
    from datetime import datetime, UTC
    from monitor.archive import Archive
    from monitor.models import Article, Mention, Route
    from monitor.notify.outbox import deliver

    db, log = sys.argv[1], sys.argv[2]

    class Dying:
        name = "hook"
        schedule = (5.0,)
        def send(self, message):
            with open(log, "a") as out:
                out.write(message.key + "\\n")
                out.flush()
                os.fsync(out.fileno())
            os.kill(os.getpid(), signal.SIGKILL)
        def close(self):
            pass

    archive = Archive(db)
    now = datetime.now(UTC)
    for i in range(2):
        archive.save(Article(f"https://a.example/{i}", f"Haisum {i}", f"Haisum signs {i}."),
                     source="s", mentions=[Mention("China Haisum", "Haisum", 1, "Haisum")],
                     routes=[Route("hook")], now=now)
    asyncio.run(deliver(archive, {"hook": Dying()}, {}, now))
""")


class Logging:
    name = "hook"
    schedule = (5.0,)

    def __init__(self, log: Path) -> None:
        self.log = log

    def send(self, message: Message) -> str:
        with self.log.open("a") as out:
            out.writelines(a.key + "\n" for a in alerts_of(message))
        return "ok"

    def close(self) -> None:
        pass


def test_kill_between_send_and_record_resends_the_same_key(tmp_path: Path) -> None:
    """The receiver sees the first alert twice under one key (so it can dedupe), the second
    once, and the archive ends with both sent: nothing lost, no new key."""
    db, log = tmp_path / "a.db", tmp_path / "received.log"
    child = subprocess.run([sys.executable, "-c", CHILD, str(db), str(log)], cwd=REPO,
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    (first_key,) = log.read_text().split()
    with Archive(db) as archive:
        assert archive.query("SELECT status FROM alerts ORDER BY id") == [
            {"status": "in_flight"}, {"status": "in_flight"}]  # both claimed, one sent
        now = datetime.now(UTC)
        assert recover(archive, now) == 2  # due now, not after the 5-minute lease
        report = asyncio.run(deliver(archive, {"hook": Logging(log)}, {}, now))
        assert report.sent == 2
        keys = log.read_text().split()
        rows = archive.query("SELECT key, status FROM alerts ORDER BY id")
    assert keys.count(first_key) == 2 and len(set(keys)) == 2
    assert {r["key"] for r in rows} == set(keys) and {r["status"] for r in rows} == {"sent"}
