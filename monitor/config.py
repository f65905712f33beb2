"""sources.yaml -> a validated, frozen :class:`Config`; every error names ``file:line:key``.

Each setting is declared once below, with its default and help text (``Field(description=)``),
so ``monitor check``, the README and the tests read the same table. Unknown keys are refused
with a "did you mean" hint instead of being dropped. Relative paths resolve against the
directory of the config file. Defaults that depend on other settings (a source's ``interval``,
a file channel's ``dir``) are filled in at load time, so consumers never see ``None`` there.
"""

from __future__ import annotations

import difflib
import os
import shlex
import stat
from pathlib import Path
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from monitor.channelconfig import AnyChannelConfig, ChannelConfig, FileChannelConfig, channel_names
from monitor.configplaces import locate, located_error
from monitor.configtypes import (
    ConfigPath,
    Duration,
    Headers,
    Interval,
    Name,
    Regex,
    Selector,
    Size,
    Strict,
    Text,
    Url,
)
from monitor.errors import ConfigError
from monitor.models import ExtractRules, SourceKind
from monitor.units import format_duration, format_size
from monitor.urls import redact_url
from monitor.yamlsource import (
    WATCHLIST_MAX_BYTES,
    YamlDocument,
    load_json,
    load_yaml,
)

MAX_PAGES = 50  # further listing pages one check may follow (politeness bound)
DEFAULT_USER_AGENT = "news-monitor/0.1 (+https://github.com/news-monitor/news-monitor)"
_DURATION_FIELDS = frozenset({"interval", "timeout", "connect_timeout", "delay"})
_SIZE_FIELDS = frozenset({"max_page_bytes"})
_SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization", "x-api-key"})

M = TypeVar("M", bound=BaseModel)


class PerHost(Strict):
    """Politeness towards one host, whatever the number of sources on it."""

    concurrency: int = Field(1, ge=1, description="requests in flight per host")
    delay: Duration = Field(1.0, ge=0, description="pause between two requests to one host")


class Settings(Strict):
    """Global settings; each source may override ``interval``."""

    database: ConfigPath = Field(Path("state/archive.db"), validate_default=True,
                                 description="SQLite archive file")
    alerts_dir: ConfigPath = Field(Path("alerts"), validate_default=True,
                                   description="default directory of the file channel")
    user_agent: Text = Field(DEFAULT_USER_AGENT, description="User-Agent sent with requests")
    interval: Interval = Field(1800.0, description="default time between checks of a source")
    timeout: Duration = Field(60.0, gt=0, description="total deadline of one fetch")
    connect_timeout: Duration = Field(10.0, gt=0, description="TCP/TLS connect timeout")
    concurrency: int = Field(8, ge=1, description="requests in flight overall")
    per_host: PerHost = Field(default={}, validate_default=True, description="per-host limits")
    max_page_bytes: Size = Field(5 * 1024 * 1024, description="cap on a decompressed page")
    max_links: int = Field(200, ge=1, description="links taken from one listing page")
    max_new_articles: int = Field(
        50, ge=1, description="new articles per source per pass, for each listing page it reads")
    retries: int = Field(2, ge=0, description="retries of a transient fetch failure")
    robots: bool = Field(True, description="obey robots.txt (RFC 9309) for every request")
    baseline: bool = Field(
        True, description="a new source's first pass records its articles and alerts nobody")
    alert_on_failure: int = Field(
        5, ge=0, description="consecutive failed checks of a source that raise an operational "
        "alert (0: never)")


class Organisation(Strict):
    """A watched organisation: its canonical name and the surface forms to look for."""

    name: Text
    aliases: tuple[Text, ...] = ()
    case_sensitive: bool = False
    exclude: tuple[Text, ...] = Field((), description="phrases whose occurrences do not count")

    @property
    def terms(self) -> tuple[str, ...]:
        """The name and its aliases, once each, in the order given."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


class ArticleSelectors(Strict):
    """Optional CSS selectors for article pages; empty ones fall back to automatic."""

    title: Selector | None = None
    body: Selector | None = None
    date: Selector | None = None
    drop: tuple[Selector, ...] = ()


class SourceConfig(Strict):
    """One news source: exactly one of ``url`` (index page), ``feed`` or ``sitemap``."""

    name: Name
    url: Url | None = None
    feed: Url | None = None
    sitemap: Url | None = None
    interval: Interval | None = Field(None, description="defaults to settings.interval")
    links: Selector | None = Field(None, description="CSS selector of article links on the index")
    include: tuple[Regex, ...] = ()
    exclude: tuple[Regex, ...] = ()
    article: ArticleSelectors | None = None
    enabled: bool = True
    headers: Headers = Field(default_factory=dict)
    baseline: bool | None = Field(None, description="defaults to settings.baseline")
    pages: int = Field(0, ge=0, le=MAX_PAGES,
                       description="further index pages to follow (rel=next or page N+1)")

    @model_validator(mode="after")
    def _one_target(self) -> SourceConfig:
        given = [k for k in ("url", "feed", "sitemap") if getattr(self, k) is not None]
        if len(given) != 1:
            got = ", ".join(given) if given else "none"
            raise ValueError(f"exactly one of url, feed, sitemap is required (got {got})")
        return self

    @property
    def kind(self) -> SourceKind:
        """How the source lists its articles, from which target key is set."""
        if self.feed is not None:
            return SourceKind.FEED
        return SourceKind.SITEMAP if self.sitemap is not None else SourceKind.INDEX

    @property
    def target(self) -> str:
        """The one URL to fetch for discovery."""
        return self.url or self.feed or self.sitemap or ""

    @property
    def listing_pages(self) -> int:
        """Listing pages a check reads: the first and ``pages`` more. The per-pass caps
        (max_links, max_new_articles) count per listing page, so a source paging through
        its index is not cut to one page's worth."""
        return 1 + self.pages

    @property
    def rules(self) -> ExtractRules | None:
        """The article selectors as the extractor's record, or None when automatic."""
        a = self.article
        return None if a is None else ExtractRules(a.title, a.body, a.date, a.drop)

    def effective_baseline(self, settings: Settings) -> bool:
        """Whether this source's first pass stays silent."""
        return settings.baseline if self.baseline is None else self.baseline

    def effective_interval(self, settings: Settings) -> float:
        """Seconds between checks (``load_config`` already fills ``interval``)."""
        return self.interval if self.interval is not None else settings.interval


class ConfigFile(Strict):
    """The document as written in sources.yaml."""

    settings: Settings = Field(default={}, validate_default=True)
    watch: tuple[Organisation, ...] = ()
    channels: tuple[ChannelConfig, ...] = Field(default=({"type": "file"},),
                                                validate_default=True)
    sources: tuple[SourceConfig, ...] = ()

    @field_validator("channels")
    @classmethod
    def _channel_dirs(cls, value: tuple[AnyChannelConfig, ...],
                      info: ValidationInfo) -> tuple[AnyChannelConfig, ...]:
        settings = info.data.get("settings")
        if not isinstance(settings, Settings):
            return value
        return tuple(c.model_copy(update={"dir": settings.alerts_dir})
                     if isinstance(c, FileChannelConfig) and c.dir is None else c for c in value)

    @field_validator("sources")
    @classmethod
    def _source_intervals(cls, value: tuple[SourceConfig, ...],
                          info: ValidationInfo) -> tuple[SourceConfig, ...]:
        settings = info.data.get("settings")
        if not isinstance(settings, Settings):
            return value
        return tuple(s if s.interval is not None
                     else s.model_copy(update={"interval": settings.interval}) for s in value)


class Config(ConfigFile):
    """The loaded configuration, with the absolute path of the file it came from."""

    path: Path


class WatchFile(Strict):
    """A separate watch list file (``watch: path.yaml``), as in fixtures/watchlist.yaml."""

    organisations: tuple[Organisation, ...] = ()


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a config file; raise ConfigError naming ``file:line:key``."""
    doc = load_yaml(Path(path))
    data = _top_mapping(doc)
    base = Path(path).resolve().parent
    if isinstance(data.get("watch"), str):
        data = {**data, "watch": _load_watchlist(data["watch"], doc, base)}
    parsed = _validate(ConfigFile, doc, data, base)
    _check_duplicates(parsed, doc)
    _check_channel_filters(parsed, doc)
    fields = {name: getattr(parsed, name) for name in ConfigFile.model_fields}
    return Config.model_validate({**fields, "path": Path(path).resolve()})


def check_permissions(path: str | os.PathLike[str]) -> None:
    """Refuse a config file or directory others can write (T49): it decides what we fetch
    and where alerts go. A sticky directory (/tmp) is fine: others cannot replace our file.
    A clone made under umask 000 trips this; the message says the one command that fixes it."""
    if os.name != "posix":
        return
    target = Path(path).resolve()
    for item, is_dir in ((target, False), (target.parent, True)):
        mode = item.stat().st_mode
        if mode & 0o022 and not (is_dir and mode & stat.S_ISVTX):
            raise ConfigError(f"{item} is group- or world-writable (mode {mode & 0o777:o}), so "
                              f"anyone could change what this monitor fetches; run: chmod go-w "
                              f"{shlex.quote(str(item))}", path=str(path))


def _top_mapping(doc: YamlDocument) -> dict[str, Any]:
    if doc.data is None:
        raise ConfigError("empty configuration", path=doc.path, line=1)
    if not isinstance(doc.data, dict):
        line = doc.root.start_mark.line + 1 if doc.root is not None else 1
        raise ConfigError("the top level must be a mapping of keys", path=doc.path, line=line)
    return doc.data


def _validate(model: type[M], doc: YamlDocument, data: dict[str, Any], base: Path) -> M:
    try:
        return model.model_validate(data, context={"base": base})
    except ValidationError as exc:
        raise located_error(exc, doc) from None


def _load_watchlist(ref: str, doc: YamlDocument, base: Path) -> tuple[Organisation, ...]:
    """``watch: file.yaml`` -> the organisations listed in that file (relative to the config)."""
    target = Path(ref).expanduser()
    target = target if target.is_absolute() else base / target
    if not target.is_file():
        where = locate(doc.root, ("watch",))
        raise ConfigError(f"watch list file not found: {target}", path=doc.path,
                          line=where.line, key="watch")
    if target.suffix.lower() == ".json":
        return _load_json_watchlist(target)
    wdoc = load_yaml(target, max_bytes=WATCHLIST_MAX_BYTES, fast=True)
    return _validate(WatchFile, wdoc, _top_mapping(wdoc), target.parent).organisations


def _load_json_watchlist(target: Path) -> tuple[Organisation, ...]:
    """A JSON watch list loads fastest; only on an error is it parsed again as YAML (JSON
    is YAML), to name the line of each problem."""
    data = load_json(target, max_bytes=WATCHLIST_MAX_BYTES)
    try:
        if not isinstance(data, dict):
            raise ConfigError("the top level must be a mapping of keys", path=str(target), line=1)
        return WatchFile.model_validate(data, context={"base": target.parent}).organisations
    except ValidationError as exc:
        wdoc = load_yaml(target, max_bytes=WATCHLIST_MAX_BYTES, fast=True)
        raise located_error(exc, wdoc) from None


def _check_duplicates(cfg: ConfigFile, doc: YamlDocument) -> None:
    """Source, organisation and channel names must be unique (case-insensitively)."""
    groups = (("sources", [s.name for s in cfg.sources]), ("watch", [o.name for o in cfg.watch]),
              ("channels", list(channel_names(cfg.channels))))
    for field, names in groups:
        seen: dict[str, int] = {}
        for index, original in enumerate(names):
            name = original.casefold()
            if name in seen:
                where = locate(doc.root, (field, index, "name"))
                raise ConfigError(
                    f"duplicate name '{original}' (also {field}[{seen[name]}])",
                    path=doc.path, line=where.line, key=where.key)
            seen[name] = index


def _check_channel_filters(cfg: ConfigFile, doc: YamlDocument) -> None:
    """A channel filter naming an organisation or source that does not exist is a typo that
    would silently mute the channel: refuse it."""
    known = {"organisations": {o.name for o in cfg.watch}, "sources": {s.name for s in cfg.sources}}
    for index, channel in enumerate(cfg.channels):
        for field, names in (("organisations", channel.organisations),
                             ("sources", channel.sources)):
            for position, name in enumerate(names):
                if name not in known[field]:
                    where = locate(doc.root, ("channels", index, field, position))
                    close = difflib.get_close_matches(name, sorted(known[field]), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    raise ConfigError(f"no {field[:-1]} named '{name}'{hint}", path=doc.path,
                                      line=where.line, key=where.key)


def dump_config(cfg: Config) -> dict[str, Any]:
    """A JSON-able view for ``monitor check --json``: durations as "30m", secrets redacted."""
    out = _dump_model(cfg)
    for source, model in zip(out["sources"], cfg.sources, strict=True):
        source["kind"] = model.kind.value
        source["headers"] = {k: "***" if k.lower() in _SECRET_HEADERS else v
                             for k, v in model.headers.items()}
    return out


def _dump_model(model: BaseModel) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if value is not None and name in _DURATION_FIELDS:
            out[name] = format_duration(value)
        elif value is not None and name in _SIZE_FIELDS:
            out[name] = format_size(value)
        else:
            out[name] = _dump_value(name, value)
    return out


def _dump_value(name: str, value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _dump_model(value)
    if isinstance(value, tuple):
        return [_dump_value(name, item) for item in value]
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, str) and name in ("url", "feed", "sitemap"):
        return redact_url(value)
    if isinstance(value, str) and name == "urls":  # Apprise URLs carry their tokens
        return value.split("://", 1)[0] + "://***"
    return value
