"""The alert lifecycle end to end on loopback: baseline, edits, operational alerts, and the
`monitor alerts` commands an operator uses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from monitor.archive import Archive
from monitor.cli import cli
from monitor.config import Config, load_config
from monitor.notify.lifecycle import apply_requests, request_retry
from monitor.service import instance_lock

from .flows import one_pass
from .servers import ScriptedServer, html, scripted

PAGE = """<html><head><title>{title}</title></head><body><nav>Home News</nav>
<article><h1>{title}</h1><p class="date">Date: 2024-05-10</p>
<p>{first} signed a contract for a new dairy plant with a capacity of 500 tonnes a day,
the company said on Friday, after two years of talks with the provincial government.</p>
<p>The plant will be built in three phases and is expected to create 800 jobs in the region,
according to the statement released by the company.</p>{extra}
</article><footer>Contact us</footer></body></html>"""


def _index(*paths: str) -> str:
    return "<ul>" + "".join(f'<li><a href="{p}">story</a></li>' for p in paths) + "</ul>"


def _article(title: str, first: str = "China Haisum", extra: str = "") -> str:
    return PAGE.format(title=title, first=first, extra=extra)


def _config(tmp: Path, srv: ScriptedServer, **settings: Any) -> Config:
    doc = {
        "settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0, "robots": False,
                     "per_host": {"delay": "0s", "concurrency": 2}, **settings},
        "watch": [{"name": "China Haisum", "aliases": ["Haisum"]}, {"name": "Poly Group"}],
        "channels": [{"type": "file", "name": "desk"},
                     {"type": "file", "name": "ops", "dir": "ops", "source_failures": True,
                      "organisations": ["Poly Group"]}],
        "sources": [{"name": "news", "url": srv.url + "/", "include": [r"/news/\d+"]}],
    }
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return load_config(path)


def _files(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(directory.glob("*.json"))]


def test_first_pass_of_a_new_source_is_a_silent_baseline(tmp_path: Path) -> None:
    """Issue 6: no flood on the first run; the next new article alerts as usual."""
    routes = {"/": html(_index("/news/1", "/news/2")),
              "/news/1": html(_article("Haisum wins dairy plant")),
              "/news/2": html(_article("Haisum opens office"))}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv)
        (first,) = one_pass(cfg)
        routes["/"] = html(_index("/news/1", "/news/2", "/news/3"))
        routes["/news/3"] = html(_article("Haisum ships first line"))
        (second,) = one_pass(cfg)
    assert (first.baseline, first.new, first.alerts) == (True, 2, 0)
    assert (second.baseline, second.new, second.alerts) == (False, 1, 1)
    (alert,) = _files(tmp_path / "alerts")
    assert alert["title"] == "Haisum ships first line" and alert["kind"] == "new"


def test_an_edit_alerts_newcomers_with_the_added_sentences(tmp_path: Path) -> None:
    routes = {"/": html(_index("/news/1")), "/news/1": html(_article("Haisum wins plant"))}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv, baseline=False)
        one_pass(cfg)
        routes["/news/1"] = html(_article("Haisum wins plant", extra=(
            "<p>Poly Group will supply the steel for the first phase of the plant.</p>")))
        (edit,) = one_pass(cfg)
    assert (edit.changed, edit.alerts) == (1, 2)  # Poly Group to desk and to ops
    poly = [a for a in _files(tmp_path / "alerts") if a["organisation"] == "Poly Group"]
    assert poly[0]["kind"] == "changed"
    assert poly[0]["added"] == ["Poly Group will supply the steel for the first phase of the plant."]
    assert [a["organisation"] for a in _files(tmp_path / "ops")] == ["Poly Group"]


def test_a_failing_source_alerts_once_then_once_on_recovery(tmp_path: Path) -> None:
    """T13: a host failing pass after pass raises one operational alert (to the channel that
    asked for them), not one per pass; its recovery raises one more."""
    state = {"down": True}

    def listing(_req: object) -> tuple[int, dict[str, str], bytes]:
        if state["down"]:
            return 503, {"Content-Type": "text/html"}, b"down"
        return 200, {"Content-Type": "text/html"}, _index("/news/1").encode()

    routes = {"/": listing, "/news/1": html(_article("Haisum wins plant"))}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv, alert_on_failure=2)
        for _ in range(4):
            assert not one_pass(cfg)[0].ok
        state["down"] = False
        one_pass(cfg)
        one_pass(cfg)
    ops = _files(tmp_path / "ops")
    assert sorted(a["kind"] for a in ops) == ["source_failed", "source_recovered"]
    assert all(a["source"] == "news" for a in ops)
    assert not [a for a in _files(tmp_path / "alerts") if a["kind"].startswith("source")]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout + result.stderr


def test_alerts_commands_list_retry_and_test(tmp_path: Path) -> None:
    routes = {"/": html(_index("/news/1")), "/news/1": html(_article("Haisum wins plant"))}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv, baseline=False)
        (tmp_path / "alerts").write_text("not a directory", "utf-8")  # the desk channel fails
        one_pass(cfg)
    conf = str(cfg.path)
    code, out = _invoke("--config", conf, "alerts", "--failed", "--json")
    listed = json.loads(out)
    assert code == 0 and [a["channel"] for a in listed["alerts"]] == ["desk"]
    assert "cannot write alert" in listed["alerts"][0]["last_error"]
    with Archive(cfg.settings.database) as archive:
        archive.db.execute("UPDATE alerts SET status = 'dead'")
        archive.db.commit()
    (tmp_path / "alerts").unlink()
    code, out = _invoke("--config", conf, "alerts", "retry", "--all")
    assert code == 0 and "1 alert(s) due now" in out
    one_pass(cfg)
    assert [a["title"] for a in _files(tmp_path / "alerts")] == ["Haisum wins plant"]
    code, out = _invoke("--config", conf, "alerts", "test", "desk")
    assert code == 0 and "desk: delivered" in out
    code, out = _invoke("--config", conf, "alerts", "test", "nope")
    assert code == 2 and "configured: desk, ops" in out


def test_retry_while_a_daemon_runs_is_handed_to_it(tmp_path: Path) -> None:
    """The archive has one writer: with the lock held, `alerts retry` leaves a request that
    the daemon applies at its next outbox round."""
    routes = {"/": html(_index("/news/1")), "/news/1": html(_article("Haisum wins plant"))}
    with scripted(routes) as srv:
        cfg = _config(tmp_path, srv, baseline=False)
        one_pass(cfg)
    database = cfg.settings.database
    with Archive(database) as archive:
        archive.db.execute("UPDATE alerts SET status = 'dead'")
        archive.db.commit()
    with instance_lock(database):
        code, out = _invoke("--config", str(cfg.path), "alerts", "retry", "--all")
    assert code == 0 and "will retry them within 30 s" in out
    with Archive(database) as archive:
        assert apply_requests(archive, datetime.now(UTC)) == 1
        assert apply_requests(archive, datetime.now(UTC)) == 0  # applied once
        assert archive.query("SELECT status FROM alerts") == [{"status": "pending"}]
    request_retry(database, [999])  # an unknown id changes nothing
    with Archive(database) as archive:
        assert apply_requests(archive, datetime.now(UTC)) == 0
