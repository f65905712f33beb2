"""Issue 8.6 / T49: selectors and names checked at load, permissions, credentials redacted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import check_permissions, dump_config
from monitor.errors import ConfigError

from .test_config import assert_located, load_text

SRC = "sources:\n  - name: a\n    url: https://a.example/news/\n"


@pytest.mark.parametrize(("text", "line", "key", "message"), [
    (SRC + "    links: 'a.story >'\n", 4, "sources[0].links", "invalid CSS selector 'a.story >'"),
    (SRC + "    article: {body: 'div > > p'}\n", 4, "sources[0].article.body",
     "invalid CSS selector"),
    (SRC + "    article: {drop: [aside, ':nope(']}\n", 4, "sources[0].article.drop[1]",
     "invalid CSS selector"),
    ("sources:\n  - name: my source\n    url: https://a.example/\n", 2, "sources[0].name",
     "invalid name 'my source'"),
])
def test_selectors_and_names_are_checked_at_load(tmp_path, monkeypatch, text, line, key, message):
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, text)
    assert_located(info.value, line, key, message)


def test_writable_config_is_refused_to_run_with_the_fix(tmp_path: Path) -> None:
    """T49: a config others can write decides what we fetch: `run` and `check` refuse it."""
    path = tmp_path / "conf" / "sources.yaml"
    path.parent.mkdir(mode=0o755)
    path.write_text(SRC, "utf-8")
    check_permissions(path)  # 0644 in a 0755 directory: fine
    path.chmod(0o666)
    with pytest.raises(ConfigError, match="chmod go-w"):
        check_permissions(path)
    result = CliRunner().invoke(cli, ["--config", str(path), "check"])
    assert result.exit_code == 2 and "world-writable" in result.stderr
    path.chmod(0o644)
    path.parent.chmod(0o777)
    with pytest.raises(ConfigError, match="conf"):
        check_permissions(path)
    path.parent.chmod(0o1777)  # sticky, like /tmp: others cannot replace our file
    check_permissions(path)
    path.parent.chmod(0o755)
    assert os.access(path, os.R_OK)


def test_credentials_in_urls_never_shown(tmp_path, monkeypatch) -> None:
    text = "sources:\n  - name: a\n    url: https://bob:hunter2@a.example/news/\n"
    cfg = load_text(tmp_path, monkeypatch, text)
    assert "hunter2" not in str(dump_config(cfg))
    result = CliRunner().invoke(cli, ["--config", str(cfg.path), "check"])
    assert result.exit_code == 0 and "hunter2" not in result.stdout
    assert "***@a.example" in result.stdout
