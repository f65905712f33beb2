"""Dead article links back off (issue 8, item 8): which failures count, the schedule, and
the archive's memory of them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from monitor.archive import Archive
from monitor.deadlinks import forget, is_dead, record_failure, resting, wait_after
from monitor.errors import ExtractionFailed, PermanentFetchError, TransientFetchError

URL = "https://a.example/news/1?utm_source=x"


@pytest.mark.parametrize(("error", "dead"), [
    (PermanentFetchError(URL, "http_404"), True),
    (PermanentFetchError(URL, "http_410"), True),
    (PermanentFetchError(URL, "not_html", "application/pdf"), True),
    (ExtractionFailed("no main content"), True),
    (PermanentFetchError(URL, "robots_disallowed"), False),
    (PermanentFetchError(URL, "blocked_ssrf"), False),
    (PermanentFetchError(URL, "http_429"), False),
    (TransientFetchError(URL, "timeout"), False),
])
def test_which_failures_mean_dead(error, dead) -> None:
    assert is_dead(error) is dead


def test_the_wait_doubles_up_to_a_week() -> None:
    assert [wait_after(n) for n in (1, 2, 3)] == [timedelta(hours=h) for h in (1, 2, 4)]
    assert wait_after(9) == wait_after(1000) == timedelta(days=7)


def test_the_archive_remembers_until_the_link_works(tmp_path: Path, now: datetime) -> None:
    with Archive(tmp_path / "a.db") as archive:
        record_failure(archive, URL, "s", "http_404", now)
        assert resting(archive, [URL, "https://a.example/news/2"], now) == {
            "https://a.example/news/1"}  # canonical: the tracking parameter is gone
        assert resting(archive, [URL], now + timedelta(minutes=61)) == set()
        record_failure(archive, URL, "s", "http_404", now + timedelta(minutes=61))
        assert resting(archive, [URL], now + timedelta(hours=2)) == {"https://a.example/news/1"}
        row = archive.query("SELECT failures, first_failed FROM dead_links")[0]
        assert row == {"failures": 2, "first_failed": now.isoformat(timespec="seconds")}
        forget(archive, URL)
        assert resting(archive, [URL], now) == set()
