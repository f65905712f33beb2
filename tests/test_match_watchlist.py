"""A large watch list file: its own size cap, the fast loader, errors still located."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.errors import ConfigError
from monitor.watch import Matcher
from monitor.yamlsource import MAX_BYTES, WATCHLIST_MAX_BYTES


def write_config(tmp_path: Path, watchlist: str) -> Path:
    (tmp_path / "orgs.yaml").write_text(watchlist, "utf-8")
    config = tmp_path / "sources.yaml"
    config.write_text("watch: orgs.yaml\n", "utf-8")
    return config


def test_a_watch_list_larger_than_the_config_cap_loads(tmp_path: Path) -> None:
    rows = [f"  - name: Org{i:05d} Holdings\n    aliases: [Org{i:05d}, ORG{i % 97}X]\n"
            f"    exclude: [Org{i:05d} Road]\n" for i in range(14_000)]
    text = "organisations:\n" + "".join(rows)
    assert len(text.encode()) > MAX_BYTES
    cfg = load_config(write_config(tmp_path, text))
    assert len(cfg.watch) == 14_000
    assert cfg.watch[123].aliases == ("Org00123", "ORG26X")
    mentions = Matcher(cfg.watch).match("", "Org13999 and ORG26X, not Org00123 Road")
    assert [m.organisation for m in mentions] == [
        o.name for o in cfg.watch if o.name == "Org13999 Holdings" or "ORG26X" in o.aliases]


def test_a_watch_list_over_its_own_cap_is_refused(tmp_path: Path) -> None:
    config = write_config(tmp_path, "organisations: []\n")
    with (tmp_path / "orgs.yaml").open("r+b") as handle:  # sparse: nothing is written
        handle.truncate(WATCHLIST_MAX_BYTES + 10)
    with pytest.raises(ConfigError, match=f"larger than {WATCHLIST_MAX_BYTES} bytes"):
        load_config(config)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("organisations:\n  - name: A\n  - aliases: [B]\n", 3, "required key is missing"),
    ("organisations:\n  - name: A\n    name: B\n", 3, "duplicate key 'name'"),
    ("organisations:\n  - name: A\n    alias: [B]\n", 3, "alias"),
    ("organisations:\n  - name: [A\n", 3, "expected"),
    ('organisations:\n  - name: A\n    aliases: ["\\udc00B"]\n', 3, "Unicode"),
])
def test_watch_list_errors_name_file_and_line(tmp_path: Path, text: str, line: int,
                                              message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        load_config(write_config(tmp_path, text))
    assert f"orgs.yaml:{line}" in str(info.value)


def test_yaml_12_scalars_in_the_watch_list(tmp_path: Path) -> None:
    cfg = load_config(write_config(tmp_path, "organisations:\n  - name: NO\n    aliases: [On, 010]\n"))
    assert cfg.watch[0].name == "NO" and cfg.watch[0].aliases == ("On", "010")


def write_json_config(tmp_path: Path, watchlist: str) -> Path:
    (tmp_path / "orgs.json").write_text(watchlist, "utf-8")
    config = tmp_path / "sources.yaml"
    config.write_text("watch: orgs.json\n", "utf-8")
    return config


def test_a_json_watch_list(tmp_path: Path) -> None:
    orgs = ",".join(f'{{"name": "Org{i} Holdings", "aliases": ["O{i}"]}}' for i in range(3000))
    cfg = load_config(write_json_config(tmp_path, '{"organisations": [' + orgs + "]}"))
    assert len(cfg.watch) == 3000 and cfg.watch[7].aliases == ("O7",)


@pytest.mark.parametrize(("text", "line", "message"), [
    ('{"organisations": [\n  {"name": "A"},\n  {"aliases": ["B"]}\n]}', 3,
     "required key is missing"),
    ('{"organisations": [\n  {"name": "A",\n   "alias": ["B"]}\n]}', 3, "alias"),
    ('{"organisations": [\n  {"name": "A"}\n  {"name": "B"}\n]}', 3, "invalid JSON"),
    ('["A"]', 1, "mapping"),
    # a lone surrogate escape: it would fail the save of every article naming the organisation
    ('{"organisations": [\n  {"name": "A"},\n  {"name": "B\\ud800"}\n]}', 3,
     "Unicode"),
])
def test_json_watch_list_errors_name_file_and_line(tmp_path: Path, text: str, line: int,
                                                   message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        load_config(write_json_config(tmp_path, text))
    assert f"orgs.json:{line}" in str(info.value)
