"""Run `monitor` and SIGKILL it at an event, for the crash test and bench/soak.py (T27).

    python tests/crashpoint.py EVENT N SENDLOG -- MONITOR ARGS...

EVENT is where the process dies, counted from the start of the process:

    presave   before the N-th article save (fetched and extracted, nothing written yet)
    save      after the N-th article save committed
    presend   before the N-th alert is handed to its channel (after the outbox commit)
    send      after the N-th alert was written by its channel, before it is marked sent
    none      never (a normal run)

Every alert handed to a channel is appended to SENDLOG (its key), so a caller can count
resends. Also: ``invariants()``, what must hold after a crash and a clean pass.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVENTS = ("presave", "save", "presend", "send", "none")


def _kill_at(owner: type, name: str, count: int, before: bool,
             note: Callable[[Any], None] | None = None) -> None:
    original = getattr(owner, name)
    calls = 0

    def hooked(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if before and calls == count:
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(self, *args, **kwargs)
        if note is not None:
            note(args[0])
        if not before and calls == count:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(owner, name, hooked)


def _kill_at_save(archive: type, count: int, before: bool) -> None:
    """Die before (after) the commit of the ``count``-th article save. Saves are committed in
    batches (monitor/writebatch.py): the batch holding that article is cut just before
    (after) it, as a smaller batch could have been, so the kill lands exactly there."""
    from monitor.saving import Batch

    original = archive.write_batch
    seen = 0

    def hooked(self: Any, batch: Any) -> Any:
        nonlocal seen
        if count and seen < count <= seen + len(batch.saves):
            first = count - seen - (1 if before else 0)  # saves committed before the kill
            if first:
                original(self, Batch(saves=batch.saves[:first]))
            os.kill(os.getpid(), signal.SIGKILL)
        seen += len(batch.saves)
        return original(self, batch)

    archive.write_batch = hooked  # type: ignore[attr-defined]


def main(argv: list[str]) -> None:
    event, count, sendlog, separator, *args = argv
    if event not in EVENTS or separator != "--":
        raise SystemExit(__doc__)
    from monitor.archive import Archive
    from monitor.cli import cli
    from monitor.notify.file import FileChannel

    def note(message: Any) -> None:
        with open(sendlog, "a", encoding="utf-8") as log:
            log.write(f"{getattr(message, 'key', message)}\n")

    n = int(count) if event != "none" else 0
    _kill_at_save(Archive, n if event in ("presave", "save") else 0, event == "presave")
    _kill_at(FileChannel, "_write", n if event in ("presend", "send") else 0,
             event == "presend", note)  # one alert's file (send_many writes several)
    cli.main(args=args, prog_name="monitor")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a clean pass after the kills left behind."""

    articles: int
    lost_articles: int
    duplicate_articles: int
    lost_alerts: int  # a mention with no alert row, or an alert never sent
    duplicate_alerts: int  # more than one alert row for one mention
    resent: int  # sends of a key already sent (at-least-once: the same key, same file; the
    # file channel records a chunk of up to SEND_BATCH alerts at once, so a kill mid-chunk
    # rewrites the chunk's files written before it, identically)
    integrity: str


def _index_state(conn: sqlite3.Connection) -> str:
    """"ok" when the full-text index holds every stored article's current text and nothing
    waits to be indexed: a kill mid-batch must not leave an article unsearchable (the
    page-level integrity check does not compare an external-content index with its table)."""
    try:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return f"full-text index: {exc}"
    pending = conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0]
    return f"{pending} articles never indexed" if pending else "ok"


def invariants(database: Path, alerts_dir: Path, sendlog: Path, expected_articles: int
               ) -> Outcome:
    conn = sqlite3.connect(database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity == "ok":
            integrity = _index_state(conn)
        stored, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        per_mention = conn.execute(
            "SELECT count(a.id), sum(a.status = 'sent') FROM mentions m LEFT JOIN alerts a "
            "ON a.article_id = m.article_id AND a.organisation = m.organisation "
            "GROUP BY m.article_id, m.organisation").fetchall()
        keys = {row[0] for row in conn.execute("SELECT key FROM alerts")}
    finally:
        conn.close()
    files = {p.stem for p in alerts_dir.glob("*.json")
             if json.loads(p.read_text("utf-8")).get("key") == p.stem}
    sends = sendlog.read_text("utf-8").split() if sendlog.exists() else []
    return Outcome(
        articles=stored, lost_articles=max(0, expected_articles - distinct),
        duplicate_articles=stored - distinct,
        lost_alerts=sum(1 for rows, sent in per_mention if rows == 0 or not sent)
        + len(keys - files),
        duplicate_alerts=sum(rows - 1 for rows, _ in per_mention if rows > 1),
        resent=len(sends) - len(set(sends)), integrity=integrity,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
