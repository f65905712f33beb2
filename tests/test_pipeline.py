"""The whole flow against real loopback HTTP servers and a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.archive import Archive
from monitor.sites import SiteServer
from monitor.textnorm import normalize_text

from .conftest import SITE_NAMES, expected
from .flows import one_pass, write_config

ALERT_KEYS = {"url", "title", "published", "source", "organisation", "alias", "snippet", "kind",
              "key", "detected_at", "added"}


def _expected_by_url(servers: dict[str, SiteServer]) -> dict[str, dict]:
    return {servers[site].map_url(a["url"]): a for site in SITE_NAMES
            for a in expected(site)["articles"]}


def test_full_pass_stores_expected_articles_and_alerts(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """Every sample article is stored with the expected title, date, body and mentions, in
    automatic extraction mode and a worker process pool; one alert per (article, org)."""
    cfg = write_config(tmp_path, site_servers)
    results = one_pass(cfg, workers=2)
    assert all(r.ok and r.errors == 0 for r in results), results
    assert sum(r.new for r in results) == 14
    want = _expected_by_url(site_servers)
    with Archive(cfg.settings.database, readonly=True) as archive:
        rows = archive.query("SELECT * FROM articles")
        assert {r["url"] for r in rows} == set(want)
        for row in rows:
            exp = want[row["url"]]
            assert row["title"] == exp["title"]
            assert row["published"] == exp["published"]
            assert normalize_text(row["body"]) == normalize_text(exp["body"])
            orgs = archive.query("SELECT organisation FROM mentions WHERE article_id = ? "
                                 "ORDER BY organisation", [row["id"]])
            assert [o["organisation"] for o in orgs] == exp["mentions"]
        sent = archive.query("SELECT status FROM alerts")
    expected_alerts = sum(len(a["mentions"]) for a in want.values())
    assert len(sent) == expected_alerts and {s["status"] for s in sent} == {"sent"}
    files = sorted((cfg.settings.alerts_dir).glob("*.json"))
    assert len(files) == expected_alerts
    payloads = [json.loads(f.read_text("utf-8")) for f in files]
    assert all(set(p) == ALERT_KEYS for p in payloads)
    assert {(p["url"], p["organisation"]) for p in payloads} == {
        (url, org) for url, a in want.items() for org in a["mentions"]}
    assert all(p["kind"] == "new" and p["key"] in f.name for p, f in zip(payloads, files, strict=True))


def test_second_pass_is_unchanged_and_silent(
        tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    cfg = write_config(tmp_path, site_servers)
    one_pass(cfg)
    files_before = set(cfg.settings.alerts_dir.glob("*.json"))
    second = one_pass(cfg)
    assert sum(r.unchanged for r in second) == 14
    assert sum(r.new + r.changed + r.alerts for r in second) == 0
    assert set(cfg.settings.alerts_dir.glob("*.json")) == files_before


def test_broken_source_fails_alone(tmp_path: Path, site_servers: dict[str, SiteServer]) -> None:
    """(std) A source whose listing 404s or whose host refuses connections is marked failed
    with a reason; the other sources are checked as usual."""
    cfg = write_config(tmp_path, site_servers)
    sources = [s.model_dump(exclude_none=True, exclude={"interval"}) for s in cfg.sources]
    sources += [{"name": "gone", "url": site_servers["haisum"].url + "missing.html"},
                {"name": "down", "feed": "http://127.0.0.1:9/feed.xml"}]
    cfg2 = write_config(tmp_path, site_servers, sources=sources)
    results = {r.source: r for r in one_pass(cfg2)}
    assert results["gone"].error == "http_404" and not results["gone"].ok
    assert results["down"].error is not None and "connection_refused" in results["down"].error
    assert sum(results[n].new for n in ("haisum", "hailing", "foshan")) == 14
    with Archive(cfg2.settings.database, readonly=True) as archive:
        state = {r["name"]: r for r in archive.query("SELECT * FROM sources")}
    assert state["gone"]["last_status"] == "failed" and state["gone"]["failures"] == 1
    assert state["haisum"]["last_status"] == "ok"
