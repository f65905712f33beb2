"""The command line as a user meets it: exit codes, messages, --json, the demo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli

from .conftest import REPO, SITES, all_articles


def invoke(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(cli, list(args), catch_exceptions=False)
    else:
        with runner.isolated_filesystem(temp_dir=cwd):
            result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    code, out, _ = invoke("demo", "--dir", str(root))
    assert code == 0, out
    assert "Articles (14 new)" in out and "Alerts fired this run (13)" in out
    return root


def test_demo_stores_everything_and_fires_expected_alerts(demo_dir: Path) -> None:
    alerts = [json.loads(p.read_text("utf-8")) for p in (demo_dir / "alerts" / "demo").glob("*.json")]
    want = {(a["title"], org) for _site, a in all_articles() for org in a["mentions"]}
    assert {(a["title"], a["organisation"]) for a in alerts} == want
    assert len(alerts) == len(want) == 13


def test_demo_again_finds_nothing_new(demo_dir: Path) -> None:
    code, out, _ = invoke("demo", "--dir", str(demo_dir))
    assert code == 0
    assert "Articles (0 new)" in out and "Alerts fired this run (0)" in out
    assert len(list((demo_dir / "alerts" / "demo").glob("*.json"))) == 13


def test_search_the_demo_archive(demo_dir: Path) -> None:
    config = str(demo_dir / "state" / "demo.yaml")
    code, out, _ = invoke("--config", config, "search", "Haisum", "--org", "SIMIA", "--json")
    assert code == 0
    titles = {row["title"] for row in json.loads(out)}
    assert titles == {"SIMIA Delegation Visits China Haisum to Discuss Intelligent "
                      "Manufacturing Cooperation"}
    code, out, _ = invoke("--config", config, "status", "--json")
    status = json.loads(out)
    assert {r["name"]: r["articles"] for r in status["sources"]} == {
        "haisum": 6, "hailing": 4, "foshan": 4}
    assert all(r["configured"] and r["next_due"] for r in status["sources"])
    assert status["outbox"] == {"sent": 13}


def test_check_summarises_the_default_config() -> None:
    code, out, _ = invoke("--config", str(REPO / "sources.yaml"), "check")
    assert code == 0 and "OK" in out and "Watchlist" in out and "China Haisum" in out
    code, out, _ = invoke("--config", str(REPO / "sources.yaml"), "check", "--json")
    assert code == 0 and len(json.loads(out)["sources"]) >= 3


def test_broken_config_exits_2_naming_the_line(tmp_path: Path) -> None:
    """T48: a semantic error names file, line and key; exit code 2, no traceback."""
    bad = tmp_path / "sources.yaml"
    bad.write_text("settings:\n  interval: 30m\nsources:\n  - name: a\n    url: https://a.example/\n"
                   "    interval: 1 hour\n", "utf-8")
    code, _out, err = invoke("--config", str(bad), "check")
    assert code == 2
    assert re.search(r"sources\.yaml:6: sources\[0\]\.interval: invalid duration '1 hour'", err)
    assert "Traceback" not in err


def test_run_once_offline_reports_each_source_failed(tmp_path: Path) -> None:
    """The default sources.yaml with its hosts made unresolvable (.invalid, RFC 6761), so the
    test can never reach a real site (and never asks DNS): every source fails clearly, and
    the exit code is 1 (issue 8.9)."""
    text = (REPO / "sources.yaml").read_text("utf-8")
    text = re.sub(r"(https?://[A-Za-z0-9.-]+)", r"\1.invalid", text)
    text = text.replace("database: state/archive.db", f"database: {tmp_path}/a.db")
    config = tmp_path / "sources.yaml"
    config.write_text(text, "utf-8")
    code, out, err = invoke("--config", str(config), "run", "--once", "--json")
    assert code == 1, err
    results = json.loads(out)
    assert len(results) >= 3 and not any(r["ok"] for r in results)
    assert all(r["error"] for r in results) and "Traceback" not in err


def test_extract_a_file() -> None:
    page = SITES / "haisum" / "news" / "show_716.html"
    code, out, _ = invoke("extract", str(page), "--json")
    assert code == 0
    article = json.loads(out)
    assert article["published"] == "2021-09-27" and "Haisum" in article["title"]


def test_unknown_source_is_a_usage_error(demo_dir: Path) -> None:
    code, _out, err = invoke("--config", str(demo_dir / "state" / "demo.yaml"), "run", "--once",
                             "--source", "nope")
    assert code == 2 and "nope" in err


def test_every_command_teaches() -> None:
    for name, command in cli.commands.items():
        assert command.help and len(command.help) > 40, name
        code, out, _ = invoke(name, "--help")
        assert code == 0 and "Usage" in out


def test_bundled_demo_sites_match_the_shared_fixtures() -> None:
    """The demo (and the tests of a plain clone) use a copy of ../shared/fixtures: complete
    (every page expected.json names, and the watchlist), and, where ../shared is beside the
    repo, identical to the original."""
    from .conftest import BUNDLED, SHARED

    named = [site.parent / article["file"] for site in BUNDLED.glob("sites/*/expected.json")
             for article in json.loads(site.read_text("utf-8"))["articles"]]
    assert len(named) == 14 and all(page.is_file() for page in named)
    assert (BUNDLED / "watchlist.yaml").is_file()
    source = SHARED / "fixtures"
    if not source.is_dir():
        return  # a plain clone: nothing to compare with
    originals = {p.relative_to(source): p.read_bytes() for p in source.rglob("*")
                 if p.is_file() and p.name != "README.md"}
    copies = {p.relative_to(BUNDLED): p.read_bytes() for p in BUNDLED.rglob("*") if p.is_file()}
    assert copies == originals


def test_extract_a_url_through_the_fetcher(site_servers: dict, tmp_path: Path) -> None:
    """`monitor extract URL` fetches like a source does (charset from the page's meta), with
    no configuration file at all."""
    url = site_servers["haisum"].map_url("https://en.haisum.example/news/show_716.html")
    code, out, err = invoke("--config", str(tmp_path / "none.yaml"), "extract", url)
    assert code == 0, err
    assert "published: 2021-09-27" in out and "\ufffd" not in out


def test_extract_rejects_what_is_neither_file_nor_url() -> None:
    code, _out, err = invoke("extract", "no-such-file.html")
    assert code == 2 and "neither a file nor an http(s) URL" in err


def test_show_and_export_the_demo_archive(demo_dir: Path, tmp_path: Path) -> None:
    config = str(demo_dir / "state" / "demo.yaml")
    code, out, _ = invoke("--config", config, "search", "SIMIA", "--json")
    article_id = json.loads(out)[0]["id"]
    code, out, _ = invoke("--config", config, "show", str(article_id), "--json")
    shown = json.loads(out)
    assert code == 0 and {m["organisation"] for m in shown["mentions"]} >= {"SIMIA"}
    code, _out, err = invoke("--config", config, "show", "999999")
    assert code == 1 and "no article with id 999999" in err
    target = tmp_path / "all.csv"
    code, _out, err = invoke("--config", config, "export", "--format", "csv", "-o", str(target))
    assert code == 0 and "exported 14 articles" in err
    import csv

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 14 and all(r["body"] and r["title"] for r in rows)
    code, out, _ = invoke("--config", config, "export", "--source", "foshan")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4 and {line["source"] for line in lines} == {"foshan"}
    code, out, _ = invoke("--config", config, "export", "--org", "simia", "--until", "2099-01-01")
    lines = [json.loads(line) for line in out.splitlines()]
    want = sum("SIMIA" in art["mentions"] for _site, art in all_articles())
    assert code == 0 and len(lines) == want and all("SIMIA" in r["organisations"] for r in lines)
    code, out, _ = invoke("--config", config, "export", "--until", "1999-12-31")
    assert code == 0 and out == ""


def test_history_shows_each_edit_as_a_diff(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from monitor.archive import Archive
    from monitor.models import Article

    db = tmp_path / "a.db"
    config = tmp_path / "sources.yaml"
    config.write_text(f"settings:\n  database: {db}\n", "utf-8")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with Archive(db) as archive:
        for body in ("First line.\nSecond line.", "First line.\nSecond line, corrected."):
            saved = archive.save(Article("https://a.example/1", "T", body), source="s",
                                 mentions=[], routes=[], now=now)
    code, out, _ = invoke("--config", str(config), "history", str(saved.article_id))
    assert code == 0
    assert "version 2" in out and "-Second line." in out and "+Second line, corrected." in out
