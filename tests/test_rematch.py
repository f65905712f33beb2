"""`monitor rematch`: the current watch list over stored articles (issue 7)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.archive import Archive
from monitor.cli import cli
from monitor.models import Article, Route
from monitor.rematch import rematch
from monitor.watch import Matcher

from .test_watch import Org

OLD = Matcher([Org("China Haisum", ("Haisum",))])
NEW = Matcher([Org("China Haisum", ("Haisum",)), Org("Poly Group")])
ARTICLES = (
    Article("https://a.example/1", "Haisum and Poly Group", "Haisum signs with Poly Group.",
            "2026-10-01"),
    Article("https://a.example/2", "Poly Group alone", "据悉Poly Group与上海签约。", "2026-11-20"),
    Article("https://a.example/3", "Undated", "Poly Group, undated.", None),
)


@pytest.fixture
def archive(db_path: Path, now: datetime) -> Archive:
    archive = Archive(db_path)
    for article in ARTICLES:
        archive.save(article, source="s", mentions=OLD.match(article.title, article.body),
                     routes=[Route("file")], now=now)
    return archive


def orgs_of(archive: Archive, url: str) -> list[str]:
    return [m["organisation"] for m in archive.article(archive.lookup(url)["id"])["mentions"]]


def alert_rows(archive: Archive) -> list[tuple[str, str]]:
    return [(r["organisation"], r["key"]) for r in archive.query(
        "SELECT organisation, key FROM alerts ORDER BY id")]


def test_an_organisation_added_today_finds_older_articles(archive: Archive, now: datetime) -> None:
    assert archive.search("Poly", organisation="Poly Group") == []
    before = alert_rows(archive)
    report = rematch(archive, NEW, now=now, batch=2)
    assert (report.articles, report.added, report.removed, report.alerts) == (3, 3, 0, 0)
    assert len(archive.search("Poly", organisation="Poly Group")) == 3
    assert orgs_of(archive, "https://a.example/1") == ["China Haisum", "Poly Group"]
    assert alert_rows(archive) == before  # no alerts unless asked


def test_since_limits_by_publication_or_first_seen_date(archive: Archive, now: datetime) -> None:
    report = rematch(archive, NEW, now=now, since="2026-11-01")
    assert report.articles == 2  # the article of 2026-11-20 and the undated one, first seen now
    assert orgs_of(archive, "https://a.example/1") == ["China Haisum"]
    assert orgs_of(archive, "https://a.example/2") == ["Poly Group"]


def test_alerts_only_for_newly_found_organisations_once(archive: Archive, now: datetime) -> None:
    before = alert_rows(archive)
    report = rematch(archive, NEW, now=now, routes=[Route("file")])
    new = alert_rows(archive)[len(before):]
    assert report.alerts == 3 and [org for org, _ in new] == ["Poly Group"] * 3
    again = rematch(archive, NEW, now=now, routes=[Route("file")])
    assert (again.added, again.alerts) == (0, 0) and len(alert_rows(archive)) == len(before) + 3


def test_an_organisation_dropped_from_the_watch_list_loses_its_mentions(
        archive: Archive, now: datetime) -> None:
    report = rematch(archive, Matcher([Org("Poly Group")]), now=now)
    assert (report.added, report.removed) == (3, 1)
    assert orgs_of(archive, "https://a.example/1") == ["Poly Group"]


def test_the_command(tmp_path: Path, archive: Archive) -> None:
    archive.close()
    (tmp_path / "orgs.yaml").write_text(
        "organisations:\n  - name: China Haisum\n    aliases: [Haisum]\n  - name: Poly Group\n",
        "utf-8")
    config = tmp_path / "sources.yaml"
    config.write_text(f"settings:\n  database: {archive.path}\nwatch: orgs.yaml\n", "utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["--config", str(config), "rematch", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"articles": 3, "added": 3, "removed": 0, "alerts": 0}
    result = runner.invoke(cli, ["--config", str(config), "rematch", "--since", "last week"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    result = runner.invoke(cli, ["--config", str(config), "rematch", "--alert"])
    assert result.exit_code == 0 and "Rematch" in result.output
