"""The archive as Datasette reads it: the table contract, facets, search; loopback only."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import Datasette

from monitor.archive import Archive
from monitor.browse import command, loopback_only, metadata

from .conftest import all_articles
from .flows import one_pass, write_config


def test_datasette_reads_the_archive(tmp_path: Path, site_servers: dict) -> None:
    """Datasette opens a real archive with our metadata: articles faceted by source,
    full-text search through articles_fts, the outbox readable."""
    cfg = write_config(tmp_path, site_servers)
    one_pass(cfg)
    db = cfg.settings.database
    ds = Datasette([str(db)], metadata=metadata(db))

    async def get(path: str) -> dict:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        return response.json()

    async def go() -> tuple[dict, dict, dict]:
        return (await get(f"/{db.stem}/articles.json?_shape=objects&_facet=source"),
                await get(f"/{db.stem}/articles.json?_search=Haisum&_shape=objects"),
                await get(f"/{db.stem}/alerts.json?_shape=objects&status=sent"))

    articles, found, alerts = asyncio.run(go())
    facets = {f["value"]: f["count"] for f in articles["facet_results"]["source"]["results"]}
    assert facets == {"haisum": 6, "hailing": 4, "foshan": 4}
    assert found["rows"] and all("Haisum" in r["title"] + r["body"] for r in found["rows"])
    assert len(alerts["rows"]) == 13


def test_canned_queries_answer_an_analysts_questions(tmp_path: Path, site_servers: dict) -> None:
    """Issue 10: latest alerts with title and link, articles by organisation (one row per
    article), organisations, problem sources, undelivered alerts; internal tables hidden."""
    cfg = write_config(tmp_path, site_servers)
    one_pass(cfg)
    db = cfg.settings.database
    ds = Datasette([str(db)], metadata=metadata(db))

    async def rows(path: str) -> list[dict]:
        response = await ds.client.get(path)
        assert response.status_code == 200, path
        return response.json()["rows"]

    async def go() -> list[list[dict]]:
        base = f"/{db.stem}"
        return [await rows(f"{base}/latest_alerts.json?_shape=objects"),
                await rows(f"{base}/articles_by_organisation.json?_shape=objects"
                           "&organisation=China+Haisum"),
                await rows(f"{base}/organisations.json?_shape=objects"),
                await rows(f"{base}/undelivered_alerts.json?_shape=objects"),
                await rows(f"{base}/failing_sources.json?_shape=objects")]

    latest, haisum, organisations, undelivered, failing = asyncio.run(go())
    assert len(latest) == 13 and all(r["title"] and r["url"].startswith("http") for r in latest)
    want = sum("China Haisum" in art["mentions"] for _site, art in all_articles())
    assert len(haisum) == len({r["url"] for r in haisum}) == want
    assert {r["organisation"]: r["articles"] for r in organisations}["China Haisum"] == want
    assert undelivered == [] and failing == []

    async def hidden() -> list[str]:
        response = await ds.client.get(f"/{db.stem}.json")
        return [t["name"] for t in response.json()["tables"] if t["hidden"]]

    assert "_sqlite_migrations" in asyncio.run(hidden())


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "example.com", "::"])
def test_only_loopback(host: str) -> None:
    """T50: no unauthenticated archive on a non-loopback interface."""
    with pytest.raises(ValueError, match="refusing"):
        loopback_only(host)


def test_command_serves_on_loopback(tmp_path: Path) -> None:
    args = command(tmp_path / "a.db", tmp_path / "m.json", "127.0.0.1", 8123)
    assert args[1:4] == ["-m", "datasette", "serve"] and "127.0.0.1" in args and "8123" in args


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_datasette_stops_with_monitor_browse(tmp_path: Path, how: signal.Signals) -> None:
    """Issue 8.4: `monitor browse` stopped by SIGTERM stops Datasette too (exit code 0), so
    does Ctrl-C (SIGINT to the process group: exit code 130, one line), and a SIGKILLed one
    does not leave it serving the archive."""
    from .test_orphans import _alive, _children, _gone

    Archive(tmp_path / "a.db").close()
    config = tmp_path / "sources.yaml"
    config.write_text("settings: {database: a.db}\nsources: []\n", "utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(config), "browse",
                             "--port", str(port)], stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    children: list[int] = []
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            if "Uvicorn running" in line:
                break
        children = _children(proc.pid)
        assert children, "Datasette did not start"
        if how == signal.SIGINT:
            os.killpg(proc.pid, how)  # Ctrl-C reaches the whole process group
        else:
            proc.send_signal(how)
        code = proc.wait(20)
        assert code == {signal.SIGTERM: 0, signal.SIGINT: 130, signal.SIGKILL: -signal.SIGKILL}[how]
        if how == signal.SIGINT:
            rest = [line for line in proc.stderr if line.strip()]  # type: ignore[union-attr]
            assert rest[-1:] == ["interrupted\n"] and not [r for r in rest if "Traceback" in r]
        assert not _gone(children)
    finally:
        for pid in [proc.pid, *children]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        proc.wait(10)
