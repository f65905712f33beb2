"""Config loading: every bad input names file:line:key; units parse and round-trip."""

from __future__ import annotations

import itertools
import json
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor.config import Config, check_permissions, dump_config, load_config
from monitor.errors import ConfigError
from monitor.models import ExtractRules, SourceKind
from monitor.units import format_duration, format_size, parse_duration, parse_size

from .conftest import FIXTURES

REPO = Path(__file__).resolve().parent.parent
WATCHLIST = FIXTURES / "watchlist.yaml"

OK_SOURCE = "sources:\n  - name: a\n    url: https://a.example/news/\n"


def load_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str | bytes) -> Config:
    """Write ``sources.yaml`` in a temp dir and load it by its relative name."""
    target = tmp_path / "sources.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_config("sources.yaml")


def assert_located(err: ConfigError, line: int, key: str | None, message: str) -> None:
    text = str(err)
    assert text.startswith(f"sources.yaml:{line}:"), text
    if key:
        assert f" {key}: " in text.splitlines()[0], text
    assert message in text, text
    assert err.line == line


# (yaml, line, key, message)
SYNTAX = [
    ("settings:\n  interval: 30m\n   timeout: 60s\n", 3, None, "mapping values are not allowed"),
    ("settings:\n\tinterval: 30m\n", 2, None, "'\\t'"),
    ('settings:\n  user_agent: "abc\n', 3, None, "while scanning a quoted scalar at line 2"),
    ("sources: [\n", 2, None, "expected"),
    ("", 1, None, "empty configuration"),
    ("# only a comment\n", 1, None, "empty configuration"),
    ("- a\n- b\n", 1, None, "top level must be a mapping"),
    ("a: 1\n---\nb: 2\n", 2, None, "expected a single document"),
]


@pytest.mark.parametrize(("text", "line", "key", "message"), SYNTAX)
def test_syntax_errors_are_located(tmp_path, monkeypatch, text, line, key, message):
    """T47: malformed YAML (indentation, tab, unclosed quote) -> sources.yaml:LINE: problem."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, text)
    assert_located(info.value, line, key, message)
    assert info.value.exit_code == 2


SEMANTIC = [
    ("settings:\n  intreval: 30m\n", 2, "settings.intreval", "did you mean 'interval'?"),
    (OK_SOURCE + "    intervl: 1h\n", 4, "sources[0].intervl", "did you mean 'interval'?"),
    ("sorces: []\n", 1, "sorces", "did you mean 'sources'?"),
    ("settings:\n  interval: ten\n", 2, "settings.interval", "invalid duration 'ten'"),
    (OK_SOURCE + "    interval: 1 hour\n", 4, "sources[0].interval", "invalid duration '1 hour'"),
    (OK_SOURCE + "    interval: 0\n", 4, "sources[0].interval", "at least 10s"),
    (OK_SOURCE + "    interval: -5\n", 4, "sources[0].interval", "invalid duration"),
    (OK_SOURCE + "    interval: 5s\n", 4, "sources[0].interval", "at least 10s"),
    ("settings:\n  per_host:\n    delay: soon\n", 3, "settings.per_host.delay", "invalid duration"),
    ("settings:\n  concurrency: many\n", 2, "settings.concurrency", "valid integer"),
    ("settings:\n  concurrency: 0\n", 2, "settings.concurrency", "greater than or equal to 1"),
    ("settings:\n  max_page_bytes: 5XB\n", 2, "settings.max_page_bytes", "invalid size '5XB'"),
    (OK_SOURCE + "    enabled: maybe\n", 4, "sources[0].enabled", "valid boolean"),
    ("settings: [1]\n", 1, "settings", "expected a mapping"),
    ("sources: {a: 1}\n", 1, "sources", "expected a list"),
    (OK_SOURCE + "  - name: a\n    feed: https://b.example/rss\n", 4, "sources[1].name",
     "duplicate name 'a'"),
    ("sources:\n  - name: a\n", 2, "sources[0]", "exactly one of url, feed, sitemap"),
    (OK_SOURCE + "    feed: https://a.example/rss\n", 2, "sources[0]", "(got url, feed)"),
    ("sources:\n  - url: https://a.example/\n", 2, "sources[0].name", "required key is missing"),
    ("sources:\n  - name: ''\n    url: https://a.example/\n", 2, "sources[0].name", "empty"),
    ("sources:\n  - name: a\n    url: ftp://a.example/\n", 3, "sources[0].url", "http(s) URL"),
    ("sources:\n  - name: a\n    url: https:///path\n", 3, "sources[0].url", "with a host"),
    (OK_SOURCE + "    include: ['ok', '(']\n", 4, "sources[0].include[1]",
     "invalid regular expression"),
    (OK_SOURCE + "    article: {title: h1, bdy: div}\n", 4, "sources[0].article.bdy",
     "did you mean 'body'?"),
    (OK_SOURCE + "    headers: {X-Token: 1}\n", 4, "sources[0].headers.X-Token", "quote it"),
    ("watch:\n  - name: false\n", 2, "watch[0].name", 'quote it if you mean the text: "false"'),
    ("watch:\n  - name: 123\n", 2, "watch[0].name", "expected text, got a number"),
    ("watch:\n  - name: X\n    aliases: [true]\n", 3, "watch[0].aliases[0]", "quote it"),
    ("watch:\n  - aliases: [X]\n", 2, "watch[0].name", "required key is missing"),
    ("watch:\n  - name: X\n  - name: x\n", 3, "watch[1].name", "duplicate name"),
    ("channels:\n  - type: pager\n", 2, "channels[0].type", "unknown type 'pager'"),
    ("channels:\n  - dir: x\n", 2, "channels[0].type", "required key is missing"),
    ("channels:\n  - type: file\n    dri: x\n", 3, "channels[0].dri", "did you mean 'dir'?"),
    ("watch: missing.yaml\n", 1, "watch", "watch list file not found"),
]


@pytest.mark.parametrize(("text", "line", "key", "message"), SEMANTIC)
def test_semantic_errors_name_the_key(tmp_path, monkeypatch, text, line, key, message):
    """T48: unknown keys (with a hint), wrong types, bad intervals, duplicates -> file:line:key."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, text)
    assert_located(info.value, line, key, message)


ENCODING_AND_KEYS = [
    (b"settings:\n  interval: 1h\n  interval: 2h\n", 3, "settings.interval", "duplicate key"),
    (OK_SOURCE.encode() + b"    url: https://b.example/\n", 4, "sources[0].url", "duplicate key"),
    (b"settings:\n  user_agent: caf\xe9\n", 2, None, "not valid UTF-8"),
    (b"\xff\xfes\x00", 1, None, "not valid UTF-8"),
    (b"settings:\n  user_agent: a\x07b\n", 2, None, "unacceptable character"),
    # a lone surrogate escape: UTF-8 cannot hold it, so every save and alert naming it would
    # fail (the archive and every channel store and send UTF-8); refused where it is written
    (b'watch:\n  - name: ok\n    aliases: ["x\\ud800"]\n', 3, "watch[0].aliases[0]",
     "unicode string"),
]


@pytest.mark.parametrize(("data", "line", "key", "message"), ENCODING_AND_KEYS)
def test_duplicate_keys_and_encodings(tmp_path, monkeypatch, data, line, key, message):
    """T48: duplicate YAML keys (PyYAML keeps the last silently) and non-UTF-8 files."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, data)
    assert_located(info.value, line, key, message)


def test_yaml11_booleans_stay_text(tmp_path, monkeypatch):
    """T48: `NO`/`On` as names stay strings; only true/false are booleans (YAML 1.2 style)."""
    cfg = load_text(tmp_path, monkeypatch, """\
        watch:
          - name: NO
            aliases: [On, yes, Off]
        sources:
          - name: a
            url: https://a.example/
            enabled: false
        """)
    assert cfg.watch[0].name == "NO"
    assert cfg.watch[0].aliases == ("On", "yes", "Off")
    assert cfg.sources[0].enabled is False


def test_utf8_bom_is_accepted(tmp_path, monkeypatch):
    """T48: a UTF-8 BOM (Windows editors) is accepted."""
    cfg = load_text(tmp_path, monkeypatch, "\ufeff".encode() + OK_SOURCE.encode())
    assert cfg.sources[0].name == "a"


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    names = "abcdefghi"
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


HOSTILE = [
    ("settings: !!python/object/apply:os.system ['echo hi']\n", 1, "python tags are not allowed"),
    ("settings: !!python/name:os.system\n", 1, "could not determine a constructor"),
    (billion_laughs(), 1, "aliases expand to more than"),
    ("x: &x 1\ny: [" + ", ".join(["*x"] * 150) + "]\n", 2, "too many aliases"),
    ("a: &a [*a]\n", 1, "recursive alias"),
    ("a: " + "[" * 3000 + "]" * 3000 + "\n", 1, "nested too deeply"),
]


@pytest.mark.parametrize(("text", "line", "message"), HOSTILE)
def test_hostile_documents_are_rejected(tmp_path, monkeypatch, text, line, message):
    """T49: python tags (CVE-2017-18342) and billion-laughs aliases (pyyaml #235) are refused."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, text)
    assert_located(info.value, line, None, message)


def test_oversized_file_is_rejected(tmp_path, monkeypatch):
    """T49: a size cap (1 MiB) bounds what the parser is given."""
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, b"# " + b"x" * (1024 * 1024))
    assert_located(info.value, 1, None, "larger than")


def test_url_credentials_and_secret_headers_are_redacted(tmp_path, monkeypatch):
    """T49: URL userinfo and credential headers never appear in dump_config output."""
    cfg = load_text(tmp_path, monkeypatch, """\
        sources:
          - name: a
            feed: https://bot:hunter2@a.example/rss
            headers: {Authorization: Bearer s3cret, Accept-Language: en}
        """)
    dumped = json.dumps(dump_config(cfg))
    assert "hunter2" not in dumped and "s3cret" not in dumped
    assert dump_config(cfg)["sources"][0]["headers"]["Accept-Language"] == "en"


def test_several_errors_first_line_is_earliest(tmp_path, monkeypatch):
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, "settings:\n  timeout: x\n  retries: -1\n")
    lines = str(info.value).splitlines()
    assert lines[0].startswith("sources.yaml:2: settings.timeout:")
    assert lines[1].startswith("sources.yaml:3: settings.retries:")


def test_repo_sources_yaml_loads():
    cfg = load_config(REPO / "sources.yaml")
    assert len(cfg.sources) >= 3
    assert {s.kind for s in cfg.sources} == set(SourceKind)
    assert len(cfg.watch) >= 4 and cfg.channels[0].type == "file"
    assert all(s.interval is not None and s.interval >= 10 for s in cfg.sources)
    json.dumps(dump_config(cfg))


def test_watch_may_reference_the_fixture_watchlist(tmp_path, monkeypatch):
    cfg = load_text(tmp_path, monkeypatch, f"watch: {WATCHLIST}\n" + OK_SOURCE)
    names = [o.name for o in cfg.watch]
    assert names == ["China Haisum", "Poly Group", "SIMIA", "Poly Sinolight"]
    assert "Sinolight" in cfg.watch[3].aliases


def test_watch_file_relative_and_its_errors_name_that_file(tmp_path, monkeypatch):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "orgs.yaml").write_text("organisations:\n  - name: A\n    alias: [B]\n")
    with pytest.raises(ConfigError) as info:
        load_text(tmp_path, monkeypatch, "watch: lists/orgs.yaml\n")
    assert str(info.value).startswith(str(tmp_path / "lists" / "orgs.yaml") + ":3: ")
    assert "organisations[0].alias" in str(info.value)
    assert "did you mean 'aliases'?" in str(info.value)


def test_defaults_paths_and_derived_fields(tmp_path, monkeypatch):
    cfg = load_text(tmp_path, monkeypatch, """\
        settings: {interval: 45m, alerts_dir: out}
        sources:
          - name: idx
            url: https://a.example/news/
            links: "ul.newslist a"
            article: {title: div.title, drop: [.share]}
          - name: sm
            sitemap: https://a.example/sitemap.xml
            interval: 2h
        """)
    assert cfg.path == tmp_path / "sources.yaml"
    assert cfg.settings.database == tmp_path / "state" / "archive.db"
    assert cfg.channels[0].dir == tmp_path / "out"
    assert cfg.watch == ()
    idx, sm = cfg.sources
    assert (idx.kind, idx.interval) == (SourceKind.INDEX, 2700)
    assert idx.target == "https://a.example/news/"
    assert idx.rules == ExtractRules(title="div.title", drop=(".share",))
    assert (sm.kind, sm.interval, sm.rules) == (SourceKind.SITEMAP, 7200, None)
    assert sm.effective_interval(cfg.settings) == 7200
    dumped = dump_config(cfg)
    assert dumped["settings"]["interval"] == "45m"
    assert dumped["settings"]["max_page_bytes"] == "5MB"
    assert dumped["sources"][1]["interval"] == "2h" and dumped["sources"][1]["kind"] == "sitemap"


def test_config_is_frozen(tmp_path, monkeypatch):
    cfg = load_text(tmp_path, monkeypatch, OK_SOURCE)
    with pytest.raises(ValueError):
        cfg.sources[0].name = "b"  # type: ignore[misc]


DURATIONS = [
    ("90s", 90), ("30m", 1800), ("1h", 3600), ("1d", 86400), ("1h30m", 5400),
    ("1h 30m", 5400), ("500ms", 0.5), ("1.5h", 5400), ("45", 45), (90, 90), (2.5, 2.5),
]


@pytest.mark.parametrize(("text", "seconds"), DURATIONS)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("bad", ["1 hour", "ten", "", "h", "1h-5m", "-5m", -1, True, "1x"])
def test_parse_duration_rejects(bad):
    with pytest.raises(ValueError, match="invalid duration"):
        parse_duration(bad)


SIZES = [("5MB", 5 * 1024**2), ("512KB", 512 * 1024), ("1GiB", 1024**3), ("1 mb", 1024**2),
         ("100", 100), (4096, 4096), ("1.5KB", 1536)]


@pytest.mark.parametrize(("text", "size"), SIZES)
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("bad", ["5XB", "MB", "", "-1KB", -1, True, "5 M B"])
def test_parse_size_rejects(bad):
    with pytest.raises(ValueError, match="invalid size"):
        parse_size(bad)


@given(st.integers(min_value=0, max_value=10**9))
def test_duration_round_trip(millis):
    assert parse_duration(format_duration(millis / 1000)) == pytest.approx(millis / 1000)


@given(st.integers(min_value=1, max_value=2**40))
def test_size_round_trip(size):
    assert parse_size(format_size(size)) == size


def test_writable_config_is_refused(tmp_path):
    """T49: a group/world-writable config (or its directory) is refused by check_permissions."""
    target = tmp_path / "sources.yaml"
    target.write_text(OK_SOURCE)
    tmp_path.chmod(0o755)
    target.chmod(0o644)
    check_permissions(target)
    target.chmod(0o666)
    with pytest.raises(ConfigError, match="world-writable"):
        check_permissions(target)
