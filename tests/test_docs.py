"""The README documents every command, option and config key, and CI runs its test command."""

from __future__ import annotations

import re

import click
import pytest

from monitor.channelconfig import (
    AppriseChannelConfig,
    EmailChannelConfig,
    FileChannelConfig,
    SmtpSettings,
    WebhookChannelConfig,
)
from monitor.cli import cli
from monitor.config import ArticleSelectors, Organisation, PerHost, Settings, SourceConfig

from .conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    return re.findall(r"^```sh\n(.+?)\n```", README, flags=re.M | re.S)


def test_ci_runs_the_readme_test_command() -> None:
    ci = [line for line in (REPO / ".ci" / "run").read_text("utf-8").splitlines()
          if line and not line.startswith(("#", "set ", "cd "))]
    commands = _commands()
    assert ci == [commands[1]]
    assert "pytest" in commands[1] and commands[0].endswith("monitor demo")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"`monitor {name}" in README
    command = cli.commands[name]
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (name, param.opts)


@pytest.mark.parametrize("model", [Settings, PerHost, Organisation, SourceConfig,
                                   ArticleSelectors, FileChannelConfig, EmailChannelConfig,
                                   SmtpSettings, WebhookChannelConfig, AppriseChannelConfig])
def test_every_config_key_is_documented(model: type) -> None:
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert f"`{key}`" in README or f"{key}:" in README, (model.__name__, key)


def test_readme_yaml_examples_load(tmp_path, monkeypatch) -> None:
    """Every ```yaml example in the README is a valid piece of configuration (with a
    source and an organisation added where the example refers to them)."""
    import yaml

    from monitor.config import load_config
    from monitor.notify import routes

    examples = re.findall(r"^```yaml\n(.+?)\n```", README, flags=re.M | re.S)
    assert len(examples) >= 4
    for example in examples:
        doc = yaml.safe_load(example)
        doc.setdefault("watch", [{"name": "China Haisum"}])
        doc.setdefault("sources", [{"name": "news", "url": "https://example.org/news/"}])
        path = tmp_path / "example.yaml"
        path.write_text(yaml.safe_dump(doc), "utf-8")
        cfg = load_config(path)
        assert len(routes(cfg)) == len(doc.get("channels", [{"type": "file"}]))
