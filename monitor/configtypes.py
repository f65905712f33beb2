"""Value types shared by every configuration model: durations, sizes, paths, URLs, and the
strict base model that refuses unknown keys with a "did you mean" hint."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from monitor.units import format_duration, parse_duration, parse_size

MIN_INTERVAL = 10.0
MIN_DIGEST = 60.0  # a shorter digest is just a slower stream of single alerts


def _duration(value: Any) -> float:
    return parse_duration(value)


def _size(value: Any) -> int:
    return parse_size(value)


def _min_interval(value: float) -> float:
    if value < MIN_INTERVAL:
        raise ValueError(
            f"interval must be at least {format_duration(MIN_INTERVAL)}, got "
            f"{format_duration(value)}")
    return value


def _resolve_path(value: Path, info: ValidationInfo) -> Path:
    """Relative to the config file's directory, which the loader passes as context."""
    value = value.expanduser()
    base = (info.context or {}).get("base")
    return value if value.is_absolute() or base is None else Path(base) / value


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname \
            or re.search(r"[\s\x00-\x1f\x7f]", value) or len(value) > 2083:
        raise ValueError(f"must be an http(s) URL with a host, got '{value}'")
    return value


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"invalid regular expression '{value}': {exc}") from exc
    return value


def _check_env_name(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        raise ValueError(f"must be the NAME of an environment variable, got '{value}'")
    return value


def _check_name(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", value):
        raise ValueError(f"invalid name '{value}': use letters, digits, '.', '_' or '-' "
                         "(at most 64)")
    return value


def _check_digest(value: str) -> str:
    """``1h``-style period or a daily ``HH:MM`` (UTC): see notify.digest."""
    if re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", value.strip()):
        return value.strip()
    if parse_duration(value) < MIN_DIGEST:
        raise ValueError(f"digest period must be at least {format_duration(MIN_DIGEST)}")
    return value.strip()


def _check_selector(value: str) -> str:
    """Compiled once here, so a typo fails `monitor check` instead of every page later."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("<p></p>").css(value)
    except (SelectolaxError, ValueError) as exc:
        raise ValueError(f"invalid CSS selector '{value}'") from exc
    return value


def _check_headers(value: dict[str, str]) -> dict[str, str]:
    for name, text in value.items():
        if not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", name) or re.search(r"[\r\n]", text):
            raise ValueError(f"invalid HTTP header '{name}'")
    return value


Duration = Annotated[float, BeforeValidator(_duration)]
Interval = Annotated[float, BeforeValidator(_duration), AfterValidator(_min_interval)]
Size = Annotated[int, BeforeValidator(_size), Field(ge=1)]
ConfigPath = Annotated[Path, AfterValidator(_resolve_path)]
Text = Annotated[str, Field(strict=True), StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, Field(strict=True), StringConstraints(strip_whitespace=True),
                AfterValidator(_check_url)]
Regex = Annotated[str, Field(strict=True), AfterValidator(_check_regex)]
Headers = Annotated[dict[Annotated[str, Field(strict=True)], Annotated[str, Field(strict=True)]],
                    AfterValidator(_check_headers)]


class Strict(BaseModel):
    """Frozen, no extra keys; an unknown key is reported with the closest known one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _unknown_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            names = {f.alias or n for n, f in cls.model_fields.items()}
            known = sorted(names)
            for key in data:
                if key not in names:
                    close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                    hint = f"; did you mean '{close[0]}'?" if close else \
                        f"; expected one of {', '.join(known)}"
                    raise PydanticCustomError(
                        "unknown_key", "unknown key '{key}'{hint}", {"key": str(key), "hint": hint})
        return data
EnvName = Annotated[str, Field(strict=True), StringConstraints(strip_whitespace=True),
                    AfterValidator(_check_env_name)]
Name = Annotated[str, Field(strict=True), AfterValidator(_check_name)]
DigestSpec = Annotated[str, BeforeValidator(str), AfterValidator(_check_digest)]
Selector = Annotated[str, Field(strict=True), StringConstraints(strip_whitespace=True, min_length=1),
                     AfterValidator(_check_selector)]
