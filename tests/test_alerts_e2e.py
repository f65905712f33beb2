"""Issue 6 as a new user checks it: email and webhook channels on real loopback receivers,
`monitor run --once`, receivers failing the first webhooks, `monitor alerts retry --all`,
another pass: every (article, organisation) arrives once by each channel."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.demo import DEMO_SOURCES
from monitor.sites import SiteServer

from .conftest import FIXTURES, all_articles
from .receivers import HttpReceiver, SmtpReceiver

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
FAILED_WEBHOOKS = 3


def _config(tmp: Path, servers: dict[str, SiteServer], smtp: SmtpReceiver,
            hook: HttpReceiver) -> Path:
    folders = {name: site for site, name, *_ in DEMO_SOURCES}
    watch = yaml.safe_load((FIXTURES / "watchlist.yaml").read_text("utf-8"))["organisations"]
    doc: dict[str, Any] = {
        "settings": {"per_host": {"concurrency": 4, "delay": "0s"}, "retries": 0},
        "watch": watch,
        "channels": [
            {"type": "email", "smtp": {"host": "127.0.0.1", "port": smtp.port,
                                       "security": "none", "timeout": "5s"},
             "to": ["desk@example.org"], "from": "monitor@example.org"},
            {"type": "webhook", "url": hook.url + "/hook", "secret_env": "HOOK_SECRET",
             "timeout": "5s"},
        ],
        "sources": [{"name": name, kind: servers[folders[name]].url + listing,
                     "include": [pattern], "baseline": False}
                    for _site, name, kind, listing, pattern in DEMO_SOURCES],
    }
    path = tmp / "sources.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), "utf-8")
    return path


def _expected(servers: dict[str, SiteServer]) -> Counter[tuple[str, str]]:
    """(article path, organisation) pairs the fixtures' expected.json promise."""
    return Counter((art["url"].split("/", 3)[-1], org) for _site, art in all_articles()
                   for org in art["mentions"])


def _pair(payload: dict[str, Any]) -> tuple[str, str]:
    return payload["url"].split("/", 3)[-1], payload["organisation"]


def test_email_and_webhook_deliver_every_alert_once(
        tmp_path: Path, site_servers: dict[str, SiteServer],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_SECRET", SECRET)
    runner = CliRunner()
    with SmtpReceiver("plain") as smtp, HttpReceiver(secret=SECRET) as hook:
        conf = str(_config(tmp_path, site_servers, smtp, hook))
        hook.answer_next(FAILED_WEBHOOKS, 500, body=b"receiver busy")
        first = runner.invoke(cli, ["--config", conf, "run", "--once"], catch_exceptions=False)
        assert first.exit_code == 0, first.output
        assert "to retry" in first.stderr
        retried = runner.invoke(cli, ["--config", conf, "alerts", "retry", "--all"])
        assert retried.exit_code == 0 and f"{FAILED_WEBHOOKS} alert(s) due now" in retried.stdout
        second = runner.invoke(cli, ["--config", conf, "run", "--once"], catch_exceptions=False)
        third = runner.invoke(cli, ["--config", conf, "run", "--once"], catch_exceptions=False)
        assert second.exit_code == third.exit_code == 0
        mails, requests = list(smtp.mails), list(hook.requests)
    expected = _expected(site_servers)
    assert sum(expected.values()) == 13
    # email: one message per (article, organisation), each with its own Message-ID key
    by_mail = Counter(_pair(_mail_payload(m.text())) for m in mails)
    assert by_mail == expected and len({m.key for m in mails}) == len(mails)
    # webhook: every signature valid; the failed ids delivered later; no id accepted twice
    assert all(r.verified for r in requests)
    accepted = [r for r in requests if r.accepted]
    failed_ids = {r.webhook_id for r in requests if not r.accepted}
    assert len(failed_ids) == FAILED_WEBHOOKS
    assert len({r.webhook_id for r in accepted}) == len(accepted) == 13
    assert failed_ids <= {r.webhook_id for r in accepted}
    by_hook = Counter(_pair(json.loads(r.body)["data"]) for r in accepted)
    assert by_hook == expected
    assert "alerts:" not in third.stderr  # nothing new on a later pass


def _mail_payload(text: str) -> dict[str, Any]:
    """The URL and organisation as the email's text states them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    url = next(line for line in lines if line.startswith("http"))
    organisation = lines[0].split(" (as ", 1)[0].split(" in a new article")[0]
    return {"url": url, "organisation": organisation}
